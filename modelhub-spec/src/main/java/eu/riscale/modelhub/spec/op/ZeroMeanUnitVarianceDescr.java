package eu.riscale.modelhub.spec.op;

import jakarta.validation.Valid;
import java.util.Objects;

/**
 * Normalizes to zero mean and unit variance using statistics of the data.
 *
 * @param kwargs the arguments
 */
public record ZeroMeanUnitVarianceDescr(@Valid ZeroMeanUnitVarianceKwargs kwargs) implements PreprocessingDescr {
    /**
     * Checks that required components are present and copies collections.
     *
     * @param kwargs the arguments
     * @throws NullPointerException if a required component is {@code null}
     */
    public ZeroMeanUnitVarianceDescr {
        Objects.requireNonNull(kwargs, "kwargs");
    }

    /** {@inheritDoc} */
    @Override
    public String id() {
        return "zero_mean_unit_variance";
    }
}
