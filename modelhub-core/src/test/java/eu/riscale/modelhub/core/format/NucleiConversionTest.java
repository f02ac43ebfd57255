package eu.riscale.modelhub.core.format;

import static org.assertj.core.api.Assertions.assertThat;

import eu.riscale.modelhub.spec.Conformance;
import eu.riscale.modelhub.spec.validation.Diagnostic;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The runnable example {@code unet2d_nuclei_broad}: its 0.4.9 and 0.4.0 descriptions convert to the hand-derived
 * expectation, and agree with the package's own 0.5 description where the formats carry the same information.
 */
class NucleiConversionTest {
    static Path model(String file) {
        return Conformance.model("unet2d_nuclei_broad").resolve(file);
    }

    static ObjectNode expected() throws IOException, URISyntaxException {
        Path file = Path.of(NucleiConversionTest.class
                .getResource("unet2d_nuclei_broad_v0_4_9.expected.v0_5.yaml")
                .toURI());
        return (ObjectNode) YamlTrees.read(file);
    }

    static ConversionResult convert(String file) throws IOException {
        return FormatConversion.toLatest(YamlTrees.read(model(file)));
    }

    @Test
    void v049ConvertsToTheRuleDerivedTree() throws Exception {
        ConversionResult result = convert("v0_4_9.bioimageio.yaml");

        assertThat(result.problems())
                .extracting(Diagnostic::loc)
                .containsExactly(
                        "weights.pytorch_state_dict.dependencies",
                        "weights.pytorch_state_dict.pytorch_version",
                        "weights.torchscript.pytorch_version");
        assertThat(result.errors()).isEmpty();
        assertThat(ConvertedCorpusTest.differences(
                        V05Defaults.normalise(result.convertedTree().orElseThrow()),
                        V05Defaults.normalise(expected()),
                        ""))
                .isEmpty();
        assertThat(result.notes())
                .extracting(Diagnostic::loc)
                .containsExactlyInAnyOrder(
                        "download_url",
                        "inputs.0.data_range",
                        "inputs.0.description",
                        "outputs.0.data_range",
                        "outputs.0.description",
                        "weights.onnx.sha256",
                        "weights.pytorch_state_dict.sha256",
                        "weights.torchscript.sha256");
    }

    @Test
    void v040ConvertsLikeV049ExceptForWhatItDoesNotHave() throws Exception {
        ConversionResult result = convert("v0_4_0.bioimageio.yaml");
        ObjectNode expected = expected();
        // the 0.4.0 file has no training_data; its root `dependencies` moves into pytorch_state_dict (0.4.0 -> 0.4.1)
        expected.remove("training_data");

        assertThat(result.errors()).isEmpty();
        assertThat(ConvertedCorpusTest.differences(
                        V05Defaults.normalise(result.convertedTree().orElseThrow()),
                        V05Defaults.normalise(expected),
                        ""))
                .isEmpty();
    }

    @Test
    void convertedV049AgreesWithThePackagedV05Description() throws Exception {
        ObjectNode converted = convert("v0_4_9.bioimageio.yaml").convertedTree().orElseThrow();
        JsonNode v05 = YamlTrees.read(model("bioimageio.yaml"));

        for (String key : List.of("inputs", "outputs")) {
            for (int t = 0; t < v05.get(key).size(); t++) {
                JsonNode ours = converted.get(key).get(t);
                JsonNode theirs = v05.get(key).get(t);
                assertThat(ours.get("id")).isEqualTo(theirs.get("id"));
                assertThat(axesSummary(ours)).isEqualTo(axesSummary(theirs));
                String ops = key.equals("inputs") ? "preprocessing" : "postprocessing";
                assertThat(opsSummary(ours.get(ops))).isEqualTo(opsSummary(theirs.get(ops)));
            }
        }
        JsonNode ourArch = converted.at("/weights/pytorch_state_dict/architecture");
        JsonNode theirArch = v05.at("/weights/pytorch_state_dict/architecture");
        for (String field : List.of("source", "sha256", "callable", "kwargs")) {
            assertThat(ourArch.get(field)).as(field).isEqualTo(theirArch.get(field));
        }
        assertThat(converted.at("/weights/onnx/opset_version")).isEqualTo(v05.at("/weights/onnx/opset_version"));
    }

    @Test
    void expandedOutputShapeAgreesWithThePackagedV05Description() throws Exception {
        ConversionResult result = convert("expand_output_shape_v0_4.bioimageio.yaml");
        JsonNode v05 = YamlTrees.read(model("expand_output_shape.bioimageio.yaml"));

        assertThat(result.errors()).isEmpty();
        JsonNode output = result.convertedTree().orElseThrow().at("/outputs/0");
        // scale null with offset 0.5 inserts a new z axis of size int(2 * 0.5) = 1
        assertThat(axesSummary(output)).isEqualTo(axesSummary(v05.at("/outputs/0")));
        assertThat(opsSummary(output.get("postprocessing"))).isEqualTo(opsSummary(v05.at("/outputs/0/postprocessing")));
    }

    /** Axis type, id, size (batch size aside: 0.4 required 1, the conversion leaves it open), halo, channel count. */
    static List<String> axesSummary(JsonNode tensor) {
        List<String> out = new ArrayList<>();
        for (JsonNode a : tensor.get("axes")) {
            String type = a.get("type").stringValue();
            String id = a.has("id") ? a.get("id").stringValue() : type.equals("space") ? "x" : type;
            String size = type.equals("batch")
                    ? ""
                    : type.equals("channel")
                            ? "channels=" + a.get("channel_names").size()
                            : size(a.get("size"));
            out.add(type + ":" + id + ":" + size + ":halo=" + a.path("halo").asInt(0));
        }
        return out;
    }

    private static String size(JsonNode size) {
        if (size.isObject() && size.has("tensor_id")) {
            return size.get("tensor_id").stringValue() + "."
                    + size.get("axis_id").stringValue() + "+"
                    + size.path("offset").asInt(0);
        }
        return String.valueOf(size);
    }

    /** Op ids with their kwargs; axes lists compared as sets (0.5 example lists [x, y], the conversion [y, x]). */
    static List<String> opsSummary(JsonNode ops) {
        List<String> out = new ArrayList<>();
        for (JsonNode op : ops) {
            JsonNode kwargs = op.path("kwargs").deepCopy();
            Set<String> axes = new HashSet<>();
            if (kwargs.isObject() && kwargs.has("axes")) {
                kwargs.get("axes").forEach(a -> axes.add(a.stringValue()));
                ((ObjectNode) kwargs).remove("axes");
            }
            out.add(op.get("id").stringValue() + kwargs + new java.util.TreeSet<>(axes));
        }
        return out;
    }

    @Test
    void duplicateTensorNamesExampleIsInvalid() throws IOException {
        ConversionResult result = convert("invalid_v0_4_0_duplicate_tensor_names.bioimageio.yaml");

        assertThat(result.errors())
                .extracting(Diagnostic::loc, Diagnostic::message)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(
                        "", "Duplicate tensor descriptor names across inputs/outputs"));
    }
}
