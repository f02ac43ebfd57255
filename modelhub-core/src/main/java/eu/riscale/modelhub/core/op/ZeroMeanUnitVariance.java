package eu.riscale.modelhub.core.op;

import eu.riscale.modelhub.core.stats.Measure;
import eu.riscale.modelhub.core.stats.Statistics;
import eu.riscale.modelhub.core.tensor.Tensor;
import eu.riscale.modelhub.spec.tensor.DType;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * {@code zero_mean_unit_variance}: {@code y = (x - mean) / (std + eps)} with the mean and population standard deviation
 * of the tensor over {@code axes}.
 *
 * <p>Statistics are per dataset when {@code axes} is {@code null} or contains {@code batch}, else per sample (as the
 * reference). {@code eps} is 1e-6 by default: the reference ignores the {@code eps} kwarg of this op, so descriptions
 * are mapped with {@link #over(Set)} to reproduce their test outputs. With sample statistics on float32 the mean and
 * {@code std + eps} are rounded to float32 and the formula runs in float32, as numpy does; with dataset statistics
 * (float64 in the reference) it runs in float64 and the result is rounded to float32.
 */
public final class ZeroMeanUnitVariance implements Op {
    /** The default and reference-compatible eps. */
    public static final double DEFAULT_EPS = 1e-6;

    private final @Nullable Set<String> axes;
    private final double eps;

    private ZeroMeanUnitVariance(@Nullable Set<String> axes, double eps) {
        if (!(eps > 0 && eps <= 0.1)) {
            throw new IllegalArgumentException("eps: found " + eps + ", expected a value in (0, 0.1]");
        }
        this.axes = axes == null ? null : Set.copyOf(axes);
        this.eps = eps;
    }

    /**
     * Normalises jointly over {@code axes} with {@code eps = 1e-6} (reference behaviour).
     *
     * @param axes the reduced axes; {@code null} for all axes (dataset statistics)
     * @return the op
     */
    public static ZeroMeanUnitVariance over(@Nullable Set<String> axes) {
        return new ZeroMeanUnitVariance(axes, DEFAULT_EPS);
    }

    /**
     * Normalises jointly over {@code axes} with a given eps (deviates from the reference unless it is 1e-6).
     *
     * @param axes the reduced axes; {@code null} for all axes
     * @param eps added to the standard deviation, in (0, 0.1]
     * @return the op
     */
    public static ZeroMeanUnitVariance over(@Nullable Set<String> axes, double eps) {
        return new ZeroMeanUnitVariance(axes, eps);
    }

    /** {@return the eps added to the standard deviation} */
    public double eps() {
        return eps;
    }

    private Measure mean(String tensorId) {
        return Measure.of(Measure.Kind.MEAN, Measure.scopeFor(axes), tensorId, axes);
    }

    private Measure std(String tensorId) {
        return Measure.of(Measure.Kind.STD, Measure.scopeFor(axes), tensorId, axes);
    }

    /** {@inheritDoc} */
    @Override
    public String id() {
        return "zero_mean_unit_variance";
    }

    /** {@inheritDoc} */
    @Override
    public Set<Measure> requiredMeasures(String tensorId) {
        return Set.of(mean(tensorId), std(tensorId));
    }

    /** {@inheritDoc} */
    @Override
    public Tensor apply(Tensor input, String tensorId, Statistics statistics) {
        return Pass.run(input, kernels(input, input.dtype(), tensorId, statistics), false);
    }

    List<Kernel> kernels(Tensor input, DType in, String tensorId, Statistics statistics) {
        Tensor mean = statistics.value(mean(tensorId));
        Tensor std = statistics.value(std(tensorId));
        Runs runs = Affine.runsOf(input, mean, "zero_mean_unit_variance of tensor '" + tensorId + "'");
        double[] m = Affine.values(mean);
        double[] s = Affine.values(std);
        boolean floatMath = Measure.scopeFor(axes) == Measure.Scope.SAMPLE && in == DType.FLOAT32;
        double[] divisor = new double[s.length];
        for (int i = 0; i < s.length; i++) {
            divisor[i] = floatMath ? (double) ((float) s[i] + (float) eps) : s[i] + eps;
        }
        return Affine.kernels(in, Affine.Form.SUB_DIV, runs, m, divisor, floatMath);
    }

    @Override
    public String toString() {
        return "ZeroMeanUnitVariance[axes=" + (axes == null ? "all" : axes) + ", eps=" + eps + "]";
    }
}
