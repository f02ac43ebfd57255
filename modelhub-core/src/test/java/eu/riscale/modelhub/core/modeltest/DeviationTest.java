package eu.riscale.modelhub.core.modeltest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import eu.riscale.modelhub.core.tensor.Npy;
import eu.riscale.modelhub.core.tensor.Tensor;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class DeviationTest {
    private static final List<String> YX = List.of("y", "x");

    @Test
    void handComputedSmallExample() {
        Tensor expected = Tensor.of(new float[] {1.0f, 2.001f, 3.0f, 0.0005f}, new int[] {2, 2}, YX);
        Tensor actual = Tensor.of(new float[] {1.0f, 2.0f, 3.5f, 0.0f}, new int[] {2, 2}, YX);
        Deviation d = Deviation.compare("out", actual, expected, Tolerance.DEFAULT);
        // only 3.5 vs 3.0 exceeds 1e-3 + 1e-3 * |expected|
        assertThat(d.mismatched()).isEqualTo(1);
        assertThat(d.elements()).isEqualTo(4);
        assertThat(d.mismatchedPerMillion()).isEqualTo(250_000.0);
        assertThat(d.exceedsTolerance()).isTrue();
        assertThat(d.maxAbsolute()).isEqualTo(0.5);
        assertThat(d.maxAbsoluteIndex()).containsExactly(1, 0);
        // 0.0005 / (0.0005 + 1e-6) = 0.998004 beats 0.5 / 3.000001 = 0.1667
        assertThat(d.maxRelative()).isCloseTo(0.0005 / 0.000501, within(1e-6));
        assertThat(d.maxRelativeIndex()).containsExactly(1, 1);
        assertThat(d.describe())
                .contains(
                        "1 of 4 elements mismatched", "250000.0 ppm", "max absolute deviation 5.000e-01 at {y=1, x=0}");
    }

    @Test
    void withinThePerMillionLimitDoesNotExceed() {
        float[] e = new float[10_000];
        float[] a = new float[10_000];
        a[17] = 1; // one mismatch = 100 ppm, allowed by the default limit of 100
        Deviation d = Deviation.compare(
                "o",
                Tensor.of(a, new int[] {10_000}, List.of("x")),
                Tensor.of(e, new int[] {10_000}, List.of("x")),
                Tolerance.DEFAULT);
        assertThat(d.mismatched()).isEqualTo(1);
        assertThat(d.mismatchedPerMillion()).isEqualTo(100.0);
        assertThat(d.exceedsTolerance()).isFalse();
        a[18] = 1;
        Deviation two = Deviation.compare(
                "o",
                Tensor.of(a, new int[] {10_000}, List.of("x")),
                Tensor.of(e, new int[] {10_000}, List.of("x")),
                Tolerance.DEFAULT);
        assertThat(two.exceedsTolerance()).isTrue();
    }

    @Test
    void agreesWithNumpyOnARandomFixture() throws Exception {
        Path dir = Path.of(DeviationTest.class
                        .getResource("/testing/deviation_expected.json")
                        .toURI())
                .getParent();
        List<String> axes = List.of("b", "c", "y", "x");
        Tensor expected = Npy.read(dir.resolve("deviation_expected.npy"), axes);
        Tensor actual = Npy.read(dir.resolve("deviation_actual.npy"), axes);
        JsonNode numpy = JsonMapper.builder()
                .build()
                .readTree(dir.resolve("deviation_expected.json").toFile());
        Deviation d = Deviation.compare("prob", actual, expected, Tolerance.DEFAULT);
        assertThat(d.elements()).isEqualTo(numpy.get("elements").asLong());
        assertThat(d.mismatched()).isEqualTo(numpy.get("mismatched").asLong());
        assertThat(d.maxAbsolute()).isCloseTo(numpy.get("max_absolute").asDouble(), within(1e-9));
        assertThat(d.maxRelative()).isCloseTo(numpy.get("max_relative").asDouble(), within(1e-9));
        assertThat(d.maxAbsoluteIndex()).containsExactly(ints(numpy.get("max_absolute_index")));
        assertThat(d.maxRelativeIndex()).containsExactly(ints(numpy.get("max_relative_index")));
        assertThat(d.exceedsTolerance()).isTrue();
    }

    @Test
    void differentShapesAreRefusedNamingBoth() {
        Tensor a = Tensor.of(new float[6], new int[] {2, 3}, YX);
        Tensor b = Tensor.of(new float[6], new int[] {3, 2}, YX);
        assertThatThrownBy(() -> Deviation.compare("out", a, b, Tolerance.DEFAULT))
                .hasMessage("output 'out' has shape [2, 3], expected [3, 2]");
    }

    private static Integer[] ints(JsonNode array) {
        Integer[] r = new Integer[array.size()];
        for (int i = 0; i < r.length; i++) {
            r[i] = array.get(i).asInt();
        }
        return r;
    }
}
