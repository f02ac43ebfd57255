package eu.riscale.modelhub.core.inference;

/**
 * None of the weights a description offers can run here: formats without a Java engine (pytorch_state_dict,
 * tensorflow_saved_model_bundle, tensorflow_js, keras_hdf5), formats left out by the priority order, or weights whose
 * engine failed to load them. The message lists what the description offers, what can run, and each failure.
 */
public final class UnsupportedWeightsException extends InferenceException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what the description offers and what can run
     */
    public UnsupportedWeightsException(String message) {
        super(message);
    }
}
