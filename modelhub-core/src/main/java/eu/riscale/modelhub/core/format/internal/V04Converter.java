package eu.riscale.modelhub.core.format.internal;

import static eu.riscale.modelhub.core.format.internal.Report.at;

import eu.riscale.modelhub.core.format.FormatConversion;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Converts a model description of format 0.4.10 (as produced by {@link DictUpgrades}) to a format 0.5.7 tree, following
 * the reference's {@code _ModelConv}, {@code convert_axes} and {@code _convert_proc} (reference sections C.2 to C.5).
 *
 * <p>The result also contains what the reference's 0.5 validator inserts on top of the conversion: the leading and
 * trailing {@code ensure_dtype} operations of inputs and the trailing one of outputs, so that the tree is complete
 * without that validator. Conversion steps that the reference cannot perform are reported as errors; anything the
 * 0.5 format cannot carry is reported as a note.
 *
 * <p>This class converts the generic fields (name, authors, cite, links, training data, ...); the spec areas have
 * their own package-private classes beside it: {@link V04TensorsConversion} (inputs and outputs),
 * {@link V04AxesConversion}, {@link V04OpsConversion} and {@link V04WeightsConversion}.
 */
final class V04Converter {
    static final String TARGET_VERSION = FormatConversion.CONVERTED_FORMAT_VERSION;
    /** The axis ids of the 0.4 axis letters that are not spatial. */
    static final Map<String, String> AXIS_IDS = Map.of("b", "batch", "t", "time", "i", "index", "c", "channel");

    private static final List<String> COPIED_KEYS = List.of(
            "description",
            "covers",
            "documentation",
            "git_repo",
            "icon",
            "id",
            "id_emoji",
            "license",
            "links",
            "tags",
            "type",
            "uploader",
            "run_mode",
            "timestamp",
            "config");
    private static final String NAME_CHARS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_+- ()";

    private final ObjectNode src;
    private final Report report;

    private V04Converter(ObjectNode src, Report report) {
        this.src = src;
        this.report = report;
    }

    /**
     * Converts a 0.4.10 document.
     *
     * @param src the upgraded 0.4 document (not modified)
     * @param report receives notes and conversion errors
     * @return the 0.5.7 tree
     */
    static ObjectNode convert(ObjectNode src, Report report) {
        return new V04Converter(src, report).model();
    }

    private ObjectNode model() {
        ObjectNode out = Nodes.F.objectNode();
        String name = Nodes.string(src, "name");
        if (name != null) {
            StringBuilder b = new StringBuilder();
            for (char c : name.toCharArray()) {
                b.append(NAME_CHARS.indexOf(c) >= 0 ? c : ' ');
            }
            if (!b.toString().equals(name)) {
                report.note(at("name"), "characters other than letters, digits and '_+- ()' replaced by spaces");
            }
            out.put("name", b.toString());
        } else if (Nodes.value(src, "name") != null) {
            out.set("name", src.get("name").deepCopy());
        }
        out.put("format_version", TARGET_VERSION);
        for (String key : COPIED_KEYS) {
            JsonNode v = Nodes.value(src, key);
            if (v != null) {
                out.set(key, v.deepCopy());
            }
        }
        String id = Nodes.string(src, "id");
        if (id != null) {
            // format 0.4 resource ids are lower-cased when read (the reference's ResourceId)
            out.put("id", id.toLowerCase(Locale.ROOT));
        }
        for (String key : List.of("covers", "documentation")) {
            JsonNode v = out.get(key);
            if (v != null) {
                out.set(key, relativePaths(v));
            }
        }
        JsonNode version = Nodes.value(src, "version");
        if (version != null) {
            out.set("version", version.deepCopy());
        }
        setIfNotEmpty(out, "authors", persons("authors"));
        setIfNotEmpty(out, "maintainers", persons("maintainers"));
        setIfNotEmpty(out, "packaged_by", persons("packaged_by"));
        setIfNotEmpty(out, "attachments", attachments());
        setIfNotEmpty(out, "cite", cite());
        linked("parent", out);
        trainingData(out);
        for (String dropped : List.of("rdf_source", "download_url", "version_number")) {
            if (Nodes.value(src, dropped) != null) {
                report.note(at(dropped), "'" + dropped + "' does not exist in format 0.5 and was dropped");
            }
        }
        Map<String, Map<Character, Integer>> inputSizes = new HashMap<>();
        Map<String, Map<Character, Integer>> outputSizes = new HashMap<>();
        V04TensorsConversion tensors = new V04TensorsConversion(src, report);
        tensors.collectSizes(inputSizes, outputSizes);
        out.set("inputs", tensors.tensors(true, inputSizes));
        out.set("outputs", tensors.tensors(false, outputSizes));
        out.set("weights", new V04WeightsConversion(src, report).weights());
        return out;
    }

