package eu.riscale.modelhub.spec.tensor;

import org.jspecify.annotations.Nullable;

/**
 * The value range of interval/ratio data; either end may be open ({@code null}).
 *
 * @param min the lower bound, or {@code null}
 * @param max the upper bound, or {@code null}
 */
public record Range(@Nullable Double min, @Nullable Double max) {
    /** The unbounded range, the default. */
    public static final Range UNBOUNDED = new Range(null, null);
}
