package eu.riscale.modelhub.core.stats;

import static org.assertj.core.api.Assertions.assertThat;

import eu.riscale.modelhub.core.op.Fixtures;
import eu.riscale.modelhub.core.tensor.Sample;
import eu.riscale.modelhub.core.tensor.Tensor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Quantiles of groups large enough for sampled selection against numpy's {@code nanquantile}; the data come from the
 * same generator on both sides (see {@code generate_quantile_fixtures.py}).
 */
class SampledSelectionTest {
    private static final JsonNode FIXTURE = load();

    private static JsonNode load() {
        try {
            return JsonMapper.builder()
                    .build()
                    .readTree(Files.readString(Fixtures.dir("ops").resolve("quantiles_large.json")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (JsonNode c : FIXTURE.get("cases")) {
            out.add(Arguments.of(
                    c.get("data").asString() + " " + c.get("method").asString(), c));
        }
        return out.stream();
    }

    /** The generator of the fixture script: value j is {@code (state >> 40) / 2^24} after j + 1 steps. */
    private static float[] uniform(long seed, int n) {
        float[] out = new float[n];
        long s = seed;
        for (int j = 0; j < n; j++) {
            s = s * 6364136223846793005L + 1442695040888963407L;
            out[j] = (s >>> 40) / (float) (1 << 24);
        }
        return out;
    }

    private static float[] data(String name) {
        int n = FIXTURE.get("n").asInt();
        float[] u = uniform(FIXTURE.get("seed").asLong(), n);
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            switch (name) {
                case "uniform":
                    x[i] = u[i];
                    break;
                case "ties":
                    x[i] = (float) Math.floor(u[i] * 10f);
                    break;
                case "nan":
                    x[i] = i % 10 == 3 ? Float.NaN : u[i];
                    break;
                case "sorted":
                    x[i] = u[i];
                    break;
                case "periodic":
                    x[i] = i % 73;
                    break;
                case "background":
                    x[i] = u[i] < 0.9f ? 0f : u[i] * 1000f;
                    break;
                case "signed":
                    x[i] = i < n - 4
                            ? (u[i] - 0.5f) * 1e3f
                            : new float[] {-0f, 0f, Float.NEGATIVE_INFINITY, Float.POSITIVE_INFINITY}[i - (n - 4)];
                    break;
                case "all_nan":
                    x[i] = Float.NaN;
                    break;
                default:
                    throw new IllegalArgumentException(name);
            }
        }
        if (name.equals("sorted")) {
            java.util.Arrays.sort(x);
        }
        return x;
    }

    private static double[] expected(JsonNode c) {
        JsonNode e = c.get("expected");
        double[] out = new double[e.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = e.get(i).isString()
                    ? nonFinite(e.get(i).asString())
                    : e.get(i).asDouble();
        }
        return out;
    }

    private static double nonFinite(String s) {
        switch (s) {
            case "nan":
                return Double.NaN;
            case "inf":
                return Double.POSITIVE_INFINITY;
            case "-inf":
                return Double.NEGATIVE_INFINITY;
            default:
                throw new IllegalArgumentException("fixture value " + s);
        }
    }

    private static double[] qs(JsonNode c) {
        double[] q = new double[c.get("q").size()];
        for (int i = 0; i < q.length; i++) {
            q[i] = c.get("q").get(i).asDouble();
        }
        return q;
    }

    private static QuantileMethod method(JsonNode c) {
        return c.get("method").asString().equals("linear") ? QuantileMethod.LINEAR : QuantileMethod.INVERTED_CDF;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void sampleStatisticsEqualNumpyExactly(String name, JsonNode c) {
        float[] x = data(c.get("data").asString());
        Tensor t = Tensor.of(x, new int[] {1, x.length}, List.of("channel", "x"));
        double[] q = qs(c);
        Set<Measure> measures = new LinkedHashSet<>();
        for (double v : q) {
            measures.add(Measure.quantile(Measure.Scope.SAMPLE, "t", Set.of("x"), v, method(c)));
        }
        Statistics s = SampleStatistics.compute(Sample.of(Map.of("t", t)), measures);
        double[] e = expected(c);
        for (int i = 0; i < q.length; i++) {
            double actual = s.value(Measure.quantile(Measure.Scope.SAMPLE, "t", Set.of("x"), q[i], method(c)))
                    .toDoubleArray()[0];
            assertThat(Double.valueOf(actual)).as("%s q=%s", name, q[i]).isEqualTo(Double.valueOf(e[i]));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theSampledPassAloneFindsNumpysValues(String name, JsonNode c) {
        float[] x = data(c.get("data").asString());
        double[] actual = SampledSelection.quantiles(x, 0, x.length, qs(c), method(c));
        if (c.get("data").asString().equals("all_nan")) {
            assertThat(actual).as("no sample to take pivots from").isNull();
            return;
        }
        assertThat(actual)
                .as(name + ": the sample's brackets held every wanted rank")
                .isNotNull();
        assertThat(actual).as(name).containsExactly(expected(c));
    }

    /** Two quantiles share one pass (the percentile pair of scale_range and clip): every pair, in both orders. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void everyPairOfQuantilesInOnePassFindsNumpysValues(String name, JsonNode c) {
        if (c.get("data").asString().equals("all_nan")) {
            return; // no pivots: covered by theSampledPassAloneFindsNumpysValues
        }
        float[] x = data(c.get("data").asString());
        double[] q = qs(c);
        double[] e = expected(c);
        for (int i = 0; i < q.length; i++) {
            for (int j = 0; j < q.length; j++) {
                if (i != j) {
                    double[] actual = SampledSelection.quantiles(x, 0, x.length, new double[] {q[i], q[j]}, method(c));
                    assertThat(actual).as("%s q=%s, %s", name, q[i], q[j]).containsExactly(e[i], e[j]);
                }
            }
        }
    }

    @Test
    void aMisleadingSampleFallsBackToFullSelectionWithTheExactValue() {
        int n = 1 << 17;
        float[] x = new float[n];
        java.util.Arrays.fill(x, 1f);
        for (int p : SampledSelection.samplePositions(n)) {
            x[p] = 0f; // the sample sees only zeros, the data are nearly all ones
        }
        double[] q = {0.5, 0.01};
        assertThat(SampledSelection.quantiles(x, 0, n, q, QuantileMethod.LINEAR))
                .isNull();
        Tensor t = Tensor.of(x, new int[] {n}, List.of("x"));
        Grouped g = Grouped.of(t, Set.of("x"), "t");
        // 4096 zeros (3.1 %) and ones: the median is 1, the 1st percentile 0
        assertThat(Quantiles.compute(g, 0, n, q, QuantileMethod.LINEAR)).containsExactly(1.0, 0.0);
    }

    @Test
    void aBracketThatHoldsMoreValuesThanPlannedFallsBack() {
        int n = 1 << 17;
        float[] x = new float[n];
        int[] positions = SampledSelection.samplePositions(n);
        // the sample sees 0, 1, 2, ...; in the data the values between two sampled neighbours around the median
        // repeat a distinct value each, so the median's bracket holds far more values than the sample promised
        for (int i = 0; i < n; i++) {
            x[i] = 0.5f * positions.length + (i % 1000) * 1e-4f;
        }
        for (int j = 0; j < positions.length; j++) {
            x[positions[j]] = j;
        }
        double[] q = {0.5};
        assertThat(SampledSelection.quantiles(x, 0, n, q, QuantileMethod.INVERTED_CDF))
                .isNull();
        float[] sorted = x.clone();
        java.util.Arrays.sort(sorted);
        Tensor t = Tensor.of(x, new int[] {n}, List.of("x"));
        Grouped g = Grouped.of(t, Set.of("x"), "t");
        assertThat(Quantiles.compute(g, 0, n, q, QuantileMethod.INVERTED_CDF))
                .containsExactly((double) sorted[n / 2 - 1]);
    }
}
