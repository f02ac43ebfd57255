package eu.riscale.modelhub.core.op;

import eu.riscale.modelhub.core.stats.Measure;
import eu.riscale.modelhub.core.stats.Statistics;
import eu.riscale.modelhub.core.tensor.Tensor;
import eu.riscale.modelhub.core.tensor.internal.Parallel;
import eu.riscale.modelhub.core.tensor.internal.Storage;
import eu.riscale.modelhub.core.tensor.internal.VectorKernels;
import eu.riscale.modelhub.core.tensor.internal.VectorMath;
import eu.riscale.modelhub.spec.tensor.DType;
import java.util.Objects;
import java.util.Set;

/**
 * {@code softmax} along one axis: {@code y_i = exp(x_i - max) / sum_j exp(x_j - max)} (max-subtracted, so large inputs
 * do not overflow), computed in float64 and rounded to the float result type. With the Vector API available (see
 * {@code docs/performance.md}) float32 tensors are computed in float32 with SIMD {@code exp}, as numpy does.
 */
public final class Softmax implements Op {
    private static final int BLOCK_ELEMENTS = 1 << 12;

    private final String axis;

    private Softmax(String axis) {
        this.axis = Objects.requireNonNull(axis, "axis");
    }

    /**
     * Creates the op.
     *
     * @param axis the axis id the probabilities sum to 1 along (the spec's default is {@code channel})
     * @return the op
     */
    public static Softmax along(String axis) {
        return new Softmax(axis);
    }

    /** {@return the axis id} */
    public String axis() {
        return axis;
    }

    /** {@inheritDoc} */
    @Override
    public String id() {
        return "softmax";
    }

    /** {@inheritDoc} */
    @Override
    public Set<Measure> requiredMeasures(String tensorId) {
        return Set.of();
    }

    /** {@inheritDoc} */
    @Override
    public Tensor apply(Tensor input, String tensorId, Statistics statistics) {
        if (!input.axes().contains(axis)) {
            throw new IllegalArgumentException("softmax of tensor '" + tensorId + "': axis '" + axis
                    + "' not found, expected one of " + input.axes());
        }
        int[] shape = input.shape();
        int k = input.axisIndex(axis);
        int len = shape[k];
        int outer = 1;
        for (int i = 0; i < k; i++) {
            outer *= shape[i];
        }
        int inner = 1;
        for (int i = k + 1; i < shape.length; i++) {
            inner *= shape[i];
        }
        int n = input.size();
        int block = Math.max(1, Math.min(inner, BLOCK_ELEMENTS / Math.max(1, len)));
        int blocksPerOuter = (inner + block - 1) / block;
        int innerF = inner;
        if (len == 1) {
            return single(input);
        }
        if (input.dtype() == DType.FLOAT32 && VectorMath.ENABLED) {
            float[] in = (float[]) Storage.data(input);
            float[] out = new float[n];
            Parallel.forRange(outer * blocksPerOuter, n, (from, to) -> {
                float[] max = new float[block];
                float[] sum = new float[block];
                for (int u = from; u < to; u++) {
                    int i0 = (u % blocksPerOuter) * block;
                    int base = (u / blocksPerOuter) * len * innerF + i0;
                    int w = Math.min(block, innerF - i0);
                    VectorKernels.softmax(in, out, base, innerF, len, w, max, sum);
                }
            });
            return Storage.wrap(DType.FLOAT32, out, shape, input.axes());
        }
        if (input.dtype() == DType.FLOAT32) {
            float[] in = (float[]) Storage.data(input);
            float[] out = new float[n];
            Parallel.forRange(outer * blocksPerOuter, n, (from, to) -> {
                Scratch sc = new Scratch(block, len);
                for (int u = from; u < to; u++) {
                    int i0 = (u % blocksPerOuter) * block;
                    int base = (u / blocksPerOuter) * len * innerF + i0;
                    int w = Math.min(block, innerF - i0);
                    for (int j = 0; j < len; j++) {
                        int off = base + j * innerF;
                        for (int i = 0; i < w; i++) {
                            sc.x[j * w + i] = in[off + i];
                        }
                    }
                    sc.softmax(len, w, true);
                    for (int j = 0; j < len; j++) {
                        int off = base + j * innerF;
                        for (int i = 0; i < w; i++) {
                            out[off + i] = (float) sc.x[j * w + i];
                        }
                    }
                }
            });
            return Storage.wrap(DType.FLOAT32, out, shape, input.axes());
        }
        double[] in = input.dtype() == DType.FLOAT64 ? (double[]) Storage.data(input) : input.toDoubleArray();
        double[] out = new double[n];
        Parallel.forRange(outer * blocksPerOuter, n, (from, to) -> {
            Scratch sc = new Scratch(block, len);
            for (int u = from; u < to; u++) {
                int i0 = (u % blocksPerOuter) * block;
                int base = (u / blocksPerOuter) * len * innerF + i0;
                int w = Math.min(block, innerF - i0);
                for (int j = 0; j < len; j++) {
                    System.arraycopy(in, base + j * innerF, sc.x, j * w, w);
                }
                sc.softmax(len, w, false);
                for (int j = 0; j < len; j++) {
                    System.arraycopy(sc.x, j * w, out, base + j * innerF, w);
                }
            }
        });
        return Storage.wrap(DType.FLOAT64, out, shape, input.axes());
    }

