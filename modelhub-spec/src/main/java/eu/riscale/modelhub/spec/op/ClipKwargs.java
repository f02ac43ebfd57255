package eu.riscale.modelhub.spec.op;

import eu.riscale.modelhub.spec.constraint.Identifier;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Arguments of {@code clip}: fixed bounds or percentiles.
 *
 * @param min the fixed lower bound, or {@code null}
 * @param minPercentile the percentile giving the lower bound, or {@code null}
 * @param max the fixed upper bound, or {@code null}
 * @param maxPercentile the percentile giving the upper bound, or {@code null}
 * @param axes the axes over which percentiles are computed, or {@code null} for all
 */
public record ClipKwargs(
        @Nullable Double min,

        @DecimalMin(value = "0", message = "must be in [0, 100)")
        @DecimalMax(value = "100", inclusive = false, message = "must be in [0, 100)")
        @Nullable
        Double minPercentile,

        @Nullable Double max,

        @DecimalMin(value = "1", inclusive = false, message = "must be in (1, 100]")
        @DecimalMax(value = "100", message = "must be in (1, 100]")
        @Nullable
        Double maxPercentile,

        @Nullable List<@Identifier(lowerCase = true, maxLength = 16) String> axes) {
    /**
     * Checks that required components are present and copies collections.
     *
     * @param min the fixed lower bound, or {@code null}
     * @param minPercentile the percentile giving the lower bound, or {@code null}
     * @param max the fixed upper bound, or {@code null}
     * @param maxPercentile the percentile giving the upper bound, or {@code null}
     * @param axes the axes over which percentiles are computed, or {@code null} for all
     * @throws NullPointerException if a required component is {@code null}
     */
    public ClipKwargs {
        axes = axes == null ? null : List.copyOf(axes);
    }

    /** {@return a new builder with every optional field at its default} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return a builder initialised with the values of this description} */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.min = min;
        b.minPercentile = minPercentile;
        b.max = max;
        b.maxPercentile = maxPercentile;
        b.axes = axes;
        return b;
    }

    /** Builds a {@link ClipKwargs} step by step; {@link #build()} names every missing required field. */
    public static final class Builder {
        private @Nullable Double min;
        private @Nullable Double minPercentile;
        private @Nullable Double max;
        private @Nullable Double maxPercentile;
        private @Nullable List<String> axes;

        private Builder() {}

        /**
         * Sets {@code min}.
         *
         * @param min the fixed lower bound, or {@code null}
         * @return this builder
         */
        public Builder min(@Nullable Double min) {
            this.min = min;
            return this;
        }

        /**
         * Sets {@code min_percentile}.
         *
         * @param minPercentile the percentile giving the lower bound, or {@code null}
         * @return this builder
         */
        public Builder minPercentile(@Nullable Double minPercentile) {
            this.minPercentile = minPercentile;
            return this;
        }

        /**
         * Sets {@code max}.
         *
         * @param max the fixed upper bound, or {@code null}
         * @return this builder
         */
        public Builder max(@Nullable Double max) {
            this.max = max;
            return this;
        }

        /**
         * Sets {@code max_percentile}.
         *
         * @param maxPercentile the percentile giving the upper bound, or {@code null}
         * @return this builder
         */
        public Builder maxPercentile(@Nullable Double maxPercentile) {
            this.maxPercentile = maxPercentile;
            return this;
        }

        /**
         * Sets {@code axes}.
         *
         * @param axes the axes over which percentiles are computed, or {@code null} for all
         * @return this builder
         */
        public Builder axes(@Nullable List<String> axes) {
            this.axes = axes;
            return this;
        }

        /**
         * Sets {@code axes}.
         *
         * @param axes the axes over which percentiles are computed, or {@code null} for all
         * @return this builder
         */
        public Builder axes(String... axes) {
            return axes(List.of(axes));
        }

        /**
         * Builds the description.
         *
         * @return the description
         * @throws IllegalStateException naming every required field that was not set
         */
        public ClipKwargs build() {
            return new ClipKwargs(min, minPercentile, max, maxPercentile, axes);
        }
    }
}
