package eu.riscale.modelhub.spec.op;

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
        String referenceTensor, @Nullable List<String> axes, double eps) {
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
