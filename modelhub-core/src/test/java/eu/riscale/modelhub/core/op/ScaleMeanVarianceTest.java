package eu.riscale.modelhub.core.op;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import eu.riscale.modelhub.core.tensor.Sample;
import eu.riscale.modelhub.core.tensor.Tensor;
import eu.riscale.modelhub.spec.tensor.DType;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The fused loop of {@code scale_mean_variance} against the formula written out per element. */
class ScaleMeanVarianceTest {
    private static final double EPS = 1e-6;

    private static double mean(double[] v, int from, int to) {
        double s = 0;
        for (int i = from; i < to; i++) {
            s += v[i];
        }
        return s / (to - from);
    }

    private static double std(double[] v, int from, int to) {
        double m = mean(v, from, to);
        double s = 0;
        for (int i = from; i < to; i++) {
            s += (v[i] - m) * (v[i] - m);
        }
        return Math.sqrt(s / (to - from));
    }

    @Test
    void perChannelStatisticsOfTheTensorAndOneChannelOfTheReferenceBroadcastByAxisName() {
        // tensor statistics per channel (3 values), reference statistics of a one-channel reference (1 value)
        double[] x = {1, 2, 3, 4, 10, 20, 30, 50, -1, 0, 0, 1};
        double[] ref = {5, 7, 9, 11};
        List<String> axes = List.of("channel", "x");
        Sample sample = Sample.of(Map.of(
                "raw", Tensor.of(x, new int[] {3, 4}, axes),
                "ref", Tensor.of(ref, new int[] {1, 4}, axes)));
        ProcessingChain chain = ProcessingChain.of(b -> b.add("raw", ScaleMeanVariance.of("ref", Set.of("x"), EPS)));

        double[] actual = chain.apply(sample).tensor("raw").toDoubleArray();

        double rm = mean(ref, 0, 4);
        double rs = std(ref, 0, 4);
        for (int c = 0; c < 3; c++) {
            double m = mean(x, 4 * c, 4 * c + 4);
            double s = std(x, 4 * c, 4 * c + 4);
            for (int i = 4 * c; i < 4 * c + 4; i++) {
                assertThat(actual[i])
                        .as("element %d", i)
                        .isCloseTo((x[i] - m) / (s + EPS) * (rs + EPS) + rm, within(1e-12));
            }
        }
    }

    @Test
    void wholeTensorStatisticsOfALargeFloat32TensorGiveTheSameResultWithAndWithoutSplitting() {
        // 3 x 300 x 300 elements: above the parallel threshold; statistics over all axes are scalars
        int n = 3 * 300 * 300;
        SplittableRandom random = new SplittableRandom(7);
        float[] x = new float[n];
        float[] ref = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) random.nextDouble(-2, 5);
            ref[i] = (float) random.nextDouble(100, 200);
        }
        List<String> axes = List.of("channel", "y", "x");
        int[] shape = {3, 300, 300};
        Sample sample = Sample.of(Map.of("raw", Tensor.of(x, shape, axes), "ref", Tensor.of(ref, shape, axes)));
        ProcessingChain chain = ProcessingChain.of(b -> b.add("raw", ScaleMeanVariance.of("ref", null, 1e-4)));

        Tensor out = chain.apply(sample).tensor("raw");

        assertThat(out.dtype()).isEqualTo(DType.FLOAT32);
        double[] xd = Tensor.of(x, shape, axes).toDoubleArray();
        double[] rd = Tensor.of(ref, shape, axes).toDoubleArray();
        double m = mean(xd, 0, n);
        double s = std(xd, 0, n);
        double rm = mean(rd, 0, n);
        double rs = std(rd, 0, n);
        float[] actual = out.toFloatArray();
        for (int i = 0; i < n; i++) {
            double expected = (xd[i] - m) / (s + 1e-4) * (rs + 1e-4) + rm;
            assertThat((double) actual[i]).as("element %d", i).isCloseTo(expected, within(1e-6 * Math.abs(expected)));
        }
    }
}
