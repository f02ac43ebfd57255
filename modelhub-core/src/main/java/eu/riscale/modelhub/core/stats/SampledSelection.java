package eu.riscale.modelhub.core.stats;

import eu.riscale.modelhub.core.tensor.internal.Parallel;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * Exact quantiles of a large float32 group in about one pass over memory, without copying the group.
 *
 * <p>A sorted sample of the group gives, for each quantile, two pivot values that bracket the wanted order statistic
 * with high probability. One pass (split over the cores) then counts, per quantile, the values below the lower pivot
 * and equal to either pivot, and collects the few values strictly between them; the order statistic is selected among
 * those. If the sample misled (a wanted rank lies outside its bracket, or a bracket holds more values than planned),
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
        int s = sample.length;
        if (s < 2) {
            return null;
        }
        int k = qs.length;
        float[] lo = new float[k];
        float[] hi = new float[k];
        int[] capacity = new int[k];
        for (int i = 0; i < k; i++) {
            double q = qs[i];
            int center = (int) Math.round(q * (s - 1));
            int margin = (int) Math.ceil(4 * Math.sqrt(s * q * (1 - q))) + 8;
            int loIndex = center - margin;
            int hiIndex = center + margin;
            lo[i] = loIndex <= 0 ? Float.NEGATIVE_INFINITY : sample[loIndex];
            hi[i] = hiIndex >= s - 1 ? Float.POSITIVE_INFINITY : sample[hiIndex];
            // the bracket's planned size: its share of the sample, doubled, plus slack
            long planned = (long) n * (Math.min(hiIndex, s - 1) - Math.max(loIndex, 0) + 1) / s;
            capacity[i] = (int) Math.min(n, 2 * planned + 4096);
        }
        Pass pass = Pass.run(src, from, n, lo, hi, capacity);
        if (pass == null) {
            return null;
        }
        int m = (int) (n - pass.nan);
        double[] out = new double[k];
        if (m == 0) {
            Arrays.fill(out, Double.NaN);
            return out;
        }
        for (int i = 0; i < k; i++) {
            int lower = Quantiles.lowerIndex(m, qs[i], method);
            Double vlo = pass.valueAt(i, lower);
            Double vhi = Quantiles.needsNext(m, qs[i], method) ? pass.valueAt(i, lower + 1) : vlo;
            if (vlo == null || vhi == null) {
                return null;
            }
            out[i] = Quantiles.value(m, qs[i], method, vlo, vhi);
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

    /**
     * The counts of the pass, per bracket {@code [lo, hi]}: values below {@code lo}, equal to {@code lo} or {@code hi},
     * and those strictly in between; and the NaN count.
     */
    private static final class Pass {
        final float[] lo;
        final float[] hi;
        long nan;
        final long[] below;
        final long[] equalLo;
        final long[] equalHi;
        final float[][] between;
        final int[] size;
        boolean overflow;
        private final int[] selected;

        private Pass(float[] lo, float[] hi, int[] capacity, int length) {
            int k = lo.length;
            this.lo = lo;
            this.hi = hi;
            below = new long[k];
            equalLo = new long[k];
            equalHi = new long[k];
            between = new float[k][];
            for (int i = 0; i < k; i++) {
                between[i] = new float[Math.min(capacity[i], length)];
            }
            size = new int[k];
            selected = new int[k];
            Arrays.fill(selected, -1);
        }

        static @Nullable Pass run(float[] src, int from, int n, float[] lo, float[] hi, int[] capacity) {
            Pass[] parts = Parallel.map(
                    n,
                    n,
                    (a, b) -> {
                        Pass part = new Pass(lo, hi, capacity, b - a);
                        if (lo.length == 2) {
                            part.scanTwo(src, from + a, from + b);
                        } else {
                            for (int i = 0; i < lo.length && !part.overflow; i++) {
                                part.scan(i, src, from + a, from + b, i == 0);
                            }
                        }
                        return part;
                    },
                    Pass[]::new);
            for (Pass p : parts) {
                if (p.overflow) {
                    return null;
                }
            }
            if (parts.length == 1) {
                return parts[0];
            }
            int k = lo.length;
            int[] total = new int[k];
            for (Pass p : parts) {
                for (int i = 0; i < k; i++) {
                    total[i] += p.size[i];
                }
            }
            Pass all = new Pass(lo, hi, total, Integer.MAX_VALUE);
            for (Pass p : parts) {
                all.nan += p.nan;
                for (int i = 0; i < k; i++) {
                    all.below[i] += p.below[i];
                    all.equalLo[i] += p.equalLo[i];
                    all.equalHi[i] += p.equalHi[i];
                    System.arraycopy(p.between[i], 0, all.between[i], all.size[i], p.size[i]);
                    all.size[i] += p.size[i];
                }
            }
            return all;
        }

        /**
         * Counts two brackets in one pass over {@code [start, end)} (the usual pair of percentiles of {@code
         * scale_range} and {@code clip}): the loop keeps the frequent counts in locals and leaves the rare values in a
         * bracket to {@link #collect}.
         */
        private void scanTwo(float[] src, int start, int end) {
            float l0 = lo[0];
            float h0 = hi[0];
            float l1 = lo[1];
            float h1 = hi[1];
            long below0 = 0;
            long below1 = 0;
            long nanCount = 0;
            for (int j = start; j < end; j++) {
                float v = src[j];
                if (v < l0) {
                    below0++;
                } else if (v <= h0) {
                    collect(0, v);
                }
                if (v < l1) {
                    below1++;
                } else if (v <= h1) {
                    collect(1, v);
                } else if (v != v) {
                    nanCount++;
                }
            }
            nan = nanCount;
            below[0] = below0;
            below[1] = below1;
        }

        /** Records a value of bracket {@code i} (between or equal to its pivots). */
        private void collect(int i, float v) {
            if (v == lo[i]) {
                equalLo[i]++;
            } else if (v == hi[i]) {
                equalHi[i]++;
            } else if (size[i] < between[i].length) {
                between[i][size[i]++] = v;
            } else {
                overflow = true;
            }
        }

        /** Counts bracket {@code i} over {@code [start, end)}; NaN too when {@code countNan}. */
        private void scan(int i, float[] src, int start, int end, boolean countNan) {
            long nanCount = 0;
            long belowCount = 0;
            long eqLo = 0;
            long eqHi = 0;
            float l = lo[i];
            float h = hi[i];
            float[] buf = between[i];
            int cap = buf.length;
            int b = 0;
            for (int j = start; j < end; j++) {
                float v = src[j];
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
            if (countNan) {
                nan = nanCount;
            }
            below[i] = belowCount;
            equalLo[i] = eqLo;
            equalHi[i] = eqHi;
            size[i] = b;
        }

        /** The value of rank {@code r} (0-based, among the non-NaN values) from bracket {@code i}, or {@code null}. */
        @Nullable
        Double valueAt(int i, long r) {
            long j = r - below[i];
            if (j < 0) {
                return null;
            }
            if (j < equalLo[i]) {
                return (double) lo[i];
            }
            j -= equalLo[i];
            if (j < size[i]) {
                int k = (int) j;
                float[] buf = between[i];
                // after selecting rank k, the values right of it are all greater or equal: rank k + 1 is their minimum
                if (selected[i] >= 0 && k == selected[i] + 1) {
                    return Select.min(buf, k, size[i]);
                }
                selected[i] = k;
                return Select.select(buf, 0, size[i] - 1, k);
            }
            j -= size[i];
            if (j < equalHi[i]) {
                return (double) hi[i];
            }
            return null;
        }
    }
}
