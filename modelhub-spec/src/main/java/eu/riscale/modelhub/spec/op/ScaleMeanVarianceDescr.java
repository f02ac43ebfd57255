package eu.riscale.modelhub.spec.op;

import jakarta.validation.Valid;
import java.util.Objects;

/**
 * Scales a tensor to the mean and variance of a reference tensor (postprocessing only).
 *
 * @param kwargs the arguments
 */
public record ScaleMeanVarianceDescr(@Valid ScaleMeanVarianceKwargs kwargs) implements PostprocessingDescr {
    /**
     * Checks that required components are present and copies collections.
     *
     * @param kwargs the arguments
     * @throws NullPointerException if a required component is {@code null}
     */
    public ScaleMeanVarianceDescr {
        Objects.requireNonNull(kwargs, "kwargs");
    }

    /** {@inheritDoc} */
    @Override
    public String id() {
        return "scale_mean_variance";
    }
}
