package eu.riscale.modelhub.core.description;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import eu.riscale.modelhub.spec.Conformance;
import eu.riscale.modelhub.spec.ModelDescr;
import eu.riscale.modelhub.spec.validation.Diagnostic;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LoadTest {
    @Test
    void zeroFiveFilesKeepTheirDeclaredVersion() throws Exception {
        LoadResult loaded =
                Descriptions.load(Conformance.model("unet2d_nuclei_broad").resolve("bioimageio.yaml"));
        assertThat(loaded.declaredFormatVersion()).isEqualTo("0.5.4");
        assertThat(loaded.converted()).isFalse();
        assertThat(loaded.notes()).isEmpty();
        assertThat(loaded.requireModel().formatVersion()).isEqualTo("0.5.4");
    }

    @Test
    void zeroFourFilesAreConvertedWithTheirNotes() throws Exception {
        LoadResult loaded =
                Descriptions.load(Conformance.model("unet2d_nuclei_broad").resolve("v0_4_9.bioimageio.yaml"));
        assertThat(loaded.declaredFormatVersion()).isEqualTo("0.4.9");
        assertThat(loaded.declaredType()).isEqualTo("model");
        assertThat(loaded.converted()).isTrue();
        ModelDescr model = loaded.requireModel();
        assertThat(model.formatVersion()).isEqualTo("0.5.7");
        assertThat(model.inputs()).isNotEmpty();
        assertThat(loaded.notes()).isNotEmpty();
        assertThat(loaded.errors()).isEmpty();
    }

    @Test
    void legacyErrorsPreventAModelAndAreListed() throws IOException {
        LoadResult loaded = Descriptions.load(Conformance.model("unet2d_nuclei_broad")
                .resolve("invalid_v0_4_0_duplicate_tensor_names.bioimageio.yaml"));
        assertThat(loaded.modelIfLoaded()).isEmpty();
        assertThat(loaded.errors()).extracting(Diagnostic::message).anyMatch(m -> m.contains("Duplicate tensor"));
        assertThatExceptionOfType(DescriptionException.class)
                .isThrownBy(loaded::requireModel)
                .withMessageContaining("Duplicate tensor");
    }

    @Test
    void malformedYamlIsAProblemWithItsPosition() throws IOException {
        LoadResult loaded = Descriptions.load(
                new ByteArrayInputStream("format_version: 0.5.4\nname: [x\n".getBytes(StandardCharsets.UTF_8)), "bad");
        assertThat(loaded.errors())
                .singleElement()
                .satisfies(p -> assertThat(p.hasPosition()).isTrue());
        assertThat(loaded.declaredFormatVersion()).isNull();
    }

    @Test
    void bindingProblemsOfZeroFiveFilesCarryTheirPath() throws IOException {
        LoadResult loaded = Descriptions.load(
                new ByteArrayInputStream("format_version: 0.5.4\ntype: model\nname: abcde\ninputs: 3\n"
                        .getBytes(StandardCharsets.UTF_8)),
                "bad");
        assertThat(loaded.modelIfLoaded()).isEmpty();
        assertThat(loaded.errors()).extracting(Diagnostic::loc).contains("inputs");
    }
}
