package eu.riscale.modelhub.core.modeltest;

import static org.assertj.core.api.Assertions.assertThat;

import eu.riscale.modelhub.core.description.Descriptions;
import eu.riscale.modelhub.core.inference.InferenceBackend;
import eu.riscale.modelhub.core.resource.ResourceRoot;
import eu.riscale.modelhub.core.resource.ResourceSettings;
import eu.riscale.modelhub.core.tensor.Tensor;
import eu.riscale.modelhub.spec.Conformance;
import eu.riscale.modelhub.spec.ModelDescr;
import eu.riscale.modelhub.spec.weights.WeightsFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShapesCheckTest {
    @TempDir
    Path tmp;

    /** The nuclei model with a free batch axis and y, x parameterized as min 64, step 16. */
    private static String parameterizedYaml() throws Exception {
        String yaml = Files.readString(Conformance.model("unet2d_nuclei_broad").resolve("bioimageio.yaml"))
                .replace("\r\n", "\n");
        return yaml.replace("      - type: batch\n        size: 1\n", "      - type: batch\n")
                .replace("      - size: 512\n", "      - size: {min: 64, step: 16}\n");
    }

    @Test
    void sizesFollowTheSizeParameterAndTheBatchSize() throws Exception {
        ModelDescr model = Descriptions.parse(parameterizedYaml());
        assertThat(ShapesCheck.sizeParameters(model)).containsExactly(0, 1, 2);
        assertThat(ShapesCheck.batchSizes(model)).containsExactly(1, 2);
        assertThat(ShapesCheck.inputSizes(model, 2, 2))
                .isEqualTo(Map.of("raw", Map.of("batch", 2, "channel", 1, "y", 96, "x", 96)));
        ModelDescr fixed = Descriptions.parse(
                Files.readString(Conformance.model("unet2d_nuclei_broad").resolve("bioimageio.yaml")));
        assertThat(ShapesCheck.sizeParameters(fixed)).containsExactly(0);
        assertThat(ShapesCheck.batchSizes(fixed)).containsExactly(1);
    }

    @Test
    void resizeCentreCropsAndEdgePads() {
        Tensor t = Tensor.of(new float[] {1, 2, 3, 4, 5}, new int[] {1, 5}, List.of("y", "x"));
        assertThat(ShapesCheck.resize(t, Map.of("x", 3)).toFloatArray()).containsExactly(2, 3, 4);
        assertThat(ShapesCheck.resize(t, Map.of("x", 8)).toFloatArray()).containsExactly(1, 1, 2, 3, 4, 5, 5, 5);
        assertThat(ShapesCheck.resize(t, Map.of("y", 2)).shape()).containsExactly(2, 5);
    }

    @Test
    void everySizeRunsAndWrongOutputShapesAreReportedPerAxis() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("m"));
        for (String f : List.of("test_input.npy", "test_output.npy")) {
            Files.copy(Conformance.model("unet2d_nuclei_broad").resolve(f), dir.resolve(f));
        }
        Files.writeString(dir.resolve("rdf.yaml"), parameterizedYaml());
        ModelDescr model = Descriptions.parse(parameterizedYaml());
        List<int[]> seen = new ArrayList<>();
        try (ResourceRoot root = ResourceRoot.open(dir, ResourceSettings.defaults())) {
            FakeBackend echo = new FakeBackend(Set.of(WeightsFormat.ONNX), UnaryOperator.identity());
            try (InferenceBackend.Session s = echo.open(model, root, WeightsFormat.ONNX)) {
                InferenceBackend.Session recording = recording(s, seen);
                TestDetail ok = ShapesCheck.run(model, root, WeightsFormat.ONNX, recording, Map.of());
                assertThat(ok.status()).as(ok.errors().toString()).isEqualTo(DetailStatus.PASSED);
                assertThat(seen)
                        .containsExactly(
                                new int[] {1, 1, 64, 64},
                                new int[] {2, 1, 64, 64},
                                new int[] {1, 1, 80, 80},
                                new int[] {2, 1, 80, 80},
                                new int[] {1, 1, 96, 96},
                                new int[] {2, 1, 96, 96});
                InferenceBackend.Session cropping = new InferenceBackend.Session() {
                    @Override
                    public Map<String, Tensor> predict(Map<String, Tensor> inputs) throws java.io.IOException {
                        Tensor out = s.predict(inputs).get("probability");
                        return Map.of("probability", out.crop("x", 0, out.size("x") - 1));
                    }

                    @Override
                    public void close() {}
                };
                TestDetail bad = ShapesCheck.run(model, root, WeightsFormat.ONNX, cropping, Map.of());
                assertThat(bad.status()).isEqualTo(DetailStatus.FAILED);
                assertThat(bad.errors()).hasSize(6);
                assertThat(bad.errors().get(0).describe())
                        .isEqualTo("outputs.0.axes.3: n=0, batch size 1: output 'probability' has size 63 along 'x',"
                                + " expected 64");
            }
        }
    }

    @Test
    void theCaseOfTheUnchangedTestInputsChecksTheReproducedOutputsInsteadOfPredictingAgain() throws Exception {
        Path dir = Conformance.model("unet2d_nuclei_broad");
        ModelDescr model = Descriptions.parse(Files.readString(dir.resolve("bioimageio.yaml")));
        List<int[]> seen = new ArrayList<>();
        try (ResourceRoot root = ResourceRoot.open(dir, ResourceSettings.defaults())) {
            FakeBackend echo = new FakeBackend(Set.of(WeightsFormat.ONNX), UnaryOperator.identity());
            try (InferenceBackend.Session s = echo.open(model, root, WeightsFormat.ONNX)) {
                InferenceBackend.Session recording = recording(s, seen);
                Map<String, Tensor> reproduced = s.predict(ModelTests.testInputs(model, root));
                // fixed sizes, batch fixed at 1: the only case is the test input as it is
                TestDetail reused = ShapesCheck.run(model, root, WeightsFormat.ONNX, recording, reproduced);
                assertThat(reused.status()).as(reused.errors().toString()).isEqualTo(DetailStatus.PASSED);
                assertThat(seen).isEmpty();
                // the reproduced outputs are what is checked: a wrong shape among them fails the check
                Tensor p = reproduced.get("probability");
                TestDetail bad = ShapesCheck.run(
                        model,
                        root,
                        WeightsFormat.ONNX,
                        recording,
                        Map.of("probability", p.crop("x", 0, p.size("x") - 1)));
                assertThat(bad.errors())
                        .extracting(d -> d.describe())
                        .containsExactly("outputs.0.axes.3: n=0, batch size 1: output 'probability' has size 511"
                                + " along 'x', expected 512");
                assertThat(seen).isEmpty();
                // without reproduced outputs (the reproduction failed) it predicts
                TestDetail predicted = ShapesCheck.run(model, root, WeightsFormat.ONNX, recording, Map.of());
                assertThat(predicted.status()).isEqualTo(DetailStatus.PASSED);
                assertThat(seen).containsExactly(new int[] {1, 1, 512, 512});
            }
        }
    }

    /** A session that records the shape of each input {@code raw} it is given and answers as {@code s}. */
    private static InferenceBackend.Session recording(InferenceBackend.Session s, List<int[]> seen) {
        return new InferenceBackend.Session() {
            @Override
            public Map<String, Tensor> predict(Map<String, Tensor> inputs) throws java.io.IOException {
                seen.add(inputs.get("raw").shape());
                return s.predict(inputs);
            }

            @Override
            public void close() {}
        };
    }
}
