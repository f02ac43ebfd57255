package eu.riscale.modelhub.core.tensor.internal;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RecursiveAction;
import java.util.function.IntFunction;

/**
 * Splits the SDK's large element loops (ops, statistics, casts) over the common fork-join pool; not API. Loops over
 * fewer than {@link #THRESHOLD} elements run on the calling thread, since starting tasks costs more than the work; the
 * system property {@code modelhub.parallel=false} turns splitting off.
 *
 * <p>Tasks are forked into the common pool explicitly: {@code CompletableFuture.supplyAsync} would start a new thread
 * per task on a two-core machine, where the pool's parallelism is 1.
 */
public final class Parallel {
    /** Elements from which a loop is split over the available cores. */
    public static final int THRESHOLD = 1 << 18;

    private static final boolean ENABLED = !"false".equals(System.getProperty("modelhub.parallel"))
            && Runtime.getRuntime().availableProcessors() > 1;

    /** The body of a loop over {@code [from, to)} of loop units. */
    @FunctionalInterface
    public interface Body {
        /**
         * Runs the loop over a part of the range.
         *
         * @param from the first unit
         * @param to one past the last unit
         */
        void run(int from, int to);
    }

    /** A partial result over {@code [from, to)} of loop units. */
    @FunctionalInterface
    public interface Partial<T> {
        /**
         * Computes the partial result of a part of the range.
         *
         * @param from the first unit
         * @param to one past the last unit
         * @return the partial result
         */
        T compute(int from, int to);
    }

    private Parallel() {}

    /** {@return how many chunks a loop over {@code n} units touching {@code elements} elements is split into} */
    public static int chunks(int n, long elements) {
        int cores = ForkJoinPool.getCommonPoolParallelism() + 1;
        if (!ENABLED || elements < THRESHOLD || n < 2 || cores < 2) {
            return 1;
        }
        return Math.min(n, cores);
    }

    /**
     * Runs {@code body} over {@code [0, n)}, split into one chunk per core when {@code elements} is large.
     *
     * @param n the number of loop units (elements or runs)
     * @param elements the number of tensor elements the loop touches
     * @param body the loop
     */
    public static void forRange(int n, long elements, Body body) {
        int chunks = chunks(n, elements);
        if (chunks == 1) {
            body.run(0, n);
            return;
        }
        RecursiveAction[] tasks = new RecursiveAction[chunks - 1];
        for (int c = 1; c < chunks; c++) {
            int from = bound(n, c, chunks);
            int to = bound(n, c + 1, chunks);
            tasks[c - 1] = new RecursiveAction() {
                @Override
                protected void compute() {
                    body.run(from, to);
                }
            };
            tasks[c - 1].fork();
        }
        body.run(0, bound(n, 1, chunks));
        for (RecursiveAction t : tasks) {
            t.join();
        }
    }

    /**
     * Computes partial results over {@code [0, n)}, split as {@link #forRange}; the results are in range order, so a
     * caller that merges them in order gets the same value on any number of cores with the same split.
     *
     * @param n the number of loop units
     * @param elements the number of tensor elements the loop touches
     * @param partial the partial computation
     * @param array creates the result array
     * @param <T> the partial result type
     * @return one partial result per chunk, in range order
     */
    public static <T> T[] map(int n, long elements, Partial<T> partial, IntFunction<T[]> array) {
        int chunks = chunks(n, elements);
        T[] out = array.apply(chunks);
        if (chunks == 1) {
            out[0] = partial.compute(0, n);
            return out;
        }
        forRange(chunks, Long.MAX_VALUE, (from, to) -> {
            for (int c = from; c < to; c++) {
                out[c] = partial.compute(bound(n, c, chunks), bound(n, c + 1, chunks));
            }
        });
        return out;
    }

    private static int bound(int n, int c, int chunks) {
        return (int) ((long) n * c / chunks);
    }
}
