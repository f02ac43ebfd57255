package eu.riscale.modelhub.core.batch;

/**
 * Told after each sample of a batch finishes. Calls come from the pipeline's worker threads, one at a time (never
 * concurrently) and in the order the counts grow; keep them fast, they hold up the worker that finished the sample.
 *
 * <pre>{@code
 * BatchListener l = new BatchListener() {
 *     public void sampleFinished(BatchProgress p) { System.err.printf("%d/%d%n", p.finished(), p.total()); }
 *     public void sampleFailed(SampleFailure f) { System.err.println(f.summaryLine()); }
 * };
 * }</pre>
 */
public interface BatchListener {
    /** A listener that does nothing. */
    BatchListener NONE = p -> {};

    /**
     * Reports progress after a sample was written or failed.
     *
     * @param progress the counts so far
     */
    void sampleFinished(BatchProgress progress);

    /**
     * Reports a failed sample, just before the {@link #sampleFinished} that counts it. Does nothing by default.
     *
     * @param failure the failure
     */
    default void sampleFailed(SampleFailure failure) {}
}
