package eu.riscale.modelhub.core.description.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A codec for a sealed type: one {@link Codec} per variant. A tagged union picks the variant by the value of a key
 * such as {@code type} or {@code id} (and, where two variants share a tag, by a test on the mapping, like the halo
 * variants of output axes); an untagged union picks the first variant whose test accepts the node. Writing picks the
 * variant by the value's class.
 *
 * @param <T> the sealed type
 */
public final class Union<T> implements Codec<T> {
    private record Variant<X>(
            @Nullable String tag, Predicate<JsonNode> reads, Predicate<Object> writes, Class<X> type, Codec<X> codec) {}

    private final @Nullable String tagKey;
    private final @Nullable String defaultTag;
    private final String expected;
    private final List<Variant<? extends T>> variants;

    private Union(
            @Nullable String tagKey,
            @Nullable String defaultTag,
            String expected,
            List<Variant<? extends T>> variants) {
        this.tagKey = tagKey;
        this.defaultTag = defaultTag;
        this.expected = expected;
        this.variants = List.copyOf(variants);
    }

    /**
     * Starts a union told apart by the value of {@code key}.
     *
     * @param key the discriminator key
     * @param <T> the sealed type
     * @return the builder
     */
    public static <T> Builder<T> tagged(String key) {
        return new Builder<>(Objects.requireNonNull(key, "key"), "");
    }

    /**
     * Starts a union told apart by the shape of the node.
     *
     * @param expected what is expected, as in {@code "Input should be an integer or a mapping"}, reported with what
     *     was found when no variant accepts the node
     * @param <T> the sealed type
     * @return the builder
     */
    public static <T> Builder<T> untagged(String expected) {
        return new Builder<>(null, expected);
    }

    /** {@inheritDoc} */
    @Override
    public @Nullable T read(Node n) {
        JsonNode json = n.json();
        if (tagKey != null) {
            if (!n.expectObject()) {
                return null;
            }
            List<String> tags = new ArrayList<>(new LinkedHashSet<>(
                    variants.stream().map(v -> Objects.requireNonNull(v.tag())).toList()));
            String tag = defaultTag != null && !json.has(tagKey) ? defaultTag : n.discriminator(tagKey, tags);
            if (tag == null) {
                return null;
            }
            for (Variant<? extends T> v : variants) {
                if (tag.equals(v.tag()) && v.reads().test(json)) {
                    return v.codec().read(n);
                }
            }
            throw new AssertionError("no variant for tag " + tag);
        }
        for (Variant<? extends T> v : variants) {
            if (v.reads().test(json)) {
                return v.codec().read(n);
            }
        }
        n.problem(n.path(), expected + ", found " + Node.describe(json));
        return null;
    }

    /** {@inheritDoc} */
    @Override
    public JsonNode write(T value) {
        for (Variant<? extends T> v : variants) {
            if (v.writes().test(value)) {
                return writeAs(v, value);
            }
        }
        throw new AssertionError(value);
    }

    private static <X> JsonNode writeAs(Variant<X> v, Object value) {
        return v.codec().write(v.type().cast(value));
    }

    /**
     * Collects the variants of a union.
     *
     * @param <T> the sealed type
     */
    public static final class Builder<T> {
        private final @Nullable String tagKey;
        private @Nullable String defaultTag;
        private final String expected;
        private final List<Variant<? extends T>> variants = new ArrayList<>();

        private Builder(@Nullable String tagKey, String expected) {
            this.tagKey = tagKey;
            this.expected = expected;
        }

        /**
         * Adds a variant of a tagged union.
         *
         * @param tag the value of the discriminator key
         * @param type the variant's class
         * @param codec the variant's codec
         * @param <X> the variant type
         * @return this builder
         */
        public <X extends T> Builder<T> tag(String tag, Class<X> type, Codec<X> codec) {
            return tag(tag, json -> true, type, codec);
        }

        /**
         * Adds a variant of a tagged union that shares its tag with a later one and is picked when {@code when}
         * accepts the mapping.
         *
         * @param tag the value of the discriminator key
         * @param when the test on the mapping
         * @param type the variant's class
         * @param codec the variant's codec
         * @param <X> the variant type
         * @return this builder
         */
        public <X extends T> Builder<T> tag(String tag, Predicate<JsonNode> when, Class<X> type, Codec<X> codec) {
            variants.add(new Variant<>(Objects.requireNonNull(tag, "tag"), when, type::isInstance, type, codec));
            return this;
        }

        /**
         * Adds a variant of an untagged union, picked when {@code when} accepts the node.
         *
         * @param when the test on the node
         * @param type the variant's class
         * @param codec the variant's codec
         * @param <X> the variant type
         * @return this builder
         */
        public <X extends T> Builder<T> when(Predicate<JsonNode> when, Class<X> type, Codec<X> codec) {
            variants.add(new Variant<>(null, when, type::isInstance, type, codec));
            return this;
        }

        /**
         * Adds a variant of an untagged union whose values share their class with another variant: read when
         * {@code reads} accepts the node, written when {@code writes} accepts the value.
         *
         * @param reads the test on the node
         * @param writes the test on the value
         * @param type the variant's class
         * @param codec the variant's codec
         * @param <X> the variant type
         * @return this builder
         */
        public <X extends T> Builder<T> when(
                Predicate<JsonNode> reads, Predicate<X> writes, Class<X> type, Codec<X> codec) {
            variants.add(new Variant<>(null, reads, v -> type.isInstance(v) && writes.test(type.cast(v)), type, codec));
            return this;
        }

        /**
         * Makes a tagged union read a mapping without the tag key as the variant of {@code tag}.
         *
         * @param tag the tag of an absent key
         * @return this builder
         */
        public Builder<T> absentTag(String tag) {
            this.defaultTag = Objects.requireNonNull(tag, "tag");
            return this;
        }

        /**
         * Adds the last variant of an untagged union, picked for any node left.
         *
         * @param type the variant's class
         * @param codec the variant's codec
         * @param <X> the variant type
         * @return this builder
         */
        public <X extends T> Builder<T> otherwise(Class<X> type, Codec<X> codec) {
            return when(json -> true, type, codec);
        }

        /**
         * Adds every variant of another union, in its order.
         *
         * @param other a union over a subtype
         * @return this builder
         */
        public Builder<T> all(Union<? extends T> other) {
            variants.addAll(other.variants);
            return this;
        }

        /** {@return the union} */
        public Union<T> build() {
            return new Union<>(tagKey, defaultTag, expected, variants);
        }
    }
}
