package eu.riscale.modelhub.core.modeltest;

import static org.assertj.core.api.Assertions.assertThat;

import eu.riscale.modelhub.core.resource.ResourceSettings;
import eu.riscale.modelhub.spec.Conformance;
import eu.riscale.modelhub.spec.weights.WeightsFormat;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The test API with real inference (DJL PyTorch and OnnxRuntime on the CPU) on the shipped and shared packages. */
class InferenceModelTestsTest {
    @TempDir
    Path tmp;

    private TestOptions offline() {
        return TestOptions.builder()
                .resources(ResourceSettings.builder()
                        .cacheDir(tmp.resolve("cache"))
                        .offline(true)
                        .build())
                .build();
    }

    @Test
    void theProjectsExampleModelPassesWithBothWeightsFormats() throws IOException {
        TestSummary s = ModelTests.test(Conformance.buildRoot().resolve("examples/unet2d-nuclei"), offline());
        assertThat(s.details())
                .allSatisfy(d ->
                        assertThat(d.status()).as(d.name() + " " + d.errors()).isEqualTo(DetailStatus.PASSED));
        assertThat(s.details())
                .filteredOn(d -> d.check() == CheckKind.REPRODUCE)
                .extracting(TestDetail::weightsFormat)
                .containsExactly(WeightsFormat.TORCHSCRIPT, WeightsFormat.ONNX);
        assertThat(s.details()).flatExtracting(TestDetail::deviations).allSatisfy(d -> {
            assertThat(d.mismatched()).isZero();
            assertThat(d.maxAbsolute()).isLessThan(1e-4);
        });
        assertThat(s.status()).isEqualTo(SummaryStatus.PASSED);
        // issue 16: the environment names the engines that ran with their versions (STACK.md) and the device
        assertThat(s.env())
                .extracting(EnvironmentEntry::name)
                .startsWith(EnvironmentEntry.SDK, "java", "os")
                .contains("PyTorch", "OnnxRuntime", "device");
        assertThat(s.env()).contains(new EnvironmentEntry("PyTorch", "2.7.1", ""));
        assertThat(s.env()).contains(new EnvironmentEntry("OnnxRuntime", "1.21.1", ""));
        assertThat(s.env()).contains(new EnvironmentEntry("device", "cpu()", ""));
        assertThat(s.type()).isEqualTo("model");
        // the TorchScript entry was saved with PyTorch 2.5.1 (rdf.yaml): a warning, the check still passes
        assertThat(s.details())
                .filteredOn(d -> d.check() == CheckKind.REPRODUCE && d.weightsFormat() == WeightsFormat.TORCHSCRIPT)
                .singleElement()
                .satisfies(d -> assertThat(d.warnings())
                        .extracting(w -> w.loc() + ": " + w.message())
                        .contains("weights.torchscript.pytorch_version: the installed PyTorch 2.7.1 differs in"
                                + " major.minor from the PyTorch 2.5.1 these weights were saved with; outputs may"
                                + " deviate"));
    }

    @Test
    void bothSharedPackagesPassForTheFormatsThatRunAndSkipTheStateDict() throws IOException {
        for (String name : List.of("unet2d_nuclei_broad", "unet2d_multi_tensor")) {
            TestSummary s = ModelTests.test(Conformance.model(name), offline());
            assertThat(s.status()).as(name + ": " + SummaryText.render(s)).isEqualTo(SummaryStatus.PASSED);
            assertThat(s.details())
                    .filteredOn(d -> d.weightsFormat() == WeightsFormat.PYTORCH_STATE_DICT)
                    .allSatisfy(d -> assertThat(d.skipReason()).contains("no Java engine runs pytorch_state_dict"));
        }
    }
}
