package eu.riscale.modelhub.spec.op;

import jakarta.validation.Valid;
import java.util.Objects;

/**
 * Scales by percentiles to about [0, 1].
 *
 * @param kwargs the arguments
 */
public record ScaleRangeDescr(@Valid ScaleRangeKwargs kwargs) implements PreprocessingDescr {
    /**
     * Checks that required components are present and copies collections.
     *
     * @param kwargs the arguments
     * @throws NullPointerException if a required component is {@code null}
     */
    public ScaleRangeDescr {
        Objects.requireNonNull(kwargs, "kwargs");
    }

    /** {@inheritDoc} */
    @Override
    public String id() {
        return "scale_range";
    }
}
