package eu.riscale.modelhub.core.validation;

import static org.assertj.core.api.Assertions.assertThat;

import eu.riscale.modelhub.core.resource.ResourceRoot;
import eu.riscale.modelhub.spec.Conformance;
import eu.riscale.modelhub.spec.ModelDescr;
import eu.riscale.modelhub.spec.validation.Diagnostic;
import eu.riscale.modelhub.spec.validation.Location;
import eu.riscale.modelhub.spec.validation.Severity;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceValidationTest {
    @TempDir
    Path tmp;

    private static String nuclei() {
        return Conformance.model("unet2d_nuclei_broad")
                .resolve("bioimageio.yaml")
                .toString();
    }

    @Test
    void aValidPackageFolderIsValidWithItsModel() {
        SourceReport report = SourceValidation.validate(
                Conformance.model("unet2d_multi_tensor").toString(),
                ValidationOptions.defaults().withIoChecks(false));
        assertThat(report.status()).isEqualTo(SourceReport.Status.VALID);
        assertThat(report.readable()).isTrue();
        assertThat(report.declaredFormatVersion()).isEqualTo("0.5.4");
        assertThat(report.declaredType()).isEqualTo("model");
        assertThat(report.modelIfBound()).map(ModelDescr::formatVersion).contains("0.5.4");
        assertThat(report.errors()).isEmpty();
    }

    @Test
    void defaultIoChecksLeaveOutTheFilesOfWeightsThatAreNotTested() {
        // The conformance README: the architecture .py files of the shared packages are left out. modelhub test does
        // not run pytorch_state_dict, so validate (issue 16: one verdict) does not check its files either.
        SourceReport report = SourceValidation.validate(
                Conformance.model("unet2d_multi_tensor").toString(), ValidationOptions.defaults());
        assertThat(report.status()).isEqualTo(SourceReport.Status.VALID);
        assertThat(report.warnings())
                .filteredOn(w -> w.loc().equals("weights.pytorch_state_dict.architecture"))
                .singleElement()
                .extracting(Diagnostic::message)
                .isEqualTo("not checked: multi_tensor_unet.py is only needed by the pytorch_state_dict weights,"
                        + " which are not tested");
    }

    @Test
    void everyFileChecksFindTheArchitectureFileLeftOutOfTheSharedPackage() {
        SourceReport report = SourceValidation.validate(
                Conformance.model("unet2d_multi_tensor").toString(),
                ValidationOptions.defaults().withChecks(IoCheck.everyFile()));
        assertThat(report.status()).isEqualTo(SourceReport.Status.INVALID);
        assertThat(report.errors())
                .extracting(Diagnostic::loc)
                .containsExactly("weights.pytorch_state_dict.architecture");
        assertThat(report.errors().get(0).message()).startsWith("file 'multi_tensor_unet.py' not found");
    }

    @Test
    void ioChecksRunOnValidDescriptionsUnlessSwitchedOff() {
        List<String> calls = new ArrayList<>();
        IoCheck check = (ModelDescr model, ResourceRoot root) -> {
            calls.add(model.name() + " in " + root.location());
            return List.of(Diagnostic.of(
                    Severity.ERROR, Location.of("inputs", 0, "test_tensor", "sha256"), "Sha256 mismatch"));
        };
        ValidationOptions options = ValidationOptions.defaults().withChecks(List.of(check));
        SourceReport withIo = SourceValidation.validate(nuclei(), options);
        assertThat(calls).hasSize(1);
        assertThat(withIo.status()).isEqualTo(SourceReport.Status.INVALID);
        assertThat(withIo.errors()).extracting(Diagnostic::loc).containsExactly("inputs.0.test_tensor.sha256");

        SourceReport noIo = SourceValidation.validate(nuclei(), options.withIoChecks(false));
        assertThat(calls).hasSize(1);
        assertThat(noIo.status()).isEqualTo(SourceReport.Status.VALID);
    }

    @Test
    void ioChecksDoNotRunOnFormatErrors() throws IOException {
        Path bad = tmp.resolve("bioimageio.yaml");
        Files.writeString(bad, Files.readString(Path.of(nuclei())).replace("license: MIT", "license: NOPE"));
        List<String> calls = new ArrayList<>();
        SourceReport report = SourceValidation.validate(
                bad.toString(), ValidationOptions.defaults().withChecks(List.of((m, r) -> {
                    calls.add("called");
                    return List.of();
                })));
        assertThat(report.status()).isEqualTo(SourceReport.Status.INVALID);
        assertThat(calls).isEmpty();
    }

    @Test
    void missingSourceIsAnUnreadableError() {
        SourceReport report =
                SourceValidation.validate(tmp.resolve("missing.yaml").toString(), ValidationOptions.defaults());
        assertThat(report.status()).isEqualTo(SourceReport.Status.ERROR);
        assertThat(report.readable()).isFalse();
        assertThat(report.errors())
                .singleElement()
                .satisfies(i -> assertThat(i.message()).contains("missing.yaml"));
    }

    @Test
    void folderWithoutDescriptionIsUnreadable() {
        SourceReport report = SourceValidation.validate(tmp.toString(), ValidationOptions.defaults());
        assertThat(report.status()).isEqualTo(SourceReport.Status.ERROR);
        assertThat(report.readable()).isFalse();
    }

    @Test
    void notAYamlMappingIsAnErrorButReadable() {
        SourceReport list = SourceValidation.validateFormat("- a\n- b\n".getBytes(StandardCharsets.UTF_8), "list");
        assertThat(list.status()).isEqualTo(SourceReport.Status.ERROR);
        assertThat(list.readable()).isTrue();
        assertThat(list.errors())
                .singleElement()
                .satisfies(i -> assertThat(i.message()).contains("found a list"));
    }

    @Test
    void missingFormatVersionIsAnErrorLikeTheReference() {
        SourceReport report =
                SourceValidation.validateFormat("type: model\nname: x\n".getBytes(StandardCharsets.UTF_8), "x");
        assertThat(report.status()).isEqualTo(SourceReport.Status.ERROR);
        assertThat(report.errors()).extracting(Diagnostic::loc).contains("format_version");
    }

    @Test
    void convertedDescriptionsReportZeroFiveFindingsAsWarnings() throws IOException {
        String v04 = Files.readString(Conformance.model("unet2d_nuclei_broad").resolve("v0_4_9.bioimageio.yaml"));
        SourceReport report = SourceValidation.validateFormat(
                v04.replace("covers: [cover0.png]", "covers: [cover0.bmp]").getBytes(StandardCharsets.UTF_8), "v04");
        assertThat(report.declaredFormatVersion()).isEqualTo("0.4.9");
        assertThat(report.modelIfBound()).map(ModelDescr::formatVersion).contains("0.5.7");
        assertThat(report.status()).isEqualTo(SourceReport.Status.VALID);
        assertThat(report.warnings()).anySatisfy(i -> {
            assertThat(i.loc()).isEqualTo("covers.0");
            assertThat(i.message()).startsWith("after conversion to format 0.5");
        });
    }

    @Test
    void withTheLatestTargetTheZeroFiveFindingsOfAConvertedDescriptionAreErrors() throws IOException {
        // the reference's --format-version latest: convert first, then judge by the latest format's rules
        String v04 = Files.readString(Conformance.model("unet2d_nuclei_broad").resolve("v0_4_9.bioimageio.yaml"));
        byte[] bmp = v04.replace("covers: [cover0.png]", "covers: [cover0.bmp]").getBytes(StandardCharsets.UTF_8);
        SourceReport latest = SourceValidation.validateFormat(bmp, "v04", FormatTarget.LATEST);
        assertThat(latest.status()).isEqualTo(SourceReport.Status.INVALID);
        assertThat(latest.errors()).singleElement().satisfies(i -> {
            assertThat(i.loc()).isEqualTo("covers.0");
            assertThat(i.message()).startsWith("after conversion to format 0.5: ");
        });
        assertThat(SourceValidation.validateFormat(bmp, "v04", FormatTarget.DISCOVER)
                        .status())
                .isEqualTo(SourceReport.Status.VALID);
        // a description in format 0.5 is judged the same either way
        byte[] v05 = Files.readAllBytes(Conformance.model("unet2d_nuclei_broad").resolve("bioimageio.yaml"));
        assertThat(SourceValidation.validateFormat(v05, "v05", FormatTarget.LATEST)
                        .issues())
                .isEqualTo(SourceValidation.validateFormat(v05, "v05").issues());
    }
}
