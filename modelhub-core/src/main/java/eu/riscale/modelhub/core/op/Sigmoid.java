package eu.riscale.modelhub.core.op;

import eu.riscale.modelhub.core.stats.Measure;
import eu.riscale.modelhub.core.stats.Statistics;
import eu.riscale.modelhub.core.tensor.Tensor;
import eu.riscale.modelhub.core.tensor.internal.VectorKernels;
import eu.riscale.modelhub.core.tensor.internal.VectorMath;
import eu.riscale.modelhub.spec.tensor.DType;
import java.util.ArrayList;
import java.util.List;
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
        return Pass.run(input, kernels(input.dtype()), false);
    }

    static List<Kernel> kernels(DType in) {
        if (in == DType.FLOAT32) {
            if (VectorMath.ENABLED) {
                return List.of(new Kernel(
                        DType.FLOAT32,
                        DType.FLOAT32,
                        (src, dst, from, to) ->
                                VectorKernels.sigmoid((float[]) src, from, (float[]) dst, from, to - from)));
            }
            return List.of(new Kernel(DType.FLOAT32, DType.FLOAT32, (src, dst, from, to) -> {
                float[] s = (float[]) src;
                float[] d = (float[]) dst;
                for (int i = from; i < to; i++) {
                    d[i] = (float) (1.0 / (1.0 + Math.exp(-(double) s[i])));
                }
            }));
        }
        List<Kernel> ks = new ArrayList<>(2);
        Kernel.toFloat64(in, ks);
        ks.add(new Kernel(DType.FLOAT64, DType.FLOAT64, (src, dst, from, to) -> {
            double[] s = (double[]) src;
            double[] d = (double[]) dst;
            for (int i = from; i < to; i++) {
                d[i] = 1.0 / (1.0 + Math.exp(-s[i]));
            }
        }));
        return ks;
    }

    @Override
    public String toString() {
        return "Sigmoid";
    }
}
