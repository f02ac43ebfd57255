package eu.riscale.modelhub.spec.op;

import java.util.List;
import java.util.Objects;

/**
 * The gain or offset of {@code scale_linear} along an axis: one value broadcast to every index, or one per index.
 *
 * @param values the values; exactly one when {@code scalar}
 * @param scalar whether the value was given as a single number (broadcast along the axis)
 */
public record Coefficients(List<Double> values, boolean scalar) {
    /** The scalar 1.0, the default gain. */
    public static final Coefficients ONE = of(1.0);

    /** The scalar 0.0, the default offset. */
    public static final Coefficients ZERO = of(0.0);

    /**
     * Copies the values.
     *
     * @param values the values; exactly one when {@code scalar}
     * @param scalar whether the value is broadcast along the axis
     * @throws IllegalArgumentException if {@code scalar} and there is not exactly one value
     */
    public Coefficients {
        values = List.copyOf(Objects.requireNonNull(values, "values"));
        if (scalar && values.size() != 1) {
            throw new IllegalArgumentException("a scalar coefficient has exactly one value, found " + values.size());
        }
    }

    /**
     * Creates a scalar coefficient.
     *
     * @param value the value for every index
     * @return the coefficient
     */
    public static Coefficients of(double value) {
        return new Coefficients(List.of(value), true);
    }

    /**
     * Creates one coefficient per index.
     *
     * @param values the values
     * @return the coefficients
     */
    public static Coefficients of(List<Double> values) {
        return new Coefficients(values, false);
    }
}
