package eu.riscale.modelhub.spec.op;

import jakarta.validation.Valid;
import java.util.Objects;

/**
 * Normalizes with a fixed mean and standard deviation.
 *
 * @param kwargs the arguments
 */
public record FixedZeroMeanUnitVarianceDescr(@Valid FixedZeroMeanUnitVarianceKwargs kwargs)
        implements PreprocessingDescr {
    /**
     * Checks that required components are present and copies collections.
     *
     * @param kwargs the arguments
     * @throws NullPointerException if a required component is {@code null}
     */
    public FixedZeroMeanUnitVarianceDescr {
        Objects.requireNonNull(kwargs, "kwargs");
    }

    /** {@inheritDoc} */
    @Override
    public String id() {
        return "fixed_zero_mean_unit_variance";
    }
}
