package eu.riscale.modelhub.core.tensor.internal;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * float32 kernels on the incubating Vector API, not API. The exponential ops use its SIMD {@code exp}: about five times
 * faster per core than {@link Math#exp} in a scalar loop, which the JIT does not vectorise; they compute in float32, as
 * the reference does for float32 tensors (numpy's float32 {@code exp}), within 3 float32 ulp of the float64 computation
 * of the scalar kernels. The moments widen float32 lanes to float64 lanes, so they keep float64 sums. Used only when
 * {@link VectorMath#ENABLED}; referencing this class on a JVM without the {@code jdk.incubator.vector} module fails.
 */
public final class VectorKernels {
    private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Double> WIDE = DoubleVector.SPECIES_PREFERRED;
    /** float32 lanes that widen into exactly one {@link #WIDE} vector. */
    private static final VectorSpecies<Float> NARROW =
            VectorSpecies.of(float.class, VectorShape.forBitSize(WIDE.vectorBitSize() / 2));

    private VectorKernels() {}

    /** {@code out[outOff + i] = 1 / (1 + exp(-in[inOff + i]))} for {@code i} in {@code [0, n)}. */
    public static void sigmoid(float[] in, int inOff, float[] out, int outOff, int n) {
        int i = 0;
        int upper = SPECIES.loopBound(n);
        for (; i < upper; i += SPECIES.length()) {
            FloatVector e = FloatVector.fromArray(SPECIES, in, inOff + i).neg().lanewise(VectorOperators.EXP);
            FloatVector.broadcast(SPECIES, 1f).div(e.add(1f)).intoArray(out, outOff + i);
        }
        for (; i < n; i++) {
            out[outOff + i] = 1f / (1f + (float) Math.exp(-in[inOff + i]));
        }
    }

    /** {@code out[i] = 1 / (1 + exp(-in[i]))} over {@code [from, to)}. */
    public static void sigmoid(float[] in, float[] out, int from, int to) {
        sigmoid(in, from, out, from, to - from);
    }

    /**
     * Softmax along a strided dimension of {@code len} rows of {@code w} consecutive values, row {@code j} starting at
     * {@code base + j * stride} in {@code in} and {@code out}: per column the maximum, then {@code exp(x - max)} and its
     * sum, then the quotient. A NaN in a column makes the whole column NaN.
     *
     * @param max scratch of at least {@code w} values
     * @param sum scratch of at least {@code w} values
     */
    public static void softmax(
            float[] in, float[] out, int base, int stride, int len, int w, float[] max, float[] sum) {
        int step = SPECIES.length();
        int upper = SPECIES.loopBound(w);
        System.arraycopy(in, base, max, 0, w);
        for (int j = 1; j < len; j++) {
            int o = base + j * stride;
            int i = 0;
            for (; i < upper; i += step) {
                // lanewise MAX propagates NaN, as numpy's amax
                FloatVector.fromArray(SPECIES, max, i)
                        .lanewise(VectorOperators.MAX, FloatVector.fromArray(SPECIES, in, o + i))
                        .intoArray(max, i);
            }
            for (; i < w; i++) {
                float v = in[o + i];
                max[i] = v > max[i] || v != v ? v : max[i];
            }
        }
        java.util.Arrays.fill(sum, 0, w, 0f);
        for (int j = 0; j < len; j++) {
            int o = base + j * stride;
            int i = 0;
            for (; i < upper; i += step) {
                FloatVector e = FloatVector.fromArray(SPECIES, in, o + i)
                        .sub(FloatVector.fromArray(SPECIES, max, i))
                        .lanewise(VectorOperators.EXP);
                e.intoArray(out, o + i);
                FloatVector.fromArray(SPECIES, sum, i).add(e).intoArray(sum, i);
            }
            for (; i < w; i++) {
                float e = (float) Math.exp(in[o + i] - max[i]);
                out[o + i] = e;
                sum[i] += e;
            }
        }
        for (int j = 0; j < len; j++) {
            int o = base + j * stride;
            int i = 0;
            for (; i < upper; i += step) {
                FloatVector.fromArray(SPECIES, out, o + i)
                        .div(FloatVector.fromArray(SPECIES, sum, i))
                        .intoArray(out, o + i);
            }
            for (; i < w; i++) {
                out[o + i] /= sum[i];
            }
        }
    }

    /**
     * The sums of {@code d = a[i] - c} and of {@code d * d} over {@code [off, off + n)} in float64 lanes.
     *
     * @param sums receives {@code {sum of d, sum of d * d}}
     */
    public static void shiftedSums(float[] a, int off, int n, double c, double[] sums) {
        int step = NARROW.length();
        DoubleVector shift = DoubleVector.broadcast(WIDE, c);
        DoubleVector s0 = DoubleVector.zero(WIDE);
        DoubleVector s1 = DoubleVector.zero(WIDE);
        DoubleVector q0 = DoubleVector.zero(WIDE);
        DoubleVector q1 = DoubleVector.zero(WIDE);
        int i = 0;
        for (; i + 2 * step <= n; i += 2 * step) {
            DoubleVector d0 = widen(a, off + i).sub(shift);
            DoubleVector d1 = widen(a, off + i + step).sub(shift);
            s0 = s0.add(d0);
            s1 = s1.add(d1);
            q0 = d0.fma(d0, q0);
            q1 = d1.fma(d1, q1);
        }
        double sum = s0.add(s1).reduceLanes(VectorOperators.ADD);
        double squares = q0.add(q1).reduceLanes(VectorOperators.ADD);
        for (; i < n; i++) {
            double d = a[off + i] - c;
            sum += d;
            squares += d * d;
        }
        sums[0] = sum;
        sums[1] = squares;
    }

    private static DoubleVector widen(float[] a, int i) {
        return (DoubleVector) FloatVector.fromArray(NARROW, a, i).convertShape(VectorOperators.F2D, WIDE, 0);
    }
}
