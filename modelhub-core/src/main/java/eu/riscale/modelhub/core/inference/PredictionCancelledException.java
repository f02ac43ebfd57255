package eu.riscale.modelhub.core.inference;

/** A prediction stopped between blocks because its {@link Cancellation} was cancelled or its thread interrupted. */
public final class PredictionCancelledException extends InferenceException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message how far the prediction got
     */
    public PredictionCancelledException(String message) {
        super(message);
    }
}
