package eu.riscale.modelhub.spec.op;

import jakarta.validation.Valid;
import java.util.Objects;

/**
 * Scales linearly: {@code gain * x + offset}.
 *
 * @param kwargs the arguments
 */
public record ScaleLinearDescr(@Valid ScaleLinearKwargs kwargs) implements PreprocessingDescr {
    /**
     * Checks that required components are present and copies collections.
     *
     * @param kwargs the arguments
     * @throws NullPointerException if a required component is {@code null}
     */
    public ScaleLinearDescr {
        Objects.requireNonNull(kwargs, "kwargs");
    }

    /** {@inheritDoc} */
    @Override
    public String id() {
        return "scale_linear";
    }
}
