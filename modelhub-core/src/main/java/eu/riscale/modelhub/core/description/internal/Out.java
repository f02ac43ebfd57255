package eu.riscale.modelhub.core.description.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** An ordered mapping being written, plus the conversions of plain values to tree nodes. */
final class Out {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** ISO 8601 with the offset always as {@code +HH:MM} ({@code +00:00} rather than {@code Z}), like the reference. */
    private static final DateTimeFormatter TIMESTAMP = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
            .appendOffset("+HH:MM", "+00:00")
            .toFormatter();

    private final ObjectNode node = NODES.objectNode();

    void put(String key, JsonNode value) {
        node.set(key, value);
    }

    void putAll(Map<String, @Nullable Object> values) {
        values.forEach((k, v) -> node.set(k, value(v)));
    }

    ObjectNode node() {
        return node;
    }

    static JsonNode timestamp(OffsetDateTime t) {
        return NODES.stringNode(TIMESTAMP.format(t));
    }

    static <T> ArrayNode list(List<T> values, Function<T, JsonNode> writer) {
        ArrayNode a = NODES.arrayNode();
        for (T v : values) {
            a.add(writer.apply(v));
        }
        return a;
    }

    /** Converts a plain value: string, number, boolean, null, list or map of such values. */
    static JsonNode value(@Nullable Object v) {
        if (v == null) {
            return NODES.nullNode();
        }
        if (v instanceof String s) {
            return NODES.stringNode(s);
        }
        if (v instanceof Boolean b) {
            return NODES.booleanNode(b);
        }
        if (v instanceof Integer i) {
            return NODES.numberNode(i);
        }
        if (v instanceof Long l) {
            return NODES.numberNode(l);
        }
        if (v instanceof BigInteger b) {
            return NODES.numberNode(b);
        }
        if (v instanceof Double d) {
            return NODES.numberNode(d);
        }
        if (v instanceof Float f) {
            return NODES.numberNode(f.doubleValue());
        }
        if (v instanceof BigDecimal d) {
            return NODES.numberNode(d);
        }
        if (v instanceof Map<?, ?> m) {
            ObjectNode o = NODES.objectNode();
            m.forEach((k, x) -> o.set(String.valueOf(k), value(x)));
            return o;
        }
        if (v instanceof List<?> l) {
            ArrayNode a = NODES.arrayNode();
            l.forEach(x -> a.add(value(x)));
            return a;
        }
        throw new IllegalArgumentException("cannot write a value of "
                + v.getClass().getName() + "; expected a string, number, boolean, null, list or map");
    }
}
