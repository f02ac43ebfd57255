package eu.riscale.modelhub.core.inference;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A flag that stops predictions between blocks. Thread-safe: cancel from any thread; a prediction that sees it throws
 * {@link PredictionCancelledException} after the block in progress. One cancellation may serve many predictions.
 */
public final class Cancellation {
    private final AtomicBoolean cancelled = new AtomicBoolean();

    private Cancellation() {}

    /** {@return a new, not cancelled, flag} */
    public static Cancellation create() {
        return new Cancellation();
    }

    /** Cancels; idempotent. */
    public void cancel() {
        cancelled.set(true);
    }

    /** {@return whether {@link #cancel()} was called} */
    public boolean isCancelled() {
        return cancelled.get();
    }
}
