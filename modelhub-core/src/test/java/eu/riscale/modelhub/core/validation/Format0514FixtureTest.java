package eu.riscale.modelhub.core.validation;

import static org.assertj.core.api.Assertions.assertThat;

import eu.riscale.modelhub.spec.ModelDescr;
import eu.riscale.modelhub.spec.axis.ChannelAxis;
import eu.riscale.modelhub.spec.config.ReproducibilityTolerance;
import eu.riscale.modelhub.spec.op.StardistKwargs;
import eu.riscale.modelhub.spec.op.StardistPostprocessingDescr;
import eu.riscale.modelhub.spec.tensor.Padding;
import eu.riscale.modelhub.spec.weights.KerasBackend;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
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
 * Issue 14 acceptance: a description in the style of format 0.5.11 and later (file-descriptor covers and
 * documentation, keras_v3 weights, an input with pad, StarDist postprocessing) loads and validates, and breaking each of
 * those fields is rejected at the field's path.
 */
class Format0514FixtureTest {
    private static final YAMLMapper YAML = YAMLMapper.builder().build();
    static final String FIXTURE = "/descriptions/format-0.5.14/stardist-keras3.bioimageio.yaml";

    static ObjectNode fixture() throws IOException {
        try (InputStream in = Format0514FixtureTest.class.getResourceAsStream(FIXTURE)) {
            return (ObjectNode) YAML.readTree(in);
        }
    }

    static SourceReport validate(JsonNode doc) {
        return SourceValidation.validateFormat(
                YAML.writeValueAsString(doc).getBytes(StandardCharsets.UTF_8), "fixture");
    }

    @Test
    void theFixtureLoadsWithEveryNewField() throws IOException {
        SourceReport report = validate(fixture());
        assertThat(report.errors()).isEmpty();
        ModelDescr model = report.modelIfBound().orElseThrow();
        assertThat(model.formatVersion()).isEqualTo("0.5.14");
        assertThat(model.weights().kerasV3().backend())
                .isEqualTo(KerasBackend.of(KerasBackend.Name.TENSORFLOW, "2.16.1"));
        assertThat(model.weights().kerasV3().kerasVersion()).isEqualTo("3.3.3");
        assertThat(model.inputs().get(0).pad()).isEqualTo(new Padding.Reflect());
        assertThat(model.inputs().get(0).outputOf()).isEqualTo("affable-shark");
        assertThat(((ChannelAxis) model.inputs().get(0).axes().get(1)).channelNames())
                .containsExactly("DAPI (nuclei)");
        assertThat(model.outputs().get(0).postprocessing())
                .containsExactly(new StardistPostprocessingDescr(
                        new StardistKwargs.TwoD(0.48, 0.3, 32, List.of(2, 2), new StardistKwargs.Border.Uniform(2))));
        assertThat(model.config().stardist()).isEqualTo(Map.of("n_rays", 32, "grid", List.of(2, 2)));
        assertThat(model.config().bioimageio().reproducibilityTolerance())
                .extracting(ReproducibilityTolerance::kind)
                .containsExactly(ReproducibilityTolerance.Kind.CONTINUOUS, ReproducibilityTolerance.Kind.DISCRETE);
        assertThat(model.config().bioimageio().reproducibilityTolerance().get(1).mismatchedElementsPerMillion())
                .isEqualTo(500);
    }

    static ObjectNode at(ObjectNode doc, String pointer) {
        return (ObjectNode) doc.at(pointer);
    }

    static Arguments broken(String loc, Consumer<ObjectNode> edit) {
        return Arguments.of(loc, edit);
    }

    static Stream<Arguments> brokenFields() {
        return Stream.of(
                broken("covers.0", d -> ((ArrayNode) d.get("covers")).set(0, "cover.png")),
                broken("covers.0", d -> at(d, "/covers/0").put("source", "cover.tif")),
                broken("covers.1.sha256", d -> at(d, "/covers/1").put("sha256", "abc")),
                broken("documentation", d -> d.put("documentation", "README.md")),
                broken("documentation", d -> at(d, "/documentation").put("source", "README.txt")),
                broken(
                        "weights.keras_v3.keras_version",
                        d -> at(d, "/weights/keras_v3").put("keras_version", "2.15")),
                broken(
                        "weights.keras_v3.backend",
                        d -> at(d, "/weights/keras_v3").remove("backend")),
                broken(
                        "weights.keras_v3.backend",
                        d -> ((ArrayNode) d.at("/weights/keras_v3/backend")).set(0, "theano")),
                broken("inputs.0.pad", d -> at(d, "/inputs/0/pad").put("mode", "wrap")),
                broken("inputs.0.pad", d -> at(d, "/inputs/0/pad").put("value", 1)),
                broken("inputs.0.pad", d -> at(d, "/inputs/0").put("pad", "reflect")),
                broken("inputs.0.output_of", d -> at(d, "/inputs/0").put("output_of", "Not An Id")),
                broken("outputs.0.postprocessing.0.kwargs", d -> {
                    ObjectNode k = at(d, "/outputs/0/postprocessing/0").putObject("kwargs");
                    k.put("prob_thres", 0.5).put("nms_thresh", 0.3);
                }),
                broken(
                        "outputs.0.postprocessing.0.kwargs",
                        d -> at(d, "/outputs/0/postprocessing/0/kwargs").remove("n_rays")),
                broken(
                        "outputs.0.postprocessing.0.kwargs.grid",
                        d -> ((ArrayNode) d.at("/outputs/0/postprocessing/0/kwargs/grid")).add(2)),
                broken(
                        "inputs.0.preprocessing.0",
                        d -> at(d, "/inputs/0")
                                .putArray("preprocessing")
                                .add(d.at("/outputs/0/postprocessing/0").deepCopy())),
                broken(
                        "config.bioimageio.reproducibility_tolerance.1.relative_tolerance",
                        d -> at(d, "/config/bioimageio/reproducibility_tolerance/1")
                                .put("relative_tolerance", 0.001)),
                broken(
                        "config.bioimageio.reproducibility_tolerance.1.mismatched_elements_per_million",
                        d -> at(d, "/config/bioimageio/reproducibility_tolerance/1")
                                .put("mismatched_elements_per_million", 30001)),
                broken(
                        "inputs.0.axes.1.channel_colors",
                        d -> at(d, "/inputs/0/axes/1")
                                .putArray("channel_colors")
                                .add("blue")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenFields")
    void eachBrokenFieldIsRejectedAtItsPath(String loc, Consumer<ObjectNode> edit) throws IOException {
        ObjectNode doc = fixture();
        edit.accept(doc);
        SourceReport report = validate(doc);
        assertThat(report.status()).isEqualTo(SourceReport.Status.INVALID);
        assertThat(report.errors())
                .extracting(i -> i.loc())
                .anySatisfy(l -> assertThat(l.equals(loc) || l.startsWith(loc + "."))
                        .as(l)
                        .isTrue());
    }
}
