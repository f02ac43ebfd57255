package eu.riscale.modelhub.core.format.internal;

import static eu.riscale.modelhub.core.format.internal.Report.at;

import eu.riscale.modelhub.core.format.FormatConversion;
import eu.riscale.modelhub.spec.validation.Location;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
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
 */
final class V04Converter {
    static final String TARGET_VERSION = FormatConversion.CONVERTED_FORMAT_VERSION;
    private static final Map<String, String> AXIS_IDS = Map.of("b", "batch", "t", "time", "i", "index", "c", "channel");
    private static final Map<Character, String> AXIS_TYPES =
            Map.of('b', "batch", 't', "time", 'i', "index", 'c', "channel", 'x', "space", 'y', "space", 'z', "space");
    private static final List<String> WEIGHTS_ORDER = List.of(
            "keras_hdf5",
            "onnx",
            "pytorch_state_dict",
            "tensorflow_js",
            "tensorflow_saved_model_bundle",
            "torchscript");
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
        collectSizes(inputSizes, outputSizes);
        out.set("inputs", tensors(true, inputSizes));
        out.set("outputs", tensors(false, outputSizes));
        out.set("weights", weights());
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

    private static @Nullable ArrayNode persons(@Nullable JsonNode list) {
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

    private void collectSizes(
            Map<String, Map<Character, Integer>> inputSizes, Map<String, Map<Character, Integer>> outputSizes) {
        for (JsonNode t : Nodes.elements(Nodes.array(src, "inputs"))) {
            String name = Nodes.string(t, "name");
            String axes = Nodes.string(t, "axes");
            JsonNode shape = Nodes.value(t, "shape");
            int[] sizes = shape == null ? null : shape.isArray() ? Nodes.ints(shape) : Nodes.ints(shape.get("min"));
            if (name != null && axes != null && sizes != null) {
                inputSizes.put(name, zip(axes, sizes));
            }
        }
        for (JsonNode t : Nodes.elements(Nodes.array(src, "outputs"))) {
            String name = Nodes.string(t, "name");
            String axes = Nodes.string(t, "axes");
            int[] sizes = Nodes.ints(Nodes.value(t, "shape"));
            if (name != null && axes != null && sizes != null) {
                outputSizes.put(name, zip(axes, sizes));
            }
        }
        outputSizes.putAll(inputSizes);
    }

    private static Map<Character, Integer> zip(String axes, int[] sizes) {
        Map<Character, Integer> m = new HashMap<>();
        for (int i = 0; i < Math.min(axes.length(), sizes.length); i++) {
            m.put(axes.charAt(i), sizes[i]);
        }
        return m;
    }

    private ArrayNode tensors(boolean input, Map<String, Map<Character, Integer>> sizeRefs) {
        String key = input ? "inputs" : "outputs";
        String prefix = input ? "input" : "output";
        ArrayNode out = Nodes.F.arrayNode();
        List<JsonNode> tests = Nodes.elements(Nodes.array(src, "test_" + key));
        List<JsonNode> samples = Nodes.elements(Nodes.array(src, "sample_" + key));
        List<JsonNode> tensors = Nodes.elements(Nodes.array(src, key));
        if (!samples.isEmpty() && samples.size() != tensors.size()) {
            report.note(
                    at("sample_" + key),
                    "sample_" + key + " has " + samples.size() + " entries for " + tensors.size() + " " + key
                            + "; entries are matched by position");
        }
        for (int i = 0; i < tensors.size(); i++) {
            JsonNode t = tensors.get(i);
            Location loc = at(key, i);
            if (!t.isObject()) {
                continue;
            }
            ObjectNode o = Nodes.F.objectNode();
            JsonNode name = Nodes.value(t, "name");
            if (name != null) {
                o.set("id", name.deepCopy());
            }
            String axes = Nodes.string(t, "axes");
            if (axes != null) {
                ArrayNode converted = axes(axes, t, input, sizeRefs, loc);
                if (converted != null) {
                    o.set("axes", converted);
                }
            }
            if (i < tests.size()) {
                o.set("test_tensor", Nodes.F.objectNode().set("source", relativePaths(tests.get(i))));
            } else {
                report.note(loc, "no test_" + key + " entry for this tensor, so no test_tensor");
            }
            if (i < samples.size()) {
                o.set("sample_tensor", Nodes.F.objectNode().set("source", relativePaths(samples.get(i))));
            }
            String dtype = Nodes.string(t, "data_type");
            if (dtype != null) {
                ObjectNode data = Nodes.F.objectNode().put("type", dtype);
                if (dtype.equals("bool")) {
                    data.set("values", Nodes.F.arrayNode().add(false).add(true));
                }
                o.set("data", data);
            }
            if (Nodes.value(t, "data_range") != null) {
                report.note(
                        at(loc, "data_range"),
                        "data_range is not carried over: format 0.5 describes the value"
                                + " range in data.range, which the reference conversion leaves unset");
            }
            String description = Nodes.string(t, "description");
            if (description != null && !description.isEmpty()) {
                report.note(at(loc, "description"), "tensor description is dropped by the conversion");
            }
            ArrayNode ops = ops(t, input, axes == null ? "" : axes, loc);
            if (ops != null) {
                finishOps(ops, input, dtype);
                o.set(input ? "preprocessing" : "postprocessing", ops);
            }
            out.add(o);
        }
        return out;
    }

    /** Adds the ensure_dtype steps of the reference (conversion appends float32; the 0.5 validator adds the rest). */
    private static void finishOps(ArrayNode ops, boolean input, @Nullable String dtype) {
        String type = dtype == null ? "float32" : dtype;
        if (input) {
            ops.add(ensureDtype("float32"));
            if (!"ensure_dtype".equals(Nodes.string(ops.get(0), "id"))) {
                ops.insert(0, ensureDtype(type));
            }
        } else {
            String last = ops.isEmpty() ? "" : Nodes.string(ops.get(ops.size() - 1), "id");
            if (!"ensure_dtype".equals(last) && !"binarize".equals(last)) {
                ops.add(ensureDtype(type));
            }
        }
    }

    private static ObjectNode ensureDtype(String dtype) {
        ObjectNode op = Nodes.F.objectNode().put("id", "ensure_dtype");
        op.set("kwargs", Nodes.F.objectNode().put("dtype", dtype));
        return op;
    }

    /** The reference's {@code convert_axes}. */
    private @Nullable ArrayNode axes(
            String axes, JsonNode t, boolean input, Map<String, Map<Character, Integer>> sizeRefs, Location loc) {
        JsonNode shape = Nodes.value(t, "shape");
        int[] fixed = Nodes.ints(shape);
        int[] min = null;
        int[] step = null;
        JsonNode implicitScale = null;
        JsonNode implicitOffset = null;
        String refTensor = null;
        if (fixed == null && shape != null && shape.isObject()) {
            if (input) {
                min = Nodes.ints(shape.get("min"));
                step = Nodes.ints(shape.get("step"));
            } else {
                refTensor = Nodes.string(shape, "reference_tensor");
                implicitScale = Nodes.array(shape, "scale");
                implicitOffset = Nodes.array(shape, "offset");
            }
        }
        int length = fixed != null
                ? fixed.length
                : min != null && step != null
                        ? Math.min(min.length, step.length)
                        : implicitScale != null && implicitOffset != null && refTensor != null
                                ? Math.min(implicitScale.size(), implicitOffset.size())
                                : -1;
        if (length < 0) {
            report.error(at(loc, "shape"), "cannot convert the axes: the shape is not usable");
            return null;
        }
        if (length < axes.length()) {
            report.error(
                    at(loc, "shape"),
                    "cannot convert the axes: shape has " + length + " entries for axes '" + axes + "'");
            return null;
        }
        int[] halo = input ? null : Nodes.ints(Nodes.value(t, "halo"));
        ArrayNode out = Nodes.F.arrayNode();
        for (int i = 0; i < axes.length(); i++) {
            char a = axes.charAt(i);
            String type = AXIS_TYPES.get(a);
            Location aloc = at(loc, "axes");
            if (type == null) {
                report.error(aloc, "cannot convert axis letter '" + a + "'");
                return null;
            }
            ObjectNode axis = Nodes.F.objectNode().put("type", type);
            if (type.equals("batch")) {
                out.add(axis);
                continue;
            }
            double scale = 1.0;
            JsonNode size;
            Integer refOffset = null;
            boolean parameterized = false;
            if (fixed != null) {
                size = Nodes.F.numberNode(fixed[i]);
            } else if (min != null && step != null) {
                if (step[i] == 0) {
                    size = Nodes.F.numberNode(min[i]);
                } else {
                    parameterized = true;
                    size = Nodes.F.objectNode().put("min", min[i]).put("step", step[i]);
                }
            } else {
                String tId = refTensor;
                String origAxis = String.valueOf(a);
                if (refTensor.chars().filter(c -> c == '.').count() == 1) {
                    tId = refTensor.substring(0, refTensor.indexOf('.'));
                    origAxis = refTensor.substring(refTensor.indexOf('.') + 1);
                }
                String axisId = AXIS_IDS.getOrDefault(origAxis, String.valueOf(a));
                JsonNode s = implicitScale.get(i);
                JsonNode offsetNode = implicitOffset.get(i);
                if (!offsetNode.isNumber() || !(s.isNull() || s.isNumber())) {
                    report.error(at(loc, "shape"), "cannot convert the axes: scale and offset must be numbers");
                    return null;
                }
                double offset = offsetNode.asDouble();
                if (s.isNull() || !s.isNumber() || s.asDouble() == 0) {
                    size = Nodes.F.numberNode((int) (2 * offset));
                } else {
                    double origScale = s.asDouble();
                    scale = 1 / origScale;
                    double fromScale = 0;
                    if (type.equals("channel") || type.equals("index")) {
                        Integer refSize = origAxis.length() == 1
                                ? sizeRefs.getOrDefault(tId, Map.of()).get(origAxis.charAt(0))
                                : null;
                        fromScale = origScale * (refSize == null ? 0 : refSize);
                    }
                    refOffset = (int) (fromScale + 2 * offset);
                    ObjectNode ref = Nodes.F.objectNode().put("tensor_id", tId).put("axis_id", axisId);
                    if (refOffset != 0) {
                        ref.put("offset", refOffset);
                    }
                    size = ref;
                }
            }
            boolean sizeIsRef = size.isObject() && !parameterized;
            switch (type) {
                case "channel" -> {
                    if (parameterized) {
                        report.error(
                                at(loc, "shape"),
                                "a channel axis cannot have a parameterized size (step " + step[i] + " at axis " + i
                                        + ")");
                        return null;
                    }
                    int n = sizeIsRef ? refOffset : size.asInt();
                    if (sizeIsRef) {
                        report.note(
                                at(loc, "shape"),
                                "the channel count of an implicit output shape was derived from"
                                        + " the reference size and offset (" + n + "); this conversion may be wrong");
                    }
                    ArrayNode names = Nodes.F.arrayNode();
                    for (int c = 0; c < n; c++) {
                        names.add("channel" + c);
                    }
                    axis.set("channel_names", names);
                }
                case "index" -> {
                    axis.set("size", size);
                }
                default -> {
                    if (type.equals("space")) {
                        axis.put("id", String.valueOf(a));
                    }
                    axis.set("size", size);
                    if (scale != 1.0) {
                        axis.put("scale", scale);
                    }
                    if (!input && halo != null) {
                        int h = i < halo.length ? halo[i] : 0;
                        boolean withHalo = type.equals("time") || h != 0;
                        if (withHalo && !sizeIsRef) {
                            report.note(
                                    at(at(loc, "halo"), i),
                                    "halo " + h + " of axis '" + a + "' is dropped: format 0.5 allows a halo only on an"
                                            + " output axis whose size references an input axis, and this one has the"
                                            + " fixed size " + size + " (the reference converter stops here); crop "
                                            + h + " on both sides yourself");
                        } else if (withHalo) {
                            axis.put("halo", h);
                        }
                    }
                }
            }
            out.add(axis);
        }
        return out;
    }

    private @Nullable ArrayNode ops(JsonNode t, boolean input, String tensorAxes, Location loc) {
        String key = input ? "preprocessing" : "postprocessing";
        ArrayNode ops = Nodes.array(t, key);
        ArrayNode out = Nodes.F.arrayNode();
        if (ops == null) {
            return out;
        }
        for (int i = 0; i < ops.size(); i++) {
            ObjectNode converted = op(ops.get(i), tensorAxes, at(at(loc, key), i));
            if (converted != null) {
                out.add(converted);
            }
        }
        return out;
    }

    /** The reference's {@code _convert_proc}. */
    private @Nullable ObjectNode op(JsonNode op, String tensorAxes, Location loc) {
        String name = Nodes.string(op, "name");
        ObjectNode kwargs = Nodes.object(op, "kwargs");
        if (name == null) {
            return null;
        }
        ObjectNode k = kwargs == null ? Nodes.F.objectNode() : kwargs;
        ObjectNode out = Nodes.F.objectNode();
        ObjectNode nk = Nodes.F.objectNode();
        Location kloc = at(loc, "kwargs");
        switch (name) {
            case "binarize" -> {
                copy(k, nk, "threshold");
            }
            case "clip" -> {
                copy(k, nk, "min");
                copy(k, nk, "max");
            }
            case "sigmoid" -> {
                return Nodes.F.objectNode().put("id", "sigmoid");
            }
            case "scale_linear" -> {
                JsonNode axesNode = Nodes.value(k, "axes");
                String axis = null;
                if (axesNode != null) {
                    if (!complementAxis(tensorAxes, axesNode, kloc)) {
                        return null;
                    }
                    axis = complement(tensorAxes, axesNode.asString());
                }
                if (axis == null) {
                    if (isList(k, "gain") || isList(k, "offset")) {
                        report.error(
                                kloc,
                                "cannot convert scale_linear: gain/offset lists need axes that leave"
                                        + " exactly one (non-batch) axis of the tensor");
                        return null;
                    }
                } else if (isList(k, "gain") || isList(k, "offset")) {
                    nk.put("axis", axis);
                }
                copy(k, nk, "gain");
                copy(k, nk, "offset");
            }
            case "scale_mean_variance" -> {
                axesIds(k, nk, false);
                copy(k, nk, "reference_tensor");
                copy(k, nk, "eps");
                noteMode(k, kloc, "scale_mean_variance");
            }
            case "zero_mean_unit_variance" -> {
                String mode = Nodes.string(k, "mode");
                if (mode == null || mode.equals("fixed")) {
                    name = "fixed_zero_mean_unit_variance";
                    JsonNode axesNode = Nodes.value(k, "axes");
                    String axis = null;
                    if (axesNode != null) {
                        if (!complementAxis(tensorAxes, axesNode, kloc)) {
                            return null;
                        }
                        axis = complement(tensorAxes, axesNode.asString());
                    }
                    if (axis == null) {
                        if (isList(k, "mean") || isList(k, "std")) {
                            report.error(
                                    kloc,
                                    "cannot convert zero_mean_unit_variance (mode fixed): expected a single"
                                            + " value for mean and std when axes leave no (non-batch) axis, not a list");
                            return null;
                        }
                        copy(k, nk, "mean");
                        copy(k, nk, "std");
                    } else {
                        nk.put("axis", axis);
                        nk.set("mean", asList(Nodes.value(k, "mean")));
                        nk.set("std", asList(Nodes.value(k, "std")));
                    }
                    if (Nodes.value(k, "eps") != null) {
                        report.note(
                                at(kloc, "eps"),
                                "fixed_zero_mean_unit_variance has no eps in format 0.5 (it"
                                        + " uses 1e-6); the given eps is dropped");
                    }
                } else {
                    axesIds(k, nk, mode.equals("per_dataset"));
                    copy(k, nk, "eps");
                }
            }
            case "scale_range" -> {
                axesIds(k, nk, false);
                copy(k, nk, "min_percentile");
                copy(k, nk, "max_percentile");
                copy(k, nk, "eps");
                noteMode(k, kloc, "scale_range");
                if (Nodes.value(k, "reference_tensor") != null) {
                    report.note(
                            at(kloc, "reference_tensor"),
                            "scale_range.reference_tensor is dropped by the reference"
                                    + " conversion; the percentiles are computed on the tensor itself");
                }
            }
            default -> {
                return null;
            }
        }
        out.put("id", name);
        out.set("kwargs", nk);
        return out;
    }

    private void noteMode(ObjectNode k, Location kloc, String op) {
        String mode = Nodes.string(k, "mode");
        if ("per_dataset".equals(mode)) {
            report.note(
                    at(kloc, "mode"),
                    op + " mode per_dataset is dropped by the reference conversion: the"
                            + " statistics become per-sample statistics");
        }
    }

    private boolean complementAxis(String tensorAxes, JsonNode axesNode, Location kloc) {
        if (!axesNode.isString()) {
            report.error(at(kloc, "axes"), "cannot convert: axes is not a string of axis letters");
            return false;
        }
        Set<Character> rest = complementSet(tensorAxes, axesNode.stringValue());
        if (rest.size() > 1) {
            report.error(
                    at(kloc, "axes"),
                    "Expected none or a single complement axis, but axes '" + axesNode.stringValue()
                            + "' for tensor dims '" + tensorAxes + "' leave " + rest + ".");
            return false;
        }
        return true;
    }

    private static Set<Character> complementSet(String tensorAxes, String axes) {
        Set<Character> rest = new LinkedHashSet<>();
        for (char c : tensorAxes.toCharArray()) {
            if (c != 'b' && axes.indexOf(c) < 0) {
                rest.add(c);
            }
        }
        return rest;
    }

    private static @Nullable String complement(String tensorAxes, String axes) {
        Set<Character> rest = complementSet(tensorAxes, axes);
        return rest.isEmpty() ? null : axisId(rest.iterator().next());
    }

    private static String axisId(char letter) {
        return AXIS_IDS.getOrDefault(String.valueOf(letter), String.valueOf(letter));
    }

    private static void axesIds(ObjectNode k, ObjectNode nk, boolean withBatch) {
        String axes = Nodes.string(k, "axes");
        List<String> ids = new ArrayList<>();
        if (withBatch) {
            ids.add("batch");
        }
        if (axes != null) {
            for (char c : axes.toCharArray()) {
                ids.add(axisId(c));
            }
        }
        if (!ids.isEmpty()) {
            ArrayNode list = Nodes.F.arrayNode();
            ids.forEach(list::add);
            nk.set("axes", list);
        }
    }

    private static boolean isList(ObjectNode k, String key) {
        JsonNode v = Nodes.value(k, key);
        return v != null && v.isArray();
    }

    private static JsonNode asList(@Nullable JsonNode v) {
        if (v == null) {
            return Nodes.F.arrayNode();
        }
        if (v.isArray()) {
            return v.deepCopy();
        }
        return Nodes.F.arrayNode().add(v.isNumber() ? Nodes.F.numberNode(v.asDouble()) : v.deepCopy());
    }

    private static void copy(ObjectNode from, ObjectNode to, String key) {
        JsonNode v = Nodes.value(from, key);
        if (v != null) {
            to.set(key, v.deepCopy());
        }
    }

    private ObjectNode weights() {
        ObjectNode out = Nodes.F.objectNode();
        ObjectNode weights = Nodes.object(src, "weights");
        if (weights == null) {
            return out;
        }
        for (String format : WEIGHTS_ORDER) {
            ObjectNode w = Nodes.object(weights, format);
            if (w == null) {
                continue;
            }
            Location loc = at("weights", format);
            ObjectNode e = Nodes.F.objectNode();
            JsonNode source = Nodes.value(w, "source");
            if (source != null) {
                e.set("source", relativePaths(source));
            }
            ArrayNode authors = persons(Nodes.value(w, "authors"));
            if (authors != null) {
                e.set("authors", authors);
            }
            copy(w, e, "parent");
            if (Nodes.value(w, "sha256") != null) {
                report.note(
                        at(loc, "sha256"),
                        "sha256 of the weights is not carried over by the reference conversion"
                                + " (it is recomputed when the file is read)");
            }
            if (Nodes.value(w, "attachments") != null) {
                report.note(at(loc, "attachments"), "weights attachments cannot be carried by format 0.5");
            }
            JsonNode deps = Nodes.value(w, "dependencies");
            boolean keepsDeps = format.equals("pytorch_state_dict") || format.equals("tensorflow_saved_model_bundle");
            if (deps != null && !keepsDeps) {
                report.note(
                        at(loc, "dependencies"),
                        "dependencies of " + format + " weights cannot be carried by format" + " 0.5");
            }
            switch (format) {
                case "keras_hdf5", "tensorflow_js" -> version(w, e, "tensorflow_version", "1.15");
                case "onnx" -> {
                    JsonNode opset = Nodes.value(w, "opset_version");
                    e.set("opset_version", opset == null ? Nodes.F.numberNode(15) : opset.deepCopy());
                }
                case "pytorch_state_dict" -> {
                    ObjectNode arch = architecture(w, loc);
                    if (arch != null) {
                        e.set("architecture", arch);
                    }
                    version(w, e, "pytorch_version", "1.10");
                    dependencies(deps, e);
                }
                case "tensorflow_saved_model_bundle" -> {
                    version(w, e, "tensorflow_version", "1.15");
                    dependencies(deps, e);
                }
                default -> version(w, e, "pytorch_version", "1.10");
            }
            out.set(format, e);
        }
        return out;
    }

    private static void version(ObjectNode w, ObjectNode e, String key, String fallback) {
        JsonNode v = Nodes.value(w, key);
        e.set(key, v == null ? Nodes.F.stringNode(fallback) : v.deepCopy());
    }

    private static void dependencies(@Nullable JsonNode deps, ObjectNode e) {
        if (deps == null || !deps.isString()) {
            return;
        }
        String s = deps.stringValue();
        e.set(
                "dependencies",
                Nodes.F
                        .objectNode()
                        .set("source", relativePaths(Nodes.F.stringNode(s.startsWith("conda:") ? s.substring(6) : s))));
    }

    /** The reference's {@code _ArchFileConv} and {@code _ArchLibConv}. */
    private @Nullable ObjectNode architecture(ObjectNode w, Location loc) {
        String arch = Nodes.string(w, "architecture");
        if (arch == null) {
            return null;
        }
        arch = arch.strip();
        V04Checks.Architecture parsed = V04Checks.Architecture.parse(arch);
        ObjectNode out = Nodes.F.objectNode();
        if (parsed == null || parsed.fromFile()) {
            String source;
            String callable;
            long colons = arch.chars().filter(c -> c == ':').count();
            if (arch.startsWith("http") && colons == 2) {
                String[] parts = arch.split(":", -1);
                source = parts[0] + ":" + parts[1];
                callable = parts[2];
            } else if (!arch.startsWith("http") && colons == 1) {
                String[] parts = arch.split(":", -1);
                source = parts[0];
                callable = parts[1];
            } else {
                source = arch;
                callable = arch;
            }
            out.set("source", relativePaths(Nodes.F.stringNode(source)));
            copyAs(w, "architecture_sha256", out, "sha256");
            out.put("callable", callable);
        } else {
            int dot = arch.lastIndexOf('.');
            out.put("import_from", arch.substring(0, dot));
            out.put("callable", arch.substring(dot + 1));
        }
        ObjectNode kwargs = Nodes.object(w, "kwargs");
        if (kwargs != null && !kwargs.isEmpty()) {
            out.set("kwargs", kwargs.deepCopy());
        }
        if (parsed == null) {
            report.note(at(loc, "architecture"), "architecture could not be split into source and callable");
        }
        return out;
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

    private static void copyAs(ObjectNode from, String key, ObjectNode to, String newKey) {
        JsonNode v = Nodes.value(from, key);
        if (v != null) {
            to.set(newKey, v.deepCopy());
        }
    }
}
