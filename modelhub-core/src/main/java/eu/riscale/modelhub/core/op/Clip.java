package eu.riscale.modelhub.core.op;

import eu.riscale.modelhub.core.stats.Measure;
import eu.riscale.modelhub.core.stats.QuantileMethod;
import eu.riscale.modelhub.core.stats.Statistics;
import eu.riscale.modelhub.core.tensor.Tensor;
import eu.riscale.modelhub.spec.tensor.DType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * {@code clip}: {@code y = min(max(x, lo), hi)} with fixed bounds or bounds given as percentiles of the tensor over
 * {@code axes}.
 *
 * <p>Percentile bounds use numpy's {@code inverted_cdf} method for per-sample statistics (axes without {@code batch});
 * with {@code axes == null} or containing {@code batch} they are dataset quantiles (see {@link
 * eu.riscale.modelhub.core.stats.DatasetStatistics}), as in the reference. NaN: fixed bounds keep NaN; a percentile
 * bound replaces NaN by the bound (the reference applies those with {@code where(x >= lo, lo)}).
 */
public final class Clip implements Op {
    private final @Nullable Double min;
    private final @Nullable Double minPercentile;
    private final @Nullable Double max;
    private final @Nullable Double maxPercentile;
    private final @Nullable Set<String> axes;

    private Clip(
            @Nullable Double min,
            @Nullable Double minPercentile,
            @Nullable Double max,
            @Nullable Double maxPercentile,
            @Nullable Set<String> axes) {
        if (min != null && minPercentile != null) {
            throw new IllegalArgumentException("clip: give min or min_percentile, not both");
        }
        if (max != null && maxPercentile != null) {
            throw new IllegalArgumentException("clip: give max or max_percentile, not both");
        }
        if (min == null && minPercentile == null && max == null && maxPercentile == null) {
            throw new IllegalArgumentException(
                    "clip: expected at least one of min, min_percentile, max, max_percentile");
        }
        if (axes != null && minPercentile == null && maxPercentile == null) {
            throw new IllegalArgumentException("clip: axes only apply to percentile bounds");
        }
        if (minPercentile != null && !(minPercentile >= 0 && minPercentile < 100)) {
            throw new IllegalArgumentException(
                    "clip min_percentile: found " + minPercentile + ", expected a value in [0, 100)");
        }
        if (maxPercentile != null && !(maxPercentile > 1 && maxPercentile <= 100)) {
            throw new IllegalArgumentException(
                    "clip max_percentile: found " + maxPercentile + ", expected a value in (1, 100]");
        }
        if (min != null && max != null && !(min < max)) {
            throw new IllegalArgumentException("clip: expected min < max, found " + min + " >= " + max);
        }
        if (minPercentile != null && maxPercentile != null && !(minPercentile < maxPercentile)) {
            throw new IllegalArgumentException(
                    "clip: expected min_percentile < max_percentile, found " + minPercentile + " >= " + maxPercentile);
        }
        this.min = min;
        this.minPercentile = minPercentile;
        this.max = max;
        this.maxPercentile = maxPercentile;
        this.axes = axes == null ? null : Set.copyOf(axes);
    }

    /**
     * Clips to fixed bounds.
     *
     * @param min the lower bound
     * @param max the upper bound, above {@code min}
     * @return the op
     */
    public static Clip between(double min, double max) {
        return new Clip(min, null, max, null, null);
    }

    /**
     * Clips to percentiles of the tensor.
     *
     * @param minPercentile in [0, 100)
     * @param maxPercentile in (1, 100], above {@code minPercentile}
     * @param axes the reduced axes, {@code null} for all (dataset statistics)
     * @return the op
     */
    public static Clip percentiles(double minPercentile, double maxPercentile, @Nullable Set<String> axes) {
        return new Clip(null, minPercentile, null, maxPercentile, axes);
    }

    /**
     * The general form of the spec's kwargs: each bound is fixed, a percentile, or absent.
     *
     * @param min fixed lower bound, or null
     * @param minPercentile lower bound as percentile, or null
     * @param max fixed upper bound, or null
     * @param maxPercentile upper bound as percentile, or null
     * @param axes reduced axes of the percentiles, null for all
     * @return the op
     * @throws IllegalArgumentException for the combinations the spec forbids
     */
    public static Clip of(
            @Nullable Double min,
            @Nullable Double minPercentile,
            @Nullable Double max,
            @Nullable Double maxPercentile,
            @Nullable Set<String> axes) {
        return new Clip(min, minPercentile, max, maxPercentile, axes);
    }

    private Measure quantile(String tensorId, double percentile) {
        Measure.Scope scope = Measure.scopeFor(axes);
        return Measure.quantile(
                scope,
                tensorId,
                axes,
                percentile / 100,
                scope == Measure.Scope.SAMPLE ? QuantileMethod.INVERTED_CDF : QuantileMethod.LINEAR);
    }

