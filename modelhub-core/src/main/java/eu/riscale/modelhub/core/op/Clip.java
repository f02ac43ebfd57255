package eu.riscale.modelhub.core.op;

import eu.riscale.modelhub.core.stats.Measure;
import eu.riscale.modelhub.core.stats.QuantileMethod;
import eu.riscale.modelhub.core.stats.Statistics;
import eu.riscale.modelhub.core.tensor.Tensor;
import eu.riscale.modelhub.core.tensor.internal.Parallel;
import eu.riscale.modelhub.core.tensor.internal.Storage;
import eu.riscale.modelhub.spec.tensor.DType;
import java.util.HashSet;
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
        String what = "clip of tensor '" + tensorId + "'";
        Tensor x = input;
        if (minPercentile != null && maxPercentile != null && input.dtype() == DType.FLOAT32) {
            Tensor lo = statistics.value(quantile(tensorId, minPercentile));
            Tensor hi = statistics.value(quantile(tensorId, maxPercentile));
            Runs loRuns = Affine.runsOf(x, lo, what);
            Runs hiRuns = Affine.runsOf(x, hi, what);
            if (loRuns.inner == hiRuns.inner) {
                x = between(x, loRuns, Affine.values(lo), hiRuns, Affine.values(hi));
            } else {
                x = where(where(x, lo, true, what), hi, false, what);
            }
        } else {
            if (minPercentile != null) {
                Tensor lo = statistics.value(quantile(tensorId, minPercentile));
                x = where(x, lo, true, what);
            }
            if (maxPercentile != null) {
                Tensor hi = statistics.value(quantile(tensorId, maxPercentile));
                x = where(x, hi, false, what);
            }
        }
        if (min != null || max != null) {
            x = fixed(x, min == null ? Double.NEGATIVE_INFINITY : min, max == null ? Double.POSITIVE_INFINITY : max);
        }
        return x;
    }

    /**
     * Both percentile bounds of a float32 tensor in one parallel pass: per element exactly {@code where(x >= lo, x,
     * lo)} followed by {@code where(y <= hi, y, hi)}, the two passes of {@link #where}.
     */
    private static Tensor between(Tensor x, Runs loRuns, double[] lo, Runs hiRuns, double[] hi) {
        int n = x.size();
        int inner = loRuns.inner;
        float[] in = (float[]) Storage.data(x);
        float[] out = new float[n];
        Parallel.forRange(loRuns.index.length, n, (from, to) -> {
            for (int r = from; r < to; r++) {
                double l = lo[loRuns.index[r]];
                double h = hi[hiRuns.index[r]];
                float fl = (float) l;
                float fh = (float) h;
                int end = Math.min(n, (r + 1) * inner);
                for (int i = r * inner; i < end; i++) {
                    float e = in[i];
                    float y = e >= l ? e : fl;
                    out[i] = y <= h ? y : fh;
                }
            }
        });
        return Storage.wrap(DType.FLOAT32, out, x.shape(), x.axes());
    }

    /** {@code lower ? where(x >= b, x, b) : where(x <= b, x, b)}, in the float result type. */
    private static Tensor where(Tensor x, Tensor bound, boolean lower, String what) {
        Runs runs = Affine.runsOf(x, bound, what);
        double[] b = Affine.values(bound);
        int n = x.size();
        if (x.dtype() == DType.FLOAT32) {
            float[] in = (float[]) Storage.data(x);
            float[] out = new float[n];
            for (int r = 0; r < runs.index.length; r++) {
                double v = b[runs.index[r]];
                float fv = (float) v;
                int end = Math.min(n, (r + 1) * runs.inner);
                for (int i = r * runs.inner; i < end; i++) {
                    float e = in[i];
                    out[i] = (lower ? e >= v : e <= v) ? e : fv;
                }
            }
            return Storage.wrap(DType.FLOAT32, out, x.shape(), x.axes());
        }
        double[] in = x.dtype() == DType.FLOAT64 ? (double[]) Storage.data(x) : x.toDoubleArray();
        double[] out = new double[n];
        for (int r = 0; r < runs.index.length; r++) {
            double v = b[runs.index[r]];
            int end = Math.min(n, (r + 1) * runs.inner);
            for (int i = r * runs.inner; i < end; i++) {
                double e = in[i];
                out[i] = (lower ? e >= v : e <= v) ? e : v;
            }
        }
        return Storage.wrap(DType.FLOAT64, out, x.shape(), x.axes());
    }

    private static Tensor fixed(Tensor x, double lo, double hi) {
        int n = x.size();
        if (x.dtype() == DType.FLOAT32) {
            float[] in = (float[]) Storage.data(x);
            float[] out = new float[n];
            float flo = (float) lo;
            float fhi = (float) hi;
            Parallel.forRange(n, n, (from, to) -> {
                for (int i = from; i < to; i++) {
                    out[i] = Math.min(Math.max(in[i], flo), fhi);
                }
            });
            return Storage.wrap(DType.FLOAT32, out, x.shape(), x.axes());
        }
        double[] in = x.dtype() == DType.FLOAT64 ? (double[]) Storage.data(x) : x.toDoubleArray();
        double[] out = new double[n];
        Parallel.forRange(n, n, (from, to) -> {
            for (int i = from; i < to; i++) {
                out[i] = Math.min(Math.max(in[i], lo), hi);
            }
        });
        return Storage.wrap(DType.FLOAT64, out, x.shape(), x.axes());
    }

    @Override
    public String toString() {
        return "Clip[min=" + (min != null ? min : minPercentile != null ? minPercentile + "%" : "-") + ", max="
                + (max != null ? max : maxPercentile != null ? maxPercentile + "%" : "-") + ", axes="
                + (axes == null ? "all" : axes) + "]";
    }
}
