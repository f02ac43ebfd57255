package eu.riscale.modelhub.core.stats;

/**
 * Exact quantiles with numpy's definitions, by selection (quickselect) instead of a full sort. NaN values are ignored
 * (as {@code np.nanquantile}, which xarray uses); a group of only NaN gives NaN.
 */
final class Quantiles {
    private Quantiles() {}

    /**
     * Computes quantiles of {@code a[from, from + n)}, reordering that range.
     *
     * @param qs the quantiles in [0, 1]
     * @return one value per q
     */
    static double[] compute(double[] a, int from, int n, double[] qs, QuantileMethod method) {
        // move NaN to the end
        int m = 0;
        for (int i = 0; i < n; i++) {
            double v = a[from + i];
            if (v == v) {
                a[from + m++] = v;
            }
        }
        double[] out = new double[qs.length];
        if (m == 0) {
            java.util.Arrays.fill(out, Double.NaN);
            return out;
        }
        for (int k = 0; k < qs.length; k++) {
            double q = qs[k];
            if (method == QuantileMethod.INVERTED_CDF) {
                double index = m * q - 1;
                double prev = Math.floor(index);
                long res = index - prev == 0 ? (long) prev : (long) prev + 1;
                res = Math.max(0, Math.min(res, m - 1));
                out[k] = select(a, from, from + m, from + (int) res);
            } else {
                double vi = (m - 1) * q;
                if (vi >= m - 1) {
                    out[k] = select(a, from, from + m, from + m - 1);
                } else if (vi < 0) {
                    out[k] = select(a, from, from + m, from);
                } else {
                    double prev = Math.floor(vi);
                    int p = (int) prev;
                    double gamma = vi - prev;
                    double lo = select(a, from, from + m, from + p);
                    double hi = min(a, from + p + 1, from + m);
                    double diff = hi - lo;
                    out[k] = gamma >= 0.5 ? hi - diff * (1 - gamma) : lo + diff * gamma;
                }
            }
        }
        return out;
    }

    private static double min(double[] a, int from, int to) {
        double r = a[from];
        for (int i = from + 1; i < to; i++) {
            if (a[i] < r) {
                r = a[i];
            }
        }
        return r;
    }

    /** Returns the value that would be at index {@code k} if {@code a[lo, hi)} were sorted; partitions around it. */
    static double select(double[] a, int lo, int hi, int k) {
        int l = lo;
        int r = hi - 1;
        while (r > l) {
            if (r - l < 16) {
                for (int i = l + 1; i <= r; i++) {
                    double v = a[i];
                    int j = i - 1;
                    while (j >= l && a[j] > v) {
                        a[j + 1] = a[j];
                        j--;
                    }
                    a[j + 1] = v;
                }
                return a[k];
            }
            int mid = (l + r) >>> 1;
            // median of three into a[mid]
            if (a[mid] < a[l]) {
                swap(a, mid, l);
            }
            if (a[r] < a[l]) {
                swap(a, r, l);
            }
            if (a[r] < a[mid]) {
                swap(a, r, mid);
            }
            double pivot = a[mid];
            // three-way partition (Dutch flag) handles many equal values
            int lt = l;
            int gt = r;
            int i = l;
            while (i <= gt) {
                double v = a[i];
                if (v < pivot) {
                    a[i++] = a[lt];
                    a[lt++] = v;
                } else if (v > pivot) {
                    a[i] = a[gt];
                    a[gt--] = v;
                } else {
                    i++;
                }
            }
            if (k < lt) {
                r = lt - 1;
            } else if (k > gt) {
                l = gt + 1;
            } else {
                return pivot;
            }
        }
        return a[k];
    }

    private static void swap(double[] a, int i, int j) {
        double t = a[i];
        a[i] = a[j];
        a[j] = t;
    }
}
