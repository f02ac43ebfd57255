package eu.riscale.modelhub.core.op;

import eu.riscale.modelhub.core.stats.Measure;
import eu.riscale.modelhub.core.stats.Statistics;
import eu.riscale.modelhub.core.tensor.Tensor;
import eu.riscale.modelhub.core.tensor.internal.Storage;
import eu.riscale.modelhub.spec.tensor.DType;
import java.util.Objects;
import java.util.Set;

/**
 * {@code softmax} along one axis: {@code y_i = exp(x_i - max) / sum_j exp(x_j - max)} (max-subtracted, so large inputs
 * do not overflow), computed in float64 and rounded to the float result type.
 */
public final class Softmax implements Op {
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
        boolean f32 = input.dtype() == DType.FLOAT32;
        float[] inF = f32 ? (float[]) Storage.data(input) : null;
        double[] inD =
                f32 ? null : input.dtype() == DType.FLOAT64 ? (double[]) Storage.data(input) : input.toDoubleArray();
        float[] outF = f32 ? new float[n] : null;
        double[] outD = f32 ? null : new double[n];
        int innerF = inner;
        Parallel.forRange(outer, n, (from, to) -> {
            double[] max = new double[innerF];
            double[] sum = new double[innerF];
            double[] e = new double[len * innerF];
            for (int o = from; o < to; o++) {
                int base = o * len * innerF;
                java.util.Arrays.fill(max, Double.NEGATIVE_INFINITY);
                java.util.Arrays.fill(sum, 0);
                for (int j = 0; j < len; j++) {
                    int off = base + j * innerF;
                    for (int i = 0; i < innerF; i++) {
                        double v = f32 ? inF[off + i] : inD[off + i];
                        if (v > max[i] || v != v) {
                            max[i] = v;
                        }
                    }
                }
                for (int j = 0; j < len; j++) {
                    int off = base + j * innerF;
                    for (int i = 0; i < innerF; i++) {
                        double v = f32 ? inF[off + i] : inD[off + i];
                        double ex = Math.exp(v - max[i]);
                        e[j * innerF + i] = ex;
                        sum[i] += ex;
                    }
                }
                for (int j = 0; j < len; j++) {
                    int off = base + j * innerF;
                    for (int i = 0; i < innerF; i++) {
                        double y = e[j * innerF + i] / sum[i];
                        if (f32) {
                            outF[off + i] = (float) y;
                        } else {
                            outD[off + i] = y;
                        }
                    }
                }
            }
        });
        return f32
                ? Storage.wrap(DType.FLOAT32, outF, shape, input.axes())
                : Storage.wrap(DType.FLOAT64, outD, shape, input.axes());
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
