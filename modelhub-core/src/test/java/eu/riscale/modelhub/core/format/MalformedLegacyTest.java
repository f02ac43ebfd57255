package eu.riscale.modelhub.core.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import eu.riscale.modelhub.core.description.Descriptions;
import eu.riscale.modelhub.core.description.LoadResult;
import eu.riscale.modelhub.spec.validation.Diagnostic;
import eu.riscale.modelhub.spec.validation.Location;
import eu.riscale.modelhub.spec.validation.Severity;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** Malformed and unusual old descriptions: clear problems with locations, never exceptions. */
class MalformedLegacyTest {
    private static final YAMLMapper YAML = YAMLMapper.builder().build();

    /** A small valid format 0.4.9 model; tests replace parts of it. */
    static final String VALID_04 = """
            format_version: 0.4.9
            type: model
            name: Legacy test model
            description: a model for tests
            authors: [{name: Ann Author}]
            documentation: README.md
            license: MIT
            timestamp: '2022-01-01T00:00:00'
            test_inputs: [in.npy]
            test_outputs: [out.npy]
            inputs:
            - name: raw
              axes: bcyx
              data_type: float32
              data_range: [-.inf, .inf]
              shape: {min: [1, 1, 64, 64], step: [0, 0, 16, 16]}
              preprocessing:
              - name: scale_range
                kwargs: {mode: per_sample, axes: yx, max_percentile: 99.8}
            outputs:
            - name: seg
              axes: bcyx
              data_type: float32
              shape: {reference_tensor: raw, scale: [1, 2, 1, 1], offset: [0, 0, 0, 0]}
              halo: [0, 0, 8, 8]
              postprocessing:
              - name: sigmoid
            weights:
              onnx: {source: model.onnx, opset_version: 12}
            """;

    static ConversionResult convert(String yaml) {
        return FormatConversion.toLatest(YAML.readTree(yaml));
    }

    static List<Diagnostic> errors(String yaml) {
        return convert(yaml).errors();
    }

    @Test
    void validDescriptionHasNoProblemsAndConverts() {
        ConversionResult result = convert(VALID_04);

        assertThat(result.problems()).isEmpty();
        assertThat(result.declaredFormatVersion()).contains("0.4.9");
        ObjectNode tree = result.convertedTree().orElseThrow();
        assertThat(tree.get("format_version").stringValue()).isEqualTo("0.5.7");
        JsonNode outY = tree.at("/outputs/0/axes/2");
        assertThat(outY.get("halo").asInt()).isEqualTo(8);
        assertThat(outY.at("/size/tensor_id").stringValue()).isEqualTo("raw");
        assertThat(outY.at("/size/axis_id").stringValue()).isEqualTo("y");
        // scale 2 on the channel axis: channel count = 2 * reference size 1
        assertThat(tree.at("/outputs/0/axes/1/channel_names")).hasSize(2);
        assertThat(result.notes()).extracting(Diagnostic::loc).contains("inputs.0.data_range", "outputs.0.shape");
    }

    @Test
    void downloadUrlMustBeAnAbsoluteUrl() {
        // issue 14: the reference's generic 0.2 download_url is an HttpUrl; a relative path is invalid there
        assertThat(errors(VALID_04 + "download_url: model.zip\n"))
                .singleElement()
                .asString()
                .contains("download_url: Input should be a valid URL (an absolute http or https URL), found the string"
                        + " 'model.zip'");
        assertThat(errors(VALID_04 + "download_url: [https://example.org/m.zip]\n"))
                .singleElement()
                .asString()
                .contains("download_url: Input should be a valid URL");
        assertThat(errors(VALID_04 + "download_url: https://zenodo.org/record/1/files/m.zip\n"))
                .isEmpty();
    }

