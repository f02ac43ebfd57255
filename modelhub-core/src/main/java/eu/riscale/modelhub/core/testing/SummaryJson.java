package eu.riscale.modelhub.core.testing;

import eu.riscale.modelhub.spec.validation.Diagnostic;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Renders a {@link TestSummary} as JSON: the stable contract for CI scripts, documented in {@code
 * docs/testing-models.md}.
 *
 * <pre>{@code
 * {"schema_version": 1, "source": "...", "name": "...", "format_version": "0.5.7", "status": "passed",
 *  "details": [{"check": "reproduce", "name": "...", "status": "passed", "weights_format": "onnx",
 *               "errors": [{"loc": "...", "msg": "..."}], "warnings": [], "skip_reason": null,
 *               "duration_s": 1.25, "deviations": [...]}]}
 * }</pre>
 *
 * <p>Keys are snake_case and always present ({@code null} where absent); new keys may be added in later versions,
 * existing ones keep their meaning (a change would raise {@link #SCHEMA_VERSION}). Thread-safe.
 */
public final class SummaryJson {
    /** The version of the JSON layout; raised only on incompatible changes. */
    public static final int SCHEMA_VERSION = 1;

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

    /**
     * Builds the JSON tree.
     *
     * @param summary the summary
     * @return a new tree owned by the caller
     */
    public static ObjectNode tree(TestSummary summary) {
        ObjectNode root = JSON.createObjectNode();
        root.put("schema_version", SCHEMA_VERSION);
        root.put("source", summary.source());
        root.put("name", summary.name());
        root.put("format_version", summary.formatVersion());
        root.put("status", summary.status().id());
        ArrayNode details = root.putArray("details");
        for (TestDetail d : summary.details()) {
            ObjectNode n = details.addObject();
            n.put("check", d.check().id());
            n.put("name", d.name());
            n.put("status", d.status().id());
            n.put(
                    "weights_format",
                    d.weightsFormat() == null ? null : d.weightsFormat().id());
            messages(n.putArray("errors"), d.errors());
            messages(n.putArray("warnings"), d.warnings());
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
        return root;
    }

    private static void messages(ArrayNode array, List<Diagnostic> messages) {
        for (Diagnostic m : messages) {
            ObjectNode o = array.addObject();
            o.put("loc", m.loc());
            o.put("msg", m.message());
        }
    }

    private static void index(ObjectNode o, List<String> axes, List<Integer> index) {
        for (int i = 0; i < index.size(); i++) {
            o.put(i < axes.size() ? axes.get(i) : "dim" + i, index.get(i));
        }
    }
}
