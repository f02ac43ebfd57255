package eu.riscale.modelhub.core.stats;

import eu.riscale.modelhub.core.tensor.internal.Parallel;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * Exact quantiles of a large float32 group in about one pass over memory per quantile, without copying the group.
 *
 * <p>A sorted sample of the group gives, for each quantile, two pivot values that bracket the wanted order statistic
 * with high probability. One pass (split over the cores) then counts the values below the lower pivot and equal to
 * either pivot, and collects the few values strictly between them; the order statistic is selected among those. If
 * the sample misled (the wanted rank lies outside the bracket, or the bracket holds more values than planned),
 * {@link #quantiles} returns {@code null} and the caller selects on a full copy instead: the result is exact either way,
 * only the time differs.
 */
final class SampledSelection {
    /** Groups from this size on use sampled selection. */
    static final int MIN_SIZE = 1 << 16;

    private static final int SAMPLE = 4096;

    private SampledSelection() {}

    /**
     * The quantiles of {@code [from, from + n)} of {@code src} with NaN skipped, or {@code null} when the sample's
     * brackets missed and the caller must fall back to full selection.
     */
    static double @Nullable [] quantiles(float[] src, int from, int n, double[] qs, QuantileMethod method) {
        float[] sample = sample(src, from, n);
        if (sample.length < 2) {
            return null;
        }
        double[] out = new double[qs.length];
        long nan = -1;
        for (int k = 0; k < qs.length; k++) {
            double q = qs[k];
            int s = sample.length;
            int center = (int) Math.round(q * (s - 1));
            int margin = (int) Math.ceil(4 * Math.sqrt(s * q * (1 - q))) + 8;
            int loIndex = center - margin;
            int hiIndex = center + margin;
            float lo = loIndex <= 0 ? Float.NEGATIVE_INFINITY : sample[loIndex];
            float hi = hiIndex >= s - 1 ? Float.POSITIVE_INFINITY : sample[hiIndex];
            // planned bracket size: the sample's share, doubled, plus slack
            long planned = (long) n * (Math.min(hiIndex, s - 1) - Math.max(loIndex, 0) + 1) / s;
            int capacity = (int) Math.min(n, 2 * planned + 4096);
            Bracket b = Bracket.count(src, from, n, lo, hi, capacity);
            if (b == null) {
                return null;
            }
            nan = b.nan;
            int m = (int) (n - nan);
            if (m == 0) {
                Arrays.fill(out, Double.NaN);
                return out;
            }
            int lower = Quantiles.lowerIndex(m, q, method);
            double vlo;
            double vhi;
            Double at = b.valueAt(lower);
            if (at == null) {
                return null;
            }
            vlo = at;
            if (Quantiles.needsNext(m, q, method)) {
                Double next = b.valueAt(lower + 1);
                if (next == null) {
                    return null;
                }
                vhi = next;
            } else {
                vhi = vlo;
            }
            out[k] = Quantiles.value(m, q, method, vlo, vhi);
        }
        return out;
    }

    /**
     * A sorted sample of the non-NaN values, one per stride of the group at a pseudo-random position inside the stride
     * (so that a periodic pattern in the data does not line up with the sample).
     */
    private static float[] sample(float[] src, int from, int n) {
        int[] positions = samplePositions(n);
        float[] sample = new float[positions.length];
        int count = 0;
        for (int p : positions) {
            float v = src[from + p];
            if (v == v) {
                sample[count++] = v;
            }
        }
        float[] out = Arrays.copyOf(sample, count);
        Arrays.sort(out);
        return out;
    }

    /** The sampled positions in a group of {@code n >= SAMPLE} values, ascending, the same for every call. */
    static int[] samplePositions(int n) {
        int stride = n / SAMPLE;
        int[] positions = new int[SAMPLE];
        long state = 0x9E3779B97F4A7C15L;
        for (int j = 0; j < SAMPLE; j++) {
            state = state * 6364136223846793005L + 1442695040888963407L;
            positions[j] = j * stride + (int) ((state >>> 33) % stride);
        }
        return positions;
    }

    /** The counts of one pass: values below {@code lo}, equal to {@code lo} or {@code hi}, and those in between. */
    private static final class Bracket {
        long nan;
        long below;
        long equalLo;
        long equalHi;
        float lo;
        float hi;
        float[] between;
        int size;
        boolean overflow;
        private boolean selected;
        private int selectedIndex = -1;

        static @Nullable Bracket count(float[] src, int from, int n, float lo, float hi, int capacity) {
            Bracket[] parts = Parallel.map(
                    n,
                    n,
                    (a, b) -> {
                        Bracket part = new Bracket();
                        part.lo = lo;
                        part.hi = hi;
                        part.between = new float[Math.min(capacity, b - a)];
                        part.scan(src, from + a, from + b);
                        return part;
                    },
                    Bracket[]::new);
            Bracket all = parts[0];
            if (parts.length > 1) {
                int total = 0;
                for (Bracket p : parts) {
                    total += p.size;
                    if (p.overflow) {
                        return null;
                    }
                }
                all = new Bracket();
                all.lo = lo;
                all.hi = hi;
                all.between = new float[total];
                for (Bracket p : parts) {
                    all.nan += p.nan;
                    all.below += p.below;
                    all.equalLo += p.equalLo;
                    all.equalHi += p.equalHi;
                    System.arraycopy(p.between, 0, all.between, all.size, p.size);
                    all.size += p.size;
                }
            }
            return all.overflow ? null : all;
        }

        private void scan(float[] src, int start, int end) {
            long nanCount = 0;
            long belowCount = 0;
            long eqLo = 0;
            long eqHi = 0;
            float l = lo;
            float h = hi;
            float[] buf = between;
            int cap = buf.length;
            int b = 0;
            for (int i = start; i < end; i++) {
                float v = src[i];
                if (v < l) {
                    belowCount++;
                } else if (v <= h) {
                    if (v == l) {
                        eqLo++;
                    } else if (v == h) {
                        eqHi++;
                    } else if (b < cap) {
                        buf[b++] = v;
                    } else {
                        overflow = true;
                        return;
                    }
                } else if (v != v) {
                    nanCount++;
                }
            }
            nan = nanCount;
            below = belowCount;
            equalLo = eqLo;
            equalHi = eqHi;
            size = b;
        }

        /** The value of rank {@code r} (0-based, among the non-NaN values), or {@code null} outside the bracket. */
        @Nullable
        Double valueAt(long r) {
            long i = r - below;
            if (i < 0) {
                return null;
            }
            if (i < equalLo) {
                return (double) lo;
            }
            i -= equalLo;
            if (i < size) {
                int k = (int) i;
                if (!selected) {
                    Select.select(between, 0, size - 1, k);
                    selected = true;
                    selectedIndex = k;
                    return (double) between[k];
                }
                // a second rank: the values right of the selected one are all greater or equal to it
                if (k == selectedIndex + 1) {
                    return Select.min(between, k, size);
                }
                return Select.select(between, 0, size - 1, k);
            }
            i -= size;
            if (i < equalHi) {
                return (double) hi;
            }
            return null;
        }
    }
}