    @Test
    void aFloatBeyondTheDoubleRangeIsAnErrorAtItsPathNotAJacksonException() throws Exception {
        // found by DescriptionFuzzTest (seed v03_float_beyond_double_range.yaml): the project's YAML reader keeps such
        // a number as a decimal, which the 0.4 checks used to convert with asDouble() and crash
        String yaml = VALID_04.replace("shape: {min: [1, 1, 64, 64]", "shape: {min: [1, 1, 64, 1.0E512]");
        LoadResult result =
                Descriptions.load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "rdf.yaml");

        assertThat(result.model()).isNull();
        assertThat(result.errors())
                .extracting(Diagnostic::loc, Diagnostic::message)
                .contains(tuple(
                        "inputs.0.shape.min.3",
                        "Input should be a number within the range of a 64-bit float, found 1.0E+512"));
    }

    @Test
    void aKeyWithADotStaysOneSegmentOfTheLocation() throws Exception {
        // the locations were dotted text split again, so a key such as 'my.key' became the two keys 'my' and 'key'
        String yaml = VALID_04 + "config:\n  my.key: 1.0E512\n";
        LoadResult result =
                Descriptions.load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "rdf.yaml");

        assertThat(result.errors())
                .extracting(Diagnostic::location)
                .contains(Location.of("config", "my.key"))
                .doesNotContain(Location.of("config", "my", "key"));
    }

    @Test
    void wrongAxisLetterIsReportedAtAxes() {
        List<Diagnostic> errors = errors(VALID_04.replace(
                "axes: bcyx\n  data_type: float32\n  data_range", "axes: bcyq\n  data_type: float32\n  data_range"));

        assertThat(errors)
                .extracting(Diagnostic::loc, Diagnostic::message)
                .contains(tuple(
                        "inputs.0.axes",
                        "'q' in 'bcyq' is not an allowed axis letter; expected letters from 'bitczyx'"));
    }

    @Test
    void repeatedAxisLetterIsReported() {
        List<Diagnostic> errors = errors(VALID_04.replace("name: seg\n  axes: bcyx", "name: seg\n  axes: bcyy"));

        assertThat(errors)
                .extracting(Diagnostic::loc, Diagnostic::message)
                .contains(tuple("outputs.0.axes", "axis letters in 'bcyy' are not unique"));
    }

    @Test
    void shapeLengthMismatchIsReportedAtShape() {
        List<Diagnostic> errors = errors(VALID_04.replace("{min: [1, 1, 64, 64], step: [0, 0, 16, 16]}", "[1, 1, 64]"));

        assertThat(errors)
                .extracting(Diagnostic::loc, Diagnostic::message)
                .contains(tuple("inputs.0.shape", "shape has 3 entries but axes 'bcyx' has 4"));
    }

    @Test
    void unknownWeightsKeysAreErrorsWithTheirPath() {
        List<Diagnostic> errors = errors(VALID_04.replace(
                "onnx: {source: model.onnx, opset_version: 12}",
                "onnx: {source: model.onnx, opset_version: 12, precision: fp16}\n  pytorch_script: {source: a.pt}"));

        assertThat(errors)
                .extracting(Diagnostic::loc)
                .containsExactly("weights.onnx.precision", "weights.pytorch_script");
        assertThat(errors.get(1).message()).contains("unknown weights format 'pytorch_script'");
    }

    @Test
    void formats01And02AreRejectedAtFormatVersion() {
        for (String version : List.of("0.1.0", "0.2.3")) {
            ConversionResult result = convert(VALID_04.replace("format_version: 0.4.9", "format_version: " + version));

            assertThat(result.convertedTree()).isEmpty();
            assertThat(result.hasErrors()).isTrue();
            assertThat(result.errors())
                    .extracting(Diagnostic::loc, Diagnostic::message)
                    .containsExactly(tuple(
                            "format_version",
                            "format version " + version + " is not supported: supported are 0.3.x, 0.4.x and 0.5.x"
                                    + " (older descriptions must be re-created, newer ones need a newer modelhub)"));
        }
    }

    @Test
    void unknownPatchVersionOf03IsReported() {
        assertThat(errors(VALID_04.replace("format_version: 0.4.9", "format_version: 0.3.7")))
                .extracting(Diagnostic::loc, Diagnostic::message)
                .contains(tuple(
                        "format_version",
                        "unknown format version 0.3.7: known are 0.3.0 to 0.3.6 and 0.4.0 to 0.4.10 (and 0.5.x)"));
    }

    @Test
    void missingOrNumericFormatVersionIsReported() {
        assertThat(errors(VALID_04.replace("format_version: 0.4.9\n", "")))
                .extracting(Diagnostic::loc)
                .containsExactly("format_version");
        assertThat(errors(VALID_04.replace("format_version: 0.4.9", "format_version: 0.4")))
                .extracting(Diagnostic::message)
                .containsExactly("expected a version string MAJOR.MINOR.PATCH such as '0.4.10', found number 0.4");
        // found by DescriptionFuzzTest: a part too long for an int was a NumberFormatException
        assertThat(errors(VALID_04.replace("format_version: 0.4.9", "format_version: 0.03.34444444444444444444")))
                .extracting(Diagnostic::loc, Diagnostic::message)
                .containsExactly(tuple(
                        "format_version",
                        "expected a version string MAJOR.MINOR.PATCH such as '0.4.10', found the string"
                                + " '0.03.34444444444444444444'"));
    }

    @Test
    void documentThatIsNotAMappingIsReportedAtTheRoot() {
        ConversionResult result = FormatConversion.toLatest(YAML.readTree("[1, 2, 3]"));

        assertThat(result.errors())
                .extracting(Diagnostic::loc, Diagnostic::message)
                .containsExactly(
                        tuple("", "expected a YAML mapping at the top level of a model description, found a list"));
    }

    @Test
    void wrongNodeKindsGiveProblemsNotExceptions() {
        List<String> variants = List.of(
                VALID_04.replace("inputs:\n- name: raw", "inputs: 5\nx:\n- name: raw"),
                VALID_04.replace(
                        "axes: bcyx\n  data_type: float32\n  data_range",
                        "axes: 3\n  data_type: float32\n  data_range"),
                VALID_04.replace("{min: [1, 1, 64, 64], step: [0, 0, 16, 16]}", "7"),
                VALID_04.replace("halo: [0, 0, 8, 8]", "halo: abc"),
                VALID_04.replace("scale: [1, 2, 1, 1]", "scale: {a: 1}"),
                VALID_04.replace("onnx: {source: model.onnx, opset_version: 12}", "onnx: [1, 2]"),
                VALID_04.replace("authors: [{name: Ann Author}]", "authors: Ann"),
                VALID_04.replace("kwargs: {mode: per_sample, axes: yx, max_percentile: 99.8}", "kwargs: [1]"),
                VALID_04.replace("test_inputs: [in.npy]", "test_inputs: {a: b}"));
        for (String yaml : variants) {
            ConversionResult result = convert(yaml);
            assertThat(result.hasErrors()).as(yaml).isTrue();
            assertThat(result.errors())
                    .as(yaml)
                    .allSatisfy(p -> assertThat(p.message()).isNotBlank());
        }
    }

    @Test
    void batchSizeMustBeOne() {
        List<Diagnostic> errors =
                errors(VALID_04.replace("{min: [1, 1, 64, 64], step: [0, 0, 16, 16]}", "[2, 1, 64, 64]"));

        assertThat(errors)
                .extracting(Diagnostic::loc, Diagnostic::message)
                .containsExactly(tuple("inputs.0", "Input shape has to be 1 in the batch dimension b."));
    }

    @Test
    void haloLargerThanMinimalOutputIsReported() {
        List<Diagnostic> errors = errors(VALID_04.replace("halo: [0, 0, 8, 8]", "halo: [0, 0, 32, 8]"));

        assertThat(errors)
                .extracting(Diagnostic::loc, Diagnostic::message)
                .containsExactly(
                        tuple("", "Minimal shape [1, 2, 64, 64] of output seg is too small for halo [0, 0, 32, 8]."));
    }

    @Test
    void haloLengthMustMatchShape() {
        assertThat(errors(VALID_04.replace("halo: [0, 0, 8, 8]", "halo: [0, 8, 8]")))
                .extracting(Diagnostic::loc)
                .contains("outputs.0");
    }

    @Test
    void duplicateTensorNamesAreReported() {
        assertThat(errors(VALID_04.replace("name: seg", "name: raw")))
                .extracting(Diagnostic::loc, Diagnostic::message)
                .containsExactly(tuple("", "Duplicate tensor descriptor names across inputs/outputs"));
    }

    @Test
    void architectureFromFileNeedsSha256() {
        String yaml = VALID_04.replace(
                "onnx: {source: model.onnx, opset_version: 12}",
                "pytorch_state_dict: {source: w.pt, architecture: 'unet.py:UNet', pytorch_version: '1.10'}");

        assertThat(errors(yaml))
                .extracting(Diagnostic::loc, Diagnostic::message)
                .containsExactly(tuple(
                        "weights.pytorch_state_dict",
                        "Missing required `architecture_sha256` for `architecture` with source file."));
    }

    @Test
    void unknownPreprocessingNameIsReportedAtName() {
        List<Diagnostic> errors = errors(VALID_04.replace("- name: scale_range", "- name: normalize"));

        assertThat(errors).extracting(Diagnostic::loc).containsExactly("inputs.0.preprocessing.0.name");
        assertThat(errors.get(0).message()).startsWith("Input tag 'normalize' found using 'name' does not match");
    }

    @Test
    void missingTypeIsReported() {
        assertThat(errors(VALID_04.replace("type: model\n", "")))
                .extracting(Diagnostic::loc, Diagnostic::message)
                .containsExactly(tuple("type", "Missing field 'type'"));
    }

    @Test
    void missingPytorchVersionIsAWarning() {
        String yaml = VALID_04.replace("onnx: {source: model.onnx, opset_version: 12}", "torchscript: {source: w.pt}");
        ConversionResult result = convert(yaml);

        assertThat(result.hasErrors()).isFalse();
        assertThat(result.problems())
                .extracting(Diagnostic::severity, Diagnostic::loc)
                .containsExactly(tuple(Severity.WARNING, "weights.torchscript.pytorch_version"));
        assertThat(result.convertedTree()
                        .orElseThrow()
                        .at("/weights/torchscript/pytorch_version")
                        .stringValue())
                .isEqualTo("1.10");
    }

    @Test
    void inputTreeIsNotModified() {
        JsonNode tree = YAML.readTree(VALID_04);
        JsonNode copy = tree.deepCopy();

        FormatConversion.toLatest(tree);

        assertThat(tree).isEqualTo(copy);
    }

    @Test
    void format05IsPassedThroughWithItsDeclaredVersion() {
        // the 0.5 binder reads every 0.5.x natively, with its version gates (issue 14); only 0.3/0.4 trees become 0.5.7
        for (String version : List.of("0.5.3", "0.5.7", "0.5.11", "0.5.13", "0.5.14")) {
            ConversionResult result =
                    FormatConversion.toLatest(YAML.readTree("format_version: " + version + "\ntype: model\nname: x\n"));

            assertThat(result.problems()).isEmpty();
            assertThat(result.notes()).as(version).isEmpty();
            assertThat(result.convertedTree()
                            .orElseThrow()
                            .get("format_version")
                            .stringValue())
                    .isEqualTo(version);
            assertThat(result.declaredFormatVersion()).contains(version);
        }
    }

    @Test
    void a05VersionNewerThanTheLatestIsNotedAsReadAsTheLatest() {
        ConversionResult result =
                FormatConversion.toLatest(YAML.readTree("format_version: 0.5.20\ntype: model\nname: x\n"));

        assertThat(result.problems()).isEmpty();
        assertThat(result.notes()).singleElement().satisfies(n -> {
            assertThat(n.loc()).isEqualTo("format_version");
            assertThat(n.message()).isEqualTo("format version 0.5.20 is newer than 0.5.14 and is read as 0.5.14");
        });
    }
}
