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
 * How far test outputs may deviate from the expected outputs. Since format 0.5.14 an entry is of one of three {@link
 * Kind kinds}: a plain entry lists its outputs in {@code output_ids}; a continuous entry ({@code output_ids:
 * any_continuous_output}) applies to every floating-point output; a discrete entry ({@code output_ids:
 * any_discrete_output}) applies to every integer or bool output and has both tolerances 0 (default 1000 mismatched
 * elements per million). The first entry that applies to an output and weights format wins; an empty list means
 * {@link #DEFAULTS}.
 *
 * @param relativeTolerance the relative tolerance (default 1e-3)
 * @param absoluteTolerance the absolute tolerance (default 1e-3)
 * @param mismatchedElementsPerMillion how many elements per million may exceed the tolerance (default 100)
 * @param outputIds the outputs a plain entry applies to (empty: all); always empty for the other kinds
 * @param kind which outputs the entry selects
 * @param weightsFormats the weights formats this applies to (empty: all)
 * @param extra the other keys, in document order
 */
public record ReproducibilityTolerance(
        @DecimalMin(value = "0", message = "must be in [0, 0.01]")
        @DecimalMax(value = "0.01", message = "must be in [0, 0.01]")
        double relativeTolerance,

        @PositiveOrZero(message = "must be at least 0") double absoluteTolerance,

        @Min(value = 0, message = "must be in [0, 30000]") @Max(value = 30000, message = "must be in [0, 30000]")
        int mismatchedElementsPerMillion,

        List<@Identifier(lowerCase = true, maxLength = 32) String> outputIds,
        Kind kind,
        List<WeightsFormat> weightsFormats,
        Map<String, @Nullable Object> extra) {
    /** The relative tolerance when none is given. */
    public static final double DEFAULT_RELATIVE_TOLERANCE = 1e-3;

    /** The absolute tolerance when none is given. */
    public static final double DEFAULT_ABSOLUTE_TOLERANCE = 1e-3;

    /** The number of mismatched elements per million allowed when none is given. */
    public static final int DEFAULT_MISMATCHED_ELEMENTS_PER_MILLION = 100;

    /** A plain entry with every field at its default: 1e-3, 1e-3, 100 per million, for all outputs. */
    public static final ReproducibilityTolerance DEFAULT = new ReproducibilityTolerance(
            DEFAULT_RELATIVE_TOLERANCE,
            DEFAULT_ABSOLUTE_TOLERANCE,
            DEFAULT_MISMATCHED_ELEMENTS_PER_MILLION,
            List.of(),
            Kind.PLAIN,
            List.of(),
            Map.of());

    /** A continuous entry with every field at its default: 1e-3, 1e-3, 100 per million, for float outputs. */
    public static final ReproducibilityTolerance CONTINUOUS = new ReproducibilityTolerance(
            DEFAULT_RELATIVE_TOLERANCE,
            DEFAULT_ABSOLUTE_TOLERANCE,
            DEFAULT_MISMATCHED_ELEMENTS_PER_MILLION,
            List.of(),
            Kind.CONTINUOUS,
            List.of(),
            Map.of());

    /** A discrete entry with every field at its default: exact, 1000 per million, for integer and bool outputs. */
    public static final ReproducibilityTolerance DISCRETE =
            new ReproducibilityTolerance(0, 0, 1000, List.of(), Kind.DISCRETE, List.of(), Map.of());

    /** The tolerances of a description that gives none (format 0.5.14): {@link #CONTINUOUS}, then {@link #DISCRETE}. */
    public static final List<ReproducibilityTolerance> DEFAULTS = List.of(CONTINUOUS, DISCRETE);

    /** Which outputs an entry selects; in YAML the value of {@code output_ids}. */
    public enum Kind {
        /** The outputs listed in {@code output_ids}, all when the list is empty. */
        PLAIN(null),
        /** Every output whose data type is a floating-point type: {@code output_ids: any_continuous_output}. */
        CONTINUOUS("any_continuous_output"),
        /** Every output whose data type is an integer type or bool: {@code output_ids: any_discrete_output}. */
        DISCRETE("any_discrete_output");

        private final @Nullable String outputIds;

        Kind(@Nullable String outputIds) {
            this.outputIds = outputIds;
        }

        /** {@return the literal {@code output_ids} value of this kind, or {@code null} for a plain list} */
        public @Nullable String outputIdsLiteral() {
            return outputIds;
        }

        /**
         * Looks a kind up by its literal {@code output_ids} value.
         *
         * @param literal {@code any_continuous_output} or {@code any_discrete_output}
         * @return the kind, or {@code null} when the value is neither
         */
        public static @Nullable Kind ofLiteral(String literal) {
            for (Kind k : values()) {
                if (literal.equals(k.outputIds)) {
                    return k;
                }
            }
            return null;
        }
    }

    /**
     * Checks that required components are present and copies collections.
     *
     * @param relativeTolerance the relative tolerance (default 1e-3)
     * @param absoluteTolerance the absolute tolerance (default 1e-3)
     * @param mismatchedElementsPerMillion how many elements per million may exceed the tolerance (default 100)
     * @param outputIds the outputs a plain entry applies to (empty: all)
     * @param kind which outputs the entry selects
     * @param weightsFormats the weights formats this applies to (empty: all)
     * @param extra the other keys, in document order
     * @throws NullPointerException if a required component is {@code null}
     * @throws IllegalArgumentException if a continuous or discrete entry lists output ids
     */
    public ReproducibilityTolerance {
        outputIds = List.copyOf(Objects.requireNonNull(outputIds, "outputIds"));
        Objects.requireNonNull(kind, "kind");
        if (kind != Kind.PLAIN && !outputIds.isEmpty()) {
            throw new IllegalArgumentException(
                    "a " + kind + " tolerance selects its outputs by type and takes no output ids, found " + outputIds);
        }
        weightsFormats = List.copyOf(Objects.requireNonNull(weightsFormats, "weightsFormats"));
        extra = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(extra, "extra")));
    }

    /**
     * Creates a plain entry (the shape of format 0.5.13 and earlier).
     *
     * @param relativeTolerance the relative tolerance
     * @param absoluteTolerance the absolute tolerance
     * @param mismatchedElementsPerMillion how many elements per million may exceed the tolerance
     * @param outputIds the outputs this applies to (empty: all)
     * @param weightsFormats the weights formats this applies to (empty: all)
     * @param extra the other keys, in document order
     */
    public ReproducibilityTolerance(
            double relativeTolerance,
            double absoluteTolerance,
            int mismatchedElementsPerMillion,
            List<String> outputIds,
            List<WeightsFormat> weightsFormats,
            Map<String, @Nullable Object> extra) {
        this(
                relativeTolerance,
                absoluteTolerance,
                mismatchedElementsPerMillion,
                outputIds,
                Kind.PLAIN,
                weightsFormats,
                extra);
    }

    /**
     * Tells whether this entry applies to one output tested with one weights format.
     *
     * @param outputId the output tensor id
     * @param discrete whether the output's data type is an integer type or bool
     * @param format the weights format being tested
     * @return whether the entry applies
     */
    public boolean appliesTo(String outputId, boolean discrete, WeightsFormat format) {
        if (!weightsFormats.isEmpty() && !weightsFormats.contains(format)) {
            return false;
        }
        switch (kind) {
            case CONTINUOUS:
                return !discrete;
            case DISCRETE:
                return discrete;
            case PLAIN:
                return outputIds.isEmpty() || outputIds.contains(outputId);
        }
        throw new AssertionError(kind);
    }

    /**
     * The first of a list of entries that applies; an empty list stands for {@link #DEFAULTS}.
     *
     * @param entries the {@code reproducibility_tolerance} list of a description
     * @param outputId the output tensor id
     * @param discrete whether the output's data type is an integer type or bool
     * @param format the weights format being tested
     * @return the entry that applies, or empty when none does
     */
    public static java.util.Optional<ReproducibilityTolerance> select(
            List<ReproducibilityTolerance> entries, String outputId, boolean discrete, WeightsFormat format) {
        for (ReproducibilityTolerance t : entries.isEmpty() ? DEFAULTS : entries) {
            if (t.appliesTo(outputId, discrete, format)) {
                return java.util.Optional.of(t);
            }
        }
        return java.util.Optional.empty();
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
        b.kind = kind;
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
        private Kind kind = Kind.PLAIN;
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
         * Makes this a continuous entry ({@code output_ids: any_continuous_output}).
         *
         * @return this builder
         */
        public Builder continuous() {
            this.kind = Kind.CONTINUOUS;
            return this;
        }

        /**
         * Makes this a discrete entry ({@code output_ids: any_discrete_output}) and sets its defaults: both
         * tolerances 0 and 1000 mismatched elements per million.
         *
         * @return this builder
         */
        public Builder discrete() {
            this.kind = Kind.DISCRETE;
            this.relativeTolerance = 0.0;
            this.absoluteTolerance = 0.0;
            this.mismatchedElementsPerMillion = 1000;
            return this;
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
                    kind,
                    weightsFormats,
                    extra);
        }
    }
}
