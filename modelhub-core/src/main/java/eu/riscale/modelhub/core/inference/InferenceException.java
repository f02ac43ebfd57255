package eu.riscale.modelhub.core.inference;

/** A recoverable failure of inference: bad inputs, weights that cannot run here, or a cancelled prediction. */
public class InferenceException extends Exception {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what went wrong, naming the tensor, axis or file
     */
    public InferenceException(String message) {
        super(message);
    }

    /**
     * Creates the exception with a cause.
     *
     * @param message what went wrong, naming the tensor, axis or file
     * @param cause the underlying failure
     */
    public InferenceException(String message, Throwable cause) {
        super(message, cause);
    }
}
