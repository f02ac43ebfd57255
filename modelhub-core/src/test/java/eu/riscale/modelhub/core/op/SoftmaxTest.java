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

    /** numpy: amax and the sum propagate NaN, so a NaN makes its whole slice NaN; other slices sum to 1. */
    @Test
    void aNanMakesItsWholeSliceNanAndOtherSlicesSumToOne() {
        int columns = 5000;
        float[] v = new float[3 * columns];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) Math.sin(i * 0.7) * 30;
        }
        v[columns + 17] = Float.NaN; // channel 1 of column 17
        Tensor x = Tensor.of(v, new int[] {1, 3, columns}, List.of("batch", "channel", "x"));
        double[] out =
                Softmax.along("channel").apply(x, "x", Statistics.of(Map.of())).toDoubleArray();
        for (int c = 0; c < columns; c++) {
            double sum = out[c] + out[columns + c] + out[2 * columns + c];
            if (c == 17) {
                assertThat(new double[] {out[c], out[columns + c], out[2 * columns + c]})
                        .as("column 17")
                        .containsOnly(Double.NaN);
            } else {
                assertThat(sum).as("column %d", c).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-6));
            }
        }
    }
}
