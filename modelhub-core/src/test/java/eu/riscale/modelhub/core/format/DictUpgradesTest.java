package eu.riscale.modelhub.core.format;

import static org.assertj.core.api.Assertions.assertThat;

import eu.riscale.modelhub.spec.validation.Diagnostic;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The dictionary upgrades 0.3.x to 0.4.10 (reference section C.1), observed through the converted tree. */
class DictUpgradesTest {

    static ObjectNode converted(String yaml) {
        ConversionResult result = MalformedLegacyTest.convert(yaml);
        return result.convertedTree().orElseThrow();
    }

    /** {@link MalformedLegacyTest#VALID_04} rewritten as a 0.3.1 file with the old spellings. */
    static final String V031 = MalformedLegacyTest.VALID_04
            .replace("format_version: 0.4.9", "format_version: 0.3.1")
            .replace(
                    "type: model\n",
                    "type: model\nsource: unet.py:UNet\nsha256: "
                            + "a".repeat(64) + "\nkwargs: {depth: 3}\nlanguage: python\nframework: pytorch\n"
                            + "config: {future: {'0.3.2': {authors: [{affiliation: EMBL}], version: 0.2.0}}}\n")
            .replace("authors: [{name: Ann Author}]", "authors: [Ann Author]")
            .replace("reference_tensor: raw", "reference_input: raw")
            .replace(
                    "onnx: {source: model.onnx, opset_version: 12}",
                    "pytorch_state_dict: {source: w.pt, authors: [Bo Weights]}\n  pytorch_script: {source: w2.pt}");

    @Test
    void version031IsUpgradedStepByStep() {
        ObjectNode tree = converted(V031);

        // 0.3.1 -> 0.3.2: author strings become {name}, merged with config.future['0.3.2'] updates; version from future
        assertThat(tree.at("/authors/0/name").stringValue()).isEqualTo("Ann Author");
        assertThat(tree.at("/authors/0/affiliation").stringValue()).isEqualTo("EMBL");
        assertThat(tree.at("/weights/pytorch_state_dict/authors/0/name").stringValue())
                .isEqualTo("Bo Weights");
        assertThat(tree.get("version").stringValue()).isEqualTo("0.2.0");
        // 0.3.2 -> 0.3.3: reference_input -> reference_tensor
        assertThat(tree.at("/outputs/0/axes/2/size/tensor_id").stringValue()).isEqualTo("raw");
        // 0.3.6 -> 0.4.0: root source/sha256/kwargs -> pytorch_state_dict architecture; pytorch_script -> torchscript
        JsonNode arch = tree.at("/weights/pytorch_state_dict/architecture");
        assertThat(arch.get("source").stringValue()).isEqualTo("unet.py");
        assertThat(arch.get("callable").stringValue()).isEqualTo("UNet");
        assertThat(arch.get("sha256").stringValue()).isEqualTo("a".repeat(64));
        assertThat(arch.at("/kwargs/depth").asInt()).isEqualTo(3);
        assertThat(tree.at("/weights/torchscript/source").stringValue()).isEqualTo("w2.pt");
        // empty config.future and then empty config are dropped; language/framework dropped with a note
        assertThat(tree.has("config")).isFalse();
        assertThat(tree.has("language")).isFalse();
        assertThat(MalformedLegacyTest.convert(V031).notes())
                .extracting(Diagnostic::loc)
                .contains("language", "framework");
    }

    @Test
    void version040MovesRootDependenciesAndVersion044UnwrapsParentUri() {
        String yaml = MalformedLegacyTest.VALID_04
                .replace("format_version: 0.4.9", "format_version: 0.4.0")
                .replace("type: model\n", "type: model\ndependencies: conda:env.yaml\n")
                .replace(
                        "onnx: {source: model.onnx, opset_version: 12}",
                        "pytorch_state_dict: {source: w.pt, architecture: m.nets.UNet, pytorch_version: '1.13'}");
        ObjectNode tree = converted(yaml);

        assertThat(tree.at("/weights/pytorch_state_dict/dependencies/source").stringValue())
                .isEqualTo("env.yaml");
        assertThat(tree.at("/weights/pytorch_state_dict/architecture/import_from")
                        .stringValue())
                .isEqualTo("m.nets");
        assertThat(tree.at("/weights/pytorch_state_dict/architecture/callable").stringValue())
                .isEqualTo("UNet");
    }

