package eu.riscale.modelhub.core.description.codec;

import static eu.riscale.modelhub.core.description.internal.Codec.INTEGER;
import static eu.riscale.modelhub.core.description.internal.Codec.STRING;
import static eu.riscale.modelhub.core.description.internal.Field.extra;
import static eu.riscale.modelhub.core.description.internal.Field.required;
import static eu.riscale.modelhub.core.description.internal.Field.withDefault;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.riscale.modelhub.core.description.codec.axes.AxisCodecs;
import eu.riscale.modelhub.core.description.codec.config.ConfigCodecs;
import eu.riscale.modelhub.core.description.codec.ops.OpCodecs;
import eu.riscale.modelhub.core.description.codec.tensors.TensorCodecs;
import eu.riscale.modelhub.core.description.internal.Codec;
import eu.riscale.modelhub.core.description.internal.RecordCodec;
import eu.riscale.modelhub.spec.axis.FixedSize;
import eu.riscale.modelhub.spec.axis.SpaceInputAxis;
import eu.riscale.modelhub.spec.axis.TimeOutputAxis;
import eu.riscale.modelhub.spec.config.ReproducibilityTolerance;
import eu.riscale.modelhub.spec.op.ScaleRangeKwargs;
import eu.riscale.modelhub.spec.tensor.InputTensorDescr;
import eu.riscale.modelhub.spec.tensor.IntervalOrRatioDataDescr;
import eu.riscale.modelhub.spec.validation.Diagnostic;
import eu.riscale.modelhub.spec.validation.Location;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The declaration layer: a declaration that does not match its record fails when it is made, and builders and
 * declarations share their defaults, so a record built with only its required fields writes only those.
 */
class DeclarationTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    public record Pair(String name, int count) {}

    public record Open(String name, Map<String, @Nullable Object> extra) {}

    @Test
    void aDeclarationThatDoesNotMatchItsRecordFailsWhenMade() {
        assertThatThrownBy(() -> RecordCodec.of(
                        Pair.class,
                        withDefault("count", Pair::count, INTEGER, 0),
                        required("name", Pair::name, STRING)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Pair")
                .hasMessageContaining("[count, name]")
                .hasMessageContaining("[name, count]");
        assertThatThrownBy(() -> RecordCodec.of(Pair.class, required("name", Pair::name, STRING)))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void bindingReportsEveryProblemAndBuildsNothing() {
        RecordCodec<Pair> pair = RecordCodec.of(
                Pair.class, required("name", Pair::name, STRING), withDefault("count", Pair::count, INTEGER, 0));
        List<Diagnostic> problems = new ArrayList<>();
        assertThat(pair.bind(tree("{\"count\": \"x\", \"other\": 1}"), problems))
                .isNull();
        assertThat(problems).extracting(Diagnostic::loc).containsExactly("name", "count", "other");
        problems.clear();
        assertThat(pair.bind(tree("{\"name\": \"a\"}"), problems)).isEqualTo(new Pair("a", 0));
        assertThat(pair.write(new Pair("a", 0))).isEqualTo(tree("{\"name\": \"a\"}"));
        assertThat(pair.write(new Pair("a", 2)).toString()).isEqualTo("{\"name\":\"a\",\"count\":2}");
    }

    @Test
    void openRecordsKeepUndeclaredKeysInOrder() {
        RecordCodec<Open> open = RecordCodec.of(Open.class, required("name", Open::name, STRING), extra(Open::extra));
        Open o = open.bind(tree("{\"z\": 1, \"name\": \"a\", \"b\": [true]}"), new ArrayList<>());
        assertThat(o).isNotNull();
        assertThat(o.extra().keySet()).containsExactly("z", "b");
        assertThat(open.write(o).toString()).isEqualTo("{\"name\":\"a\",\"z\":1,\"b\":[true]}");
    }

    @Test
    void recordsBuiltWithOnlyRequiredFieldsWriteOnlyThoseAndTheirTags() {
        assertThat(AxisCodecs.SPACE_INPUT
                        .write(SpaceInputAxis.builder().size(FixedSize.of(3)).build())
                        .toString())
                .isEqualTo("{\"size\":3,\"type\":\"space\"}");
        assertThat(AxisCodecs.OUTPUT_AXIS
                        .write(TimeOutputAxis.builder().size(FixedSize.of(2)).build())
                        .toString())
                .isEqualTo("{\"size\":2,\"type\":\"time\"}");
        assertThat(TensorCodecs.INTERVAL_OR_RATIO
                        .write(IntervalOrRatioDataDescr.builder().build())
                        .toString())
                .isEqualTo("{}");
        assertThat(OpCodecs.SCALE_RANGE_KWARGS
                        .write(ScaleRangeKwargs.builder().build())
                        .toString())
                .isEqualTo("{}");
        assertThat(ConfigCodecs.REPRODUCIBILITY_TOLERANCE
                        .write(ReproducibilityTolerance.builder().build())
                        .toString())
                .isEqualTo("{}");
        assertThat(TensorCodecs.INPUT.keys())
                .containsExactly(
                        "id",
                        "description",
                        "axes",
                        "test_tensor",
                        "sample_tensor",
                        "data",
                        "optional",
                        "preprocessing",
                        "pad",
                        "output_of");
        assertThat(InputTensorDescr.DEFAULT_ID).isEqualTo("input");
    }

    @Test
    void listElementsCarryTheirIndexInThePath() {
        List<Diagnostic> problems = new ArrayList<>();
        Codec<List<Integer>> ints = INTEGER.list();
        assertThat(ints.bind(tree("[1, \"a\", 3, 4.5]"), problems)).isNull();
        assertThat(problems).extracting(Diagnostic::location).containsExactly(Location.of(1), Location.of(3));
    }

    private static JsonNode tree(String json) {
        return JSON.readTree(json);
    }
}
