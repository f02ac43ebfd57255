package eu.riscale.modelhub.core.inference;

/**
 * The description asks for a processing step that this SDK does not run: {@code stardist_postprocessing}, {@code
 * cellpose_flow_dynamics} or {@code custom} (their computation lives in Python libraries). The message names the step
 * and what it needs, for example {@code not supported by this SDK: outputs.0.postprocessing.1 (stardist_postprocessing)
 * needs the stardist Python package ...}.
 */
public final class UnsupportedProcessingException extends InferenceException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message the step and what it needs
     */
    public UnsupportedProcessingException(String message) {
        super(message);
    }
}
