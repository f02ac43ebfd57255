package eu.riscale.modelhub.core.op;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * float32 kernels of the exponential ops on the incubating Vector API (SIMD {@code exp}): about five times faster per
 * core than {@link Math#exp} in a scalar loop, which the JIT does not vectorise. They compute in float32, as the
 * reference does for float32 tensors (numpy's float32 {@code exp}); results are within 2 float32 ulp of the float64
 * computation of the scalar kernels. Used only when {@link VectorMath#ENABLED}; referencing this class on a JVM without
 * the {@code jdk.incubator.vector} module fails.
 */
final class VectorKernels {
    private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;

    private VectorKernels() {}

    /** {@code out[i] = 1 / (1 + exp(-in[i]))} over {@code [from, to)}. */
    static void sigmoid(float[] in, float[] out, int from, int to) {
        int i = from;
        int upper = from + SPECIES.loopBound(to - from);
        for (; i < upper; i += SPECIES.length()) {
            FloatVector e = FloatVector.fromArray(SPECIES, in, i).neg().lanewise(VectorOperators.EXP);
            FloatVector.broadcast(SPECIES, 1f).div(e.add(1f)).intoArray(out, i);
        }
        for (; i < to; i++) {
            out[i] = 1f / (1f + (float) Math.exp(-in[i]));
        }
    }

    /**
     * Softmax along a strided dimension of {@code len} rows of {@code w} consecutive values, row {@code j} starting at
     * {@code base + j * stride} in {@code in} and {@code out}: per column the maximum, then {@code exp(x - max)} and its
     * sum, then the quotient. A NaN in a column makes the whole column NaN.
     *
     * @param max scratch of at least {@code w} values
     * @param sum scratch of at least {@code w} values
     */
    static void softmax(float[] in, float[] out, int base, int stride, int len, int w, float[] max, float[] sum) {
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
}
