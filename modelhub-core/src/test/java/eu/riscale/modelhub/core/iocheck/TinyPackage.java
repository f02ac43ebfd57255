package eu.riscale.modelhub.core.iocheck;

import eu.riscale.modelhub.core.description.Descriptions;
import eu.riscale.modelhub.core.resource.ResourceRoot;
import eu.riscale.modelhub.core.resource.ResourceSettings;
import eu.riscale.modelhub.core.tensor.Npy;
import eu.riscale.modelhub.core.tensor.Tensor;
import eu.riscale.modelhub.spec.ModelDescr;
import eu.riscale.modelhub.spec.tensor.DType;
import eu.riscale.modelhub.spec.validation.Diagnostic;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A small model package written into a test folder: {@code rdf.yaml}, test tensors and a weights file. */
final class TinyPackage {
    /**
     * One input {@code x} (batch, channel c, y of min 8 step 4) and one output {@code y} whose y axis is x.y + 2;
     * {@code %INPUT_DATA%}, {@code %OUTPUT_AXES_EXTRA%}, {@code %CONFIG%} are replaced by the tests.
     */
    static final String YAML = """
            format_version: 0.5.4
            type: model
            name: tiny model
            description: a model for I/O checks
            authors: [{name: Test Author}]
            cite: [{text: a paper, doi: 10.1234/abcd}]
            license: MIT
            documentation: README.md
            inputs:
              - id: x
                axes:
                  - type: batch
                  - type: channel
                    channel_names: [c]
                  - type: space
                    id: y
                    size: {min: 8, step: 4}
                test_tensor: {source: in.npy}
                %INPUT_DATA%
            outputs:
              - id: y
                axes:
                  - type: batch
                  - type: channel
                    channel_names: [c]
                  - type: space
                    id: y
                    size: {tensor_id: x, axis_id: y, offset: 2}
                  %OUTPUT_AXES_EXTRA%
                test_tensor: {source: out.npy}
            weights:
              torchscript:
                source: weights.pt
                pytorch_version: "2.0"
            %CONFIG%
            """;

    private TinyPackage() {}

    static Path write(Path dir, String yaml) throws Exception {
        Files.writeString(
                dir.resolve("rdf.yaml"),
                yaml.replace("%INPUT_DATA%", "")
                        .replace("%OUTPUT_AXES_EXTRA%", "")
                        .replace("%CONFIG%", ""));
        Files.writeString(dir.resolve("README.md"), "# Tiny\n\n## Validation\n\nNone.\n");
        Files.write(dir.resolve("weights.pt"), new byte[] {1, 2, 3});
        return dir;
    }

    static void npy(Path file, float[] values, int... shape) throws Exception {
        Npy.write(Tensor.of(values, shape, axes(shape.length)), file);
    }

    static void npy(Path file, DType dtype, Object values, int... shape) throws Exception {
        Npy.write(Tensor.of(dtype, values, shape, axes(shape.length)), file);
    }

    static float[] ramp(int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = i + 1;
        }
        return v;
    }

    private static List<String> axes(int n) {
        return java.util.stream.IntStream.range(0, n).mapToObj(i -> "d" + i).toList();
    }

    static ResourceSettings offline(Path cache) {
        return ResourceSettings.builder().cacheDir(cache).offline(true).build();
    }

    /** Opens the folder, reads its description and runs the I/O checks. */
    static List<Diagnostic> check(Path dir, Path cache) throws Exception {
        try (ResourceRoot root = ResourceRoot.open(dir, offline(cache))) {
            ModelDescr model;
            try (InputStream in = root.description().open()) {
                model = Descriptions.read(in, root.description().location());
            }
            return IoValidation.check(model, root);
        }
    }

    static String text(Path file) throws Exception {
        return Files.readString(file, StandardCharsets.UTF_8);
    }
}
