package eu.riscale.modelhub.core.modeltest;

import eu.riscale.modelhub.spec.validation.Diagnostic;
import eu.riscale.modelhub.spec.validation.Location;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Renders a {@link TestSummary} as JSON in the shape of the reference's validation summary ({@code
 * bioimageio.spec.summary.ValidationSummary}): the stable contract for CI scripts, documented in {@code
 * docs/testing-models.md}.
 *
 * <pre>{@code
 * {"schema_version": 2, "name": "modelhub test", "source_name": "...", "id": null, "type": "model",
 *  "format_version": "0.5.4", "status": "passed", "model_name": "...", "source": "...",
 *  "details": [{"name": "...", "status": "passed", "loc": ["weights", "onnx"],
 *               "errors": [{"type": "error", "loc": ["outputs", 0], "msg": "..."}],
 *               "warnings": [{"type": "warning", "severity": 30, "loc": [...], "msg": "..."}],
 *               "check": "reproduce", "weights_format": "onnx", "skip_reason": null, "duration_s": 1.25,
 *               "deviations": [...]}],
 *  "env": [{"name": "modelhub", "version": "...", "build": "", "channel": ""},
 *          {"name": "OnnxRuntime", "version": "1.21.1", "build": "", "channel": ""}, ...]}
 * }</pre>
 *
 * <p>The reference's keys keep its meaning ({@code loc} is a list of keys and indexes; {@code env} entries are
 * objects with {@code name}, {@code version}, {@code build}, {@code channel}, which the reference also reads); the
 * SDK adds keys the reference allows as extras. Departures: a detail may be {@code skipped} (the reference has only
 * passed and failed), and {@code type} and {@code format_version} are {@code "unknown"} when the source could not be
 * read, as the reference writes them. Keys are snake_case and always present ({@code null} where absent); new keys
 * may be added in later versions, existing ones keep their meaning (a change raises {@link #SCHEMA_VERSION}).
 * Thread-safe.
 */
public final class SummaryJson {
    /** The version of the JSON layout; raised only on incompatible changes (2: the reference's shape). */
    public static final int SCHEMA_VERSION = 2;

    /** The summary's {@code name}: the name of the validation, as the reference's {@code name} key means it. */
    public static final String NAME = "modelhub test";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private SummaryJson() {}

    /**
     * Renders on one line, as {@code modelhub test --json} prints it.
     *
     * @param summary the summary
     * @return the JSON text, without a line break
     */
    public static String line(TestSummary summary) {
        return JSON.writeValueAsString(tree(summary));
    }

    /**
     * Renders indented, as written to a {@code .json} summary file.
     *
     * @param summary the summary
     * @return the JSON text
     */
    public static String pretty(TestSummary summary) {
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(tree(summary)) + "\n";
    }

    private static ObjectNode tree(TestSummary summary) {
        ObjectNode root = JSON.createObjectNode();
        root.put("schema_version", SCHEMA_VERSION);
        root.put("name", NAME);
        root.put("source_name", summary.source());
        root.put("id", summary.id());
        root.put("type", summary.type() == null ? "unknown" : summary.type());
        root.put("format_version", summary.formatVersion() == null ? "unknown" : summary.formatVersion());
        root.put("status", summary.status().id());
        root.put("model_name", summary.name());
        root.put("source", summary.source());
        ArrayNode details = root.putArray("details");
        for (TestDetail d : summary.details()) {
            ObjectNode n = details.addObject();
            n.put("name", d.name());
            n.put("status", d.status().id());
            loc(n.putArray("loc"), d.location());
            messages(n.putArray("errors"), d.errors());
            messages(n.putArray("warnings"), d.warnings());
            n.put("check", d.check().id());
            n.put(
                    "weights_format",
                    d.weightsFormat() == null ? null : d.weightsFormat().id());
            n.put("skip_reason", d.skipReason());
            n.put("duration_s", d.duration().toNanos() / 1e9);
            ArrayNode deviations = n.putArray("deviations");
            for (Deviation dev : d.deviations()) {
                ObjectNode o = deviations.addObject();
                o.put("output_id", dev.outputId());
                o.put("elements", dev.elements());
                o.put("mismatched", dev.mismatched());
                o.put("mismatched_per_million", dev.mismatchedPerMillion());
                ObjectNode tol = o.putObject("tolerance");
                tol.put("relative_tolerance", dev.tolerance().relative());
                tol.put("absolute_tolerance", dev.tolerance().absolute());
                tol.put("mismatched_elements_per_million", dev.tolerance().mismatchedPerMillion());
                o.put("max_absolute", dev.maxAbsolute());
                index(o.putObject("max_absolute_index"), dev.axes(), dev.maxAbsoluteIndex());
                o.put("max_relative", dev.maxRelative());
                index(o.putObject("max_relative_index"), dev.axes(), dev.maxRelativeIndex());
            }
        }
        ArrayNode env = root.putArray("env");
        for (EnvironmentEntry e : summary.env()) {
            ObjectNode o = env.addObject();
            o.put("name", e.name());
            o.put("version", e.version());
            o.put("build", e.build());
            o.put("channel", "");
        }
        return root;
    }

    private static void messages(ArrayNode array, List<Diagnostic> messages) {
        for (Diagnostic m : messages) {
            ObjectNode o = array.addObject();
            o.put("type", m.isError() ? "error" : m.severity().name().toLowerCase(Locale.ROOT));
            if (!m.isError()) {
                o.put("severity", m.severity().level());
            }
            loc(o.putArray("loc"), m.location());
            o.put("msg", m.message());
        }
    }

    private static void loc(ArrayNode array, Location location) {
        for (Object segment : location.segments()) {
            if (segment instanceof Integer) {
                array.add((Integer) segment);
            } else {
                array.add(segment.toString());
            }
        }
    }

    private static void index(ObjectNode o, List<String> axes, List<Integer> index) {
        for (int i = 0; i < index.size(); i++) {
            o.put(i < axes.size() ? axes.get(i) : "dim" + i, index.get(i));
        }
    }
}
