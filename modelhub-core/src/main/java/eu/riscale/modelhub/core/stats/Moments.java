package eu.riscale.modelhub.core.stats;

/**
 * Sums for mean and variance in float64 with four independent accumulators (so the JIT can pipeline the additions);
 * the results differ from a sequential sum only by rounding.
 */
final class Moments {
    private Moments() {}

    private static final int PARALLEL_THRESHOLD = 1 << 20;
    private static final boolean PARALLEL = !"false".equals(System.getProperty("modelhub.parallel"))
            && Runtime.getRuntime().availableProcessors() > 1;

    /** A partial sum over {@code [off, off + n)}. */
    interface PartialSum {
        double sum(int off, int n);
    }

    /** Sums {@code [off, off + n)} in two halves on two threads when the range is large, else on this thread. */
    static double split(int off, int n, PartialSum f) {
        if (!PARALLEL || n < PARALLEL_THRESHOLD) {
            return f.sum(off, n);
        }
        int half = n / 2;
        java.util.concurrent.CompletableFuture<Double> second =
                java.util.concurrent.CompletableFuture.supplyAsync(() -> f.sum(off + half, n - half));
        double first = f.sum(off, half);
        return first + second.join();
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