    private static void setIfNotEmpty(ObjectNode out, String key, @Nullable JsonNode value) {
        if (value != null && !value.isEmpty()) {
            out.set(key, value);
        }
    }

    private @Nullable ArrayNode persons(String key) {
        return persons(Nodes.value(src, key));
    }

    static @Nullable ArrayNode persons(@Nullable JsonNode list) {
        if (list == null || !list.isArray()) {
            return null;
        }
        ArrayNode out = Nodes.F.arrayNode();
        for (JsonNode p : list) {
            if (!p.isObject()) {
                out.add(p.deepCopy());
                continue;
            }
            ObjectNode person = Nodes.F.objectNode();
            for (String k : List.of("name", "github_user", "affiliation", "email", "orcid")) {
                JsonNode v = Nodes.value(p, k);
                if (v != null) {
                    person.set(k, v.deepCopy());
                }
            }
            out.add(person);
        }
        return out;
    }

    private @Nullable ArrayNode attachments() {
        ObjectNode attachments = Nodes.object(src, "attachments");
        if (attachments == null) {
            return null;
        }
        ArrayNode out = Nodes.F.arrayNode();
        for (JsonNode f : Nodes.elements(Nodes.array(attachments, "files"))) {
            out.add(Nodes.F.objectNode().set("source", relativePaths(f)));
        }
        for (String k : attachments.propertyNames()) {
            if (!k.equals("files")) {
                report.note(at("attachments", k), "attachments other than 'files' cannot be carried by format 0.5");
            }
        }
        return out;
    }

    private @Nullable ArrayNode cite() {
        ArrayNode cite = Nodes.array(src, "cite");
        if (cite == null) {
            return null;
        }
        ArrayNode out = Nodes.F.arrayNode();
        for (JsonNode c : cite) {
            ObjectNode entry = Nodes.F.objectNode();
            for (String k : List.of("text", "doi", "url")) {
                JsonNode v = Nodes.value(c, k);
                if (v != null) {
                    entry.set(k, v.deepCopy());
                }
            }
            out.add(entry);
        }
        return out;
    }

    /** {@code {id, version_number}} becomes {@code {id: "id/version_number"}}. */
    private void linked(String key, ObjectNode out) {
        JsonNode v = Nodes.value(src, key);
        if (v == null) {
            return;
        }
        if (!v.isObject() || Nodes.value(v, "id") == null) {
            report.note(at(key), key + " is not {id, version_number} and was dropped");
            return;
        }
        JsonNode vn = Nodes.value(v, "version_number");
        String id =
                Nodes.scalarText(v.get("id")).toLowerCase(Locale.ROOT) + (vn == null ? "" : "/" + Nodes.scalarText(vn));
        out.set(key, Nodes.F.objectNode().put("id", id));
    }

    private void trainingData(ObjectNode out) {
        JsonNode td = Nodes.value(src, "training_data");
        if (td == null) {
            return;
        }
        boolean link = td.isObject() && td.has("id");
        for (String k : td.propertyNames()) {
            link &= k.equals("id") || k.equals("version_number");
        }
        if (link) {
            linked("training_data", out);
        } else {
            out.set("training_data", td.deepCopy());
        }
    }

    /**
     * Normalises relative file paths the way the reference's path type does when it reads format 0.4 ({@code ./a.pt}
     * becomes {@code a.pt}); URLs and other values are returned unchanged. Lists are normalised element-wise.
     */
    static JsonNode relativePaths(JsonNode v) {
        if (v.isArray()) {
            ArrayNode out = Nodes.F.arrayNode();
            v.values().forEach(e -> out.add(relativePaths(e)));
            return out;
        }
        if (!v.isString()) {
            return v.deepCopy();
        }
        String s = v.stringValue();
        if (s.contains("://")) {
            return v.deepCopy();
        }
        String p = s.replace("/./", "/");
        while (p.startsWith("./") && p.length() > 2) {
            p = p.substring(2);
        }
        return Nodes.F.stringNode(p);
    }
}
