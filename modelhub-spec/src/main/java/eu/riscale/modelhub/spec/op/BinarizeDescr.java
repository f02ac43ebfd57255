package eu.riscale.modelhub.spec.op;

import jakarta.validation.Valid;
import java.util.Objects;

/**
 * Binarizes a tensor: values above a threshold become 1, the others 0.
 *
 * @param kwargs the arguments
 */
public record BinarizeDescr(@Valid BinarizeKwargs kwargs) implements PreprocessingDescr {
    /**
     * Checks that required components are present and copies collections.
     *
     * @param kwargs the arguments
     * @throws NullPointerException if a required component is {@code null}
     */
    public BinarizeDescr {
        Objects.requireNonNull(kwargs, "kwargs");
    }

    /** {@inheritDoc} */
    @Override
    public String id() {
        return "binarize";
    }
}
