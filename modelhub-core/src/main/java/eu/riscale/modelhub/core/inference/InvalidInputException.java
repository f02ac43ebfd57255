package eu.riscale.modelhub.core.inference;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Inputs that do not fit the model: unknown or missing tensors, axes that the input lacks or the model does not have,
 * sizes that the description does not allow, or a data type the network rejects. Raised before any native call where
 * the description allows the check.
 */
public final class InvalidInputException extends InferenceException {
    private static final long serialVersionUID = 1L;

    private final @Nullable String tensorId;
    private final @Nullable String axisId;

    /**
     * Creates the exception.
     *
     * @param tensorId the input concerned, or null when the problem is the set of inputs
     * @param axisId the axis concerned, or null
     * @param message the full message, naming the tensor and axis
     */
    public InvalidInputException(@Nullable String tensorId, @Nullable String axisId, String message) {
        super(message);
        this.tensorId = tensorId;
        this.axisId = axisId;
    }

    /** {@return the input concerned, empty when the problem is the set of inputs} */
    public Optional<String> tensorId() {
        return Optional.ofNullable(tensorId);
    }

    /** {@return the axis concerned, if one} */
    public Optional<String> axisId() {
        return Optional.ofNullable(axisId);
    }
}
