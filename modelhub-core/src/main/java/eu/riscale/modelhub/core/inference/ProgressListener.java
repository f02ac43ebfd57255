package eu.riscale.modelhub.core.inference;

/**
 * Told after each network call of a prediction. Called on the predicting thread; keep it fast.
 *
 * <pre>{@code
 * ProgressListener p = (done, total) -> System.err.printf("block %d/%d%n", done, total);
 * }</pre>
 */
@FunctionalInterface
public interface ProgressListener {
    /** A listener that does nothing. */
    ProgressListener NONE = (done, total) -> {};

    /**
     * Reports progress.
     *
     * @param done blocks predicted so far (1 for an untiled prediction)
     * @param total blocks of this prediction
     */
    void blockDone(int done, int total);
}
