package eu.riscale.modelhub.core.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.riscale.modelhub.core.op.Fixtures;
import eu.riscale.modelhub.core.tensor.Sample;
import eu.riscale.modelhub.core.tensor.Tensor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class StatisticsTest {
    private static final List<String> AXES = List.of("batch", "channel", "y", "x");

    @TempDir
    Path tmp;

    static Stream<JsonNode> quantileCases() throws IOException {
        JsonNode root = JsonMapper.builder()
                .build()
                .readTree(Files.readString(Fixtures.dir("ops").resolve("statistics.json")));
        List<JsonNode> out = new ArrayList<>();
        root.get("quantiles").forEach(out::add);
        return out.stream();
    }

    @ParameterizedTest
    @MethodSource("quantileCases")
    void sampleQuantilesEqualNumpyExactly(JsonNode c) {
        Tensor x = Fixtures.read(c.get("input").asString(), AXES);
        QuantileMethod method =
                QuantileMethod.valueOf(c.get("method").asString().toUpperCase(java.util.Locale.ROOT));
        Tensor expected = Fixtures.read(c.get("expected").asString(), null); // (q, batch, channel)
        double[] e = expected.toDoubleArray();
        int perQ = e.length / c.get("q").size();
        for (int k = 0; k < c.get("q").size(); k++) {
            double q = c.get("q").get(k).asDouble();
            Measure m = Measure.quantile(Measure.Scope.SAMPLE, "x", Set.of("y", "x"), q, method);
            Tensor v = SampleStatistics.compute(Sample.of(Map.of("x", x)), Set.of(m))
                    .value(m);
            assertThat(v.axes()).containsExactly("batch", "channel");
            double[] a = v.toDoubleArray();
            for (int i = 0; i < perQ; i++) {
                assertThat(a[i]).as("q=%s %s group %d", q, method, i).isEqualTo(e[k * perQ + i]);
            }
        }
    }

    private static List<Sample> dataset() {
        List<Sample> samples = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            samples.add(Sample.of(Map.of("raw", Fixtures.read("dataset_" + i + ".npy", AXES))));
        }
        return samples;
    }

    @Test
    void datasetMeanAndStdMergeSamplesWithChansFormula() {
        Set<String> axes = Set.of("batch", "y", "x");
        Measure mean = Measure.of(Measure.Kind.MEAN, Measure.Scope.DATASET, "raw", axes);
        Measure std = Measure.of(Measure.Kind.STD, Measure.Scope.DATASET, "raw", axes);
        Measure var = Measure.of(Measure.Kind.VAR, Measure.Scope.DATASET, "raw", axes);
        Statistics s = DatasetStatistics.compute(dataset(), Set.of(mean, std, var));
        double[] em = Fixtures.read("dataset_mean.npy", null).toDoubleArray();
        double[] es = Fixtures.read("dataset_std.npy", null).toDoubleArray();
        assertThat(s.value(mean).axes()).containsExactly("channel");
        for (int c = 0; c < 2; c++) {
            assertThat(s.value(mean).toDoubleArray()[c]).isCloseTo(em[c], org.assertj.core.data.Offset.offset(1e-12));
            assertThat(s.value(std).toDoubleArray()[c]).isCloseTo(es[c], org.assertj.core.data.Offset.offset(1e-12));
            assertThat(s.value(var).toDoubleArray()[c])
                    .isCloseTo(es[c] * es[c], org.assertj.core.data.Offset.offset(1e-11));
        }
    }

    @Test
    void datasetQuantilesAreTheWeightedMeanOfSampleQuantilesAsInTheReference() {
        Set<String> axes = Set.of("batch", "y", "x");
        Measure q1 = Measure.quantile(Measure.Scope.DATASET, "raw", axes, 0.1, QuantileMethod.LINEAR);
        Measure q9 = Measure.quantile(Measure.Scope.DATASET, "raw", axes, 0.9, QuantileMethod.LINEAR);
        Statistics s = DatasetStatistics.compute(dataset(), Set.of(q1, q9));
        double[] e = Fixtures.read("dataset_quantiles.npy", null).toDoubleArray(); // (q, channel)
        assertThat(s.value(q1).toDoubleArray()[0]).isCloseTo(e[0], org.assertj.core.data.Offset.offset(1e-12));
        assertThat(s.value(q1).toDoubleArray()[1]).isCloseTo(e[1], org.assertj.core.data.Offset.offset(1e-12));
        assertThat(s.value(q9).toDoubleArray()[0]).isCloseTo(e[2], org.assertj.core.data.Offset.offset(1e-12));
        assertThat(s.value(q9).toDoubleArray()[1]).isCloseTo(e[3], org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void savesAndLoadsJson() throws IOException {
        Set<String> axes = Set.of("batch", "y", "x");
        Measure mean = Measure.of(Measure.Kind.MEAN, Measure.Scope.DATASET, "raw", axes);
        Measure all = Measure.of(Measure.Kind.STD, Measure.Scope.DATASET, "raw", null);
        Measure q = Measure.quantile(Measure.Scope.DATASET, "raw", null, 0.998, QuantileMethod.LINEAR);
        Statistics s = DatasetStatistics.compute(dataset(), Set.of(mean, all, q));
        Map<Measure, Tensor> withNan = new LinkedHashMap<>(s.values());
        Measure nan = Measure.of(Measure.Kind.VAR, Measure.Scope.DATASET, "other", null);
        withNan.put(nan, Tensor.of(new double[] {Double.NaN}, new int[0], List.of()));
        Statistics original = Statistics.of(withNan);
        Path file = tmp.resolve("dataset_statistics.json");
        original.save(file);
        assertThat(Statistics.load(file)).isEqualTo(original);
    }

    @Test
    void loadReportsTheJsonPathOfBadValues() throws IOException {
        Path file = tmp.resolve("bad.json");
        Files.writeString(file, "{\"format\": \"modelhub-statistics/1\", \"measures\": [{\"kind\": \"median\"}]}");
        assertThatThrownBy(() -> Statistics.load(file))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("bad.json")
                .hasMessageContaining("found 'median', expected one of [mean, var, std, quantile]");
        Files.writeString(
                file,
                "{\"format\": \"modelhub-statistics/1\", \"measures\": [{\"kind\": \"mean\", "
                        + "\"scope\": \"sample\", \"tensor_id\": \"raw\", \"axes\": null, \"value\": "
                        + "{\"axes\": [], \"shape\": [], \"data\": [\"x\"]}}]}");
        assertThatThrownBy(() -> Statistics.load(file))
                .hasMessageContaining("measures[0].value.data[0]: expected a number");
        Files.writeString(file, "{not json");
        assertThatThrownBy(() -> Statistics.load(file)).hasMessageContaining("not valid JSON");
    }

    @Test
    void constantTensorsHaveZeroStd() {
        Tensor c = Tensor.of(new float[] {3, 3, 3, 3}, new int[] {2, 2}, List.of("y", "x"));
        Measure std = Measure.of(Measure.Kind.STD, Measure.Scope.SAMPLE, "c", Set.of("y", "x"));
        assertThat(SampleStatistics.compute(Sample.of(Map.of("c", c)), Set.of(std))
                        .value(std)
                        .toDoubleArray())
                .containsExactly(0.0);
    }

    /** One-pass block sums around a shift inside the block: far outliers, even as a block's first value, cost nothing. */
    @Test
    void farOutliersAtTheStartOfBlocksCostNoPrecision() {
        int n = 3 * Moments.BLOCK + 5;
        float[] v = new float[n];
        java.util.Random r = new java.util.Random(9);
        for (int i = 0; i < n; i++) {
            v[i] = (float) (r.nextGaussian() + 0.25);
        }
        v[0] = 1e7f;
        v[Moments.BLOCK] = -3e6f;
        double mean = 0;
        for (float x : v) {
            mean += x;
        }
        mean /= n;
        double m2 = 0;
        for (float x : v) {
            m2 += (x - mean) * (x - mean);
        }
        Tensor t = Tensor.of(v, new int[] {n}, List.of("x"));
        Measure mu = Measure.of(Measure.Kind.MEAN, Measure.Scope.SAMPLE, "t", Set.of("x"));
        Measure var = Measure.of(Measure.Kind.VAR, Measure.Scope.SAMPLE, "t", Set.of("x"));
        Statistics s = SampleStatistics.compute(Sample.of(Map.of("t", t)), Set.of(mu, var));
        assertThat(s.value(mu).toDoubleArray()[0])
                .isCloseTo(mean, org.assertj.core.data.Percentage.withPercentage(1e-9));
        assertThat(s.value(var).toDoubleArray()[0])
                .isCloseTo(m2 / n, org.assertj.core.data.Percentage.withPercentage(1e-9));
    }

    /** numpy: the mean of values holding +inf is inf, the variance NaN (inf - inf), also when the shift would be inf. */
    @Test
    void infinityGivesAnInfiniteMeanAndANanVariance() {
        float[] v = new float[1001];
        java.util.Arrays.fill(v, 2f);
        v[0] = Float.POSITIVE_INFINITY;
        v[500] = Float.POSITIVE_INFINITY;
        v[1000] = Float.POSITIVE_INFINITY;
        Tensor t = Tensor.of(v, new int[] {v.length}, List.of("x"));
        Measure mu = Measure.of(Measure.Kind.MEAN, Measure.Scope.SAMPLE, "t", Set.of("x"));
        Measure var = Measure.of(Measure.Kind.VAR, Measure.Scope.SAMPLE, "t", Set.of("x"));
        Statistics s = SampleStatistics.compute(Sample.of(Map.of("t", t)), Set.of(mu, var));
        assertThat(s.value(mu).toDoubleArray()).containsExactly(Double.POSITIVE_INFINITY);
        assertThat(s.value(var).toDoubleArray()[0]).isNaN();
    }

    /** Large 8- and 16-bit groups are counted on every core; the values equal selection on float64. */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.EnumSource(
            value = eu.riscale.modelhub.spec.tensor.DType.class,
            names = {"UINT8", "INT16"})
    void largeIntegerGroupsCountedOnEveryCoreEqualSelection(eu.riscale.modelhub.spec.tensor.DType dtype) {
        java.util.Random r = new java.util.Random(13);
        long[] v = new long[300_001];
        for (int i = 0; i < v.length; i++) {
            v[i] = r.nextInt(250);
        }
        Tensor t = Tensor.of(eu.riscale.modelhub.spec.tensor.DType.INT64, v, new int[] {v.length}, List.of("x"))
                .cast(dtype);
        Tensor asDouble = t.cast(eu.riscale.modelhub.spec.tensor.DType.FLOAT64);
        for (double q : new double[] {0, 0.01, 0.5, 0.998, 1}) {
            Measure m = Measure.quantile(Measure.Scope.SAMPLE, "t", Set.of("x"), q, QuantileMethod.LINEAR);
            assertThat(SampleStatistics.compute(Sample.of(Map.of("t", t)), Set.of(m))
                            .value(m))
                    .as("q=%s", q)
                    .isEqualTo(SampleStatistics.compute(Sample.of(Map.of("t", asDouble)), Set.of(m))
                            .value(m));
        }
    }

    @Test
    void nanPropagatesIntoMomentsButQuantilesSkipIt() {
        Tensor t = Tensor.of(
                new double[] {1, Double.NaN, 3, 2, Double.NaN, Double.NaN}, new int[] {2, 3}, List.of("c", "x"));
        Measure mean = Measure.of(Measure.Kind.MEAN, Measure.Scope.SAMPLE, "t", Set.of("x"));
        Measure med = Measure.quantile(Measure.Scope.SAMPLE, "t", Set.of("x"), 0.5, QuantileMethod.LINEAR);
        Statistics s = SampleStatistics.compute(Sample.of(Map.of("t", t)), Set.of(mean, med));
        assertThat(s.value(mean).toDoubleArray()[0]).isNaN();
        assertThat(s.value(med).toDoubleArray()).containsExactly(2.0, 2.0);
        Tensor allNan = Tensor.of(new double[] {Double.NaN}, new int[] {1}, List.of("x"));
        assertThat(SampleStatistics.compute(Sample.of(Map.of("t", allNan)), Set.of(med))
                        .value(med)
                        .toDoubleArray())
                .containsExactly(Double.NaN);
    }

    @Test
    void unknownAxesAreReportedWithTheTensor() {
        Tensor t = Tensor.of(new double[] {1, 2}, new int[] {2}, List.of("x"));
        Measure m = Measure.of(Measure.Kind.MEAN, Measure.Scope.SAMPLE, "t", Set.of("y"));
        assertThatThrownBy(() -> SampleStatistics.compute(Sample.of(Map.of("t", t)), Set.of(m)))
                .hasMessageContaining("statistics of tensor 't': axis 'y' not found, expected axes among [x]");
        assertThatThrownBy(() -> Measure.quantile(Measure.Scope.SAMPLE, "t", null, 1.5, QuantileMethod.LINEAR))
                .hasMessageContaining("q: found 1.5, expected a value in [0, 1]");
    }

    @Test
    void largeGroupsSelectQuantilesInParallelWithTheSameValuesAsSorting() {
        int n = (1 << 20) + 123;
        float[] v = new float[n];
        java.util.Random r = new java.util.Random(3);
        for (int i = 0; i < n; i++) {
            v[i] = (float) Math.floor(r.nextGaussian() * 100) / 4; // many ties
        }
        Tensor t = Tensor.of(v, new int[] {1, n}, List.of("channel", "x"));
        double[] sorted = new double[n];
        for (int i = 0; i < n; i++) {
            sorted[i] = v[i];
        }
        java.util.Arrays.sort(sorted);
        for (double q : new double[] {0.0, 0.01, 0.5, 0.998, 1.0}) {
            Measure lin = Measure.quantile(Measure.Scope.SAMPLE, "t", Set.of("x"), q, QuantileMethod.LINEAR);
            Measure inv = Measure.quantile(Measure.Scope.SAMPLE, "t", Set.of("x"), q, QuantileMethod.INVERTED_CDF);
            Measure other = Measure.quantile(Measure.Scope.SAMPLE, "t", Set.of("x"), 0.3, QuantileMethod.LINEAR);
            Statistics s = SampleStatistics.compute(Sample.of(Map.of("t", t)), Set.of(lin, inv, other));
            double h = (n - 1) * q;
            int lo = (int) Math.floor(h);
            double g = h - lo;
            double a = sorted[lo];
            double b = sorted[Math.min(lo + 1, n - 1)];
            double expectedLinear = g >= 0.5 ? b - (b - a) * (1 - g) : a + (b - a) * g;
            int k = Math.max(0, (int) Math.ceil(n * q) - 1);
            assertThat(s.value(lin).toDoubleArray()).as("linear q=%s", q).containsExactly(expectedLinear);
            assertThat(s.value(inv).toDoubleArray()).as("inverted_cdf q=%s", q).containsExactly(sorted[k]);
        }
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.EnumSource(
            value = eu.riscale.modelhub.spec.tensor.DType.class,
            names = {"BOOL", "INT8", "UINT8", "INT16", "UINT16"})
    void smallIntegerQuantilesByCountingEqualSelectionOnFloat64(eu.riscale.modelhub.spec.tensor.DType dtype) {
        java.util.Random r = new java.util.Random(11);
        long[] v = new long[3 * 1001];
        for (int i = 0; i < v.length; i++) {
            v[i] = r.nextInt(70000) - 35000;
        }
        Tensor t = Tensor.of(eu.riscale.modelhub.spec.tensor.DType.INT64, v, new int[] {3, 1001}, List.of("c", "x"))
                .cast(dtype);
        Tensor asDouble = t.cast(eu.riscale.modelhub.spec.tensor.DType.FLOAT64);
        for (QuantileMethod method : QuantileMethod.values()) {
            for (double q : new double[] {0, 0.013, 0.5, 0.77, 0.999, 1}) {
                Measure m = Measure.quantile(Measure.Scope.SAMPLE, "t", Set.of("x"), q, method);
                assertThat(SampleStatistics.compute(Sample.of(Map.of("t", t)), Set.of(m))
                                .value(m))
                        .as("%s q=%s", method, q)
                        .isEqualTo(SampleStatistics.compute(Sample.of(Map.of("t", asDouble)), Set.of(m))
                                .value(m));
            }
        }
    }
}
