package eu.riscale.modelhub.core.description.internal;

import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

/**
 * One key of a record's wire form: its name, the record accessor that gives its value, the codec that reads and
 * writes it, and whether it is required or has a default. A {@link RecordCodec} binds and writes by walking its
 * fields in order, so the order of the fields is the key order of written files.
 *
 * @param <R> the record type
 * @param <T> the type of the value
 */
public final class Field<R, T> {
    enum Kind {
        REQUIRED,
        OPTIONAL,
        DEFAULTED,
        NULL_MEANS_DEFAULT,
        CONSTANT,
        LITERAL,
        FIXED,
        EMPTY,
        EXTRA
    }

    private final String key;
    private final Kind kind;
    private final Function<R, @Nullable T> accessor;
    private final @Nullable Codec<T> codec;
    private final @Nullable T defaultValue;
    private final boolean alwaysWritten;
    private final boolean absentAllowed;
    private final @Nullable String literal;

    private Field(
            String key,
            Kind kind,
            Function<R, @Nullable T> accessor,
            @Nullable Codec<T> codec,
            @Nullable T defaultValue,
            boolean alwaysWritten) {
        this(key, kind, accessor, codec, defaultValue, alwaysWritten, false, null);
    }

    private Field(
            String key,
            Kind kind,
            Function<R, @Nullable T> accessor,
            @Nullable Codec<T> codec,
            @Nullable T defaultValue,
            boolean alwaysWritten,
            boolean absentAllowed,
            @Nullable String literal) {
        this.key = Objects.requireNonNull(key, "key");
        this.kind = kind;
        this.accessor = accessor;
        this.codec = codec;
        this.defaultValue = defaultValue;
        this.alwaysWritten = alwaysWritten;
        this.absentAllowed = absentAllowed;
        this.literal = literal;
    }

    /**
     * A required key; a missing key or an explicit {@code null} is reported as {@code Field required}.
     *
     * @param key the wire name
     * @param accessor the record accessor
     * @param codec reads and writes the value
     * @param <R> the record type
     * @param <T> the type of the value
     * @return the field
     */
    public static <R, T> Field<R, T> required(String key, Function<R, T> accessor, Codec<T> codec) {
        return new Field<>(key, Kind.REQUIRED, accessor::apply, codec, null, true);
    }

    /**
     * An optional key without a default: absent and {@code null} read as {@code null}, which is not written.
     *
     * @param key the wire name
     * @param accessor the record accessor
     * @param codec reads and writes the value
     * @param <R> the record type
     * @param <T> the type of the value
     * @return the field
     */
    public static <R, T> Field<R, T> optional(String key, Function<R, @Nullable T> accessor, Codec<T> codec) {
        return new Field<>(key, Kind.OPTIONAL, accessor, codec, null, false);
    }

    /**
     * An optional key with a default, which is not written. An explicit {@code null} is not the default: like the
     * reference, it is reported as a value of the wrong type.
     *
     * @param key the wire name
     * @param accessor the record accessor
     * @param codec reads and writes the value
     * @param defaultValue the value of an absent key; builders use the same constant
     * @param <R> the record type
     * @param <T> the type of the value
     * @return the field
     */
    public static <R, T> Field<R, T> withDefault(String key, Function<R, T> accessor, Codec<T> codec, T defaultValue) {
        return new Field<>(key, Kind.DEFAULTED, accessor::apply, codec, defaultValue, false);
    }

    /**
     * Like {@link #withDefault}, but an explicit {@code null} also stands for the default (the reference's optional
     * lists).
     *
     * @param key the wire name
     * @param accessor the record accessor
     * @param codec reads and writes the value
     * @param defaultValue the value of an absent or {@code null} key
     * @param <R> the record type
     * @param <T> the type of the value
     * @return the field
     */
    public static <R, T> Field<R, T> nullMeansDefault(
            String key, Function<R, T> accessor, Codec<T> codec, T defaultValue) {
        return new Field<>(key, Kind.NULL_MEANS_DEFAULT, accessor::apply, codec, defaultValue, false);
    }

    /**
     * A constant key such as an axis {@code type} or an op {@code id}: checked when reading, always written, and not
     * a record component.
     *
     * @param key the wire name
     * @param value the only value allowed
     * @param <R> the record type
     * @return the field
     */
    public static <R> Field<R, String> constant(String key, String value) {
        return new Field<>(key, Kind.CONSTANT, r -> value, null, value, true);
    }

