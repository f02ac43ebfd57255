package eu.riscale.modelhub.core.stats;

import eu.riscale.modelhub.core.tensor.internal.Parallel;
import eu.riscale.modelhub.core.tensor.internal.VectorKernels;
import eu.riscale.modelhub.core.tensor.internal.VectorMath;

/**
 * Mean and sum of squared deviations ({@code M2}) in float64, in one pass over memory: the values are cut into blocks
 * of {@link #BLOCK} elements; each block sums its deviations {@code d = x - c} and their squares from a shift {@code c}
 * inside the block (the median of its first, middle and last value), which gives the block's mean {@code c + S1 / n}
 * and {@code M2 = S2 - S1^2 / n}; the blocks are merged in order with Chan's formula. With the shift inside the data the
 * cancellation in {@code S2 - S1^2 / n} costs about {@code 1e-12 (1 + (mean - c)^2 / var)} relative, far below
 * float32 resolution unless {@code c} lies hundreds of standard deviations from the block's mean, which the median of
 * three avoids for a single outlier. The block structure does not depend on the number of cores, so results are the
 * same everywhere.
 */
final class Moments {
    /** Elements per block. */
    static final int BLOCK = 1 << 14;

    private Moments() {}

    /** Mean and M2 of {@code [off, off + n)}: {@code {mean, m2}}. */
    static double[] of(float[] a, int off, int n) {
        return merge(n, (b, out) -> {
            int from = off + b * BLOCK;
            int len = Math.min(BLOCK, n - b * BLOCK);
            shifted(a, from, len, median(a[from], a[from + len / 2], a[from + len - 1]), out);
        });
    }

    /** Mean and M2 of {@code [off, off + n)}: {@code {mean, m2}}. */
    static double[] of(double[] a, int off, int n) {
        return merge(n, (b, out) -> {
            int from = off + b * BLOCK;
            int len = Math.min(BLOCK, n - b * BLOCK);
            shifted(a, from, len, median(a[from], a[from + len / 2], a[from + len - 1]), out);
        });
    }

    /** The median of three values, or 0 when that is infinite (a shift must be finite for inf to give inf). */
    private static double median(double a, double b, double c) {
        double m = Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
        return Double.isInfinite(m) ? 0 : m;
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

    /** Block moments from deviations to {@code c}: {@code out = {mean, m2}}; NaN anywhere gives NaN. */
    private static void shifted(float[] a, int off, int n, double c, double[] out) {
        if (VectorMath.ENABLED) {
            VectorKernels.shiftedSums(a, off, n, c, out);
            finish(n, c, out[0], out[1], out);
            return;
        }
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        double q0 = 0;
        double q1 = 0;
        double q2 = 0;
        double q3 = 0;
        int i = 0;
        for (; i + 3 < n; i += 4) {
            double d0 = a[off + i] - c;
            double d1 = a[off + i + 1] - c;
            double d2 = a[off + i + 2] - c;
            double d3 = a[off + i + 3] - c;
            s0 += d0;
            s1 += d1;
            s2 += d2;
            s3 += d3;
            q0 += d0 * d0;
            q1 += d1 * d1;
            q2 += d2 * d2;
            q3 += d3 * d3;
        }
        for (; i < n; i++) {
            double d = a[off + i] - c;
            s0 += d;
            q0 += d * d;
        }
        finish(n, c, (s0 + s1) + (s2 + s3), (q0 + q1) + (q2 + q3), out);
    }

    /** Block moments from deviations to {@code c}: {@code out = {mean, m2}}; NaN anywhere gives NaN. */
    private static void shifted(double[] a, int off, int n, double c, double[] out) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        double q0 = 0;
        double q1 = 0;
        double q2 = 0;
        double q3 = 0;
        int i = 0;
        for (; i + 3 < n; i += 4) {
            double d0 = a[off + i] - c;
            double d1 = a[off + i + 1] - c;
            double d2 = a[off + i + 2] - c;
            double d3 = a[off + i + 3] - c;
            s0 += d0;
            s1 += d1;
            s2 += d2;
            s3 += d3;
            q0 += d0 * d0;
            q1 += d1 * d1;
            q2 += d2 * d2;
            q3 += d3 * d3;
        }
        for (; i < n; i++) {
            double d = a[off + i] - c;
            s0 += d;
            q0 += d * d;
        }
        finish(n, c, (s0 + s1) + (s2 + s3), (q0 + q1) + (q2 + q3), out);
    }

    private static void finish(int n, double c, double sum, double squares, double[] out) {
        out[0] = c + sum / n;
        // rounding can take a constant block a hair below zero
        out[1] = Math.max(0, squares - sum * sum / n);
        if (sum != sum || squares != squares || c != c) {
            out[0] = Double.NaN;
            out[1] = Double.NaN;
        }
    }
}
