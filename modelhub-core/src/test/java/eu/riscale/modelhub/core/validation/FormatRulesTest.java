package eu.riscale.modelhub.core.validation;

import static org.assertj.core.api.Assertions.assertThat;

import eu.riscale.modelhub.spec.ModelDescr;
import eu.riscale.modelhub.spec.validation.BeanValidation;
import eu.riscale.modelhub.spec.validation.Diagnostic;
import eu.riscale.modelhub.spec.validation.Location;
import eu.riscale.modelhub.spec.validation.Severity;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * One minimal failing document per format rule (reference sections A.1 to A.8): a small valid description with one
 * edit, asserting the location, severity and message of the issue it causes.
 */
class FormatRulesTest {
    private static final YAMLMapper YAML = YAMLMapper.builder().build();

    /** A small valid description written for these tests; every case changes one thing. */
    static final String BASE = """
            format_version: 0.5.7
            type: model
            name: Minimal rule test model
            description: A small description that the rule tests edit.
            authors: [{name: Ann Author, github_user: ann, orcid: 0000-0002-1825-0097}]
            cite: [{text: A paper, doi: 10.1234/abc}]
            license: MIT
            tags: [test]
            documentation: README.md
            covers: [cover.png]
            inputs:
            - id: raw
              axes:
              - {type: batch}
              - {type: channel, channel_names: [c0, c1]}
              - {type: space, id: y, size: {min: 64, step: 16}}
              - {type: space, id: x, size: 64}
              test_tensor: {source: in.npy}
              sample_tensor: {source: in.png}
              preprocessing:
              - {id: zero_mean_unit_variance, kwargs: {axes: [x, y]}}
            outputs:
            - id: out
              axes:
              - {type: batch}
              - {type: channel, channel_names: [p]}
              - {type: space, id: y, size: {tensor_id: raw, axis_id: y}, halo: 8}
              - {type: space, id: x, size: {tensor_id: raw, axis_id: x}}
              test_tensor: {source: out.npy}
              sample_tensor: {source: out.png}
              postprocessing:
              - {id: sigmoid}
            weights:
              torchscript: {source: w.pt, pytorch_version: '2.1'}
              onnx: {source: w.onnx, opset_version: 17, parent: torchscript}
            """;

    /** Applies edits {@code path=yaml} (or {@code path=~} to remove) to the base and validates the result. */
    static SourceReport validate(String... edits) {
        ObjectNode root = (ObjectNode) YAML.readTree(BASE);
        for (String edit : edits) {
            int eq = edit.indexOf('=');
            String path = edit.substring(0, eq);
            String value = edit.substring(eq + 1);
            String[] keys = path.split("\\.");
            JsonNode parent = root;
            for (int i = 0; i < keys.length - 1; i++) {
                parent = parent.isArray() ? parent.get(Integer.parseInt(keys[i])) : parent.get(keys[i]);
            }
            String last = keys[keys.length - 1];
            if (value.equals("~")) {
                ((ObjectNode) parent).remove(last);
            } else if (parent.isArray()) {
                ((ArrayNode) parent).set(Integer.parseInt(last), YAML.readTree(value));
            } else {
                ((ObjectNode) parent).set(last, YAML.readTree(value));
            }
        }
        return SourceValidation.validateFormat(YAML.writeValueAsString(root).getBytes(StandardCharsets.UTF_8), "test");
    }

    @Test
    void olderFilesKeepTheirTiffCoversAndAnyChannelNamesAreValid() {
        assertThat(validate("format_version=0.5.10", "covers=[cover.tif]").issues())
                .isEmpty();
        assertThat(validate("inputs.0.axes.1={type: channel, channel_names: [DAPI (nuclei), 'GFP 488']}")
                        .issues())
                .isEmpty();
        // from 0.5.11 on covers and documentation are file descriptors
        assertThat(validate(
                                "format_version=0.5.14",
                                "covers=[{source: cover.png}]",
                                "documentation={source: README.md}")
                        .issues())
                .isEmpty();
        assertThat(validate("format_version=0.5.14").issues())
                .extracting(Diagnostic::loc)
                .containsExactlyInAnyOrder("covers.0", "documentation");
    }

