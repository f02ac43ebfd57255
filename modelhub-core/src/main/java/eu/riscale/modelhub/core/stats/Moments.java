package eu.riscale.modelhub.core.stats;

/**
 * Sums for mean and variance in float64 with four independent accumulators (so the JIT can pipeline the additions);
 * the results differ from a sequential sum only by rounding.
 */
final class Moments {
    private Moments() {}

    static double mean(float[] a, int off, int n) {
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
        return ((s0 + s1) + (s2 + s3)) / n;
    }

    static double mean(double[] a, int off, int n) {
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
        return ((s0 + s1) + (s2 + s3)) / n;
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
