package eu.riscale.modelhub.spec.axis;

import jakarta.validation.constraints.Positive;

/**
 * A fixed axis size, written as a plain integer.
 *
 * @param value the size
 */
public record FixedSize(@Positive int value) implements InputSize, StaticOutputSize {
    /**
     * Creates a fixed size.
     *
     * @param value the size
     * @return the size
     */
    public static FixedSize of(int value) {
        return new FixedSize(value);
    }
}
