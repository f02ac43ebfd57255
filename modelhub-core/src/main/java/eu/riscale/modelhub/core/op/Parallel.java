package eu.riscale.modelhub.core.op;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RecursiveAction;

/**
 * Splits large loops over the common fork-join pool. Tensors below {@link #THRESHOLD} elements run on the calling
 * thread, since starting tasks costs more than the work; the system property {@code modelhub.parallel=false} turns
 * splitting off.
 */
final class Parallel {
    /** Elements from which a loop is split over the available cores. */
    static final int THRESHOLD = 1 << 18;

    private static final boolean ENABLED = !"false".equals(System.getProperty("modelhub.parallel"))
            && Runtime.getRuntime().availableProcessors() > 1;

    /** The body of a loop over {@code [from, to)} of runs. */
    interface Body {
        void run(int from, int to);
    }

    private Parallel() {}

    /**
     * Runs {@code body} over {@code [0, n)}, split into one chunk per core when {@code elements} is large.
     *
     * @param n the number of loop units (elements or runs)
     * @param elements the number of tensor elements the loop touches
     */
    static void forRange(int n, long elements, Body body) {
        int cores = ForkJoinPool.getCommonPoolParallelism() + 1;
        if (!ENABLED || elements < THRESHOLD || n < 2 || cores < 2) {
            body.run(0, n);
            return;
        }
        int chunks = Math.min(n, cores);
        RecursiveAction[] tasks = new RecursiveAction[chunks - 1];
        for (int c = 1; c < chunks; c++) {
            int from = (int) ((long) n * c / chunks);
            int to = (int) ((long) n * (c + 1) / chunks);
            tasks[c - 1] = new RecursiveAction() {
                @Override
                protected void compute() {
                    body.run(from, to);
                }
            };
            tasks[c - 1].fork();
        }
        body.run(0, (int) ((long) n / chunks));
        for (RecursiveAction t : tasks) {
            t.join();
        }
    }
}
