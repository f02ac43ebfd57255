package eu.riscale.modelhub.core.stats;

import java.util.Arrays;

/**
 * Exact quantiles with numpy's definitions, without a full sort: large float32 groups by {@link SampledSelection} (one
 * counting pass), other float groups by Floyd-Rivest selection on a scratch copy, 8- and 16-bit integers by counting.
 * NaN values are skipped (as {@code np.nanquantile}, which xarray uses); a group of only NaN gives NaN.
 */
final class Quantiles {
    private Quantiles() {}

    /** The element index (into the sorted non-NaN values) each quantile needs: one for inverted_cdf, two for linear. */
    static int lowerIndex(int m, double q, QuantileMethod method) {
        if (method == QuantileMethod.INVERTED_CDF) {
            double index = m * q - 1;
            double prev = Math.floor(index);
            long res = index - prev == 0 ? (long) prev : (long) prev + 1;
            return (int) Math.max(0, Math.min(res, m - 1));
        }
        double vi = (m - 1) * q;
        if (vi >= m - 1) {
            return m - 1;
        }
        return vi < 0 ? 0 : (int) Math.floor(vi);
    }

    /** numpy's linear interpolation given the selected neighbours. */
    static double value(int m, double q, QuantileMethod method, double lo, double hi) {
        if (method == QuantileMethod.INVERTED_CDF) {
            return lo;
        }
        double vi = (m - 1) * q;
        if (vi >= m - 1 || vi < 0) {
            // numpy interpolates at the ends too, with weight 0: an infinite end value gives NaN (inf - inf)
            return lo + (lo - lo) * 0.0;
        }
        double gamma = vi - Math.floor(vi);
        double diff = hi - lo;
        return gamma >= 0.5 ? hi - diff * (1 - gamma) : lo + diff * gamma;
    }

    static boolean needsNext(int m, double q, QuantileMethod method) {
        if (method == QuantileMethod.INVERTED_CDF) {
            return false;
        }
        double vi = (m - 1) * q;
        return vi < m - 1 && vi >= 0;
    }

    /** Quantiles of group {@code [from, from + n)} of {@code g}; {@code g} is not modified. */
    static double[] compute(Grouped g, int from, int n, double[] qs, QuantileMethod method) {
        if (g.floats != null) {
            if (n >= SampledSelection.MIN_SIZE) {
                double[] fast = SampledSelection.quantiles(g.floats, from, n, qs, method);
                if (fast != null) {
                    return fast;
                }
            }
            return selected(g.floats, from, n, qs, method);
        }
        int[] bins = g.histogramBins();
        if (bins != null) {
            return fromHistogram(g, from, n, qs, method, bins);
        }
        return selected(g.doubles(), from, n, qs, method);
    }

    /** Quantiles of a float group by Floyd-Rivest selection on a scratch copy without NaN. */
    static double[] selected(float[] src, int from, int n, double[] qs, QuantileMethod method) {
        double[] out = new double[qs.length];
        float[] a = new float[n];
        int m = 0;
        for (int i = 0; i < n; i++) {
            float v = src[from + i];
            if (v == v) {
                a[m++] = v;
            }
        }
        if (m == 0) {
            Arrays.fill(out, Double.NaN);
            return out;
        }
        for (int k = 0; k < qs.length; k++) {
            out[k] = one(a, m, qs[k], method);
        }
        return out;
    }

    /** Quantiles of a float64 group by Floyd-Rivest selection on a scratch copy without NaN. */
    static double[] selected(double[] src, int from, int n, double[] qs, QuantileMethod method) {
        double[] out = new double[qs.length];
        double[] a = new double[n];
        int m = 0;
        for (int i = 0; i < n; i++) {
            double v = src[from + i];
            if (v == v) {
                a[m++] = v;
            }
        }
        if (m == 0) {
            Arrays.fill(out, Double.NaN);
            return out;
        }
        for (int k = 0; k < qs.length; k++) {
            int lo = lowerIndex(m, qs[k], method);
            double vlo = Select.select(a, 0, m - 1, lo);
            double vhi = needsNext(m, qs[k], method) ? Select.min(a, lo + 1, m) : vlo;
            out[k] = value(m, qs[k], method, vlo, vhi);
        }
        return out;
    }

    /** Exact quantiles of small integer types by counting: one pass, no copy, no selection. */
    private static double[] fromHistogram(Grouped g, int from, int n, double[] qs, QuantileMethod method, int[] bins) {
        double[] out = new double[qs.length];
        if (n == 0) {
            Arrays.fill(out, Double.NaN);
            return out;
        }
        g.count(from, n, bins);
        for (int k = 0; k < qs.length; k++) {
            int lo = lowerIndex(n, qs[k], method);
            double vlo = kth(g, bins, lo);
            double vhi = needsNext(n, qs[k], method) ? kth(g, bins, lo + 1) : vlo;
            out[k] = value(n, qs[k], method, vlo, vhi);
        }
        return out;
    }

    /** The k-th smallest value (0-based) from bin counts. */
    private static double kth(Grouped g, int[] bins, int k) {
        long cum = 0;
        for (int b = 0; b < bins.length; b++) {
            cum += bins[b];
            if (cum > k) {
                return g.binValue(b);
            }
        }
        throw new AssertionError("k " + k + " beyond the counted values");
    }

    private static double one(float[] a, int m, double q, QuantileMethod method) {
        int lo = lowerIndex(m, q, method);
        double vlo = Select.select(a, 0, m - 1, lo);
        double vhi = needsNext(m, q, method) ? Select.min(a, lo + 1, m) : vlo;
        return value(m, q, method, vlo, vhi);
    }
}
