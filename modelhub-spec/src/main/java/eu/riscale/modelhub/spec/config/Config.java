package eu.riscale.modelhub.spec.config;

import jakarta.validation.Valid;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The {@code config} section: the typed {@code bioimageio} part, the {@code stardist} part (a declared key since format
 * 0.5.8, any YAML value) and any other keys, kept in document order.
 *
 * @param bioimageio the bioimage.io part
 * @param stardist the StarDist configuration (any YAML value), or {@code null}
 * @param extra the other keys, in document order
 */
public record Config(
        @Valid BioimageioConfig bioimageio, @Nullable Object stardist, Map<String, @Nullable Object> extra) {
    /** The description with every field at its default. */
    public static final Config DEFAULT = new Config(BioimageioConfig.DEFAULT, null, Map.of());

    /**
     * Creates a config without a {@code stardist} part.
     *
     * @param bioimageio the bioimage.io part
     * @param extra the other keys, in document order
     */
    public Config(BioimageioConfig bioimageio, Map<String, @Nullable Object> extra) {
        this(bioimageio, null, extra);
    }

    /**
     * Checks that required components are present and copies collections.
     *
     * @param bioimageio the bioimage.io part
     * @param stardist the StarDist configuration (any YAML value), or {@code null}
     * @param extra the other keys, in document order
     * @throws NullPointerException if a required component is {@code null}
     * @throws IllegalArgumentException if {@code extra} has a {@code stardist} key, which is a declared component
     */
    public Config {
        Objects.requireNonNull(bioimageio, "bioimageio");
        if (Objects.requireNonNull(extra, "extra").containsKey("stardist") && stardist != null) {
            throw new IllegalArgumentException(
                    "config.stardist is given twice: as the stardist component and in extra");
        }
        extra = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(extra, "extra")));
    }

    /** {@return a new builder with every optional field at its default} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return a builder initialised with the values of this description} */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.bioimageio = bioimageio;
        b.stardist = stardist;
        b.extra = new LinkedHashMap<>(extra);
        return b;
    }

    /** Builds a {@link Config} step by step; {@link #build()} names every missing required field. */
    public static final class Builder {
        private BioimageioConfig bioimageio = BioimageioConfig.DEFAULT;
        private @Nullable Object stardist;
        private Map<String, @Nullable Object> extra = new LinkedHashMap<>();

        private Builder() {}

        /**
         * Sets {@code bioimageio}.
         *
         * @param bioimageio the bioimage.io part
         * @return this builder
         */
        public Builder bioimageio(BioimageioConfig bioimageio) {
            this.bioimageio = Objects.requireNonNull(bioimageio, "bioimageio");
            return this;
        }

        /**
         * Sets {@code stardist}.
         *
         * @param stardist the StarDist configuration: a string, number, boolean, list or map of such values, or {@code
         *     null}
         * @return this builder
         */
        public Builder stardist(@Nullable Object stardist) {
            this.stardist = stardist;
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
        public Config build() {
            return new Config(bioimageio, stardist, extra);
        }
    }
}
