package eu.riscale.modelhub.spec.axis;

import org.jspecify.annotations.Nullable;

/**
 * An output axis size known only after inference, optionally bounded.
 *
 * @param min the smallest possible size (default 1)
 * @param max the largest possible size, or {@code null} when unbounded
 */
public record DataDependentSize(int min, @Nullable Integer max) implements OutputSize {}
