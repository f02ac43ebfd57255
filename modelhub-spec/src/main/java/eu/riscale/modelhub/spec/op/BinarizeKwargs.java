package eu.riscale.modelhub.spec.op;

import eu.riscale.modelhub.spec.constraint.Identifier;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Objects;

/** The arguments of {@code binarize}: one threshold, or one per index along an axis. */
public sealed interface BinarizeKwargs permits BinarizeKwargs.Scalar, BinarizeKwargs.AlongAxis {
    /**
     * Binarization with one threshold for the whole tensor.
     *
     * @param threshold values above become 1, others 0
     */
    public record Scalar(double threshold) implements BinarizeKwargs {}

    /**
     * Binarization with one threshold per index along an axis.
     *
     * @param threshold the thresholds, one per index
     * @param axis the axis the thresholds run along
     */
    public record AlongAxis(
            @Size(min = 1, message = "must not be empty") List<Double> threshold,
            @Identifier(lowerCase = true, maxLength = 16) String axis)
            implements BinarizeKwargs {
        /**
         * Checks that required components are present and copies collections.
         *
         * @param threshold the thresholds, one per index
         * @param axis the axis the thresholds run along
         * @throws NullPointerException if a required component is {@code null}
         */
        public AlongAxis {
            threshold = List.copyOf(Objects.requireNonNull(threshold, "threshold"));
            Objects.requireNonNull(axis, "axis");
        }
    }
}
