package eu.riscale.modelhub.spec.op;

import eu.riscale.modelhub.spec.constraint.Identifier;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Arguments of {@code scale_range}.
 *
 * @param axes the axes to reduce jointly, or {@code null} for all axes
 * @param minPercentile the lower percentile (default 0)
 * @param maxPercentile the upper percentile (default 100)
 * @param eps added to the denominator for numerical stability (default 1e-6)
 * @param referenceTensor the tensor the percentiles are computed on, or {@code null} for this one
 */
public record ScaleRangeKwargs(
        @Nullable List<@Identifier(lowerCase = true, maxLength = 16) String> axes,

        @DecimalMin(value = "0", message = "must be in [0, 100)")
        @DecimalMax(value = "100", inclusive = false, message = "must be in [0, 100)")
        double minPercentile,

        @DecimalMin(value = "1", inclusive = false, message = "must be in (1, 100]")
        @DecimalMax(value = "100", message = "must be in (1, 100]")
        double maxPercentile,

        @DecimalMin(value = "0", inclusive = false, message = "must be in (0, 0.1]")
        @DecimalMax(value = "0.1", message = "must be in (0, 0.1]")
        double eps,

        @Identifier(lowerCase = true, maxLength = 32) @Nullable
        String referenceTensor) {
    /** The description with every field at its default. */
    /** The lower percentile when none is given. */
    public static final double DEFAULT_MIN_PERCENTILE = 0.0;

    /** The upper percentile when none is given. */
    public static final double DEFAULT_MAX_PERCENTILE = 100.0;

    /** The epsilon when none is given. */
    public static final double DEFAULT_EPS = 1e-6;

    /** The arguments when none are given. */
    public static final ScaleRangeKwargs DEFAULT =
            new ScaleRangeKwargs(null, DEFAULT_MIN_PERCENTILE, DEFAULT_MAX_PERCENTILE, DEFAULT_EPS, null);

    /**
     * Checks that required components are present and copies collections.
     *
     * @param axes the axes to reduce jointly, or {@code null} for all axes
     * @param minPercentile the lower percentile (default 0)
     * @param maxPercentile the upper percentile (default 100)
     * @param eps added to the denominator for numerical stability (default 1e-6)
     * @param referenceTensor the tensor the percentiles are computed on, or {@code null} for this one
     * @throws NullPointerException if a required component is {@code null}
     */
    public ScaleRangeKwargs {
        axes = axes == null ? null : List.copyOf(axes);
    }

    /** {@return a new builder with every optional field at its default} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return a builder initialised with the values of this description} */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.axes = axes;
        b.minPercentile = minPercentile;
        b.maxPercentile = maxPercentile;
        b.eps = eps;
        b.referenceTensor = referenceTensor;
        return b;
    }

    /** Builds a {@link ScaleRangeKwargs} step by step; {@link #build()} names every missing required field. */
    public static final class Builder {
        private @Nullable List<String> axes;
        private Double minPercentile = DEFAULT_MIN_PERCENTILE;
        private Double maxPercentile = DEFAULT_MAX_PERCENTILE;
        private Double eps = DEFAULT_EPS;
        private @Nullable String referenceTensor;

        private Builder() {}

        /**
         * Sets {@code axes}.
         *
         * @param axes the axes to reduce jointly, or {@code null} for all axes
         * @return this builder
         */
        public Builder axes(@Nullable List<String> axes) {
            this.axes = axes;
            return this;
        }

        /**
         * Sets {@code axes}.
         *
         * @param axes the axes to reduce jointly, or {@code null} for all axes
         * @return this builder
         */
        public Builder axes(String... axes) {
            return axes(List.of(axes));
        }

        /**
         * Sets {@code min_percentile}.
         *
         * @param minPercentile the lower percentile (default 0)
         * @return this builder
         */
        public Builder minPercentile(double minPercentile) {
            this.minPercentile = minPercentile;
            return this;
        }

        /**
         * Sets {@code max_percentile}.
         *
         * @param maxPercentile the upper percentile (default 100)
         * @return this builder
         */
        public Builder maxPercentile(double maxPercentile) {
            this.maxPercentile = maxPercentile;
            return this;
        }

        /**
         * Sets {@code eps}.
         *
         * @param eps added to the denominator for numerical stability (default 1e-6)
         * @return this builder
         */
        public Builder eps(double eps) {
            this.eps = eps;
            return this;
        }

        /**
         * Sets {@code reference_tensor}.
         *
         * @param referenceTensor the tensor the percentiles are computed on, or {@code null} for this one
         * @return this builder
         */
        public Builder referenceTensor(@Nullable String referenceTensor) {
            this.referenceTensor = referenceTensor;
            return this;
        }

        /**
         * Builds the description.
         *
         * @return the description
         * @throws IllegalStateException naming every required field that was not set
         */
        public ScaleRangeKwargs build() {
            return new ScaleRangeKwargs(axes, minPercentile, maxPercentile, eps, referenceTensor);
        }
    }
}
