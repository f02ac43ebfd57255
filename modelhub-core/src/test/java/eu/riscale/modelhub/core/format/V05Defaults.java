package eu.riscale.modelhub.core.format;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Test helper: brings a format 0.5 tree into a canonical form for comparison by dropping the values that equal the
 * 0.5 defaults (reference section A) and making numbers and timestamps comparable. The reference writes its converted
 * files without defaults, so both sides of a comparison go through this.
 */
final class V05Defaults {
    private static final java.util.regex.Pattern URL_WITHOUT_PATH = java.util.regex.Pattern.compile("https?://[^/?#]+");
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final Map<String, String> DEFAULT_AXIS_IDS =
            Map.of("batch", "batch", "channel", "channel", "index", "index", "time", "time", "space", "x");

    private V05Defaults() {}

    /** {@return a normalised deep copy of a 0.5 model tree} */
    static ObjectNode normalise(ObjectNode model) {
        ObjectNode m = model.deepCopy();
        dropNullsAndEmpties(m, "");
        JsonNode ts = m.get("timestamp");
        if (ts != null && ts.isString()) {
            m.put("timestamp", timestamp(ts.stringValue()));
        }
        dropIf(m, "description", "");
        for (String key : List.of("inputs", "outputs")) {
            for (JsonNode t : elements(m.get(key))) {
                ObjectNode tensor = (ObjectNode) t;
                dropIf(tensor, "id", key.equals("inputs") ? "input" : "output");
                dropIf(tensor, "description", "");
                dropIf(tensor, "optional", false);
                ObjectNode data =
                        tensor.has("data") && tensor.get("data").isObject() ? (ObjectNode) tensor.get("data") : null;
                if (data != null) {
                    dropIf(data, "type", "float32");
                    dropIf(data, "unit", "arbitrary unit");
                    dropIf(data, "scale", 1.0);
                    if (data.isEmpty()) {
                        tensor.remove("data");
                    }
                }
                for (JsonNode a : elements(tensor.get("axes"))) {
                    ObjectNode axis = (ObjectNode) a;
                    String type = axis.path("type").asString("");
                    dropIf(axis, "id", DEFAULT_AXIS_IDS.getOrDefault(type, ""));
                    dropIf(axis, "description", "");
                    dropIf(axis, "scale", 1.0);
                    dropIf(axis, "concatenable", false);
                    JsonNode size = axis.get("size");
                    if (size != null && size.isObject()) {
                        dropIf((ObjectNode) size, "offset", 0);
                    }
                }
                for (String ops : List.of("preprocessing", "postprocessing")) {
                    for (JsonNode op : elements(tensor.get(ops))) {
                        normaliseOp((ObjectNode) op);
                    }
                }
            }
        }
        JsonNode weights = m.get("weights");
        if (weights != null && weights.isObject()) {
            for (JsonNode w : weights.values()) {
                if (w.isObject()) {
                    dropIf((ObjectNode) w, "comment", "");
                }
            }
        }
        JsonNode config = m.get("config");
        if (config != null && config.isObject()) {
            JsonNode bio = config.get("bioimageio");
            if (bio != null && bio.isObject() && bio.isEmpty()) {
                ((ObjectNode) config).remove("bioimageio");
            }
            if (config.isEmpty()) {
                m.remove("config");
            }
        }
        return (ObjectNode) canonicalNumbers(m, "");
    }

    private static void normaliseOp(ObjectNode op) {
        JsonNode kwargsNode = op.get("kwargs");
        if (kwargsNode == null || !kwargsNode.isObject()) {
            return;
        }
        ObjectNode kwargs = (ObjectNode) kwargsNode;
        dropIf(kwargs, "eps", 1e-6);
        switch (op.path("id").asString("")) {
            case "scale_range" -> {
                dropIf(kwargs, "min_percentile", 0.0);
                dropIf(kwargs, "max_percentile", 100.0);
            }
            case "scale_linear" -> {
                dropIf(kwargs, "gain", 1.0);
                dropIf(kwargs, "offset", 0.0);
            }
            case "softmax" -> dropIf(kwargs, "axis", "channel");
            default -> {}
        }
        if (kwargs.isEmpty()) {
            op.remove("kwargs");
        }
    }

    static String timestamp(String s) {
        try {
            return OffsetDateTime.parse(s)
                    .withOffsetSameInstant(ZoneOffset.UTC)
                    .truncatedTo(ChronoUnit.SECONDS)
                    .toString();
        } catch (DateTimeParseException e) {
            try {
                return java.time.LocalDateTime.parse(s.replace(' ', 'T'))
                        .atOffset(ZoneOffset.UTC)
                        .truncatedTo(ChronoUnit.SECONDS)
                        .toString();
            } catch (DateTimeParseException e2) {
                return s;
            }
        }
    }

    private static void dropIf(ObjectNode node, String key, Object value) {
        JsonNode v = node.get(key);
        if (v == null) {
            return;
        }
        boolean equal = value instanceof Number n
                ? v.isNumber() && v.asDouble() == n.doubleValue()
                : value instanceof Boolean b
                        ? v.isBoolean() && v.asBoolean() == b
                        : v.isString() && v.stringValue().equals(value);
        if (equal) {
            node.remove(key);
        }
    }

    /** Removes nulls and empty lists/maps outside {@code config} and architecture kwargs (free-form there). */
    private static void dropNullsAndEmpties(JsonNode node, String path) {
        if (path.equals("config") || path.endsWith("architecture.kwargs")) {
            return;
        }
        if (node.isObject()) {
            ObjectNode o = (ObjectNode) node;
            for (String k : new ArrayList<>(o.propertyNames())) {
                JsonNode v = o.get(k);
                dropNullsAndEmpties(v, path.isEmpty() ? k : path + "." + k);
                if (v.isNull() || (v.isArray() && v.isEmpty())) {
                    o.remove(k);
                }
            }
        } else if (node.isArray()) {
            for (JsonNode e : node) {
                dropNullsAndEmpties(e, path + ".*");
            }
        }
    }

    /** Integral doubles become ints so that {@code 2} and {@code 2.0} compare equal (YAML writers differ). */
    private static JsonNode canonicalNumbers(JsonNode node, String path) {
        if (node.isObject()) {
            ObjectNode o = (ObjectNode) node;
            for (String k : new ArrayList<>(o.propertyNames())) {
                o.set(k, canonicalNumbers(o.get(k), k));
            }
            return o;
        }
        if (node.isArray()) {
            ArrayNode a = (ArrayNode) node;
            for (int i = 0; i < a.size(); i++) {
                a.set(i, canonicalNumbers(a.get(i), path));
            }
            return a;
        }
        if (node.isString() && URL_WITHOUT_PATH.matcher(node.stringValue()).matches()) {
            // pydantic's HttpUrl adds the empty path: https://example.com -> https://example.com/
            return F.stringNode(node.stringValue() + "/");
        }
        if (node.isNumber()) {
            double d = node.asDouble();
            if (d == Math.rint(d) && Math.abs(d) < 1e15) {
                return F.numberNode((long) d);
            }
            return F.numberNode(d);
        }
        return node;
    }

    private static List<JsonNode> elements(JsonNode list) {
        List<JsonNode> out = new ArrayList<>();
        if (list != null && list.isArray()) {
            list.values().forEach(out::add);
        }
        return out;
    }
}