    /**
     * A key whose only value on the wire is the string {@code literal} and whose record component then has a fixed
     * value (for example {@code output_ids: any_discrete_output} with an empty list of output ids): checked when
     * reading, always written.
     *
     * @param key the wire name
     * @param literal the only value allowed on the wire
     * @param accessor the record accessor
     * @param value the value of the record component
     * @param <R> the record type
     * @param <T> the type of the component
     * @return the field
     */
    public static <R, T> Field<R, T> literal(String key, String literal, Function<R, T> accessor, T value) {
        return new Field<>(key, Kind.LITERAL, accessor::apply, null, value, true, false, literal);
    }

    /**
     * A record component that is not on the wire, with the same value in every record this declaration reads (one
     * declaration per variant of a record told apart by another key).
     *
     * @param component the name of the record component
     * @param accessor the record accessor
     * @param value the value
     * @param <R> the record type
     * @param <T> the type of the component
     * @return the field
     */
    public static <R, T> Field<R, T> fixed(String component, Function<R, T> accessor, T value) {
        return new Field<>(component, Kind.FIXED, accessor::apply, null, value, false);
    }

    /**
     * A key accepted only as an empty mapping or {@code null}, as written for operations without arguments; never
     * written and not a record component.
     *
     * @param key the wire name
     * @param <R> the record type
     * @return the field
     */
    public static <R> Field<R, Object> emptyAllowed(String key) {
        return new Field<>(key, Kind.EMPTY, r -> null, null, null, false);
    }

    /**
     * The keys not declared, kept in document order as plain values (the open mappings of {@code config}); must be
     * the last field, and its record component is named {@code extra}.
     *
     * @param accessor the record accessor
     * @param <R> the record type
     * @return the field
     */
    public static <R> Field<R, Map<String, @Nullable Object>> extra(
            Function<R, Map<String, @Nullable Object>> accessor) {
        return new Field<>("extra", Kind.EXTRA, accessor::apply, null, null, false);
    }

    /** {@return the same field, written even when it holds its default (for example {@code format_version})} */
    public Field<R, T> alwaysWritten() {
        return new Field<>(key, kind, accessor, codec, defaultValue, true, absentAllowed, literal);
    }

    /** {@return the same constant field, but the key may be left out (a tag with a default, as padding {@code mode})} */
    public Field<R, T> orAbsent() {
        return new Field<>(key, kind, accessor, codec, defaultValue, alwaysWritten, true, literal);
    }

    String key() {
        return key;
    }

    Kind kind() {
        return kind;
    }

    /** {@return whether the value is a record component, in declaration order} */
    boolean isComponent() {
        return kind != Kind.CONSTANT && kind != Kind.EMPTY;
    }

    @Nullable
    Object read(Node n) {
        return switch (kind) {
            case REQUIRED -> n.required(key, codec()::read);
            case OPTIONAL -> n.optional(key, codec()::read);
            case DEFAULTED -> n.withDefault(key, codec()::read, defaultValue());
            case NULL_MEANS_DEFAULT -> n.withDefaultOrNull(key, codec()::read, defaultValue());
            case CONSTANT -> {
                if (!absentAllowed || n.json().has(key)) {
                    n.constant(key, (String) defaultValue());
                }
                yield null;
            }
            case LITERAL -> {
                n.constant(key, Objects.requireNonNull(literal));
                yield defaultValue();
            }
            case FIXED -> defaultValue();
            case EMPTY -> {
                n.allowEmpty(key);
                yield null;
            }
            case EXTRA -> n.remaining();
        };
    }

    void write(R record, ObjectNode out) {
        T value = accessor.apply(record);
        if (kind == Kind.EXTRA) {
            ((Map<?, ?>) Objects.requireNonNull(value)).forEach((k, v) -> out.set(String.valueOf(k), Out.value(v)));
        } else if (kind == Kind.CONSTANT) {
            out.set(key, Out.value(value));
        } else if (kind == Kind.LITERAL) {
            out.set(key, Out.value(literal));
        } else if (value != null
                && kind != Kind.EMPTY
                && kind != Kind.FIXED
                && (alwaysWritten || !value.equals(defaultValue))) {
            out.set(key, codec().write(value));
        }
    }

    private Codec<T> codec() {
        return Objects.requireNonNull(codec, key);
    }

    private T defaultValue() {
        return Objects.requireNonNull(defaultValue, key);
    }
}
