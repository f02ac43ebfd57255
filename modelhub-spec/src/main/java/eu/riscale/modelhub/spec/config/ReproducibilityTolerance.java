package eu.riscale.modelhub.spec.config;

import eu.riscale.modelhub.spec.constraint.Identifier;
import eu.riscale.modelhub.spec.weights.WeightsFormat;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.PositiveOrZero;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How far test outputs may deviate from the expected outputs.
 *
 * @param relativeTolerance the relative tolerance (default 1e-3)
 * @param absoluteTolerance the absolute tolerance (default 1e-3)
 * @param mismatchedElementsPerMillion how many elements per million may exceed the tolerance (default 100)
 * @param outputIds the outputs this applies to (empty: all)
 * @param weightsFormats the weights formats this applies to (empty: all)
 * @param extra the other keys, in document order
 */
public record ReproducibilityTolerance(
        @DecimalMin(value = "0", message = "must be in [0, 0.01]")
        @DecimalMax(value = "0.01", message = "must be in [0, 0.01]")
        double relativeTolerance,

        @PositiveOrZero(message = "must be at least 0") double absoluteTolerance,

        @Min(value = 0, message = "must be in [0, 1000]") @Max(value = 1000, message = "must be in [0, 1000]")
        int mismatchedElementsPerMillion,

        List<@Identifier(lowerCase = true, maxLength = 32) String> outputIds,
        List<WeightsFormat> weightsFormats,
        Map<String, @Nullable Object> extra) {
    /** The description with every field at its default. */
    /** The relative tolerance when none is given. */
    public static final double DEFAULT_RELATIVE_TOLERANCE = 1e-3;

    /** The absolute tolerance when none is given. */
    public static final double DEFAULT_ABSOLUTE_TOLERANCE = 1e-3;

    /** The number of mismatched elements per million allowed when none is given. */
    public static final int DEFAULT_MISMATCHED_ELEMENTS_PER_MILLION = 100;

    /** The tolerance that applies when none is given. */
    public static final ReproducibilityTolerance DEFAULT = new ReproducibilityTolerance(
            DEFAULT_RELATIVE_TOLERANCE,
            DEFAULT_ABSOLUTE_TOLERANCE,
            DEFAULT_MISMATCHED_ELEMENTS_PER_MILLION,
            List.of(),
            List.of(),
            Map.of());

    /**
     * Checks that required components are present and copies collections.
     *
     * @param relativeTolerance the relative tolerance (default 1e-3)
     * @param absoluteTolerance the absolute tolerance (default 1e-3)
     * @param mismatchedElementsPerMillion how many elements per million may exceed the tolerance (default 100)
     * @param outputIds the outputs this applies to (empty: all)
     * @param weightsFormats the weights formats this applies to (empty: all)
     * @param extra the other keys, in document order
     * @throws NullPointerException if a required component is {@code null}
     */
    public ReproducibilityTolerance {
        outputIds = List.copyOf(Objects.requireNonNull(outputIds, "outputIds"));
        weightsFormats = List.copyOf(Objects.requireNonNull(weightsFormats, "weightsFormats"));
        extra = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(extra, "extra")));
    }

    /** {@return a new builder with every optional field at its default} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return a builder initialised with the values of this description} */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.relativeTolerance = relativeTolerance;
        b.absoluteTolerance = absoluteTolerance;
        b.mismatchedElementsPerMillion = mismatchedElementsPerMillion;
        b.outputIds = outputIds;
        b.weightsFormats = weightsFormats;
        b.extra = new LinkedHashMap<>(extra);
        return b;
    }

    /** Builds a {@link ReproducibilityTolerance} step by step; {@link #build()} names every missing required field. */
    public static final class Builder {
        private Double relativeTolerance = DEFAULT_RELATIVE_TOLERANCE;
        private Double absoluteTolerance = DEFAULT_ABSOLUTE_TOLERANCE;
        private Integer mismatchedElementsPerMillion = DEFAULT_MISMATCHED_ELEMENTS_PER_MILLION;
        private List<String> outputIds = List.of();
        private List<WeightsFormat> weightsFormats = List.of();
        private Map<String, @Nullable Object> extra = new LinkedHashMap<>();

        private Builder() {}

        /**
         * Sets {@code relative_tolerance}.
         *
         * @param relativeTolerance the relative tolerance (default 1e-3)
         * @return this builder
         */
        public Builder relativeTolerance(double relativeTolerance) {
            this.relativeTolerance = relativeTolerance;
            return this;
        }

        /**
         * Sets {@code absolute_tolerance}.
         *
         * @param absoluteTolerance the absolute tolerance (default 1e-3)
         * @return this builder
         */
        public Builder absoluteTolerance(double absoluteTolerance) {
            this.absoluteTolerance = absoluteTolerance;
            return this;
        }

        /**
         * Sets {@code mismatched_elements_per_million}.
         *
         * @param mismatchedElementsPerMillion how many elements per million may exceed the tolerance (default 100)
         * @return this builder
         */
        public Builder mismatchedElementsPerMillion(int mismatchedElementsPerMillion) {
            this.mismatchedElementsPerMillion = mismatchedElementsPerMillion;
            return this;
        }

        /**
         * Sets {@code output_ids}.
         *
         * @param outputIds the outputs this applies to (empty: all)
         * @return this builder
         */
        public Builder outputIds(List<String> outputIds) {
            this.outputIds = Objects.requireNonNull(outputIds, "outputIds");
            return this;
        }

        /**
         * Sets {@code output_ids}.
         *
         * @param outputIds the outputs this applies to (empty: all)
         * @return this builder
         */
        public Builder outputIds(String... outputIds) {
            return outputIds(List.of(outputIds));
        }

        /**
         * Sets {@code weights_formats}.
         *
         * @param weightsFormats the weights formats this applies to (empty: all)
         * @return this builder
         */
        public Builder weightsFormats(List<WeightsFormat> weightsFormats) {
            this.weightsFormats = Objects.requireNonNull(weightsFormats, "weightsFormats");
            return this;
        }

        /**
         * Sets {@code weights_formats}.
         *
         * @param weightsFormats the weights formats this applies to (empty: all)
         * @return this builder
         */
        public Builder weightsFormats(WeightsFormat... weightsFormats) {
            return weightsFormats(List.of(weightsFormats));
        }

        /**
         * Adds a key that the spec does not define; keys keep the order in which they are added.
         *
         * @param key the key
         * @param value a string, number, boolean, {@code null}, list or map of such values
         * @return this builder
         */
        public Builder extra(String key, @Nullable Object value) {
            extra.put(Objects.requireNonNull(key, "key"), value);
            return this;
        }

        /**
         * Builds the description.
         *
         * @return the description
         * @throws IllegalStateException naming every required field that was not set
         */
        public ReproducibilityTolerance build() {
            return new ReproducibilityTolerance(
                    relativeTolerance,
                    absoluteTolerance,
                    mismatchedElementsPerMillion,
                    outputIds,
                    weightsFormats,
                    extra);
        }
    }
}