    @Test
    void theBaseDocumentIsValidWithoutWarnings() {
        SourceReport report = validate();
        assertThat(report.issues()).isEmpty();
        assertThat(report.status()).isEqualTo(SourceReport.Status.VALID);
    }

    @Test
    void everyViolationIsReportedNotOnlyTheFirst() {
        SourceReport report =
                validate("name=Bad/Name", "license=NOPE", "inputs.0.axes.3.id=y", "weights.onnx.opset_version=5");
        assertThat(report.errors())
                .extracting(Diagnostic::loc)
                .contains("name", "license", "inputs.0.axes.3.id", "weights.onnx.opset_version");
        assertThat(report.status()).isEqualTo(SourceReport.Status.INVALID);
    }

    @Test
    void crossFieldRulesAreAClassLevelConstraintWithPathAndSeverity() {
        ModelDescr model = validate(
                        "inputs.0.axes.3.id=y",
                        "inputs.0.axes.3.size=64",
                        "outputs.0.id=raw",
                        "outputs.0.axes.2.id=yy",
                        "outputs.0.axes.3.id=xx",
                        "outputs.0.axes.3.size={tensor_id: raw, axis_id: y}")
                .modelIfBound()
                .orElseThrow();
        assertThat(BeanValidation.validate(model))
                .contains(Diagnostic.of(
                        Severity.ERROR,
                        Location.of("inputs", 0, "axes", 3, "id"),
                        "Duplicate axis id 'y' in tensor 'raw'."))
                .anySatisfy(i -> {
                    assertThat(i.loc()).isEqualTo("outputs.0.id");
                    assertThat(i.severity()).isEqualTo(Severity.WARNING);
                });
    }

