package eu.riscale.modelhub.spec.op;

import jakarta.validation.Valid;
import java.util.Objects;

/**
 * Casts a tensor to a data type.
 *
 * @param kwargs the arguments
 */
public record EnsureDtypeDescr(@Valid EnsureDtypeKwargs kwargs) implements PreprocessingDescr {
    /**
     * Checks that required components are present and copies collections.
     *
     * @param kwargs the arguments
     * @throws NullPointerException if a required component is {@code null}
     */
    public EnsureDtypeDescr {
        Objects.requireNonNull(kwargs, "kwargs");
    }

    /** {@inheritDoc} */
    @Override
    public String id() {
        return "ensure_dtype";
    }
}
