package eu.riscale.modelhub.core.tensor.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The Vector API kernels against the float64 computation of the scalar kernels. Runs in the build's second test
 * execution, whose JVM adds {@code jdk.incubator.vector} (see modelhub-core/pom.xml).
 */
class VectorKernelsTest {
    /** Distance in float32 ulp of the expected value (0 when both are NaN or equal infinities). */
    private static double ulps(float actual, double expected) {
        float e = (float) expected;
        if (Float.isNaN(e) || Float.isInfinite(e)) {
            return Float.compare(actual, e) == 0 ? 0 : Double.POSITIVE_INFINITY;
        }
        return Math.abs(actual - expected) / Math.ulp(Math.max(Math.abs(e), Float.MIN_NORMAL));
    }

    @Test
    void theVectorApiIsInUseInThisRun() {
        assertThat(VectorMath.ENABLED)
                .as("this test class runs in the execution with --add-modules jdk.incubator.vector")
                .isTrue();
    }

    @Test
    void sigmoidIsWithinThreeUlpOfFloat64OverTheWholeRangeAndAnyLength() {
        int n = 200_003; // not a multiple of any vector length: the scalar tail runs too
        float[] in = new float[n];
        for (int i = 0; i < n; i++) {
            in[i] = -120f + 240f * i / (n - 1);
        }
        float[] special = {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, 0f, -0f, 1e-40f, -1e-40f};
        System.arraycopy(special, 0, in, 1000, special.length);
        System.arraycopy(special, 0, in, n - special.length, special.length);
        float[] out = new float[n];
        VectorKernels.sigmoid(in, out, 0, n);
        for (int i = 0; i < n; i++) {
            double expected = 1.0 / (1.0 + Math.exp(-(double) in[i]));
            // below 2^-126 float32 results are subnormal or flush to 0 in float32 arithmetic: absolute error only
            if (expected < Float.MIN_NORMAL) {
                assertThat((double) out[i]).as("sigmoid(%s)", in[i]).isCloseTo(expected, within(1e-37));
            } else {
                assertThat(ulps(out[i], expected))
                        .as("sigmoid(%s) = %s", in[i], out[i])
                        .isLessThanOrEqualTo(3);
            }
        }
    }

    @Test
    void sigmoidWritesOnlyItsRange() {
        float[] in = {1, 2, 3, 4, 5};
        float[] out = {-1, -1, -1, -1, -1};
        VectorKernels.sigmoid(in, out, 1, 4);
        assertThat(out[0]).isEqualTo(-1f);
        assertThat(out[4]).isEqualTo(-1f);
        assertThat(out[2]).isCloseTo((float) (1 / (1 + Math.exp(-3.0))), org.assertj.core.data.Offset.offset(1e-7f));
    }

    @Test
    void softmaxColumnsSumToOneAndMatchFloat64WithNanPropagatingDownItsColumn() {
        int len = 5;
        int w = 37; // a tail after the vector loop
        float[] x = new float[len * w];
        for (int j = 0; j < len; j++) {
            for (int i = 0; i < w; i++) {
                x[j * w + i] = (float) Math.sin(j * 7.3 + i * 0.91) * 40f;
            }
        }
        x[2 * w + 3] = Float.NaN; // column 3
        x[1 * w + 30] = Float.NaN; // column 30, in the tail
        float[] expected = x.clone();
        // rows of w values, stride w + 3 (the gap must stay untouched)
        int stride = w + 3;
        float[] in = new float[len * stride];
        float[] out = new float[len * stride];
        java.util.Arrays.fill(out, -7f);
        for (int j = 0; j < len; j++) {
            System.arraycopy(x, j * w, in, j * stride, w);
        }
        VectorKernels.softmax(in, out, 0, stride, len, w, new float[w], new float[w]);
        for (int j = 0; j < len; j++) {
            System.arraycopy(out, j * stride, x, j * w, w);
            assertThat(out[j * stride + w]).as("gap after row %d", j).isEqualTo(-7f);
        }
        for (int i = 0; i < w; i++) {
            float max = Float.NEGATIVE_INFINITY;
            for (int j = 0; j < len; j++) {
                max = Math.max(max, expected[j * w + i]);
            }
            // as numpy on float32: x - max rounded to float32 (its rounding error dominates for large |x - max|),
            // then exp, sum and quotient, here in float64
            double sum = 0;
            for (int j = 0; j < len; j++) {
                sum += Math.exp(expected[j * w + i] - max);
            }
            for (int j = 0; j < len; j++) {
                double e = Math.exp(expected[j * w + i] - max) / sum;
                float a = x[j * w + i];
                if (i == 3 || i == 30) {
                    assertThat(a).as("column %d with a NaN", i).isNaN();
                } else {
                    assertThat(ulps(a, e))
                            .as("softmax[%d][%d] = %s, expected %s", j, i, a, e)
                            .isLessThanOrEqualTo(4);
                }
            }
        }
    }

    @Test
    void shiftedSumsEqualAFloat64LoopForEveryTailLength() {
        java.util.Random r = new java.util.Random(5);
        for (int n : new int[] {0, 1, 7, 15, 16, 17, 31, 33, 1000, 16384}) {
            float[] a = new float[n + 3];
            for (int i = 0; i < a.length; i++) {
                a[i] = (float) (r.nextGaussian() * 3 + 100);
            }
            double c = 99.5;
            double sum = 0;
            double squares = 0;
            for (int i = 3; i < n + 3; i++) {
                double d = a[i] - c;
                sum += d;
                squares += d * d;
            }
            double[] out = new double[2];
            VectorKernels.shiftedSums(a, 3, n, c, out);
            // only the order of the float64 additions differs
            assertThat(out[0]).as("sum, n=%d", n).isCloseTo(sum, within(1e-12 * Math.max(1, squares)));
            assertThat(out[1]).as("squares, n=%d", n).isCloseTo(squares, within(1e-12 * Math.max(1, squares)));
        }
    }

    @Test
    void shiftedSumsPropagateNanAndInfinity() {
        float[] a = new float[100];
        a[40] = Float.NaN;
        double[] out = new double[2];
        VectorKernels.shiftedSums(a, 0, 100, 0, out);
        assertThat(out[0]).isNaN();
        a[40] = Float.POSITIVE_INFINITY;
        VectorKernels.shiftedSums(a, 0, 100, 0, out);
        assertThat(out[0]).isEqualTo(Double.POSITIVE_INFINITY);
    }

    private static org.assertj.core.data.Offset<Double> within(double d) {
        return org.assertj.core.data.Offset.offset(d);
    }
}