    static Stream<Arguments> rules() {
        Severity e = Severity.ERROR;
        Severity w = Severity.WARNING;
        Severity a = Severity.ALERT;
        return Stream.of(
                // A.2 root fields
                Arguments.of(List.of("name=Bad/Name"), e, "name", "may only contain"),
                Arguments.of(List.of("name=abc"), e, "name", "5 to 128 characters"),
                Arguments.of(List.of("name=" + "n".repeat(129)), e, "name", "5 to 128 characters"),
                Arguments.of(List.of("name=" + "n".repeat(65)), Severity.INFO, "name", "longer than 64"),
                Arguments.of(List.of("description=" + "d".repeat(600)), w, "description", "longer than 512"),
                Arguments.of(List.of("description=" + "d".repeat(1100)), e, "description", "at most 1024"),
                Arguments.of(List.of("description=''"), a, "description", "FAIR"),
                Arguments.of(List.of("license=NOPE"), e, "license", "not an SPDX license id"),
                Arguments.of(List.of("license=GPL-2.0+"), w, "license", "deprecated SPDX license"),
                Arguments.of(List.of("license=~"), a, "license", "FAIR"),
                Arguments.of(List.of("tags=[]"), a, "tags", "FAIR"),
                Arguments.of(List.of("cite=[]"), a, "cite", "FAIR"),
                Arguments.of(List.of("documentation=~"), a, "documentation", "FAIR"),
                Arguments.of(List.of("id=Bad Id"), e, "id", ""),
                Arguments.of(List.of("id=x", "parent={id: x}"), e, "parent.id", "itself"),
                Arguments.of(List.of("id_emoji=abc"), e, "id_emoji", "1 or 2"),
                Arguments.of(List.of("git_repo=ftp://example.com/x"), e, "git_repo", "http(s) URL"),
                Arguments.of(List.of("covers=[cover.bmp]"), e, "covers.0", ".png"),
                Arguments.of(List.of("documentation=README.txt"), e, "documentation", ".md"),
                Arguments.of(
                        List.of("attachments=[{source: other.bioimageio.yaml}]"),
                        e,
                        "attachments.0.source",
                        "reserved for description files"),
                Arguments.of(List.of("weights.onnx.source=rdf.yaml"), e, "weights.onnx.source", "reserved"),
                Arguments.of(List.of("version_comment=" + "v".repeat(513)), e, "version_comment", "512"),
                Arguments.of(List.of("version=not a version"), e, "version", "not a valid version"),
                Arguments.of(List.of("run_mode={name: other}"), w, "run_mode", "limited support"),
                Arguments.of(
                        List.of(
                                "format_version=0.5.15",
                                "covers=[{source: cover.png}]",
                                "documentation={source: README.md}"),
                        a,
                        "format_version",
                        "newer"),
                // authors and citations
                Arguments.of(List.of("authors.0.orcid=0000-0002-1825-0098"), e, "authors.0.orcid", "ORCID"),
                Arguments.of(List.of("authors.0.name=A/B"), e, "authors.0.name", "must not contain"),
                Arguments.of(List.of("authors.0.email=not-an-email"), e, "authors.0.email", ""),
                Arguments.of(List.of("authors.0.github_user=~", "maintainers=[]"), a, "maintainers", "maintainer"),
                Arguments.of(List.of("cite.0.doi=11.1234/abc"), e, "cite.0.doi", "DOI"),
                Arguments.of(List.of("cite.0.doi=~"), e, "cite.0", "`doi` or `url`"),
                Arguments.of(List.of("cite.0.url=not a url"), e, "cite.0.url", "http(s) URL"),
                // A.3 axes
                Arguments.of(List.of("inputs.0.axes.3.id=y"), e, "inputs.0.axes.3.id", "Duplicate axis id"),
                Arguments.of(List.of("inputs.0.axes.3.id=X"), e, "inputs.0.axes.3.id", "lower case"),
                Arguments.of(List.of("inputs.0.axes.3.id=" + "x".repeat(17)), e, "inputs.0.axes.3.id", "16"),
                Arguments.of(List.of("inputs.0.axes.1={type: batch}"), e, "inputs.0.axes.1", "one batch axis"),
                Arguments.of(List.of("inputs.0.axes.0={type: batch, size: 2}"), e, "inputs.0.axes.0.size", "size 1"),
                Arguments.of(List.of("inputs.0.axes.1.channel_names=[]"), e, "inputs.0.axes.1.channel_names", ""),
                Arguments.of(List.of("inputs.0.axes.2.size={min: 0, step: 16}"), e, "inputs.0.axes.2.size.min", ""),
                Arguments.of(List.of("inputs.0.axes.2.size={min: 64, step: 0}"), e, "inputs.0.axes.2.size.step", ""),
                Arguments.of(List.of("inputs.0.axes.3.size=0"), e, "inputs.0.axes.3.size", ""),
                Arguments.of(List.of("inputs.0.axes.3.scale=0"), e, "inputs.0.axes.3.scale", "greater than 0"),
                Arguments.of(List.of("inputs.0.axes.3.unit=parsecs"), e, "inputs.0.axes.3.unit", "space unit"),
                Arguments.of(
                        List.of("inputs.0.axes.3={type: time, id: t, size: 5, unit: meter}"),
                        e,
                        "inputs.0.axes.3.unit",
                        "time unit"),
                Arguments.of(
                        List.of("outputs.0.axes.3.size={tensor_id: raw, axis_id: z}"),
                        e,
                        "outputs.0.axes.3.size",
                        "Invalid tensor axis reference raw.z"),
                Arguments.of(
                        List.of("inputs.0.axes.3.size={tensor_id: raw, axis_id: x}"),
                        e,
                        "inputs.0.axes.3.size",
                        "own size"),
                Arguments.of(
                        List.of(
                                "outputs.0.axes.3.size={tensor_id: raw, axis_id: y}",
                                "outputs.0.axes.2.size={tensor_id: out, axis_id: x}"),
                        e,
                        "outputs.0.axes.2.size",
                        "Invalid tensor axis reference out.x"),
                Arguments.of(List.of("inputs.0.axes.3.unit=micrometer"), e, "outputs.0.axes.3.size", "units"),
                Arguments.of(List.of("outputs.0.axes.2.halo=32"), e, "outputs.0.axes.2.halo", "too small for halo"),
                Arguments.of(List.of("outputs.0.axes.2.halo=0"), e, "outputs.0.axes.2.halo", "at least 1"),
                Arguments.of(
                        List.of("outputs.0.axes.2.scale=0.5", "outputs.0.axes.2.halo=3"),
                        e,
                        "outputs.0.axes.2.halo",
                        "not an integer"),
                Arguments.of(
                        List.of("outputs.0.axes.2={type: index, size: {min: 5, max: 3}}"),
                        e,
                        "outputs.0.axes.2.size",
                        "smaller than max"),
                // A.4 tensors
                Arguments.of(List.of("inputs.0.id=Raw"), e, "inputs.0.id", "lower case"),
                Arguments.of(List.of("inputs.0.id=" + "r".repeat(33)), e, "inputs.0.id", "32"),
                Arguments.of(List.of("inputs.0.description=" + "d".repeat(129)), e, "inputs.0.description", "128"),
                Arguments.of(List.of("inputs.0.axes=[]"), e, "inputs.0.axes", ""),
                Arguments.of(
                        List.of("inputs=[{id: raw, axes: [{type: space, id: x, size: 8}]},"
                                + " {id: raw, axes: [{type: space, id: x, size: 8}]}]"),
                        e,
                        "inputs.1.id",
                        "Duplicate tensor id"),
                Arguments.of(
                        List.of("outputs.0.id=raw", "outputs.0.axes.2.id=yy", "outputs.0.axes.3.id=xx"),
                        w,
                        "outputs.0.id",
                        "Duplicate tensor id"),
                Arguments.of(List.of("inputs.0.test_tensor=~"), a, "inputs.0.test_tensor", "FAIR"),
                Arguments.of(List.of("outputs.0.sample_tensor=~"), a, "outputs.0.sample_tensor", "FAIR"),
                Arguments.of(List.of("inputs.0.data=[{type: float32}]"), e, "inputs.0.data", "2"),
                Arguments.of(
                        List.of("inputs.0.data=[{type: float32}, {type: uint8, values: [a, b]}]"),
                        e,
                        "inputs.0.data",
                        "same type"),
                Arguments.of(
                        List.of("inputs.0.data={type: float32, unit: furlong}"), e, "inputs.0.data.unit", "SI unit"),
                Arguments.of(List.of("inputs.0.data={type: bool}"), e, "inputs.0.data.type", "bool"),
                Arguments.of(
                        List.of("inputs.0.data={type: uint8, values: [0.5, 1]}"), e, "inputs.0.data.values.0", "float"),
                Arguments.of(
                        List.of("inputs.0.data={type: uint8, values: [1, 300]}"),
                        e,
                        "inputs.0.data.values.1",
                        "outside the range"),
                Arguments.of(
                        List.of("inputs.0.data={type: int8, values: [a, b]}"), e, "inputs.0.data.values.0", "unsigned"),
                // A.5 processing
                Arguments.of(
                        List.of("inputs.0.preprocessing.0.kwargs.axes=[z]"),
                        e,
                        "inputs.0.preprocessing.0.kwargs.axes",
                        "'z' is not an axis"),
                Arguments.of(
                        List.of("inputs.0.preprocessing.0.kwargs.eps=0.5"),
                        e,
                        "inputs.0.preprocessing.0.kwargs.eps",
                        "(0, 0.1]"),
                Arguments.of(
                        List.of("inputs.0.preprocessing.0={id: scale_range, kwargs: {reference_tensor: out}}"),
                        e,
                        "inputs.0.preprocessing.0.kwargs.reference_tensor",
                        "not found"),
                Arguments.of(
                        List.of(
                                "outputs.0.postprocessing.0={id: scale_mean_variance, kwargs: {reference_tensor: nope}}"),
                        e,
                        "outputs.0.postprocessing.0.kwargs.reference_tensor",
                        "not found"),
                // format 0.5.8: a reference tensor names an input, in postprocessing too (also for older files)
                Arguments.of(
                        List.of(
                                "outputs.0.postprocessing.0={id: scale_mean_variance, kwargs: {reference_tensor: out}}"),
                        e,
                        "outputs.0.postprocessing.0.kwargs.reference_tensor",
                        "Valid input references are: [raw]"),
                Arguments.of(
                        List.of("outputs.0.postprocessing.0={id: scale_range, kwargs: {reference_tensor: out}}"),
                        e,
                        "outputs.0.postprocessing.0.kwargs.reference_tensor",
                        "not found"),
                // format 0.5.11: no TIFF covers (older files keep them); channel names any non-empty strings
                Arguments.of(
                        List.of(
                                "format_version=0.5.11",
                                "covers=[{source: cover.png}, {source: cover.TIFF}]",
                                "documentation={source: README.md}"),
                        e,
                        "covers.1.source",
                        "TIFF covers are not allowed since format 0.5.11"),
                Arguments.of(
                        List.of("inputs.0.axes.1={type: channel, channel_names: [c0, '']}"),
                        e,
                        "inputs.0.axes.1.channel_names.1",
                        "must not be empty"),
                Arguments.of(
                        List.of("inputs.0.preprocessing.0={id: scale_range, kwargs: {min_percentile: 60,"
                                + " max_percentile: 50}}"),
                        e,
                        "inputs.0.preprocessing.0.kwargs",
                        ">= max_percentile"),
                Arguments.of(
                        List.of("inputs.0.preprocessing.0={id: scale_range, kwargs: {min_percentile: 100}}"),
                        e,
                        "inputs.0.preprocessing.0.kwargs.min_percentile",
                        "[0, 100)"),
                Arguments.of(
                        List.of("inputs.0.preprocessing.0={id: clip, kwargs: {min: 0, min_percentile: 1}}"),
                        e,
                        "inputs.0.preprocessing.0.kwargs",
                        "Only one of `min` and `min_percentile`"),
                Arguments.of(
                        List.of("inputs.0.preprocessing.0={id: clip, kwargs: {max: 0, max_percentile: 99}}"),
                        e,
                        "inputs.0.preprocessing.0.kwargs",
                        "Only one of `max` and `max_percentile`"),
                Arguments.of(
                        List.of("inputs.0.preprocessing.0={id: clip, kwargs: {}}"),
                        e,
                        "inputs.0.preprocessing.0.kwargs",
                        "At least one of"),
                Arguments.of(
                        List.of("inputs.0.preprocessing.0={id: clip, kwargs: {min: 0, axes: [x]}}"),
                        e,
                        "inputs.0.preprocessing.0.kwargs.axes",
                        "only be given with"),
                Arguments.of(
                        List.of("inputs.0.preprocessing.0={id: clip, kwargs: {max_percentile: 1}}"),
                        e,
                        "inputs.0.preprocessing.0.kwargs.max_percentile",
                        "(1, 100]"),
                Arguments.of(
                        List.of("inputs.0.preprocessing.0={id: scale_linear, kwargs: {gain: 1.0, offset: 0.0}}"),
                        e,
                        "inputs.0.preprocessing.0.kwargs",
                        "Redundant"),
                Arguments.of(
                        List.of("inputs.0.preprocessing.0={id: scale_linear, kwargs: {axis: channel, gain: 2.0}}"),
                        e,
                        "inputs.0.preprocessing.0.kwargs",
                        "Do not specify an `axis`"),
                Arguments.of(
                        List.of("inputs.0.preprocessing.0={id: scale_linear, kwargs: {axis: channel, gain: [2.0, 3.0],"
                                + " offset: [1.0]}}"),
                        e,
                        "inputs.0.preprocessing.0.kwargs",
                        "must match"),
                Arguments.of(
                        List.of(
                                "inputs.0.preprocessing.0={id: fixed_zero_mean_unit_variance, kwargs: {mean: 0, std: 0}}"),
                        e,
                        "inputs.0.preprocessing.0.kwargs.std",
                        "1e-6"),
                Arguments.of(
                        List.of("inputs.0.preprocessing.0={id: fixed_zero_mean_unit_variance, kwargs: {axis: channel,"
                                + " mean: [0, 1], std: [1]}}"),
                        e,
                        "inputs.0.preprocessing.0.kwargs",
                        "must match"),
                Arguments.of(
                        List.of("inputs.0.preprocessing.0={id: softmax, kwargs: {axis: Channel}}"),
                        e,
                        "inputs.0.preprocessing.0.kwargs.axis",
                        "lower case"),
                Arguments.of(
                        List.of("inputs.0.preprocessing.0={id: scale_linear, kwargs: {gain: .nan, offset: 1}}"),
                        e,
                        "inputs.0.preprocessing.0.kwargs.gain",
                        "NaN and infinite"),
                Arguments.of(
                        List.of("inputs.0.preprocessing.0={id: clip, kwargs: {max: .inf}}"),
                        e,
                        "inputs.0.preprocessing.0.kwargs.max",
                        "NaN and infinite"),
                Arguments.of(List.of("inputs.0.axes.3.scale=.inf"), e, "inputs.0.axes.3.scale", "infinite"),
                Arguments.of(
                        List.of("inputs.0.data={type: float32, range: [-.inf, 1.0]}"),
                        w,
                        "inputs.0.data.range.0",
                        "treated as no bound"),
                // A.6 weights
                Arguments.of(List.of("weights.onnx.opset_version=5"), e, "weights.onnx.opset_version", "at least 7"),
                Arguments.of(List.of("weights.onnx.parent=onnx"), e, "weights.onnx.parent", "own parent"),
                Arguments.of(List.of("weights.onnx.parent=keras_hdf5"), e, "weights.onnx.parent", "not found"),
                Arguments.of(List.of("weights.onnx.parent=~"), w, "weights", "no `parent`"),
                Arguments.of(List.of("weights.onnx.sha256=abc"), e, "weights.onnx.sha256", "64"),
                Arguments.of(
                        List.of("weights.torchscript.pytorch_version=not a version"),
                        e,
                        "weights.torchscript.pytorch_version",
                        "version"),
                Arguments.of(
                        List.of("weights.onnx.external_data={source: w.bin}"),
                        e,
                        "weights.onnx.external_data.source",
                        ".data"),
                // A.8 config
                Arguments.of(
                        List.of("config={bioimageio: {reproducibility_tolerance: [{relative_tolerance: 0.1}]}}"),
                        e,
                        "config.bioimageio.reproducibility_tolerance.0.relative_tolerance",
                        "[0, 0.01]"),
                Arguments.of(
                        List.of("config={bioimageio: {reproducibility_tolerance: [{absolute_tolerance: -1}]}}"),
                        e,
                        "config.bioimageio.reproducibility_tolerance.0.absolute_tolerance",
                        "at least 0"),
                Arguments.of(
                        List.of("config={bioimageio: {reproducibility_tolerance: [{mismatched_elements_per_million:"
                                + " 30001}]}}"),
                        e,
                        "config.bioimageio.reproducibility_tolerance.0.mismatched_elements_per_million",
                        "[0, 30000]"));
    }

    @ParameterizedTest(name = "{0} -> {1} at {2}")
    @MethodSource("rules")
    void eachRuleReportsItsLocationSeverityAndMessage(
            List<String> edits, Severity severity, String loc, String message) {
        SourceReport report = validate(edits.toArray(String[]::new));
        assertThat(report.issues()).as("issues of %s", edits).anySatisfy(i -> {
            assertThat(i.loc()).isEqualTo(loc);
            assertThat(i.severity()).isEqualTo(severity);
            assertThat(i.message()).contains(message);
        });
        assertThat(report.status())
                .as("status with %s", report.issues())
                .isEqualTo(severity == Severity.ERROR ? SourceReport.Status.INVALID : SourceReport.Status.VALID);
    }
}
