package eu.riscale.modelhub.core.description.internal;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The one declaration of a record's wire form: its {@link Field}s in the spec's key order. Binding walks the fields,
 * collects every problem with its path and builds the record through its canonical constructor only when there was
 * none; writing walks the same fields and leaves out values equal to their defaults.
 *
 * <p>The record components must be the fields that are not constants, in the same order, each named as the camel
 * case of its wire name ({@code channel_names} is {@code channelNames}); this is checked when the declaration is
 * created, so a declaration that does not match its record fails at class initialisation, not on some file.
 *
 * @param <R> the record type
 */
public final class RecordCodec<R extends Record> implements Codec<R> {
    private final Class<R> type;
    private final List<Field<R, ?>> fields;
    private final boolean open;
    private final Constructor<R> constructor;

    private RecordCodec(Class<R> type, List<Field<R, ?>> fields) {
        this.type = type;
        this.fields = fields;
        RecordComponent[] components = type.getRecordComponents();
        List<Field<R, ?>> values = fields.stream().filter(Field::isComponent).toList();
        List<String> expected =
                Arrays.stream(components).map(RecordComponent::getName).toList();
        List<String> declared = values.stream().map(f -> camel(f.key())).toList();
        if (!expected.equals(declared)) {
            throw new IllegalStateException(type.getSimpleName() + ": declared fields " + declared
                    + " do not match the record components " + expected);
        }
        int extra =
                (int) fields.stream().filter(f -> f.kind() == Field.Kind.EXTRA).count();
        if (extra > 1 || (extra == 1 && fields.get(fields.size() - 1).kind() != Field.Kind.EXTRA)) {
            throw new IllegalStateException(type.getSimpleName() + ": the extra keys must be the last field");
        }
        this.open = extra == 1;
        try {
            this.constructor = type.getDeclaredConstructor(
                    Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
        } catch (NoSuchMethodException e) {
            throw new AssertionError(type + " has no canonical constructor", e);
        }
    }

    /**
     * Declares a record's wire form.
     *
     * @param type the record class
     * @param fields the fields in the spec's key order
     * @param <R> the record type
     * @return the declaration
     * @throws IllegalStateException if the fields do not match the record components
     */
    @SafeVarargs
    public static <R extends Record> RecordCodec<R> of(Class<R> type, Field<R, ?>... fields) {
        return new RecordCodec<>(type, List.of(fields));
    }

    /**
     * Declares a record's wire form from a list of fields, for declarations that share a group of fields.
     *
     * @param type the record class
     * @param fields the fields in the spec's key order
     * @param <R> the record type
     * @return the declaration
     * @throws IllegalStateException if the fields do not match the record components
     */
    public static <R extends Record> RecordCodec<R> of(Class<R> type, List<Field<R, ?>> fields) {
        return new RecordCodec<>(type, List.copyOf(fields));
    }

    /** {@return the record class} */
    public Class<R> type() {
        return type;
    }

    /** {@return the wire names of the fields, in the order they are written} */
    public List<String> keys() {
        return fields.stream()
                .filter(f -> f.kind() != Field.Kind.EXTRA)
                .map(Field::key)
                .toList();
    }

    /** {@inheritDoc} */
    @Override
    public @Nullable R read(Node n) {
        if (!n.expectObject()) {
            return null;
        }
        int before = n.problemCount();
        @Nullable Object[] args = new Object[constructor.getParameterCount()];
        int i = 0;
        for (Field<R, ?> f : fields) {
            Object v = f.read(n);
            if (f.isComponent()) {
                args[i++] = v;
            }
        }
        if (!open) {
            n.rejectUnknownKeys();
        }
        if (n.problemCount() != before) {
            return null;
        }
        try {
            return constructor.newInstance(args);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    /** {@inheritDoc} */
    @Override
    public JsonNode write(R value) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        for (Field<R, ?> f : fields) {
            f.write(value, out);
        }
        return out;
    }

    private static String camel(String key) {
        StringBuilder b = new StringBuilder();
        boolean up = false;
        for (char c : key.toCharArray()) {
            if (c == '_') {
                up = true;
            } else {
                b.append(up ? Character.toUpperCase(c) : c);
                up = false;
            }
        }
        return b.toString();
    }
}
