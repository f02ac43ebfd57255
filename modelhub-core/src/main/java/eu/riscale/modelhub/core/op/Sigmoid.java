package eu.riscale.modelhub.core.op;

import eu.riscale.modelhub.core.stats.Measure;
import eu.riscale.modelhub.core.stats.Statistics;
import eu.riscale.modelhub.core.tensor.Tensor;
import eu.riscale.modelhub.core.tensor.internal.Parallel;
import eu.riscale.modelhub.core.tensor.internal.Storage;
import eu.riscale.modelhub.core.tensor.internal.VectorKernels;
import eu.riscale.modelhub.core.tensor.internal.VectorMath;
import eu.riscale.modelhub.spec.tensor.DType;
import java.util.Set;

/**
 * {@code sigmoid}: {@code y = 1 / (1 + exp(-x))}, computed in float64 and rounded to the float result type. With the
 * Vector API available (see {@code docs/performance.md}) float32 tensors are computed in float32 with SIMD {@code exp},
 * as numpy does.
 */
public final class Sigmoid implements Op {
    private static final Sigmoid INSTANCE = new Sigmoid();

    private Sigmoid() {}

    /** {@return the sigmoid op} */
    public static Sigmoid of() {
        return INSTANCE;
    }

    /** {@inheritDoc} */
    @Override
    public String id() {
        return "sigmoid";
    }

    /** {@inheritDoc} */
    @Override
    public Set<Measure> requiredMeasures(String tensorId) {
        return Set.of();
    }

    /** {@inheritDoc} */
    @Override
    public Tensor apply(Tensor input, String tensorId, Statistics statistics) {
        int n = input.size();
        if (input.dtype() == DType.FLOAT32) {
            float[] in = (float[]) Storage.data(input);
            float[] out = new float[n];
            if (VectorMath.ENABLED) {
                Parallel.forRange(n, n, (from, to) -> VectorKernels.sigmoid(in, out, from, to));
            } else {
                Parallel.forRange(n, n, (from, to) -> {
                    for (int i = from; i < to; i++) {
                        out[i] = (float) (1.0 / (1.0 + Math.exp(-(double) in[i])));
                    }
                });
            }
            return Storage.wrap(DType.FLOAT32, out, input.shape(), input.axes());
        }
        double[] in = input.dtype() == DType.FLOAT64 ? (double[]) Storage.data(input) : input.toDoubleArray();
        double[] out = new double[n];
        Parallel.forRange(n, n, (from, to) -> {
            for (int i = from; i < to; i++) {
                out[i] = 1.0 / (1.0 + Math.exp(-in[i]));
            }
        });
        return Storage.wrap(DType.FLOAT64, out, input.shape(), input.axes());
    }

    @Override
    public String toString() {
        return "Sigmoid";
    }
}
