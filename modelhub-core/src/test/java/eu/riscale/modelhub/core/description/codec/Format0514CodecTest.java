package eu.riscale.modelhub.core.description.codec;

import static org.assertj.core.api.Assertions.assertThat;

import eu.riscale.modelhub.core.description.Descriptions;
import eu.riscale.modelhub.core.validation.SourceReport;
import eu.riscale.modelhub.core.validation.SourceValidation;
import eu.riscale.modelhub.spec.ModelDescr;
import eu.riscale.modelhub.spec.common.FileDescr;
import eu.riscale.modelhub.spec.config.ReproducibilityTolerance;
import eu.riscale.modelhub.spec.op.StardistKwargs;
import eu.riscale.modelhub.spec.op.StardistPostprocessingDescr;
import eu.riscale.modelhub.spec.tensor.Padding;
import eu.riscale.modelhub.spec.validation.Diagnostic;
import eu.riscale.modelhub.spec.weights.KerasBackend;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The declarations of the format 0.5.8-0.5.14 fields: a 0.5.11-style description with file-descriptor covers and
 * documentation, keras_v3 weights, an input with pad and output_of, StarDist postprocessing and continuous/discrete
 * tolerances binds to the new records, validates, and is written back to the same model.
 */
class Format0514CodecTest {
    private static String fixture() throws Exception {
        try (InputStream in = Format0514CodecTest.class.getResourceAsStream(
                "/descriptions/format-0.5.14/stardist-keras3.bioimageio.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static SourceReport validate(String yaml) {
        return SourceValidation.validateFormat(yaml.getBytes(StandardCharsets.UTF_8), "bioimageio.yaml");
    }

    @Test
    void theNewFieldsBindToTheirRecords() throws Exception {
        ModelDescr m = Descriptions.parse(fixture());
        assertThat(m.covers())
                .extracting(FileDescr::source)
                .containsExactly("cover.png", "https://example.org/covers/overlay.jpg");
        assertThat(m.covers().get(1).sha256()).startsWith("0123456789abcdef");
        assertThat(m.documentation()).isEqualTo(FileDescr.of("README.md"));
        assertThat(m.inputs().get(0).pad()).isEqualTo(new Padding.Reflect());
        assertThat(m.inputs().get(0).outputOf()).isEqualTo("affable-shark");
        assertThat(m.weights().kerasV3()).isNotNull();
        assertThat(m.weights().kerasV3().backend()).isEqualTo(KerasBackend.of(KerasBackend.Name.TENSORFLOW, "2.16.1"));
        assertThat(m.outputs().get(0).postprocessing().get(0))
                .isInstanceOfSatisfying(
                        StardistPostprocessingDescr.class,
                        s -> assertThat(s.kwargs()).isInstanceOfSatisfying(StardistKwargs.TwoD.class, k -> {
                            assertThat(k.nRays()).isEqualTo(32);
                            assertThat(k.b()).isEqualTo(new StardistKwargs.Border.Uniform(2));
                        }));
        var tolerances = m.config().bioimageio().reproducibilityTolerance();
        assertThat(tolerances)
                .extracting(ReproducibilityTolerance::kind)
                .containsExactly(ReproducibilityTolerance.Kind.CONTINUOUS, ReproducibilityTolerance.Kind.DISCRETE);
        // a discrete entry takes the discrete defaults for what it leaves out
        assertThat(tolerances.get(1).relativeTolerance()).isZero();
        assertThat(tolerances.get(1).mismatchedElementsPerMillion()).isEqualTo(500);
        assertThat(m.config().stardist()).isNotNull();
    }

    @Test
    void itValidatesAndRoundTrips() throws Exception {
        SourceReport r = validate(fixture());
        assertThat(r.issues().stream().filter(Diagnostic::isError)).isEmpty();
        ModelDescr m = Descriptions.parse(fixture());
        String written = Descriptions.toYaml(m);
        assertThat(Descriptions.parse(written)).isEqualTo(m);
        assertThat(written).contains("output_ids: any_discrete_output").contains("mode: reflect");
    }

    @Test
    void brokenNewFieldsAreRejectedAtTheirPath() throws Exception {
        String f = fixture();
        assertThat(errors(f.replace("  - source: cover.png\n", "  - cover.png\n")))
                .contains("covers.0");
        assertThat(errors(f.replace("mode: reflect", "mode: wrap"))).contains("inputs.0.pad.mode");
        assertThat(errors(f.replace("      - tensorflow\n", "      - theano\n")))
                .contains("weights.keras_v3.backend.0");
        assertThat(errors(f.replace("prob_threshold: 0.48", "prob_thres: 0.48")))
                .contains(
                        "outputs.0.postprocessing.0.kwargs.prob_thres",
                        "outputs.0.postprocessing.0.kwargs.prob_threshold");
        assertThat(errors(f.replace("output_ids: any_discrete_output", "output_ids: any_output")))
                .contains("config.bioimageio.reproducibility_tolerance.1.output_ids");
    }

    @Test
    void olderFilesKeepPlainPathsForCoversAndDocumentation() throws Exception {
        String old = fixture()
                .replace("format_version: 0.5.14", "format_version: 0.5.7")
                .replace("  - source: cover.png\n", "  - cover.png\n")
                .replace("documentation:\n  source: README.md\n", "documentation: README.md\n");
        ModelDescr m = Descriptions.parse(old);
        assertThat(m.covers().get(0)).isEqualTo(FileDescr.of("cover.png"));
        assertThat(m.documentation()).isEqualTo(FileDescr.of("README.md"));
        String written = Descriptions.toYaml(m);
        assertThat(written).contains("- cover.png").contains("documentation: README.md");
        assertThat(Descriptions.parse(written)).isEqualTo(m);
    }

    private static java.util.List<String> errors(String yaml) {
        return validate(yaml).issues().stream()
                .filter(Diagnostic::isError)
                .map(Diagnostic::loc)
                .toList();
    }
}
