package eu.riscale.modelhub.spec.op;

import eu.riscale.modelhub.spec.constraint.Identifier;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Arguments of {@code scale_mean_variance}.
 *
 * @param referenceTensor the tensor whose mean and variance are matched
 * @param axes the axes to reduce jointly, or {@code null} for all axes
 * @param eps added to the denominator for numerical stability (default 1e-6)
 */
public record ScaleMeanVarianceKwargs(
        @Identifier(lowerCase = true, maxLength = 32) String referenceTensor,
        @Nullable List<@Identifier(lowerCase = true, maxLength = 16) String> axes,

        @DecimalMin(value = "0", inclusive = false, message = "must be in (0, 0.1]")
        @DecimalMax(value = "0.1", message = "must be in (0, 0.1]")
        double eps) {
    /** The epsilon when none is given. */
    public static final double DEFAULT_EPS = 1e-6;

    /**
     * Checks that required components are present and copies collections.
     *
     * @param referenceTensor the tensor whose mean and variance are matched
     * @param axes the axes to reduce jointly, or {@code null} for all axes
     * @param eps added to the denominator for numerical stability (default 1e-6)
     * @throws NullPointerException if a required component is {@code null}
     */
    public ScaleMeanVarianceKwargs {
        Objects.requireNonNull(referenceTensor, "referenceTensor");
        axes = axes == null ? null : List.copyOf(axes);
    }
}