    @Test
    void version045RemovesSlashesAndVersion049MovesNickname() {
        String yaml = MalformedLegacyTest.VALID_04
                .replace("format_version: 0.4.9", "format_version: 0.4.5")
                .replace("name: Legacy test model", "name: Legacy/test model")
                .replace(
                        "authors: [{name: Ann Author}]",
                        "authors: [{name: Ann\\\\Author, github_user: 'https://github.com/ann'}]")
                .replace(
                        "type: model\n",
                        "type: model\nconfig: {bioimageio: {nickname: Happy-Frog, nickname_icon: F}}\n"
                                + "cite: [{text: paper, doi: 'https://doi.org/10.1234/abc'}]\n");
        ConversionResult result = MalformedLegacyTest.convert(yaml);
        ObjectNode tree = result.convertedTree().orElseThrow();

        assertThat(result.errors()).isEmpty();
        assertThat(tree.get("name").stringValue()).isEqualTo("Legacytest model");
        assertThat(tree.at("/authors/0/name").stringValue()).isEqualTo("AnnAuthor");
        assertThat(tree.at("/authors/0/github_user").stringValue()).isEqualTo("ann");
        assertThat(tree.at("/cite/0/doi").stringValue()).isEqualTo("10.1234/abc");
        // nickname -> id (lower-cased like every 0.4 resource id), nickname_icon -> id_emoji
        assertThat(tree.get("id").stringValue()).isEqualTo("happy-frog");
        assertThat(tree.get("id_emoji").stringValue()).isEqualTo("F");
    }

    @Test
    void opsAreConvertedWithTheirKwargs() {
        String yaml = MalformedLegacyTest.VALID_04
                .replace(
                        "kwargs: {mode: per_sample, axes: yx, max_percentile: 99.8}",
                        "kwargs: {mode: per_dataset, axes: yx, max_percentile: 99.8}\n  - name: zero_mean_unit_variance\n"
                                + "    kwargs: {mode: fixed, axes: yx, mean: [1.5], std: [2.5]}\n"
                                + "  - name: scale_linear\n    kwargs: {axes: cyx, gain: 2}\n"
                                + "  - name: zero_mean_unit_variance\n    kwargs: {mode: per_dataset, axes: cyx, eps: 0.001}")
                .replace("  - name: sigmoid", "  - name: binarize\n    kwargs: {threshold: 0.5}");
        ConversionResult result = MalformedLegacyTest.convert(yaml);
        JsonNode pre = result.convertedTree().orElseThrow().at("/inputs/0/preprocessing");

        assertThat(result.errors()).isEmpty();
        assertThat(pre.toString())
                .isEqualTo("[{\"id\":\"ensure_dtype\",\"kwargs\":{\"dtype\":\"float32\"}},"
                        + "{\"id\":\"scale_range\",\"kwargs\":{\"axes\":[\"y\",\"x\"],\"max_percentile\":99.8}},"
                        + "{\"id\":\"fixed_zero_mean_unit_variance\",\"kwargs\":{\"axis\":\"channel\",\"mean\":[1.5],"
                        + "\"std\":[2.5]}},"
                        + "{\"id\":\"scale_linear\",\"kwargs\":{\"gain\":2}},"
                        + "{\"id\":\"zero_mean_unit_variance\",\"kwargs\":{\"axes\":[\"batch\",\"channel\",\"y\",\"x\"],"
                        + "\"eps\":0.001}},"
                        + "{\"id\":\"ensure_dtype\",\"kwargs\":{\"dtype\":\"float32\"}}]");
        // binarize ends postprocessing, so no ensure_dtype is appended
        assertThat(result.convertedTree()
                        .orElseThrow()
                        .at("/outputs/0/postprocessing")
                        .toString())
                .isEqualTo("[{\"id\":\"binarize\",\"kwargs\":{\"threshold\":0.5}}]");
        assertThat(result.notes()).extracting(Diagnostic::loc).contains("inputs.0.preprocessing.0.kwargs.mode");
    }

    @Test
    void scaleLinearWithTwoComplementAxesCannotBeConverted() {
        String yaml = MalformedLegacyTest.VALID_04.replace(
                "kwargs: {mode: per_sample, axes: yx, max_percentile: 99.8}",
                "kwargs: {mode: per_sample, axes: yx}\n"
                        + "  - name: scale_linear\n    kwargs: {axes: x, gain: [1, 2]}");

        assertThat(MalformedLegacyTest.errors(yaml))
                .extracting(Diagnostic::loc, Diagnostic::message)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                "inputs.0.preprocessing.1.kwargs.axes",
                                "Expected none or a single complement axis, but axes 'x' for tensor dims 'bcyx' leave [c, y]."));
    }
}
