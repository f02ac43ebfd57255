package eu.riscale.modelhub.core.description.internal;

import eu.riscale.modelhub.spec.tensor.DType;
import eu.riscale.modelhub.spec.validation.Diagnostic;
import eu.riscale.modelhub.spec.validation.Location;
import eu.riscale.modelhub.spec.weights.WeightsFormat;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A position in the parsed tree while binding: the JSON node, its location, the shared problem and warning lists and
 * the keys of this mapping consumed so far. Leaf readers report a problem and return {@code null} on a wrong type;
 * a warning (a value the reader normalised) does not stop binding.
 */
public final class Node {
    private static final Map<String, String> AXIS_ID_ALIASES =
            Map.of("b", "batch", "t", "time", "i", "index", "c", "channel");

    private final JsonNode json;
    private final Location path;
    private final List<Diagnostic> problems;
    private final List<Diagnostic> warnings;
    private final Set<String> used = new HashSet<>();

    Node(JsonNode json, Location path, List<Diagnostic> problems, List<Diagnostic> warnings) {
        this.json = json;
        this.path = path;
        this.problems = problems;
        this.warnings = warnings;
    }

    public JsonNode json() {
        return json;
    }

    public Location path() {
        return path;
    }

    public int problemCount() {
        return problems.size();
    }

    public void problem(Location loc, String msg) {
        problems.add(Diagnostic.error(loc, msg));
    }

    /** Records a warning: something the reader accepted but changed, such as a normalised axis id. */
    void warning(Location loc, String msg) {
        warnings.add(Diagnostic.warning(loc, msg));
    }

    Location childPath(String key) {
        return path.key(key);
    }

    /** Reports a problem unless this node is a mapping. */
    boolean expectObject() {
        if (json.isObject()) {
            return true;
        }
        problem(path, "Input should be a mapping, found " + describe(json));
        return false;
    }

    /** The child under {@code key}, or {@code null} if absent or explicitly null; marks the key consumed. */
    @Nullable
    Node child(String key) {
        used.add(key);
        JsonNode c = json.get(key);
        if (c == null && key.equals("version") && json.has("version_number")) {
            // legacy key of older 0.5 files, moved to `version` like the reference does
            used.add("version_number");
            return child("version_number");
        }
        if (c == null || c.isNull()) {
            return null;
        }
        return new Node(c, childPath(key), problems, warnings);
    }

    <T> @Nullable T required(String key, Function<Node, @Nullable T> reader) {
        Node c = child(key);
        if (c == null) {
            problem(childPath(key), json.has(key) ? "Field required, found null" : "Field required");
            return null;
        }
        return reader.apply(c);
    }

    <T> @Nullable T optional(String key, Function<Node, @Nullable T> reader) {
        Node c = child(key);
        return c == null ? null : reader.apply(c);
    }

    /**
     * Reads an optional key that has a default. An explicit {@code null} is not the default: like the reference, it is
     * reported as a value of the wrong type.
     */
    <T> @Nullable T withDefault(String key, Function<Node, @Nullable T> reader, T defaultValue) {
        Node c = child(key);
        if (c == null) {
            JsonNode explicit = json.get(key);
            return explicit == null
                    ? defaultValue
                    : reader.apply(new Node(explicit, childPath(key), problems, warnings));
        }
        return reader.apply(c);
    }

    /** Reads an optional key whose default also stands for an explicit {@code null} (the reference's Optional lists). */
    <T> @Nullable T withDefaultOrNull(String key, Function<Node, @Nullable T> reader, T defaultValue) {
        Node c = child(key);
        return c == null ? defaultValue : reader.apply(c);
    }

    /** Checks a constant key such as an axis {@code type} or an op {@code id}. */
    void constant(String key, String expected) {
        Node c = child(key);
        if (c == null) {
            problem(childPath(key), "Field required, expected '" + expected + "'");
        } else if (!c.json.isString() || !c.json.stringValue().equals(expected)) {
            problem(c.path, "Input should be '" + expected + "', found " + describe(c.json));
        }
    }

