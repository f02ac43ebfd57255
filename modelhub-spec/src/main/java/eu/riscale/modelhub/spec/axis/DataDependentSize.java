package eu.riscale.modelhub.spec.axis;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Positive;
import org.jspecify.annotations.Nullable;

/**
 * An output axis size known only after inference, optionally bounded.
 *
 * @param min the smallest possible size (default 1)
 * @param max the largest possible size, or {@code null} when unbounded
 */
public record DataDependentSize(
        @Positive(message = "must be greater than 0") int min,

        @Min(value = 2, message = "must be greater than 1") @Nullable
        Integer max)
        implements OutputSize {
    /** The minimum size when none is given. */
    public static final int DEFAULT_MIN = 1;
}
