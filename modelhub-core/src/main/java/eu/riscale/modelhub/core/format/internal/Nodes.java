package eu.riscale.modelhub.core.format.internal;

import eu.riscale.modelhub.spec.constraint.ValueTypes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Small null-safe readers over Jackson trees, shared by the upgrade, check and conversion steps. */
final class Nodes {
    static final JsonNodeFactory F = JsonNodeFactory.instance;

    private Nodes() {}

    /** {@return the object at {@code key}, or null when absent or not a mapping} */
    static @Nullable ObjectNode object(@Nullable JsonNode parent, String key) {
        if (parent == null || !parent.isObject()) {
            return null;
        }
        JsonNode n = parent.get(key);
        return n != null && n.isObject() ? (ObjectNode) n : null;
    }

    /** {@return the list at {@code key}, or null when absent or not a list} */
    static @Nullable ArrayNode array(@Nullable JsonNode parent, String key) {
        if (parent == null || !parent.isObject()) {
            return null;
        }
        JsonNode n = parent.get(key);
        return n != null && n.isArray() ? (ArrayNode) n : null;
    }

    /** {@return the string at {@code key}, or null when absent or not a string} */
    static @Nullable String string(@Nullable JsonNode parent, String key) {
        if (parent == null || !parent.isObject()) {
            return null;
        }
        JsonNode n = parent.get(key);
        return n != null && n.isString() ? n.stringValue() : null;
    }

    /** {@return the value at {@code key}, or null when absent or YAML null} */
    static @Nullable JsonNode value(@Nullable JsonNode parent, String key) {
        if (parent == null || !parent.isObject()) {
            return null;
        }
        JsonNode n = parent.get(key);
        return n == null || n.isNull() || n.isMissingNode() ? null : n;
    }

    /** {@return the elements of a list node (or an empty list for anything else)} */
    static List<JsonNode> elements(@Nullable JsonNode list) {
        List<JsonNode> out = new ArrayList<>();
        if (list != null && list.isArray()) {
            list.values().forEach(out::add);
        }
        return out;
    }

    /** {@return the integers of a list of whole numbers, or null when the node is not such a list} */
    static int @Nullable [] ints(@Nullable JsonNode list) {
        if (list == null || !list.isArray()) {
            return null;
        }
        int[] out = new int[list.size()];
        for (int i = 0; i < out.length; i++) {
            JsonNode e = list.get(i);
            if (!isWhole(e)) {
                return null;
            }
            out[i] = e.asInt();
        }
        return out;
    }

    /** {@return whether the node is a number with an integral value (pydantic accepts {@code 2.0} as int)} */
    static boolean isWhole(@Nullable JsonNode n) {
        if (n == null || !n.isNumber()) {
            return false;
        }
        if (n.isIntegralNumber()) {
            return n.canConvertToInt();
        }
        double d = n.asDouble();
        return d == Math.rint(d) && !Double.isInfinite(d) && Math.abs(d) < Integer.MAX_VALUE;
    }

    /** {@return the node as a finite or infinite double, accepting the strings pydantic accepts, or null} */
    static @Nullable Double number(@Nullable JsonNode n) {
        if (n == null) {
            return null;
        }
        if (n.isNumber()) {
            return n.asDouble();
        }
        if (n.isString()) {
            String s = n.stringValue().trim().toLowerCase(Locale.ROOT);
            switch (s) {
                case "inf", "+inf", "infinity", "+infinity", ".inf":
                    return Double.POSITIVE_INFINITY;
                case "-inf", "-infinity", "-.inf":
                    return Double.NEGATIVE_INFINITY;
                case "nan", ".nan":
                    return Double.NaN;
                default:
                    try {
                        return Double.parseDouble(s);
                    } catch (NumberFormatException e) {
                        return null;
                    }
            }
        }
        return null;
    }

    /** {@return whether {@code s} is a Python identifier that is not a keyword} */
    static boolean isIdentifier(String s) {
        return ValueTypes.isIdentifier(s);
    }

    /** {@return a short description of a node's kind for error messages} */
    static String kind(@Nullable JsonNode n) {
        if (n == null || n.isMissingNode()) {
            return "nothing";
        }
        if (n.isNull()) {
            return "null";
        }
        if (n.isObject()) {
            return "a mapping";
        }
        if (n.isArray()) {
            return "a list";
        }
        if (n.isString()) {
            return "the string '" + n.stringValue() + "'";
        }
        return n.getNodeType().toString().toLowerCase(Locale.ROOT) + " " + n;
    }

    /** {@return the scalar as Python's {@code str()} would print it (used for version numbers)} */
    static String scalarText(JsonNode n) {
        if (n.isString()) {
            return n.stringValue();
        }
        return n.isValueNode() ? n.asString() : n.toString();
    }

    /** Copies the value of {@code key} (when present and not null) from one mapping to another. */
    static void copy(ObjectNode from, ObjectNode to, String key) {
        JsonNode v = value(from, key);
        if (v != null) {
            to.set(key, v.deepCopy());
        }
    }
}
