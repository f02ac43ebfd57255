package eu.riscale.modelhub.core.op;

import eu.riscale.modelhub.core.stats.Measure;
import eu.riscale.modelhub.core.stats.QuantileMethod;
import eu.riscale.modelhub.core.stats.Statistics;
import eu.riscale.modelhub.core.tensor.Tensor;
import eu.riscale.modelhub.spec.tensor.DType;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * {@code scale_range}: {@code y = (x - lo) / (hi - lo + eps)} where {@code lo} and {@code hi} are the {@code
 * minPercentile} and {@code maxPercentile} percentiles (numpy's {@code linear} method) of the reference tensor (default:
 * the tensor itself) over {@code axes}. Computed in float64, rounded to float32 for float32 tensors. No clipping.
 *
 * <p>Statistics are per dataset when {@code axes} is {@code null} or contains {@code batch}, else per sample. The
 * reference ignores the {@code eps} kwarg (always 1e-6); {@link #percentiles} does the same.
 */
public final class ScaleRange implements Op {
    /** The default and reference-compatible eps. */
    public static final double DEFAULT_EPS = 1e-6;

    private final double minPercentile;
    private final double maxPercentile;
    private final @Nullable Set<String> axes;
    private final @Nullable String referenceTensor;
    private final double eps;

    private ScaleRange(
            double minPercentile,
            double maxPercentile,
            @Nullable Set<String> axes,
            @Nullable String referenceTensor,
            double eps) {
        if (!(minPercentile >= 0 && minPercentile < 100)) {
            throw new IllegalArgumentException(
                    "scale_range min_percentile: found " + minPercentile + ", expected a value in [0, 100)");
        }
        if (!(maxPercentile > 1 && maxPercentile <= 100)) {
            throw new IllegalArgumentException(
                    "scale_range max_percentile: found " + maxPercentile + ", expected a value in (1, 100]");
        }
        if (!(minPercentile < maxPercentile)) {
            throw new IllegalArgumentException(
                    "scale_range: min_percentile " + minPercentile + " must be below max_percentile " + maxPercentile);
        }
        if (!(eps > 0 && eps <= 0.1)) {
            throw new IllegalArgumentException("scale_range eps: found " + eps + ", expected a value in (0, 0.1]");
        }
        this.minPercentile = minPercentile;
        this.maxPercentile = maxPercentile;
        this.axes = axes == null ? null : Set.copyOf(axes);
        this.referenceTensor = referenceTensor;
        this.eps = eps;
    }

    /**
     * Creates the op with {@code eps = 1e-6} (reference behaviour).
     *
     * @param minPercentile in [0, 100)
     * @param maxPercentile in (1, 100], above {@code minPercentile}
     * @param axes the reduced axes, {@code null} for all
     * @param referenceTensor the tensor whose percentiles are used, {@code null} for the tensor itself
     * @return the op
     */
    public static ScaleRange percentiles(
            double minPercentile, double maxPercentile, @Nullable Set<String> axes, @Nullable String referenceTensor) {
        return new ScaleRange(minPercentile, maxPercentile, axes, referenceTensor, DEFAULT_EPS);
    }

    /**
     * Returns the op with another eps (deviates from the reference unless it is 1e-6).
     *
     * @param newEps in (0, 0.1]
     * @return the op
     */
    public ScaleRange withEps(double newEps) {
        return new ScaleRange(minPercentile, maxPercentile, axes, referenceTensor, newEps);
    }

    /** {@return the reference tensor id, empty when the tensor itself is used} */
    public Optional<String> referenceTensor() {
        return Optional.ofNullable(referenceTensor);
    }

    private Measure quantile(String tensorId, double percentile) {
        Measure.Scope scope = Measure.scopeFor(axes);
        return Measure.quantile(
                scope,
                referenceTensor == null ? tensorId : referenceTensor,
                axes,
                percentile / 100,
                QuantileMethod.LINEAR);
    }

    /** {@inheritDoc} */
    @Override
    public String id() {
        return "scale_range";
    }

    /** {@inheritDoc} */
    @Override
    public Set<Measure> requiredMeasures(String tensorId) {
        return Set.of(quantile(tensorId, minPercentile), quantile(tensorId, maxPercentile));
    }

    /** {@inheritDoc} */
    @Override
    public Tensor apply(Tensor input, String tensorId, Statistics statistics) {
        return Pass.run(input, kernels(input, input.dtype(), tensorId, statistics), false);
    }

    List<Kernel> kernels(Tensor input, DType in, String tensorId, Statistics statistics) {
        Tensor lo = statistics.value(quantile(tensorId, minPercentile));
        Tensor hi = statistics.value(quantile(tensorId, maxPercentile));
        Runs runs = Affine.runsOf(input, lo, "scale_range of tensor '" + tensorId + "'");
        double[] l = Affine.values(lo);
        double[] h = Affine.values(hi);
        double[] divisor = new double[l.length];
        for (int i = 0; i < l.length; i++) {
            divisor[i] = h[i] - l[i] + eps;
        }
        return Affine.kernels(in, Affine.Form.SUB_DIV, runs, l, divisor, false);
    }

    @Override
    public String toString() {
        return "ScaleRange[" + minPercentile + ".." + maxPercentile + ", axes=" + (axes == null ? "all" : axes)
                + (referenceTensor == null ? "" : ", reference=" + referenceTensor) + ", eps=" + eps + "]";
    }
}
