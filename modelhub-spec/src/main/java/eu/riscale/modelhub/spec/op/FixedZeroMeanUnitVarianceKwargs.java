package eu.riscale.modelhub.spec.op;

import eu.riscale.modelhub.spec.constraint.Identifier;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Objects;

/** The arguments of {@code fixed_zero_mean_unit_variance}: scalar, or per index along an axis. */
public sealed interface FixedZeroMeanUnitVarianceKwargs
        permits FixedZeroMeanUnitVarianceKwargs.Scalar, FixedZeroMeanUnitVarianceKwargs.AlongAxis {
    /**
     * Fixed normalization with one mean and standard deviation.
     *
     * @param mean the mean to subtract
     * @param std the standard deviation to divide by
     */
    public record Scalar(
            double mean,

            @DecimalMin(value = "0.000001", message = "must be at least 1e-6")
            double std) implements FixedZeroMeanUnitVarianceKwargs {}

    /**
     * Fixed normalization with one mean and standard deviation per index along an axis.
     *
     * @param mean the means
     * @param std the standard deviations
     * @param axis the axis the values run along
     */
    public record AlongAxis(
            @Size(min = 1, message = "must not be empty") List<Double> mean,

            @Size(min = 1, message = "must not be empty")
            List<@DecimalMin(value = "0.000001", message = "must be at least 1e-6") Double> std,

            @Identifier(lowerCase = true, maxLength = 16) String axis)
            implements FixedZeroMeanUnitVarianceKwargs {
        /**
         * Checks that required components are present and copies collections.
         *
         * @param mean the means
         * @param std the standard deviations
         * @param axis the axis the values run along
         * @throws NullPointerException if a required component is {@code null}
         */
        public AlongAxis {
            mean = List.copyOf(Objects.requireNonNull(mean, "mean"));
            std = List.copyOf(Objects.requireNonNull(std, "std"));
            Objects.requireNonNull(axis, "axis");
        }
    }
}