    /**
     * Softmax along an axis of length 1: {@code exp(x - x) / exp(x - x)}, which is 1, or NaN where {@code x} is NaN or
     * infinite ({@code inf - inf}), as numpy computes it.
     */
    private static Tensor single(Tensor input) {
        int n = input.size();
        if (input.dtype() == DType.FLOAT32) {
            float[] in = (float[]) Storage.data(input);
            float[] out = new float[n];
            Parallel.forRange(n, n, (from, to) -> {
                for (int i = from; i < to; i++) {
                    out[i] = (in[i] - in[i]) + 1f;
                }
            });
            return Storage.wrap(DType.FLOAT32, out, input.shape(), input.axes());
        }
        double[] in = input.dtype() == DType.FLOAT64 ? (double[]) Storage.data(input) : input.toDoubleArray();
        double[] out = new double[n];
        Parallel.forRange(n, n, (from, to) -> {
            for (int i = from; i < to; i++) {
                out[i] = (in[i] - in[i]) + 1;
            }
        });
        return Storage.wrap(DType.FLOAT64, out, input.shape(), input.axes());
    }

    /** Per-thread scratch: a {@code len x w} block of values in float64, softmax along the first dimension. */
    private static final class Scratch {
        final double[] x;
        final double[] max;
        final double[] sum;

        Scratch(int block, int len) {
            x = new double[len * block];
            max = new double[block];
            sum = new double[block];
        }

        void softmax(int len, int w, boolean forFloat32) {
            double[] x = this.x;
            double[] max = this.max;
            double[] sum = this.sum;
            System.arraycopy(x, 0, max, 0, w);
            for (int j = 1; j < len; j++) {
                int o = j * w;
                for (int i = 0; i < w; i++) {
                    // Math.max lets NaN win, so it propagates to the whole slice; no branch on random data
                    max[i] = Math.max(max[i], x[o + i]);
                }
            }
            java.util.Arrays.fill(sum, 0, w, 0);
            for (int j = 0; j < len; j++) {
                int o = j * w;
                for (int i = 0; i < w; i++) {
                    double e = Math.exp(x[o + i] - max[i]);
                    x[o + i] = e;
                    sum[i] += e;
                }
            }
            if (forFloat32) {
                // one division per column: the product is within one float64 rounding of the quotient, which the
                // rounding to float32 hides
                for (int i = 0; i < w; i++) {
                    sum[i] = 1 / sum[i];
                }
                for (int j = 0; j < len; j++) {
                    int o = j * w;
                    for (int i = 0; i < w; i++) {
                        x[o + i] *= sum[i];
                    }
                }
            } else {
                // float64 results: numpy's quotient exactly
                for (int j = 0; j < len; j++) {
                    int o = j * w;
                    for (int i = 0; i < w; i++) {
                        x[o + i] /= sum[i];
                    }
                }
            }
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Softmax && ((Softmax) o).axis.equals(axis);
    }

    @Override
    public int hashCode() {
        return axis.hashCode();
    }

    @Override
    public String toString() {
        return "Softmax[axis=" + axis + "]";
    }
}
