package eu.riscale.modelhub.spec.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Known biases, risks and limitations of the model; {@code null} values stand for the spec's boilerplate text.
 *
 * @param knownBiases biases in training data or model behaviour, or {@code null}
 * @param risks potential risks, or {@code null}
 * @param limitations technical limitations, or {@code null}
 * @param recommendations recommendations for users, or {@code null}
 * @param extra the other keys, in document order
 */
public record BiasRisksLimitations(
        @Nullable String knownBiases,
        @Nullable String risks,
        @Nullable String limitations,
        @Nullable String recommendations,
        Map<String, @Nullable Object> extra) {
    /** The description with every field at its default. */
    public static final BiasRisksLimitations DEFAULT = new BiasRisksLimitations(null, null, null, null, Map.of());

    /**
     * Checks that required components are present and copies collections.
     *
     * @param knownBiases biases in training data or model behaviour, or {@code null}
     * @param risks potential risks, or {@code null}
     * @param limitations technical limitations, or {@code null}
     * @param recommendations recommendations for users, or {@code null}
     * @param extra the other keys, in document order
     * @throws NullPointerException if a required component is {@code null}
     */
    public BiasRisksLimitations {
        extra = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(extra, "extra")));
    }

    /** {@return a new builder with every optional field at its default} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return a builder initialised with the values of this description} */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.knownBiases = knownBiases;
        b.risks = risks;
        b.limitations = limitations;
        b.recommendations = recommendations;
        b.extra = new LinkedHashMap<>(extra);
        return b;
    }

    /** Builds a {@link BiasRisksLimitations} step by step; {@link #build()} names every missing required field. */
    public static final class Builder {
        private @Nullable String knownBiases;
        private @Nullable String risks;
        private @Nullable String limitations;
        private @Nullable String recommendations;
        private Map<String, @Nullable Object> extra = new LinkedHashMap<>();

        private Builder() {}

        /**
         * Sets {@code known_biases}.
         *
         * @param knownBiases biases in training data or model behaviour, or {@code null}
         * @return this builder
         */
        public Builder knownBiases(@Nullable String knownBiases) {
            this.knownBiases = knownBiases;
            return this;
        }

        /**
         * Sets {@code risks}.
         *
         * @param risks potential risks, or {@code null}
         * @return this builder
         */
        public Builder risks(@Nullable String risks) {
            this.risks = risks;
            return this;
        }

        /**
         * Sets {@code limitations}.
         *
         * @param limitations technical limitations, or {@code null}
         * @return this builder
         */
        public Builder limitations(@Nullable String limitations) {
            this.limitations = limitations;
            return this;
        }

        /**
         * Sets {@code recommendations}.
         *
         * @param recommendations recommendations for users, or {@code null}
         * @return this builder
         */
        public Builder recommendations(@Nullable String recommendations) {
            this.recommendations = recommendations;
            return this;
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
        public BiasRisksLimitations build() {
            return new BiasRisksLimitations(knownBiases, risks, limitations, recommendations, extra);
        }
    }
}
