package eu.riscale.modelhub.core.inference;

import static org.assertj.core.api.Assertions.assertThat;

import eu.riscale.modelhub.core.modeltest.CheckKind;
import eu.riscale.modelhub.core.modeltest.DetailStatus;
import eu.riscale.modelhub.core.modeltest.ModelTests;
import eu.riscale.modelhub.core.modeltest.SummaryStatus;
import eu.riscale.modelhub.core.modeltest.TestDetail;
import eu.riscale.modelhub.core.modeltest.TestOptions;
import eu.riscale.modelhub.core.modeltest.TestSummary;
import eu.riscale.modelhub.core.resource.ResourceSettings;
import eu.riscale.modelhub.spec.Conformance;
import eu.riscale.modelhub.spec.weights.WeightsFormat;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The model tests pass on both example packages with the pipeline as their inference backend. */
class PipelineBackendTest {
    @TempDir
    Path tmp;

    private TestOptions options() {
        return TestOptions.builder()
                .resources(ResourceSettings.builder()
                        .cacheDir(tmp.resolve("cache"))
                        .offline(true)
                        .build())
                .backend(PipelineBackend.create())
                .build();
    }

    @Test
    void nucleiPassesWithTorchscriptAndOnnx() throws Exception {
        TestSummary s = ModelTests.test(Conformance.model("unet2d_nuclei_broad"), options());
        assertThat(s.status()).isEqualTo(SummaryStatus.PASSED);
        assertThat(s.details())
                .filteredOn(d -> d.check() == CheckKind.REPRODUCE && d.status() == DetailStatus.PASSED)
                .extracting(TestDetail::weightsFormat)
                .containsExactlyInAnyOrder(WeightsFormat.TORCHSCRIPT, WeightsFormat.ONNX);
        assertThat(s.details())
                .filteredOn(d -> d.status() == DetailStatus.SKIPPED)
                .extracting(TestDetail::skipReason)
                .containsOnly("no Java engine runs pytorch_state_dict (this SDK runs [torchscript, onnx])");
    }

    @Test
    void multiTensorPassesWithTorchscript() throws Exception {
        TestSummary s = ModelTests.test(Conformance.model("unet2d_multi_tensor"), options());
        assertThat(s.status()).isEqualTo(SummaryStatus.PASSED);
        assertThat(s.details())
                .filteredOn(d -> d.check() == CheckKind.SHAPES && d.status() == DetailStatus.PASSED)
                .isNotEmpty();
    }
}
