package eu.riscale.modelhub.cli;

import eu.riscale.modelhub.spec.Conformance;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A small format 0.4 description of the project's example model (its ONNX weights), written by the tests into a
 * folder with copies of the example's files; it does not need the shared conformance material.
 */
final class SmallV04Model {
    /** The description; the network is the example's U-Net, whose ONNX export has a fixed batch size of 1. */
    static final String YAML = """
            format_version: 0.4.10
            type: model
            name: nuclei example as format 0.4
            description: the ONNX weights of the project's example model, described in format 0.4
            authors: [{name: modelhub-java tests}]
            cite: [{text: 'Ronneberger et al., U-net, MICCAI 2015', doi: 10.1007/978-3-319-24574-4_28}]
            license: MIT
            documentation: README.md
            timestamp: 2024-05-01T00:00:00
            inputs:
              - name: raw
                axes: bcyx
                data_type: float32
                shape: [1, 1, 512, 512]
                preprocessing:
                  - name: zero_mean_unit_variance
                    kwargs: {mode: per_sample, axes: yx}
            outputs:
              - name: probability
                axes: bcyx
                data_type: float32
                shape: {reference_tensor: raw, scale: [1, 1, 1, 1], offset: [0, 0, 0, 0]}
                halo: [0, 0, 32, 32]
                postprocessing:
                  - name: sigmoid
            test_inputs: [test_input.npy]
            test_outputs: [test_output.npy]
            weights:
              onnx:
                source: weights.onnx
                opset_version: 20
            """;

    private SmallV04Model() {}

    /** {@return the project's example model folder} */
    static Path example() {
        return Conformance.buildRoot().resolve("examples/unet2d-nuclei");
    }

    /**
     * Writes the description as {@code rdf.yaml} into a folder, with the files it refers to.
     *
     * @return the description file
     */
    static Path write(Path folder) throws IOException {
        Files.createDirectories(folder);
        for (String name : new String[] {"README.md", "test_input.npy", "test_output.npy", "weights.onnx"}) {
            Files.copy(example().resolve(name), folder.resolve(name));
        }
        return Files.writeString(folder.resolve("rdf.yaml"), YAML);
    }
}