    /** {@inheritDoc} */
    @Override
    public String id() {
        return "clip";
    }

    /** {@inheritDoc} */
    @Override
    public Set<Measure> requiredMeasures(String tensorId) {
        Set<Measure> s = new HashSet<>();
        if (minPercentile != null) {
            s.add(quantile(tensorId, minPercentile));
        }
        if (maxPercentile != null) {
            s.add(quantile(tensorId, maxPercentile));
        }
        return Set.copyOf(s);
    }

    /** {@inheritDoc} */
    @Override
    public Tensor apply(Tensor input, String tensorId, Statistics statistics) {
        return Pass.run(input, kernels(input, input.dtype(), tensorId, statistics), false);
    }

    /**
     * The kernels: a lower percentile bound, an upper one, then the fixed bounds; float32 stays float32, other types
     * are computed in float64. With both percentile bounds the two run in one pass, per element exactly {@code
     * where(x >= lo, x, lo)} followed by {@code where(y <= hi, y, hi)}.
     */
    List<Kernel> kernels(Tensor x, DType in, String tensorId, Statistics statistics) {
        String what = "clip of tensor '" + tensorId + "'";
        List<Kernel> ks = new ArrayList<>(4);
        Kernel.toFloat64(in, ks);
        boolean f32 = in == DType.FLOAT32;
        if (minPercentile != null) {
            Tensor lo = statistics.value(quantile(tensorId, minPercentile));
            ks.add(where(f32, Affine.runsOf(x, lo, what), Affine.values(lo), true));
        }
        if (maxPercentile != null) {
            Tensor hi = statistics.value(quantile(tensorId, maxPercentile));
            ks.add(where(f32, Affine.runsOf(x, hi, what), Affine.values(hi), false));
        }
        if (min != null || max != null) {
            ks.add(fixed(
                    f32, min == null ? Double.NEGATIVE_INFINITY : min, max == null ? Double.POSITIVE_INFINITY : max));
        }
        return ks;
    }

    /** {@code lower ? where(x >= b, x, b) : where(x <= b, x, b)}, in the float result type. */
    private static Kernel where(boolean f32, Runs runs, double[] b, boolean lower) {
        int inner = runs.inner;
        int[] index = runs.index;
        if (f32) {
            return new Kernel(DType.FLOAT32, DType.FLOAT32, (src, dst, from, to) -> {
                float[] s = (float[]) src;
                float[] d = (float[]) dst;
                int i = from;
                while (i < to) {
                    int end = Kernel.runEnd(i, to, inner);
                    double v = b[index[i / inner]];
                    float fv = (float) v;
                    if (lower) {
                        for (; i < end; i++) {
                            float e = s[i];
                            d[i] = e >= v ? e : fv;
                        }
                    } else {
                        for (; i < end; i++) {
                            float e = s[i];
                            d[i] = e <= v ? e : fv;
                        }
                    }
                }
            });
        }
        return new Kernel(DType.FLOAT64, DType.FLOAT64, (src, dst, from, to) -> {
            double[] s = (double[]) src;
            double[] d = (double[]) dst;
            int i = from;
            while (i < to) {
                int end = Kernel.runEnd(i, to, inner);
                double v = b[index[i / inner]];
                if (lower) {
                    for (; i < end; i++) {
                        double e = s[i];
                        d[i] = e >= v ? e : v;
                    }
                } else {
                    for (; i < end; i++) {
                        double e = s[i];
                        d[i] = e <= v ? e : v;
                    }
                }
            }
        });
    }

    private static Kernel fixed(boolean f32, double lo, double hi) {
        if (f32) {
            float flo = (float) lo;
            float fhi = (float) hi;
            return new Kernel(DType.FLOAT32, DType.FLOAT32, (src, dst, from, to) -> {
                float[] s = (float[]) src;
                float[] d = (float[]) dst;
                for (int i = from; i < to; i++) {
                    d[i] = Math.min(Math.max(s[i], flo), fhi);
                }
            });
        }
        return new Kernel(DType.FLOAT64, DType.FLOAT64, (src, dst, from, to) -> {
            double[] s = (double[]) src;
            double[] d = (double[]) dst;
            for (int i = from; i < to; i++) {
                d[i] = Math.min(Math.max(s[i], lo), hi);
            }
        });
    }

    @Override
    public String toString() {
        return "Clip[min=" + (min != null ? min : minPercentile != null ? minPercentile + "%" : "-") + ", max="
                + (max != null ? max : maxPercentile != null ? maxPercentile + "%" : "-") + ", axes="
                + (axes == null ? "all" : axes) + "]";
    }
}
