package eu.riscale.modelhub.spec.op;

import eu.riscale.modelhub.spec.constraint.Identifier;
import jakarta.validation.Valid;
import java.util.Objects;

/** The arguments of {@code scale_linear}: scalar, or per index along an axis. */
public sealed interface ScaleLinearKwargs permits ScaleLinearKwargs.Scalar, ScaleLinearKwargs.AlongAxis {
    /** The gain when none is given. */
    double DEFAULT_GAIN = 1.0;

    /** The offset when none is given. */
    double DEFAULT_OFFSET = 0.0;

    /**
     * Linear scaling with one gain and offset.
     *
     * @param gain the factor (default 1.0)
     * @param offset the summand (default 0.0)
     */
    public record Scalar(double gain, double offset) implements ScaleLinearKwargs {}

    /**
     * Linear scaling with gains and offsets per index along an axis.
     *
     * @param axis the axis the values run along
     * @param gain the factors (default 1.0)
     * @param offset the summands (default 0.0)
     */
    public record AlongAxis(
            @Identifier(lowerCase = true, maxLength = 16) String axis,
            @Valid Coefficients gain,
            @Valid Coefficients offset)
            implements ScaleLinearKwargs {
        /**
         * Checks that required components are present and copies collections.
         *
         * @param axis the axis the values run along
         * @param gain the factors (default 1.0)
         * @param offset the summands (default 0.0)
         * @throws NullPointerException if a required component is {@code null}
         */
        public AlongAxis {
            Objects.requireNonNull(axis, "axis");
            Objects.requireNonNull(gain, "gain");
            Objects.requireNonNull(offset, "offset");
        }
    }
}
