package eu.riscale.modelhub.spec.op;

import eu.riscale.modelhub.spec.constraint.Identifier;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Arguments of {@code zero_mean_unit_variance}.
 *
 * @param axes the axes to reduce jointly, or {@code null} for all axes
 * @param eps added to the denominator for numerical stability (default 1e-6)
 */
public record ZeroMeanUnitVarianceKwargs(
        @Nullable List<@Identifier(lowerCase = true, maxLength = 16) String> axes,

        @DecimalMin(value = "0", inclusive = false, message = "must be in (0, 0.1]")
        @DecimalMax(value = "0.1", message = "must be in (0, 0.1]")
        double eps) {
    /** The description with every field at its default. */
    /** The epsilon when none is given. */
    public static final double DEFAULT_EPS = 1e-6;

    /** The arguments when none are given. */
    public static final ZeroMeanUnitVarianceKwargs DEFAULT = new ZeroMeanUnitVarianceKwargs(null, DEFAULT_EPS);

    /**
     * Checks that required components are present and copies collections.
     *
     * @param axes the axes to reduce jointly, or {@code null} for all axes
     * @param eps added to the denominator for numerical stability (default 1e-6)
     * @throws NullPointerException if a required component is {@code null}
     */
    public ZeroMeanUnitVarianceKwargs {
        axes = axes == null ? null : List.copyOf(axes);
    }
}
