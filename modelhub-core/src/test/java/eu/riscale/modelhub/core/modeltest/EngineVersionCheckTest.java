package eu.riscale.modelhub.core.modeltest;

import static org.assertj.core.api.Assertions.assertThat;

import eu.riscale.modelhub.core.inference.EngineVersion;
import eu.riscale.modelhub.spec.validation.Diagnostic;
import eu.riscale.modelhub.spec.weights.OnnxWeightsDescr;
import eu.riscale.modelhub.spec.weights.TorchscriptWeightsDescr;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EngineVersionCheckTest {
    private static final Optional<EngineVersion> PYTORCH_271 = Optional.of(new EngineVersion("PyTorch", "2.7.1"));

    private static TorchscriptWeightsDescr torchscript(String version) {
        return TorchscriptWeightsDescr.builder()
                .source("weights.pt")
                .pytorchVersion(version)
                .build();
    }

    @Test
    void aNewerEngineOfTheSameMajorMinorGivesNoWarning() {
        assertThat(EngineVersionCheck.warnings(torchscript("2.7.0"), PYTORCH_271))
                .isEmpty();
        assertThat(EngineVersionCheck.warnings(torchscript("2.7"), PYTORCH_271)).isEmpty();
    }

    @Test
    void anOlderEngineIsAWarningAtThePytorchVersion() {
        assertThat(EngineVersionCheck.warnings(torchscript("2.8.0"), PYTORCH_271))
                .singleElement()
                .satisfies(w -> {
                    assertThat(w.isError()).isFalse();
                    assertThat(w.loc()).isEqualTo("weights.torchscript.pytorch_version");
                    assertThat(w.message())
                            .isEqualTo("the installed PyTorch 2.7.1 is older than the PyTorch 2.8.0 these weights"
                                    + " were saved with");
                });
        assertThat(EngineVersionCheck.warnings(torchscript("2.7.2"), PYTORCH_271))
                .extracting(Diagnostic::message)
                .singleElement()
                .asString()
                .contains("is older than");
    }

    @Test
    void aDifferentMajorMinorIsAWarning() {
        // the shared nuclei package's TorchScript entry says 2.5.1; the SDK's PyTorch is 2.7.1 (STACK.md)
        assertThat(EngineVersionCheck.warnings(torchscript("2.5.1"), PYTORCH_271))
                .extracting(Diagnostic::message)
                .containsExactly("the installed PyTorch 2.7.1 differs in major.minor from the PyTorch 2.5.1 these"
                        + " weights were saved with; outputs may deviate");
        assertThat(EngineVersionCheck.warnings(torchscript("1.5.1+cu101"), PYTORCH_271))
                .hasSize(1);
    }

    @Test
    void nothingIsComparedWithoutAPytorchVersionOrEngine() {
        OnnxWeightsDescr onnx =
                OnnxWeightsDescr.builder().source("w.onnx").opsetVersion(17).build();
        assertThat(EngineVersionCheck.warnings(onnx, Optional.of(new EngineVersion("OnnxRuntime", "1.21.1"))))
                .isEmpty();
        assertThat(EngineVersionCheck.warnings(torchscript("1.0"), Optional.empty()))
                .isEmpty();
        assertThat(EngineVersionCheck.warnings(torchscript("garbage"), PYTORCH_271))
                .isEmpty();
    }

    @Test
    void versionsAreReadByTheirLeadingNumbers() {
        assertThat(EngineVersionCheck.parse("2.5.1+cu121")).containsExactly(2, 5, 1);
        assertThat(EngineVersionCheck.parse("1.10")).containsExactly(1, 10);
        assertThat(EngineVersionCheck.parse("x")).isEmpty();
    }
}
