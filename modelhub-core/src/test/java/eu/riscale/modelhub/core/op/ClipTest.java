package eu.riscale.modelhub.core.op;

import static org.assertj.core.api.Assertions.assertThat;

import eu.riscale.modelhub.core.tensor.Sample;
import eu.riscale.modelhub.core.tensor.Tensor;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Percentile clipping of tensors large enough to be split over threads (the fixtures cover small ones). */
class ClipTest {
    /** numpy's {@code inverted_cdf} quantile of the non-NaN values, by sorting. */
    private static double invertedCdf(float[] group, double q) {
        float[] v = new float[group.length];
        int n = 0;
        for (float f : group) {
            if (!Float.isNaN(f)) {
                v[n++] = f;
            }
        }
        float[] sorted = Arrays.copyOf(v, n);
        Arrays.sort(sorted);
        return sorted[Math.max(0, (int) Math.ceil(n * q) - 1)];
    }

    @Test
    void perChannelPercentileBoundsOfALargeTensorAreTheTwoWherePassesOfTheReference() {
        int plane = 300 * 300;
        float[] x = new float[3 * plane];
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < x.length; i++) {
            x[i] = random.nextInt(100) == 0 ? Float.NaN : (float) random.nextGaussian() * (1 + i / plane);
        }
        Tensor t = Tensor.of(x, new int[] {3, 300, 300}, List.of("channel", "y", "x"));
        ProcessingChain chain = ProcessingChain.of(b -> b.add("raw", Clip.percentiles(1, 99.8, Set.of("y", "x"))));

        float[] actual = chain.apply(Sample.of(Map.of("raw", t))).tensor("raw").toFloatArray();

        for (int c = 0; c < 3; c++) {
            float[] group = Arrays.copyOfRange(x, c * plane, (c + 1) * plane);
            double lo = invertedCdf(group, 0.01);
            double hi = invertedCdf(group, 0.998);
            for (int i = c * plane; i < (c + 1) * plane; i++) {
                // where(x >= lo, x, lo), then where(y <= hi, y, hi): NaN becomes lo
                float y = x[i] >= lo ? x[i] : (float) lo;
                float expected = y <= hi ? y : (float) hi;
                assertThat(actual[i]).as("element %d", i).isEqualTo(expected);
            }
        }
    }
}
