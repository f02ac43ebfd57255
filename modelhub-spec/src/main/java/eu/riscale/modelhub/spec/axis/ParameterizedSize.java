package eu.riscale.modelhub.spec.axis;

import jakarta.validation.constraints.Positive;

/**
 * A parameterized input axis size: any {@code min + n * step} with {@code n >= 0}.
 *
 * @param min the smallest valid size
 * @param step the step between valid sizes
 */
public record ParameterizedSize(
        @Positive(message = "must be greater than 0") int min,
        @Positive(message = "must be greater than 0") int step) implements InputSize {}
