package eu.riscale.modelhub.core.stats;

import eu.riscale.modelhub.core.tensor.internal.Parallel;

/**
 * Mean and sum of squared deviations ({@code M2}) in float64, in one pass over memory: the values are cut into blocks
 * of {@link #BLOCK} elements; each block gets the exact two-pass treatment (its mean, then the squared deviations from
 * it, while the block is still in cache), and the blocks are merged in order with Chan's formula. The block structure
 * does not depend on the number of cores, so results are the same everywhere; they differ from a sequential two-pass
 * computation only by rounding.
 */
final class Moments {
    /** Elements per block: 64 KiB of float32, well inside a core's L2 cache. */
    static final int BLOCK = 1 << 14;

    private Moments() {}

    /** Mean and M2 of {@code [off, off + n)}: {@code {mean, m2}}. */
    static double[] of(float[] a, int off, int n) {
        return merge(n, (b, out) -> {
            int from = off + b * BLOCK;
            int len = Math.min(BLOCK, n - b * BLOCK);
            double mean = sum(a, from, len) / len;
            out[0] = mean;
            out[1] = squaredDeviations(a, from, len, mean);
        });
    }

    /** Mean and M2 of {@code [off, off + n)}: {@code {mean, m2}}. */
    static double[] of(double[] a, int off, int n) {
        return merge(n, (b, out) -> {
            int from = off + b * BLOCK;
            int len = Math.min(BLOCK, n - b * BLOCK);
            double mean = sum(a, from, len) / len;
            out[0] = mean;
            out[1] = squaredDeviations(a, from, len, mean);
        });
    }

    private interface BlockMoments {
        void compute(int block, double[] meanAndM2);
    }

    private static double[] merge(int n, BlockMoments f) {
        if (n == 0) {
            return new double[] {Double.NaN, Double.NaN};
        }
        int blocks = (n + BLOCK - 1) / BLOCK;
        double[] means = new double[blocks];
        double[] m2s = new double[blocks];
        Parallel.forRange(blocks, n, (from, to) -> {
            double[] r = new double[2];
            for (int b = from; b < to; b++) {
                f.compute(b, r);
                means[b] = r[0];
                m2s[b] = r[1];
            }
        });
        double mean = means[0];
        double m2 = m2s[0];
        long count = Math.min(BLOCK, n);
        for (int b = 1; b < blocks; b++) {
            long nb = Math.min(BLOCK, n - (long) b * BLOCK);
            long total = count + nb;
            double delta = means[b] - mean;
            mean += delta * nb / total;
            m2 += m2s[b] + delta * delta * ((double) count * nb / total);
            count = total;
        }
        return new double[] {mean, m2};
    }

    static double sum(float[] a, int off, int n) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int i = 0;
        for (; i + 3 < n; i += 4) {
            s0 += a[off + i];
            s1 += a[off + i + 1];
            s2 += a[off + i + 2];
            s3 += a[off + i + 3];
        }
        for (; i < n; i++) {
            s0 += a[off + i];
        }
        return (s0 + s1) + (s2 + s3);
    }

    static double sum(double[] a, int off, int n) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int i = 0;
        for (; i + 3 < n; i += 4) {
            s0 += a[off + i];
            s1 += a[off + i + 1];
            s2 += a[off + i + 2];
            s3 += a[off + i + 3];
        }
        for (; i < n; i++) {
            s0 += a[off + i];
        }
        return (s0 + s1) + (s2 + s3);
    }

    static double squaredDeviations(float[] a, int off, int n, double m) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int i = 0;
        for (; i + 3 < n; i += 4) {
            double d0 = a[off + i] - m;
            double d1 = a[off + i + 1] - m;
            double d2 = a[off + i + 2] - m;
            double d3 = a[off + i + 3] - m;
            s0 += d0 * d0;
            s1 += d1 * d1;
            s2 += d2 * d2;
            s3 += d3 * d3;
        }
        for (; i < n; i++) {
            double d = a[off + i] - m;
            s0 += d * d;
        }
        return (s0 + s1) + (s2 + s3);
    }

    static double squaredDeviations(double[] a, int off, int n, double m) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int i = 0;
        for (; i + 3 < n; i += 4) {
            double d0 = a[off + i] - m;
            double d1 = a[off + i + 1] - m;
            double d2 = a[off + i + 2] - m;
            double d3 = a[off + i + 3] - m;
            s0 += d0 * d0;
            s1 += d1 * d1;
            s2 += d2 * d2;
            s3 += d3 * d3;
        }
        for (; i < n; i++) {
            double d = a[off + i] - m;
            s0 += d * d;
        }
        return (s0 + s1) + (s2 + s3);
    }
}
