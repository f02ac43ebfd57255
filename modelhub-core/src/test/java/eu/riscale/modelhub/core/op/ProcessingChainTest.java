package eu.riscale.modelhub.core.op;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.riscale.modelhub.core.stats.Measure;
import eu.riscale.modelhub.core.stats.QuantileMethod;
import eu.riscale.modelhub.core.stats.Statistics;
import eu.riscale.modelhub.core.tensor.Sample;
import eu.riscale.modelhub.core.tensor.Tensor;
import eu.riscale.modelhub.core.tensor.internal.Parallel;
import eu.riscale.modelhub.spec.tensor.DType;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ProcessingChainTest {
    private static final List<String> CX = List.of("channel", "x");

    private static Tensor tensor(double... v) {
        return Tensor.of(v, new int[] {1, v.length}, CX).cast(DType.FLOAT32);
    }

    @Test
    void statisticsComeFromTheRawSampleBeforeAnyOpRuns() {
        // [scale_linear x10, scale_range 0..100]: percentiles of the unscaled tensor (0 and 4) applied to the scaled
        // one
        ProcessingChain chain = ProcessingChain.builder()
                .add("raw", ScaleLinear.of(10, 0), ScaleRange.percentiles(0, 100, Set.of("x"), null))
                .build();
        Tensor out =
                chain.apply(Sample.of(Map.of("raw", tensor(0, 1, 2, 3, 4)))).tensor("raw");
        double[] expected = {0, 10 / (4 + 1e-6), 20 / (4 + 1e-6), 30 / (4 + 1e-6), 40 / (4 + 1e-6)};
        double[] actual = out.toDoubleArray();
        for (int i = 0; i < expected.length; i++) {
            assertThat(actual[i]).isCloseTo(expected[i], org.assertj.core.data.Offset.offset(1e-5));
        }
    }

    @Test
    void runningDatasetStatisticsIncludeTheCurrentSample() {
        ProcessingChain chain = ProcessingChain.of(b -> b.add("raw", ZeroMeanUnitVariance.over(null)));
        Sample first = chain.apply(Sample.of(Map.of("raw", tensor(1, 3))));
        assertThat(first.tensor("raw").toDoubleArray()[0]).isCloseTo(-1, org.assertj.core.data.Offset.offset(1e-5));
        // after (1, 3) and (5, 7): mean 4, population std sqrt(5)
        Sample second = chain.apply(Sample.of(Map.of("raw", tensor(5, 7))));
        assertThat(second.tensor("raw").toDoubleArray()[0])
                .isCloseTo((5 - 4) / (Math.sqrt(5) + 1e-6), org.assertj.core.data.Offset.offset(1e-6));
        Measure mean = Measure.of(Measure.Kind.MEAN, Measure.Scope.DATASET, "raw", null);
        assertThat(chain.datasetStatistics().value(mean).toDoubleArray()).containsExactly(4.0);
    }

    @Test
    void givenDatasetStatisticsAreFrozen() {
        Measure mean = Measure.of(Measure.Kind.MEAN, Measure.Scope.DATASET, "raw", null);
        Measure std = Measure.of(Measure.Kind.STD, Measure.Scope.DATASET, "raw", null);
        Tensor scalar10 = Tensor.of(new double[] {10}, new int[0], List.of());
        Tensor scalar2 = Tensor.of(new double[] {2}, new int[0], List.of());
        ProcessingChain chain = ProcessingChain.builder()
                .add("raw", ZeroMeanUnitVariance.over(null))
                .datasetStatistics(Statistics.of(Map.of(mean, scalar10, std, scalar2)))
                .build();
        for (int i = 0; i < 2; i++) {
            Tensor out = chain.apply(Sample.of(Map.of("raw", tensor(12, 14)))).tensor("raw");
            assertThat(out.toDoubleArray()[0]).isCloseTo(2 / (2 + 1e-6), org.assertj.core.data.Offset.offset(1e-6));
        }
    }

    @Test
    void keepUpdatingReplacesGivenDatasetStatisticsByTheRunningAggregate() {
        Measure mean = Measure.of(Measure.Kind.MEAN, Measure.Scope.DATASET, "raw", null);
        Measure std = Measure.of(Measure.Kind.STD, Measure.Scope.DATASET, "raw", null);
        ProcessingChain chain = ProcessingChain.builder()
                .add("raw", ZeroMeanUnitVariance.over(null))
                .datasetStatistics(Statistics.of(Map.of(
                        mean, Tensor.of(new double[] {10}, new int[0], List.of()),
                        std, Tensor.of(new double[] {2}, new int[0], List.of()))))
                .keepUpdating(true)
                .build();
        Tensor out = chain.apply(Sample.of(Map.of("raw", tensor(12, 14)))).tensor("raw");
        // running over (12, 14): mean 13, std 1
        assertThat(out.toDoubleArray()[0]).isCloseTo(-1 / (1 + 1e-6), org.assertj.core.data.Offset.offset(1e-6));
    }

    @Test
    void declaresTheMeasuresOfItsOps() {
        ProcessingChain chain = ProcessingChain.builder()
                .add("raw", Clip.percentiles(1, 99, Set.of("x")), EnsureDtype.of(DType.FLOAT32))
                .add("mask", Binarize.of(0.5))
                .build();
        assertThat(chain.requiredMeasures())
                .containsExactlyInAnyOrder(
                        Measure.quantile(Measure.Scope.SAMPLE, "raw", Set.of("x"), 0.01, QuantileMethod.INVERTED_CDF),
                        Measure.quantile(Measure.Scope.SAMPLE, "raw", Set.of("x"), 0.99, QuantileMethod.INVERTED_CDF));
        Sample out = chain.apply(Sample.of(Map.of("raw", tensor(1, 2), "other", tensor(3))));
        assertThat(out.ids()).containsExactlyInAnyOrder("raw", "other");
        assertThat(out.tensor("other")).isEqualTo(tensor(3));
    }

    @Test
    void ensureDtypeCanRunAnywhereInTheChain() {
        ProcessingChain chain = ProcessingChain.builder()
                .add("raw", EnsureDtype.of(DType.FLOAT32), ScaleLinear.of(2, 1), EnsureDtype.of(DType.UINT8))
                .build();
        Tensor in = Tensor.of(DType.UINT8, new byte[] {1, (byte) 200}, new int[] {1, 2}, CX);
        Tensor out = chain.apply(Sample.of(Map.of("raw", in))).tensor("raw");
        assertThat(out.dtype()).isEqualTo(DType.UINT8);
        assertThat(out.toDoubleArray()).containsExactly(3, 145); // 401 wraps to 145
    }

    @Test
    void perAxisValuesMustMatchTheAxisLength() {
        Sample s = Sample.of(Map.of("raw", Tensor.of(new float[6], new int[] {3, 2}, CX)));
        assertThatThrownBy(() -> ProcessingChain.of(b ->
                                b.add("raw", ScaleLinear.alongAxis("channel", new double[] {1, 2}, new double[] {0})))
                        .apply(s))
                .hasMessageContaining("scale_linear of tensor 'raw': found 2 values along axis 'channel', expected 3");
        assertThatThrownBy(() -> FixedZeroMeanUnitVariance.alongAxis("channel", new double[] {1, 2}, new double[] {1}))
                .hasMessageContaining("found 2 means and 1 stds");
        assertThatThrownBy(() ->
                        Binarize.alongAxis("z", new double[] {1}).apply(s.tensor("raw"), "raw", Statistics.empty()))
                .hasMessageContaining("axis 'z' not found");
        assertThatThrownBy(() -> ScaleLinear.alongAxis("channel", new double[0], new double[] {1}))
                .hasMessageContaining("scale_linear gain: found an empty list");
    }

    @Test
    void invalidKwargsAreRejectedEagerly() {
        assertThatThrownBy(() -> Clip.of(1.0, 5.0, null, null, null)).hasMessageContaining("not both");
        assertThatThrownBy(() -> Clip.between(3, 1)).hasMessageContaining("expected min < max");
        assertThatThrownBy(() -> ScaleRange.percentiles(50, 40, null, null)).hasMessageContaining("must be below");
        assertThatThrownBy(() -> ZeroMeanUnitVariance.over(null, 0.5))
                .hasMessageContaining("expected a value in (0, 0.1]");
    }

    @Test
    void missingStatisticsAndTensorsAreReported() {
        Tensor t = tensor(1, 2);
        assertThatThrownBy(() -> ZeroMeanUnitVariance.over(Set.of("x")).apply(t, "raw", Statistics.empty()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no value for sample.mean(raw, axes=[x])");
        ProcessingChain chain =
                ProcessingChain.of(b -> b.add("raw", ScaleRange.percentiles(0, 100, Set.of("x"), "ref")));
        assertThatThrownBy(() -> chain.apply(Sample.of(Map.of("raw", t))))
                .hasMessageContaining("no value for sample.quantile(q=0.0, linear, ref");
    }

    @Test
    void nanHandlingOfTheOps() {
        Tensor t = tensor(Double.NaN, 1, 5);
        Statistics none = Statistics.empty();
        assertThat(Clip.between(0, 2).apply(t, "t", none).toDoubleArray()).containsExactly(Double.NaN, 1, 2);
        assertThat(Binarize.of(0).apply(t, "t", none).toDoubleArray()).containsExactly(0, 1, 1);
        assertThat(Sigmoid.of().apply(t, "t", none).toDoubleArray()[0]).isNaN();
        // percentile clip: quantiles skip NaN, and NaN is replaced by the lower bound as the reference's where() does
        Tensor clipped = ProcessingChain.of(b -> b.add("t", Clip.percentiles(0, 100, Set.of("x"))))
                .apply(Sample.of(Map.of("t", t)))
                .tensor("t");
        assertThat(clipped.toDoubleArray()).containsExactly(1, 1, 5);
    }

    @Test
    void softmaxIsStableForLargeInputs() {
        Tensor t = Tensor.of(new double[] {1000, 1001, -1000, -1001}, new int[] {2, 2}, List.of("channel", "x"));
        double[] y = Softmax.along("channel").apply(t, "t", Statistics.empty()).toDoubleArray();
        assertThat(y).containsExactly(1, 1, 0, 0);
        double[] z = Softmax.along("x").apply(t, "t", Statistics.empty()).toDoubleArray();
        assertThat(z[0] + z[1]).isCloseTo(1, org.assertj.core.data.Offset.offset(1e-15));
        assertThat(z[1]).isCloseTo(1 / (1 + Math.exp(-1)), org.assertj.core.data.Offset.offset(1e-15));
    }

    @Test
    void largeTensorsGiveTheSameResultsInParallel() {
        int n = Parallel.THRESHOLD * 2 + 7;
        float[] v = new float[n];
        java.util.Random r = new java.util.Random(42);
        for (int i = 0; i < n; i++) {
            v[i] = (float) r.nextGaussian();
        }
        Tensor big = Tensor.of(v, new int[] {1, n}, CX);
        Tensor y = ScaleLinear.of(3, 1).apply(big, "b", Statistics.empty());
        Tensor s = Sigmoid.of().apply(big, "b", Statistics.empty());
        float[] yv = y.toFloatArray();
        float[] sv = s.toFloatArray();
        for (int i = 0; i < n; i += 997) {
            assertThat(yv[i]).isEqualTo(v[i] * 3f + 1f);
            assertThat(sv[i]).isEqualTo((float) (1 / (1 + Math.exp(-(double) v[i]))));
        }
        assertThat(yv[n - 1]).isEqualTo(v[n - 1] * 3f + 1f);
    }

    @Test
    void softmaxOverManyBlocksMatchesAColumnByColumnComputation() {
        int c = 3;
        int w = 5000; // more than one scratch block per channel slice
        double[] v = new double[c * w];
        java.util.Random r = new java.util.Random(7);
        for (int i = 0; i < v.length; i++) {
            v[i] = r.nextGaussian() * 10;
        }
        Tensor t = Tensor.of(v, new int[] {c, w}, List.of("channel", "x"));
        double[] y = Softmax.along("channel").apply(t, "t", Statistics.empty()).toDoubleArray();
        for (int i = 0; i < w; i++) {
            double m = Math.max(v[i], Math.max(v[w + i], v[2 * w + i]));
            double s = Math.exp(v[i] - m) + Math.exp(v[w + i] - m) + Math.exp(v[2 * w + i] - m);
            for (int k = 0; k < c; k++) {
                assertThat(y[k * w + i]).isEqualTo(Math.exp(v[k * w + i] - m) / s);
            }
        }
    }
}
