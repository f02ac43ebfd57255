package eu.riscale.modelhub.core.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import eu.riscale.modelhub.core.resource.ResourceSettings;
import eu.riscale.modelhub.core.tensor.Npy;
import eu.riscale.modelhub.spec.Conformance;
import eu.riscale.modelhub.spec.config.ReproducibilityTolerance;
import eu.riscale.modelhub.spec.weights.WeightsFormat;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SDK with the ONNX engine only, as a consumer of modelhub-engine-onnx gets it. Runs in its own surefire execution
 * without PyTorch on the class path (modelhub-core/pom.xml, execution {@code onnx-only}).
 */
class OnnxOnlyTest {
    private static final List<String> AXES = List.of("batch", "channel", "y", "x");
    private static final Path EXAMPLE = Conformance.buildRoot().resolve("examples/unet2d-nuclei");

    @TempDir
    Path temp;

    @BeforeAll
    static void onlyInTheOnnxOnlyExecution() {
        // elsewhere PyTorch is on the class path and this class is excluded; -Dtest=OnnxOnlyTest lands here
        assumeTrue(
                Boolean.getBoolean("modelhub.onnxOnly"),
                "runs in the surefire execution onnx-only of modelhub-core, which leaves PyTorch out");
    }

    private ResourceSettings settings() {
        return ResourceSettings.builder().cacheDir(temp).offline(true).build();
    }

    @Test
    void pytorchIsAbsentHere() {
        assertThatThrownBy(() -> Class.forName("ai.djl.pytorch.engine.PtEngine"))
                .isInstanceOf(ClassNotFoundException.class);
    }

    @Test
    void defaultOrderRunsTheOnnxWeights() throws Exception {
        try (LoadedModel model = LoadedModel.open(EXAMPLE, PredictionOptions.defaults(), settings())) {
            assertThat(model.weightsFormat()).isEqualTo(WeightsFormat.ONNX);
            assertThat(model.pipeline().engineName()).isEqualTo("OnnxRuntime");
            Reproduction.assertClose(
                    model.predict(Npy.read(EXAMPLE.resolve("test_input.npy"), AXES)),
                    Npy.read(EXAMPLE.resolve("test_output.npy"), AXES),
                    ReproducibilityTolerance.DEFAULT);
        }
    }

    @Test
    void torchscriptOnlyNamesTheMavenDependencyToAdd() {
        PredictionOptions torchscript =
                PredictionOptions.of(b -> b.weightsPriority(List.of(WeightsFormat.TORCHSCRIPT)));
        assertThatThrownBy(() -> LoadedModel.open(EXAMPLE, torchscript, settings()))
                .isInstanceOf(UnsupportedWeightsException.class)
                .hasMessageContaining("the PyTorch engine is not available")
                .hasMessageContaining("eu.riscale.modelhub:modelhub-engine-pytorch");
    }
}
