package eu.riscale.modelhub.core.op;

import static org.assertj.core.api.Assertions.assertThat;

import eu.riscale.modelhub.core.stats.Statistics;
import eu.riscale.modelhub.core.tensor.Tensor;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SoftmaxTest {
    /** numpy: exp(x - max) / sum with max = x and sum = exp(0) = 1, so 1, and NaN for NaN and inf (inf - inf). */
    @Test
    void alongAnAxisOfLengthOneIsOneOrNanForNanAndInfinities() {
        float[] v = new float[300_000];
        for (int i = 0; i < v.length; i++) {
            v[i] = i * 0.37f - 5000f;
        }
        v[7] = Float.NaN;
        v[8] = Float.POSITIVE_INFINITY;
        v[9] = Float.NEGATIVE_INFINITY;
        v[10] = Float.MAX_VALUE;
        Tensor x = Tensor.of(v, new int[] {1, 1, v.length}, List.of("batch", "channel", "x"));
        for (Tensor t : List.of(x, x.cast(eu.riscale.modelhub.spec.tensor.DType.FLOAT64))) {
            double[] out = Softmax.along("channel")
                    .apply(t, "x", Statistics.of(Map.of()))
                    .toDoubleArray();
            for (int i = 0; i < out.length; i++) {
                if (i >= 7 && i <= 9) {
                    assertThat(out[i]).as("%s element %d", t.dtype(), i).isNaN();
                } else {
                    assertThat(out[i]).as("%s element %d", t.dtype(), i).isEqualTo(1.0);
                }
            }
        }
    }
}
