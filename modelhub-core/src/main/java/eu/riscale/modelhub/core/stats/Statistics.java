package eu.riscale.modelhub.core.stats;

import eu.riscale.modelhub.core.resource.AtomicFiles;
import eu.riscale.modelhub.core.tensor.Tensor;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Computed values of measures, immutable. A value is a float64 tensor over the axes that were not reduced (a scalar,
 * shape {@code []}, when all axes were reduced); ops broadcast it by axis name.
 *
 * <p>Saved as JSON with {@link #save(Path)} and read back with {@link #load(Path)}, for example to compute dataset
 * statistics once and reuse them:
 *
 * <pre>{@code
 * Statistics stats = DatasetStatistics.compute(samples, chain.requiredMeasures());
 * stats.save(Path.of("dataset_statistics.json"));
 * }</pre>
 */
public final class Statistics {
    private static final String FORMAT = "modelhub-statistics/1";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Statistics EMPTY = new Statistics(Map.of());

    private final Map<Measure, Tensor> values;

    private Statistics(Map<Measure, Tensor> values) {
        this.values = values;
    }

    /** {@return statistics with no values} */
    public static Statistics empty() {
        return EMPTY;
    }

    /**
     * Creates statistics from values.
     *
     * @param values float64 tensors by measure (other dtypes are converted)
     * @return the statistics
     */
    public static Statistics of(Map<Measure, Tensor> values) {
        Map<Measure, Tensor> copy = new LinkedHashMap<>();
        values.forEach((k, v) -> copy.put(k, v.cast(eu.riscale.modelhub.spec.tensor.DType.FLOAT64)));
        return new Statistics(Collections.unmodifiableMap(copy));
    }

    /** {@return the values by measure, unmodifiable} */
    public Map<Measure, Tensor> values() {
        return values;
    }

    /** {@return the measures that have a value} */
    public Set<Measure> measures() {
        return values.keySet();
    }

    /**
     * Returns the value of a measure.
     *
     * @param measure the measure
     * @return its value, a float64 tensor over the kept axes
     * @throws IllegalStateException if there is no value for it
     */
    public Tensor value(Measure measure) {
        Tensor t = values.get(measure);
        if (t == null) {
            throw new IllegalStateException("no value for " + measure + "; known: " + values.keySet());
        }
        return t;
    }

    /**
     * Looks a value up.
     *
     * @param measure the measure
     * @return its value, or empty
     */
    public Optional<Tensor> find(Measure measure) {
        return Optional.ofNullable(values.get(measure));
    }

    /**
     * Combines two sets of values; values of {@code other} win.
     *
     * @param other more values
     * @return the union
     */
    public Statistics with(Statistics other) {
        if (other.values.isEmpty()) {
            return this;
        }
        Map<Measure, Tensor> m = new LinkedHashMap<>(values);
        m.putAll(other.values);
        return new Statistics(Collections.unmodifiableMap(m));
    }

    /**
     * Writes these statistics as JSON, atomically (a temporary file moved into place).
     *
     * @param file the target file
     * @throws IOException if writing fails
     */
    public void save(Path file) throws IOException {
        AtomicFiles.write(file, out -> {
            try {
                JSON.writerWithDefaultPrettyPrinter().writeValue(out, toJson());
            } catch (JacksonException e) {
                throw new IOException(file + ": cannot write statistics: " + e.getOriginalMessage(), e);
            }
        });
    }

    private ObjectNode toJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        ArrayNode list = root.putArray("measures");
        for (Map.Entry<Measure, Tensor> e : values.entrySet()) {
            Measure m = e.getKey();
            ObjectNode n = list.addObject();
            n.put("kind", m.kind().name().toLowerCase(Locale.ROOT));
            n.put("scope", m.scope().name().toLowerCase(Locale.ROOT));
            n.put("tensor_id", m.tensorId());
            if (m.axes() == null) {
                n.putNull("axes");
            } else {
                ArrayNode a = n.putArray("axes");
                m.axes().forEach(a::add);
            }
            if (m.kind() == Measure.Kind.QUANTILE) {
                n.put("q", m.q());
                n.put("method", m.method().name().toLowerCase(Locale.ROOT));
            }
            Tensor v = e.getValue();
            ObjectNode value = n.putObject("value");
            ArrayNode va = value.putArray("axes");
            v.axes().forEach(va::add);
            ArrayNode vs = value.putArray("shape");
            for (int s : v.shape()) {
                vs.add(s);
            }
            ArrayNode data = value.putArray("data");
            for (double d : v.toDoubleArray()) {
                if (Double.isFinite(d)) {
                    data.add(d);
                } else {
                    data.add(Double.toString(d));
                }
            }
        }
        return root;
    }

    /**
     * Reads statistics written by {@link #save(Path)}.
     *
     * @param file the JSON file
     * @return the statistics
     * @throws IOException if the file cannot be read or is not valid, with the JSON path of the problem
     */
    public static Statistics load(Path file) throws IOException {
        JsonNode root;
        try (InputStream in = Files.newInputStream(file)) {
            root = JSON.readTree(in);
        } catch (JacksonException e) {
            throw new IOException(file + ": not valid JSON: " + e.getOriginalMessage(), e);
        }
        try {
            return fromJson(root);
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }

    private static Statistics fromJson(JsonNode root) {
        if (root == null || !FORMAT.equals(text(root, "format", "format"))) {
            throw new IllegalArgumentException("format: expected \"" + FORMAT + "\"");
        }
        JsonNode list = root.get("measures");
        if (list == null || !list.isArray()) {
            throw new IllegalArgumentException("measures: expected an array");
        }
        Map<Measure, Tensor> values = new LinkedHashMap<>();
        for (int i = 0; i < list.size(); i++) {
            String p = "measures[" + i + "]";
            JsonNode n = list.get(i);
            Measure.Kind kind = parseEnum(Measure.Kind.class, text(n, "kind", p));
            Measure.Scope scope = parseEnum(Measure.Scope.class, text(n, "scope", p));
            String tensorId = text(n, "tensor_id", p);
            JsonNode axesNode = n.get("axes");
            Set<String> axes =
                    axesNode == null || axesNode.isNull() ? null : Set.copyOf(strings(axesNode, p + ".axes"));
            Measure m;
            try {
                m = kind == Measure.Kind.QUANTILE
                        ? Measure.quantile(
                                scope,
                                tensorId,
                                axes,
                                number(n.get("q"), p + ".q"),
                                parseEnum(QuantileMethod.class, text(n, "method", p)))
                        : Measure.of(kind, scope, tensorId, axes);
            } catch (IllegalArgumentException | NullPointerException e) {
                throw new IllegalArgumentException(p + ": " + e.getMessage(), e);
            }
            JsonNode v = n.get("value");
            if (v == null || !v.isObject()) {
                throw new IllegalArgumentException(p + ".value: expected an object with axes, shape, data");
            }
            List<String> vAxes = strings(v.get("axes"), p + ".value.axes");
            JsonNode shapeNode = v.get("shape");
            if (shapeNode == null || !shapeNode.isArray()) {
                throw new IllegalArgumentException(p + ".value.shape: expected an array of sizes");
            }
            int[] shape = new int[shapeNode.size()];
            for (int k = 0; k < shape.length; k++) {
                shape[k] = (int) number(shapeNode.get(k), p + ".value.shape[" + k + "]");
            }
            JsonNode dataNode = v.get("data");
            if (dataNode == null || !dataNode.isArray()) {
                throw new IllegalArgumentException(p + ".value.data: expected an array of numbers");
            }
            double[] data = new double[dataNode.size()];
            for (int k = 0; k < data.length; k++) {
                data[k] = number(dataNode.get(k), p + ".value.data[" + k + "]");
            }
            try {
                values.put(m, Tensor.of(data, shape, vAxes));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(p + ".value: " + e.getMessage(), e);
            }
        }
        return new Statistics(Collections.unmodifiableMap(values));
    }

    private static String text(JsonNode n, String field, String path) {
        JsonNode v = n == null ? null : n.get(field);
        if (v == null || !v.isString()) {
            throw new IllegalArgumentException(path + "." + field + ": expected a string");
        }
        return v.asString();
    }

    private static double number(JsonNode v, String path) {
        if (v != null && v.isNumber()) {
            return v.asDouble();
        }
        if (v != null && v.isString()) {
            try {
                return Double.parseDouble(v.asString());
            } catch (NumberFormatException e) {
                // fall through
            }
        }
        throw new IllegalArgumentException(path + ": expected a number");
    }

    private static List<String> strings(JsonNode a, String path) {
        if (a == null || !a.isArray()) {
            throw new IllegalArgumentException(path + ": expected an array of strings");
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) {
            if (!a.get(i).isString()) {
                throw new IllegalArgumentException(path + "[" + i + "]: expected a string");
            }
            out.add(a.get(i).asString());
        }
        return out;
    }

    private static <E extends Enum<E>> E parseEnum(Class<E> type, String s) {
        try {
            return Enum.valueOf(type, s.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("found '" + s + "', expected one of "
                    + java.util.Arrays.toString(type.getEnumConstants()).toLowerCase(Locale.ROOT));
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Statistics && ((Statistics) o).values.equals(values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return "Statistics" + values.keySet();
    }
}