    /** Accepts an empty mapping (or null) under {@code key}, as written for operations without arguments. */
    void allowEmpty(String key) {
        JsonNode c = json.get(key);
        if (c != null && (c.isNull() || (c.isObject() && c.isEmpty()))) {
            used.add(key);
        }
    }

    void rejectUnknownKeys() {
        for (String key : json.propertyNames()) {
            if (!used.contains(key)) {
                problem(childPath(key), "Extra inputs are not permitted (unknown key '" + key + "')");
            }
        }
    }

    /** The keys not consumed, in document order, as plain Java values. */
    Map<String, @Nullable Object> remaining() {
        Map<String, @Nullable Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : json.properties()) {
            if (!used.contains(e.getKey())) {
                out.put(e.getKey(), plain(e.getValue()));
            }
        }
        return out;
    }

    @Nullable
    public String string() {
        if (json.isString()) {
            return json.stringValue();
        }
        problem(path, "Input should be a valid string, found " + describe(json));
        return null;
    }

    /**
     * An axis id; the single-letter ids {@code b t i c} read as {@code batch time index channel}, with a warning, as
     * the reference normalises them.
     */
    @Nullable
    String axisId() {
        String id = string();
        String normalized = id == null ? null : AXIS_ID_ALIASES.get(id);
        if (normalized == null) {
            return id;
        }
        warning(path, "Normalized axis id from '" + id + "' to '" + normalized + "'");
        return normalized;
    }

    /** A version: a string, or a number kept with the digits as written. */
    @Nullable
    String version() {
        if (json.isString()) {
            return json.stringValue();
        }
        if (json.isIntegralNumber()) {
            return json.bigIntegerValue().toString();
        }
        if (json.isNumber()) {
            return json.decimalValue().toPlainString();
        }
        problem(path, "Input should be a valid version (string or number), found " + describe(json));
        return null;
    }

    @Nullable
    public Integer integer() {
        if (json.isIntegralNumber() && json.canConvertToInt()) {
            return json.intValue();
        }
        if (json.isFloatingPointNumber()) {
            BigDecimal d = json.decimalValue();
            if (d.stripTrailingZeros().scale() <= 0) {
                try {
                    return d.intValueExact();
                } catch (ArithmeticException e) {
                    // falls through to the problem below
                }
            }
        }
        problem(path, "Input should be a valid integer, found " + describe(json));
        return null;
    }

    @Nullable
    public Double number() {
        if (json.isBigDecimal()) {
            // a decimal beyond the double range (1e999999999) is a problem at its path, not a Jackson error
            double v = json.decimalValue().doubleValue();
            if (Double.isInfinite(v)) {
                problem(path, "Input should be a number within the range of a 64-bit float, found " + describe(json));
                return null;
            }
            return v;
        }
        if (json.isNumber()) {
            return json.doubleValue();
        }
        problem(path, "Input should be a valid number, found " + describe(json));
        return null;
    }

    @Nullable
    Boolean bool() {
        if (json.isBoolean()) {
            return json.booleanValue();
        }
        problem(path, "Input should be a valid boolean, found " + describe(json));
        return null;
    }

    @Nullable
    public DType dtype() {
        if (json.isString()) {
            var t = DType.fromId(json.stringValue());
            if (t.isPresent()) {
                return t.get();
            }
        }
        problem(
                path,
                "Input should be one of "
                        + quoted(Arrays.stream(DType.values()).map(DType::id).toList()) + ", found " + describe(json));
        return null;
    }

    @Nullable
    public WeightsFormat weightsFormat() {
        if (json.isString()) {
            var f = WeightsFormat.fromId(json.stringValue());
            if (f.isPresent()) {
                return f.get();
            }
        }
        problem(
                path,
                "Input should be one of "
                        + quoted(Arrays.stream(WeightsFormat.values())
                                .map(WeightsFormat::id)
                                .toList()) + ", found "
                        + describe(json));
        return null;
    }

    /** A date-time as the reference reads it (see {@link Timestamps}); without an offset it is taken as UTC. */
    @Nullable
    OffsetDateTime timestamp() {
        OffsetDateTime t = json.isString() ? Timestamps.parse(json.stringValue()) : null;
        if (t == null) {
            problem(
                    path,
                    "Input should be an ISO 8601 date-time such as '2019-12-11T11:22:32+00:00' or a date such as"
                            + " '2019-12-11', found " + describe(json));
        }
        return t;
    }

    @Nullable
    Map<String, @Nullable Object> map() {
        if (json.isObject()) {
            @SuppressWarnings("unchecked")
            Map<String, @Nullable Object> m = (Map<String, @Nullable Object>) plain(json);
            return m;
        }
        problem(path, "Input should be a mapping, found " + describe(json));
        return null;
    }

    @Nullable
    Object any() {
        return plain(json);
    }

    public <T> @Nullable List<T> list(Function<Node, @Nullable T> element) {
        if (!json.isArray()) {
            problem(path, "Input should be a valid list, found " + describe(json));
            return null;
        }
        List<T> out = new ArrayList<>();
        int i = 0;
        for (JsonNode e : json.values()) {
            out.add(element.apply(new Node(e, path.index(i++), problems, warnings)));
        }
        return out;
    }

    /** The text of the discriminator {@code key} if it is one of {@code known}, else reports and returns null. */
    @Nullable
    String discriminator(String key, List<String> known) {
        JsonNode tag = json.get(key);
        if (tag == null || tag.isNull()) {
            problem(path, "Unable to extract tag using discriminator '" + key + "', expected one of " + quoted(known));
            return null;
        }
        if (!tag.isString() || !known.contains(tag.stringValue())) {
            problem(
                    childPath(key),
                    "Input tag " + describe(tag) + " found using '" + key
                            + "' does not match any of the expected tags: " + quoted(known));
            return null;
        }
        return tag.stringValue();
    }

    static String quoted(List<String> values) {
        return values.stream().map(v -> "'" + v + "'").collect(Collectors.joining(", "));
    }

    public static String describe(JsonNode n) {
        if (n.isString()) {
            String s = n.stringValue();
            return "'" + (s.length() > 40 ? s.substring(0, 40) + "..." : s) + "'";
        }
        if (n.isObject()) {
            return "a mapping";
        }
        if (n.isArray()) {
            return "a list";
        }
        if (n.isNull()) {
            return "null";
        }
        return n.getNodeType().name().toLowerCase(java.util.Locale.ROOT) + " " + n;
    }

    /** Converts a subtree to plain Java values: maps keep key order; lists and maps are unmodifiable. */
    static @Nullable Object plain(JsonNode n) {
        if (n.isObject()) {
            Map<String, @Nullable Object> m = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> e : n.properties()) {
                m.put(e.getKey(), plain(e.getValue()));
            }
            return Collections.unmodifiableMap(m);
        }
        if (n.isArray()) {
            List<@Nullable Object> l = new ArrayList<>();
            for (JsonNode e : n.values()) {
                l.add(plain(e));
            }
            return Collections.unmodifiableList(l);
        }
        if (n.isString()) {
            return n.stringValue();
        }
        if (n.isBoolean()) {
            return n.booleanValue();
        }
        if (n.isIntegralNumber()) {
            return n.canConvertToInt()
                    ? (Object) n.intValue()
                    : n.canConvertToLong() ? (Object) n.longValue() : n.bigIntegerValue();
        }
        if (n.isBigDecimal()) {
            return n.decimalValue().doubleValue(); // beyond the double range: infinity, not a Jackson error
        }
        if (n.isNumber()) {
            return n.doubleValue();
        }
        return null;
    }
}
