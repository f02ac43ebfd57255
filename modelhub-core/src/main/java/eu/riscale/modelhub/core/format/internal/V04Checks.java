package eu.riscale.modelhub.core.format.internal;

import static eu.riscale.modelhub.core.format.internal.Report.at;

import eu.riscale.modelhub.spec.constraint.ValueTypes;
import eu.riscale.modelhub.spec.validation.Location;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The rules of model format 0.4.10 (the reference's {@code model/v0_4.py} and {@code generic/v0_2.py}) applied to a
 * document already upgraded by {@link DictUpgrades}. Every finding goes to the {@link Report} with its dotted
 * location; nothing is thrown.
 */
final class V04Checks {
    static final String AXES_LETTERS = "bitczyx";
    static final Set<String> WEIGHTS_FORMATS = Set.of(
            "keras_hdf5",
            "onnx",
            "pytorch_state_dict",
            "tensorflow_js",
            "tensorflow_saved_model_bundle",
            "torchscript");
    private static final Set<String> ROOT_KEYS = Set.of(
            "format_version",
            "type",
            "name",
            "description",
            "covers",
            "id_emoji",
            "authors",
            "attachments",
            "cite",
            "config",
            "download_url",
            "git_repo",
            "icon",
            "links",
            "uploader",
            "maintainers",
            "rdf_source",
            "tags",
            "version",
            "version_number",
            "id",
            "documentation",
            "inputs",
            "license",
            "outputs",
            "packaged_by",
            "parent",
            "run_mode",
            "sample_inputs",
            "sample_outputs",
            "test_inputs",
            "test_outputs",
            "timestamp",
            "training_data",
            "weights");
    private static final List<String> REQUIRED_ROOT_KEYS = List.of(
            "format_version",
            "type",
            "name",
            "description",
            "authors",
            "documentation",
            "inputs",
            "license",
            "outputs",
            "test_inputs",
            "test_outputs",
            "timestamp",
            "weights");
    private static final Set<String> PERSON_KEYS = Set.of("name", "affiliation", "email", "orcid", "github_user");
    private static final Set<String> CITE_KEYS = Set.of("text", "doi", "url");
    private static final Set<String> INPUT_KEYS =
            Set.of("name", "description", "axes", "data_range", "data_type", "shape", "preprocessing");
    private static final Set<String> OUTPUT_KEYS =
            Set.of("name", "description", "axes", "data_range", "data_type", "shape", "halo", "postprocessing");
    private static final List<String> INPUT_DTYPES = List.of("float32", "uint8", "uint16");
    private static final List<String> OUTPUT_DTYPES = List.of(
            "float32", "float64", "uint8", "int8", "uint16", "int16", "uint32", "int32", "uint64", "int64", "bool");
    private static final Set<String> WEIGHTS_BASE_KEYS =
            Set.of("source", "sha256", "attachments", "authors", "dependencies", "parent");
    private static final Map<String, Set<String>> WEIGHTS_EXTRA_KEYS = Map.of(
            "keras_hdf5", Set.of("tensorflow_version"),
            "onnx", Set.of("opset_version"),
            "pytorch_state_dict", Set.of("architecture", "architecture_sha256", "kwargs", "pytorch_version"),
            "tensorflow_js", Set.of("tensorflow_version"),
            "tensorflow_saved_model_bundle", Set.of("tensorflow_version"),
            "torchscript", Set.of("pytorch_version"));
    private static final Map<String, Set<String>> OP_KWARGS = Map.of(
            "binarize", Set.of("threshold"),
            "clip", Set.of("min", "max"),
            "scale_linear", Set.of("axes", "gain", "offset"),
            "sigmoid", Set.of(),
            "zero_mean_unit_variance", Set.of("mode", "axes", "mean", "std", "eps"),
            "scale_range", Set.of("mode", "axes", "min_percentile", "max_percentile", "eps", "reference_tensor"),
            "scale_mean_variance", Set.of("mode", "reference_tensor", "axes", "eps"));
    private static final Pattern URL = Pattern.compile("(?i)https?://([^/?#:]+)(?::\\d+)?([^?#]*)?(?:[?#].*)?");
    private static final Pattern DOI = Pattern.compile("^10\\.[0-9]{4}.+$");

    private final ObjectNode data;
    private final Report report;

    private V04Checks(ObjectNode data, Report report) {
        this.data = data;
        this.report = report;
    }

    /**
     * Checks a 0.4.10 document.
     *
     * @param data the upgraded document
     * @param report receives the problems
     */
    static void check(ObjectNode data, Report report) {
        new V04Checks(data, report).checkRoot();
    }

    private void checkRoot() {
        for (String key : data.propertyNames()) {
            if (!ROOT_KEYS.contains(key)) {
                report.error(
                        at(key), "Extra inputs are not permitted (unknown key '" + key + "' in a format 0.4 model)");
            }
        }
        for (String key : REQUIRED_ROOT_KEYS) {
            if (Nodes.value(data, key) == null && !(key.equals("description") && data.has(key))) {
                report.error(at(key), "Field required");
            }
        }
        // generic 0.2 `download_url: Optional[HttpUrl]`: an absolute http(s) URL, never a relative path
        JsonNode downloadUrl = Nodes.value(data, "download_url");
        if (downloadUrl != null && !(downloadUrl.isString() && ValueTypes.isHttpUrl(downloadUrl.stringValue()))) {
            report.error(
                    at("download_url"),
                    "Input should be a valid URL (an absolute http or https URL), found " + Nodes.kind(downloadUrl));
        }
        JsonNode name = Nodes.value(data, "name");
        if (name != null && (!name.isString() || name.stringValue().isEmpty())) {
            report.error(at("name"), "expected a non-empty string, found " + Nodes.kind(name));
        } else if (name != null
                && name.stringValue().codePointCount(0, name.stringValue().length()) < 5) {
            report.warning(at("name"), "Name shorter than 5 characters.");
        } else if (name != null
                && name.stringValue().codePointCount(0, name.stringValue().length()) > 64) {
            report.warning(at("name"), "Name longer than 64 characters.");
        }
        checkPersons("authors", true);
        checkPersons("maintainers", false);
        checkPersons("packaged_by", false);
        checkCite();
        checkFileList("test_inputs", true);
        checkFileList("test_outputs", true);
        checkFileList("sample_inputs", false);
        checkFileList("sample_outputs", false);
        Map<String, ObjectNode> tensors = new HashMap<>();
        Map<String, int[]> minShapes = new HashMap<>();
        Set<String> inputNames = new HashSet<>();
        checkTensorList("inputs", true, tensors, inputNames);
        checkTensorList("outputs", false, tensors, new HashSet<>());
        checkWeights();
        // like the reference (pydantic "after" model validators), the cross-field rules run only on a description
        // whose fields are valid; this also keeps follow-up errors out of the report
        if (report.problems.stream().anyMatch(p -> p.isError())) {
            return;
        }
        checkUniqueNames();
        for (String name0 : inputNames) {
            minShapes.put(name0, inputMinShape(tensors.get(name0)));
        }
        checkOutputShapes(tensors, minShapes, inputNames);
        checkTensorReferences(inputNames);
    }

    private void checkPersons(String key, boolean required) {
        JsonNode list = Nodes.value(data, key);
        if (list == null) {
            return;
        }
        if (!list.isArray()) {
            report.error(at(key), "Input should be a valid list, found " + Nodes.kind(list));
            return;
        }
        if (required && list.isEmpty()) {
            report.error(at(key), "List should have at least 1 item");
        }
        for (int i = 0; i < list.size(); i++) {
            checkPerson(list.get(i), at(key, i), !key.equals("maintainers"));
        }
    }

    private void checkPerson(JsonNode person, Location loc, boolean nameRequired) {
        if (!person.isObject()) {
            report.error(loc, "Input should be a valid dictionary or instance of Author, found " + Nodes.kind(person));
            return;
        }
        for (String k : person.propertyNames()) {
            if (!PERSON_KEYS.contains(k)) {
                report.error(at(loc, k), "Extra inputs are not permitted");
            }
        }
        String required = nameRequired ? "name" : "github_user";
        if (Nodes.value(person, required) == null) {
            report.error(at(loc, required), "Field required");
        }
    }

    private void checkCite() {
        JsonNode cite = Nodes.value(data, "cite");
        if (cite == null) {
            return;
        }
        if (!cite.isArray()) {
            report.error(at("cite"), "Input should be a valid list, found " + Nodes.kind(cite));
            return;
        }
        for (int i = 0; i < cite.size(); i++) {
            JsonNode entry = cite.get(i);
            Location loc = at("cite", i);
            if (!entry.isObject()) {
                report.error(loc, "expected a mapping with text and doi or url, found " + Nodes.kind(entry));
                continue;
            }
            for (String k : entry.propertyNames()) {
                if (!CITE_KEYS.contains(k)) {
                    report.error(at(loc, k), "Extra inputs are not permitted");
                }
            }
            if (Nodes.value(entry, "text") == null) {
                report.error(at(loc, "text"), "Field required");
            }
            String doi = Nodes.string(entry, "doi");
            if (doi != null && !DOI.matcher(doi).matches()) {
                report.error(at(loc, "doi"), "String should match pattern '^10\\.[0-9]{4}.+$', found '" + doi + "'");
            }
            if (Nodes.value(entry, "doi") == null && Nodes.value(entry, "url") == null) {
                report.error(loc, "Either 'doi' or 'url' is required");
            }
        }
    }

    private void checkFileList(String key, boolean npy) {
        JsonNode list = Nodes.value(data, key);
        if (list == null) {
            return;
        }
        if (!list.isArray()) {
            report.error(at(key), "Input should be a valid list, found " + Nodes.kind(list));
            return;
        }
        if (npy && list.isEmpty()) {
            report.error(at(key), "List should have at least 1 item");
        }
        for (int i = 0; i < list.size(); i++) {
            JsonNode f = list.get(i);
            if (!f.isString()) {
                report.error(at(key, i), "expected a file path or URL, found " + Nodes.kind(f));
            } else if (npy && !suffix(f.stringValue()).equals(".npy")) {
                String suffix = suffix(f.stringValue());
                report.error(at(key, i), "Expected suffix .npy, but got " + suffix);
            }
        }
    }

    /**
     * The final suffix of a file source as the reference's {@code validate_suffix} sees it: for URLs the last
     * {@code .xyz} of the path (ignoring Zenodo's trailing {@code /content}), for paths the file name's suffix.
     */
    static String suffix(String source) {
        java.util.regex.Matcher url = URL.matcher(source);
        String path;
        if (url.matches()) {
            String host = url.group(1);
            path = url.group(2) == null ? "" : url.group(2);
            if (host.equals("zenodo.org") && path.startsWith("/api/records/") && path.endsWith("/content")) {
                path = path.substring(0, path.length() - "/content".length());
            }
            int dot = path.lastIndexOf('.');
            return dot < 0 ? "no suffix" : path.substring(dot);
        }
        path = source.substring(source.lastIndexOf('/') + 1);
        int dot = path.lastIndexOf('.');
        return dot <= 0 || dot == path.length() - 1 ? "no suffix" : path.substring(dot);
    }

    private void checkTensorList(String key, boolean input, Map<String, ObjectNode> tensors, Set<String> inputNames) {
        JsonNode list = Nodes.value(data, key);
        if (list == null) {
            return;
        }
        if (!list.isArray()) {
            report.error(at(key), "Input should be a valid list, found " + Nodes.kind(list));
            return;
        }
        if (list.isEmpty()) {
            report.error(at(key), "List should have at least 1 item");
        }
        Set<String> seen = new HashSet<>();
        boolean duplicate = false;
        for (int i = 0; i < list.size(); i++) {
            JsonNode t = list.get(i);
            Location loc = at(key, i);
            if (!t.isObject()) {
                report.error(loc, "expected a tensor description (mapping), found " + Nodes.kind(t));
                continue;
            }
            String name = checkTensor((ObjectNode) t, loc, input);
            if (name != null) {
                duplicate |= !seen.add(name);
                tensors.putIfAbsent(name, (ObjectNode) t);
                if (input) {
                    inputNames.add(name);
                }
            }
        }
        if (duplicate) {
            report.error(at(key), "Duplicate tensor descriptor names");
        }
    }

    private void checkUniqueNames() {
        Set<String> names = new HashSet<>();
        int count = 0;
        for (String key : List.of("inputs", "outputs")) {
            for (JsonNode t : Nodes.elements(Nodes.array(data, key))) {
                String n = Nodes.string(t, "name");
                if (n != null) {
                    names.add(n);
                    count++;
                }
            }
        }
        if (names.size() != count) {
            report.error(Location.ROOT, "Duplicate tensor descriptor names across inputs/outputs");
        }
    }

    /** {@return the tensor name when it is a usable string} */
    private @Nullable String checkTensor(ObjectNode t, Location loc, boolean input) {
        for (String k : t.propertyNames()) {
            if (!(input ? INPUT_KEYS : OUTPUT_KEYS).contains(k)) {
                report.error(at(loc, k), "Extra inputs are not permitted");
            }
        }
        for (String k : List.of("name", "axes", "data_type", "shape")) {
            if (Nodes.value(t, k) == null) {
                report.error(at(loc, k), "Field required");
            }
        }
        String name = Nodes.string(t, "name");
        JsonNode nameNode = Nodes.value(t, "name");
        if (nameNode != null && name == null) {
            report.error(at(loc, "name"), "expected a lower-case identifier, found " + Nodes.kind(nameNode));
        } else if (name != null && (!Nodes.isIdentifier(name) || !ValueTypes.isLowerCase(name))) {
            report.error(at(loc, "name"), "'" + name + "' is not a valid lower-case (Python) identifier");
        }
        String axes = checkAxes(t, at(loc, "axes"));
        String dtype = Nodes.string(t, "data_type");
        JsonNode dtypeNode = Nodes.value(t, "data_type");
        List<String> allowed = input ? INPUT_DTYPES : OUTPUT_DTYPES;
        if (dtypeNode != null && (dtype == null || !allowed.contains(dtype))) {
            report.error(
                    at(loc, "data_type"),
                    "Input should be one of " + allowed + " for an " + (input ? "input" : "output") + ", found "
                            + Nodes.kind(dtypeNode));
        }
        checkDataRange(t, at(loc, "data_range"));
        int shapeLength = input ? checkInputShape(t, loc, axes) : checkOutputShape(t, loc);
        if (axes != null && shapeLength >= 0 && shapeLength != axes.length()) {
            report.error(
                    at(loc, "shape"),
                    "shape has " + shapeLength + " entries but axes '" + axes + "' has " + axes.length());
        }
        if (!input) {
            checkHalo(t, loc, shapeLength);
        }
        checkOps(t, at(loc, input ? "preprocessing" : "postprocessing"), input, axes);
        return name;
    }

    private @Nullable String checkAxes(ObjectNode t, Location loc) {
        JsonNode node = Nodes.value(t, "axes");
        if (node == null) {
            return null;
        }
        if (!node.isString()) {
            report.error(
                    loc, "expected a string of axis letters from '" + AXES_LETTERS + "', found " + Nodes.kind(node));
            return null;
        }
        String axes = node.stringValue();
        return checkLetters(axes, AXES_LETTERS, loc) ? axes : null;
    }

    private boolean checkLetters(String axes, String letters, Location loc) {
        for (char c : axes.toCharArray()) {
            if (letters.indexOf(c) < 0) {
                report.error(
                        loc,
                        "'" + c + "' in '" + axes + "' is not an allowed axis letter; expected letters from '" + letters
                                + "'");
                return false;
            }
        }
        if (axes.chars().distinct().count() != axes.length()) {
            report.error(loc, "axis letters in '" + axes + "' are not unique");
            return false;
        }
        return true;
    }

    private void checkDataRange(ObjectNode t, Location loc) {
        JsonNode range = Nodes.value(t, "data_range");
        if (range == null) {
            return;
        }
        if (!range.isArray() || range.size() != 2) {
            report.error(loc, "expected a list [minimum, maximum], found " + Nodes.kind(range));
            return;
        }
        for (int i = 0; i < 2; i++) {
            if (Nodes.number(range.get(i)) == null) {
                report.error(at(loc, i), "Input should be a valid number, found " + Nodes.kind(range.get(i)));
            }
        }
    }

    /** {@return the shape length, or -1 when the shape is unusable} */
    private int checkInputShape(ObjectNode t, Location loc, @Nullable String axes) {
        JsonNode shape = Nodes.value(t, "shape");
        Location sloc = at(loc, "shape");
        if (shape == null) {
            return -1;
        }
        int[] min;
        int[] step = null;
        if (shape.isArray()) {
            min = Nodes.ints(shape);
            if (min == null) {
                report.error(sloc, "expected a list of integers, found " + shape);
                return -1;
            }
        } else if (shape.isObject()) {
            checkKeys(shape, sloc, Set.of("min", "step"));
            min = Nodes.ints(Nodes.value(shape, "min"));
            step = Nodes.ints(Nodes.value(shape, "step"));
            if (min == null || step == null || min.length == 0 || step.length == 0) {
                report.error(sloc, "expected {min: [int, ...], step: [int, ...]} with non-empty lists, found " + shape);
                return -1;
            }
            if (min.length != step.length) {
                report.error(sloc, "`min` and `step` required to have the same length");
                return -1;
            }
        } else {
            report.error(sloc, "expected a list of integers or {min, step}, found " + Nodes.kind(shape));
            return -1;
        }
        int b = axes == null ? -1 : axes.indexOf('b');
        if (b >= 0 && b < min.length) {
            if (step != null && step[b] != 0) {
                report.error(
                        loc,
                        "Input shape step has to be zero in the batch dimension (the batch dimension can"
                                + " always be increased, but `step` should specify how to increase the minimal shape to find"
                                + " the largest single batch shape)");
            } else if (min[b] != 1) {
                report.error(loc, "Input shape has to be 1 in the batch dimension b.");
            }
        }
        return min.length;
    }

    private int checkOutputShape(ObjectNode t, Location loc) {
        JsonNode shape = Nodes.value(t, "shape");
        Location sloc = at(loc, "shape");
        if (shape == null) {
            return -1;
        }
        if (shape.isArray()) {
            if (Nodes.ints(shape) == null) {
                report.error(sloc, "expected a list of integers, found " + shape);
                return -1;
            }
            return shape.size();
        }
        if (!shape.isObject()) {
            report.error(
                    sloc,
                    "expected a list of integers or {reference_tensor, scale, offset}, found " + Nodes.kind(shape));
            return -1;
        }
        checkKeys(shape, sloc, Set.of("reference_tensor", "scale", "offset"));
        if (Nodes.string(shape, "reference_tensor") == null) {
            report.error(at(sloc, "reference_tensor"), "Field required (a tensor name)");
        }
        JsonNode scale = Nodes.value(shape, "scale");
        JsonNode offset = Nodes.value(shape, "offset");
        if (scale == null || !scale.isArray() || scale.isEmpty()) {
            report.error(
                    at(sloc, "scale"), "expected a non-empty list of numbers or nulls, found " + Nodes.kind(scale));
            return -1;
        }
        if (offset == null || !offset.isArray() || offset.isEmpty()) {
            report.error(at(sloc, "offset"), "expected a non-empty list of numbers, found " + Nodes.kind(offset));
            return -1;
        }
        for (int i = 0; i < scale.size(); i++) {
            if (!scale.get(i).isNull() && !scale.get(i).isNumber()) {
                report.error(at(at(sloc, "scale"), i), "Input should be a valid number or null");
                return -1;
            }
        }
        for (int i = 0; i < offset.size(); i++) {
            JsonNode o = offset.get(i);
            if (!o.isNumber() || (o.asDouble() * 2) != Math.rint(o.asDouble() * 2)) {
                report.error(at(at(sloc, "offset"), i), "Input should be an integer or a multiple of 0.5");
                return -1;
            }
        }
        if (scale.size() != offset.size()) {
            report.error(sloc, "scale " + scale + " has to have same length as offset " + offset + "!");
            return -1;
        }
        for (int i = 0; i < scale.size(); i++) {
            if (scale.get(i).isNull() && offset.get(i).asDouble() == 0) {
                report.error(sloc, "`offset` must not be zero if `scale` is none/zero");
            }
        }
        return scale.size();
    }

    private void checkHalo(ObjectNode t, Location loc, int shapeLength) {
        JsonNode halo = Nodes.value(t, "halo");
        if (halo == null) {
            return;
        }
        int[] values = Nodes.ints(halo);
        if (values == null) {
            report.error(at(loc, "halo"), "expected a list of integers, found " + Nodes.kind(halo));
            return;
        }
        if (values.length > 0 && shapeLength >= 0 && values.length != shapeLength) {
            report.error(loc, "halo " + halo + " has to have same length as shape (" + shapeLength + " entries)!");
        }
    }

    private void checkKeys(JsonNode node, Location loc, Set<String> allowed) {
        for (String k : node.propertyNames()) {
            if (!allowed.contains(k)) {
                report.error(at(loc, k), "Extra inputs are not permitted");
            }
        }
    }

    private void checkOps(ObjectNode t, Location loc, boolean input, @Nullable String axes) {
        JsonNode ops = Nodes.value(t, input ? "preprocessing" : "postprocessing");
        if (ops == null) {
            return;
        }
        if (!ops.isArray()) {
            report.error(loc, "Input should be a valid list, found " + Nodes.kind(ops));
            return;
        }
        for (int i = 0; i < ops.size(); i++) {
            checkOp(ops.get(i), at(loc, i), input, axes);
        }
    }

    private void checkOp(JsonNode op, Location loc, boolean input, @Nullable String tensorAxes) {
        if (!op.isObject()) {
            report.error(loc, "expected {name, kwargs}, found " + Nodes.kind(op));
            return;
        }
        checkKeys(op, loc, Set.of("name", "kwargs"));
        String name = Nodes.string(op, "name");
        Set<String> allowedKwargs = name == null ? null : OP_KWARGS.get(name);
        if (allowedKwargs == null || (input && name.equals("scale_mean_variance"))) {
            report.error(
                    at(loc, "name"),
                    "Input tag '" + (name == null ? Nodes.kind(Nodes.value(op, "name")) : name)
                            + "' found using 'name' does not match any of the expected tags: "
                            + (input
                                    ? "binarize, clip, scale_linear, sigmoid, zero_mean_unit_variance, scale_range"
                                    : "binarize, clip, scale_linear, sigmoid, zero_mean_unit_variance, scale_range,"
                                            + " scale_mean_variance"));
            return;
        }
        JsonNode kwargsNode = Nodes.value(op, "kwargs");
        Location kloc = at(loc, "kwargs");
        if (kwargsNode != null && !kwargsNode.isObject()) {
            report.error(kloc, "expected a mapping, found " + Nodes.kind(kwargsNode));
            return;
        }
        ObjectNode kwargs = kwargsNode == null ? Nodes.F.objectNode() : (ObjectNode) kwargsNode;
        if (!name.equals("sigmoid") && kwargsNode == null) {
            report.error(kloc, "Field required");
        }
        checkKeys(kwargs, kloc, allowedKwargs);
        JsonNode axesNode = Nodes.value(kwargs, "axes");
        if (axesNode != null) {
            if (!axesNode.isString()) {
                report.error(
                        at(kloc, "axes"),
                        "expected a string of axis letters from 'czyx', found " + Nodes.kind(axesNode));
            } else if (checkLetters(axesNode.stringValue(), "czyx", at(kloc, "axes")) && tensorAxes != null) {
                for (char c : axesNode.stringValue().toCharArray()) {
                    if (tensorAxes.indexOf(c) < 0) {
                        report.error(loc, "`kwargs.axes` needs to be subset of `axes`");
                        break;
                    }
                }
            }
        }
        switch (name) {
            case "binarize" -> requireNumber(kwargs, "threshold", kloc);
            case "clip" -> {
                requireNumber(kwargs, "min", kloc);
                requireNumber(kwargs, "max", kloc);
            }
            case "scale_linear" -> checkScaleLinear(kwargs, kloc);
            case "zero_mean_unit_variance" -> checkZmuv(kwargs, kloc);
            case "scale_range" -> checkScaleRange(kwargs, kloc);
            case "scale_mean_variance" -> {
                requireMode(kwargs, kloc, List.of("per_dataset", "per_sample"), true);
                if (Nodes.string(kwargs, "reference_tensor") == null) {
                    report.error(at(kloc, "reference_tensor"), "Field required");
                }
                checkEps(kwargs, kloc);
            }
            default -> {
                // sigmoid: no kwargs
            }
        }
    }

    private void requireNumber(ObjectNode kwargs, String key, Location kloc) {
        JsonNode v = Nodes.value(kwargs, key);
        if (v == null) {
            report.error(at(kloc, key), "Field required");
        } else if (!v.isNumber()) {
            report.error(at(kloc, key), "Input should be a valid number, found " + Nodes.kind(v));
        }
    }

    private void checkScaleLinear(ObjectNode kwargs, Location kloc) {
        JsonNode gain = Nodes.value(kwargs, "gain");
        JsonNode offset = Nodes.value(kwargs, "offset");
        if (!numberOrNumbers(gain) || !numberOrNumbers(offset)) {
            report.error(kloc, "gain and offset must be numbers or lists of numbers");
            return;
        }
        if (allEqual(gain, 1.0) && allEqual(offset, 0.0)) {
            report.error(kloc, "Redunt linear scaling not allowd. Set `gain` != 1.0 and/or `offset` != 0.0.");
        }
    }

    private static boolean numberOrNumbers(@Nullable JsonNode n) {
        if (n == null || n.isNumber()) {
            return true;
        }
        return n.isArray() && Nodes.elements(n).stream().allMatch(JsonNode::isNumber);
    }

    private static boolean allEqual(@Nullable JsonNode n, double value) {
        if (n == null) {
            return true;
        }
        if (n.isNumber()) {
            return n.asDouble() == value;
        }
        return Nodes.elements(n).stream().allMatch(e -> e.asDouble() == value);
    }

    private void checkZmuv(ObjectNode kwargs, Location kloc) {
        String mode = requireMode(kwargs, kloc, List.of("fixed", "per_dataset", "per_sample"), false);
        if (Nodes.value(kwargs, "axes") == null) {
            report.error(at(kloc, "axes"), "Field required");
        }
        checkEps(kwargs, kloc);
        if (mode == null) {
            return;
        }
        boolean hasStats = Nodes.value(kwargs, "mean") != null || Nodes.value(kwargs, "std") != null;
        if (mode.equals("fixed") && (Nodes.value(kwargs, "mean") == null || Nodes.value(kwargs, "std") == null)) {
            report.error(kloc, "`mean` and `std` are required for `mode: fixed`.");
        } else if (!mode.equals("fixed") && hasStats) {
            report.error(kloc, "`mean` and `std` not allowed for `mode: " + mode + "`");
        }
    }

    private void checkScaleRange(ObjectNode kwargs, Location kloc) {
        requireMode(kwargs, kloc, List.of("per_dataset", "per_sample"), true);
        if (Nodes.value(kwargs, "axes") == null) {
            report.error(at(kloc, "axes"), "Field required");
        }
        checkEps(kwargs, kloc);
        double min = numberOr(kwargs, "min_percentile", 0.0, kloc);
        double max = numberOr(kwargs, "max_percentile", 100.0, kloc);
        if (!(min >= 0 && min < 100)) {
            report.error(at(kloc, "min_percentile"), "Input should be >= 0 and < 100, found " + min);
        }
        if (!(max > 1 && max <= 100)) {
            report.error(at(kloc, "max_percentile"), "Input should be > 1 and <= 100, found " + max);
        }
        if (min >= max) {
            report.error(kloc, "min_percentile " + min + " >= max_percentile " + max);
        }
    }

    private double numberOr(ObjectNode kwargs, String key, double fallback, Location kloc) {
        JsonNode v = Nodes.value(kwargs, key);
        if (v == null) {
            return fallback;
        }
        if (!v.isNumber()) {
            report.error(at(kloc, key), "Input should be a valid number, found " + Nodes.kind(v));
            return fallback;
        }
        return v.asDouble();
    }

    private void checkEps(ObjectNode kwargs, Location kloc) {
        JsonNode eps = Nodes.value(kwargs, "eps");
        if (eps != null && (!eps.isNumber() || !(eps.asDouble() > 0 && eps.asDouble() <= 0.1))) {
            report.error(at(kloc, "eps"), "Input should be a number in (0, 0.1], found " + Nodes.kind(eps));
        }
    }

    private @Nullable String requireMode(ObjectNode kwargs, Location kloc, List<String> modes, boolean required) {
        JsonNode mode = Nodes.value(kwargs, "mode");
        if (mode == null) {
            if (required) {
                report.error(at(kloc, "mode"), "Field required");
                return null;
            }
            return "fixed";
        }
        if (!mode.isString() || !modes.contains(mode.stringValue())) {
            report.error(at(kloc, "mode"), "Input should be one of " + modes + ", found " + Nodes.kind(mode));
            return null;
        }
        return mode.stringValue();
    }

    private static int @Nullable [] inputMinShape(@Nullable ObjectNode input) {
        JsonNode shape = Nodes.value(input, "shape");
        if (shape == null) {
            return null;
        }
        return shape.isArray() ? Nodes.ints(shape) : Nodes.ints(Nodes.value(shape, "min"));
    }

    /** The reference's {@code minimum_shape2valid_output}: dimension match and minimal output minus halo. */
    private void checkOutputShapes(Map<String, ObjectNode> tensors, Map<String, int[]> minShapes, Set<String> inputs) {
        List<JsonNode> outputs = Nodes.elements(Nodes.array(data, "outputs"));
        for (int i = 0; i < outputs.size(); i++) {
            JsonNode out = outputs.get(i);
            String outName = Nodes.string(out, "name");
            int[] min = minOutputShape(out, tensors, minShapes, i, 0);
            if (min == null) {
                continue;
            }
            int[] halo = Nodes.ints(Nodes.value(out, "halo"));
            boolean withHalo = halo != null && halo.length > 0;
            if (withHalo && halo.length != min.length) {
                continue; // reported by checkHalo
            }
            for (int d = 0; d < min.length; d++) {
                if (min[d] - 2 * (withHalo ? halo[d] : 0) < 1) {
                    report.error(
                            Location.ROOT,
                            "Minimal shape " + java.util.Arrays.toString(min) + " of output " + outName
                                    + " is too small" + (withHalo ? " for halo " + java.util.Arrays.toString(halo) : "")
                                    + ".");
                    break;
                }
            }
        }
    }

    private int @Nullable [] minOutputShape(
            JsonNode t, Map<String, ObjectNode> tensors, Map<String, int[]> minShapes, int outIndex, int depth) {
        JsonNode shape = Nodes.value(t, "shape");
        if (shape == null || depth > 8) {
            return null;
        }
        if (shape.isArray()) {
            return Nodes.ints(shape);
        }
        String ref = Nodes.string(shape, "reference_tensor");
        JsonNode scale = Nodes.value(shape, "scale");
        JsonNode offset = Nodes.value(shape, "offset");
        if (ref == null
                || scale == null
                || offset == null
                || !scale.isArray()
                || !offset.isArray()
                || scale.size() != offset.size()) {
            return null;
        }
        ObjectNode refTensor = tensors.get(ref);
        if (refTensor == null) {
            if (depth == 0) {
                report.error(
                        at(at(at("outputs", outIndex), "shape"), "reference_tensor"),
                        "'" + ref + "' is not the name of an input or output tensor");
            }
            return null;
        }
        int[] refShape = minShapes.containsKey(ref)
                ? minShapes.get(ref)
                : minOutputShape(refTensor, tensors, minShapes, outIndex, depth + 1);
        if (refShape == null) {
            return null;
        }
        int nonNull = 0;
        for (JsonNode s : scale) {
            if (!s.isNull()) {
                nonNull++;
                if (!s.isNumber()) {
                    return null; // reported by checkOutputShape
                }
            }
        }
        for (JsonNode o : offset) {
            if (!o.isNumber()) {
                return null; // reported by checkOutputShape
            }
        }
        if (depth == 0 && refShape.length != nonNull) {
            boolean expanded = nonNull != scale.size();
            report.error(
                    Location.ROOT,
                    "Referenced tensor '" + ref + "' with " + refShape.length
                            + " dimensions does not match output tensor '" + Nodes.string(t, "name") + "' with "
                            + nonNull
                            + " dimensions."
                            + (expanded
                                    ? " Note that expanded dimensions (`scale`: null) are not counted for "
                                            + Nodes.string(t, "name") + "'sdimensionality here."
                                    : ""));
            return null;
        }
        if (refShape.length != nonNull) {
            return null;
        }
        int[] out = new int[scale.size()];
        int refIndex = 0;
        for (int d = 0; d < out.length; d++) {
            JsonNode s = scale.get(d);
            double o = offset.get(d).asDouble();
            if (s.isNull()) {
                out[d] = (int) (1 * 0.0 + 2 * o);
            } else {
                out[d] = (int) (refShape[refIndex++] * s.asDouble() + 2 * o);
            }
        }
        return out;
    }

    private void checkTensorReferences(Set<String> inputNames) {
        List<JsonNode> inputs = Nodes.elements(Nodes.array(data, "inputs"));
        for (int i = 0; i < inputs.size(); i++) {
            String self = Nodes.string(inputs.get(i), "name");
            for (JsonNode op : Nodes.elements(Nodes.array(inputs.get(i), "preprocessing"))) {
                String ref = Nodes.string(Nodes.object(op, "kwargs"), "reference_tensor");
                if (ref == null) {
                    continue;
                }
                if (!inputNames.contains(ref)) {
                    report.error(Location.ROOT, "'" + ref + "' not found in inputs");
                } else if (ref.equals(self)) {
                    report.error(Location.ROOT, "invalid self reference for preprocessing of tensor " + self);
                }
            }
        }
        for (JsonNode out : Nodes.elements(Nodes.array(data, "outputs"))) {
            for (JsonNode op : Nodes.elements(Nodes.array(out, "postprocessing"))) {
                String ref = Nodes.string(Nodes.object(op, "kwargs"), "reference_tensor");
                if (ref != null && !inputNames.contains(ref)) {
                    report.error(Location.ROOT, ref + " not found in inputs");
                }
            }
        }
    }

    private void checkWeights() {
        JsonNode weights = Nodes.value(data, "weights");
        if (weights == null) {
            return;
        }
        if (!weights.isObject()) {
            report.error(at("weights"), "expected a mapping of weights formats, found " + Nodes.kind(weights));
            return;
        }
        int entries = 0;
        for (Map.Entry<String, JsonNode> e : weights.properties()) {
            String format = e.getKey();
            Location loc = at("weights", format);
            if (!WEIGHTS_FORMATS.contains(format)) {
                report.error(
                        loc,
                        "Extra inputs are not permitted (unknown weights format '" + format + "'; expected one of "
                                + new java.util.TreeSet<>(WEIGHTS_FORMATS) + ")");
                continue;
            }
            if (e.getValue().isNull()) {
                continue;
            }
            entries++;
            checkWeightsEntry(format, e.getValue(), loc);
        }
        if (entries == 0) {
            report.error(at("weights"), "Missing weights entry");
        }
    }

    private void checkWeightsEntry(String format, JsonNode entry, Location loc) {
        if (!entry.isObject()) {
            report.error(loc, "expected a weights entry (mapping), found " + Nodes.kind(entry));
            return;
        }
        Set<String> allowed = new HashSet<>(WEIGHTS_BASE_KEYS);
        allowed.addAll(WEIGHTS_EXTRA_KEYS.get(format));
        checkKeys(entry, loc, allowed);
        if (Nodes.string(entry, "source") == null) {
            report.error(at(loc, "source"), "Field required (a file path or URL)");
        }
        JsonNode authors = Nodes.value(entry, "authors");
        if (authors != null) {
            if (!authors.isArray()) {
                report.error(at(loc, "authors"), "Input should be a valid list, found " + Nodes.kind(authors));
            } else {
                for (int i = 0; i < authors.size(); i++) {
                    checkPerson(authors.get(i), at(at(loc, "authors"), i), true);
                }
            }
        }
        JsonNode parent = Nodes.value(entry, "parent");
        if (parent != null) {
            if (!parent.isString() || !WEIGHTS_FORMATS.contains(parent.stringValue())) {
                report.error(
                        at(loc, "parent"),
                        "Input should be one of " + new java.util.TreeSet<>(WEIGHTS_FORMATS) + ", found "
                                + Nodes.kind(parent));
            } else if (parent.stringValue().equals(format)) {
                report.error(loc, "Weights entry can't be it's own parent.");
            }
        }
        JsonNode deps = Nodes.value(entry, "dependencies");
        if (deps != null) {
            if (!deps.isString()
                    || deps.stringValue().indexOf(':') < 1
                    || deps.stringValue().indexOf(':') == deps.stringValue().length() - 1) {
                report.error(
                        at(loc, "dependencies"),
                        "expected '<manager>:<file>' (for example conda:environment.yaml)," + " found "
                                + Nodes.kind(deps));
            } else {
                report.warning(
                        at(loc, "dependencies"),
                        "Custom dependencies (" + deps.stringValue()
                                + ") specified. Avoid this whenever possible to allow execution in a wider range of software"
                                + " environments.");
            }
        }
        if (Nodes.value(entry, "attachments") != null) {
            report.warning(at(loc, "attachments"), "Weights entry depends on additional attachments.");
        }
        switch (format) {
            case "pytorch_state_dict" -> checkArchitecture(entry, loc);
            case "onnx" -> {
                JsonNode opset = Nodes.value(entry, "opset_version");
                if (opset == null) {
                    report.warning(
                            at(loc, "opset_version"),
                            "missing. Please specify the ONNX opset version these"
                                    + " ONNX weights were created with.");
                } else if (!Nodes.isWhole(opset) || opset.asInt() < 7) {
                    report.error(
                            at(loc, "opset_version"), "Input should be an integer >= 7, found " + Nodes.kind(opset));
                }
            }
            default -> {}
        }
        if (format.equals("pytorch_state_dict") || format.equals("torchscript")) {
            if (Nodes.value(entry, "pytorch_version") == null) {
                report.warning(
                        at(loc, "pytorch_version"),
                        "missing. Please specify the PyTorch version these "
                                + (format.equals("torchscript") ? "Torchscript" : "PyTorch state dict")
                                + " weights were created with.");
            }
        } else if (!format.equals("onnx")) {
            if (Nodes.value(entry, "tensorflow_version") == null) {
                report.warning(
                        at(loc, "tensorflow_version"),
                        "missing. Please specify the TensorFlow version these " + format
                                + " weights were created with.");
            }
        }
    }

    private void checkArchitecture(JsonNode entry, Location loc) {
        JsonNode arch = Nodes.value(entry, "architecture");
        Location aloc = at(loc, "architecture");
        if (arch == null) {
            report.error(aloc, "Field required");
            return;
        }
        if (!arch.isString()) {
            report.error(aloc, "expected 'file.py:Callable' or 'package.module.Callable', found " + Nodes.kind(arch));
            return;
        }
        Architecture parsed = Architecture.parse(arch.stringValue().strip());
        if (parsed == null) {
            report.error(
                    aloc,
                    "'" + arch.stringValue() + "' is neither '<file>:<Callable>' nor"
                            + " '<package.module>.<Callable>' with (Python) identifiers");
            return;
        }
        boolean hasSha = Nodes.value(entry, "architecture_sha256") != null;
        if (parsed.fromFile() && !hasSha) {
            report.error(loc, "Missing required `architecture_sha256` for `architecture` with source file.");
        } else if (!parsed.fromFile() && hasSha) {
            report.error(loc, "Got `architecture_sha256` for architecture that does not have a source file.");
        }
        JsonNode kwargs = Nodes.value(entry, "kwargs");
        if (kwargs != null && !kwargs.isObject()) {
            report.error(at(loc, "kwargs"), "expected a mapping, found " + Nodes.kind(kwargs));
        }
    }

    /** The two 0.4 architecture forms, told apart the way the reference's left-to-right union does. */
    record Architecture(boolean fromFile, String value) {
        static @Nullable Architecture parse(String s) {
            int colon = s.lastIndexOf(':');
            if (colon > 0 && colon < s.length() - 1 && Nodes.isIdentifier(s.substring(colon + 1))) {
                return new Architecture(true, s);
            }
            int dot = s.lastIndexOf('.');
            if (dot > 0 && dot < s.length() - 1) {
                boolean ok = true;
                for (String part : s.split("\\.", -1)) {
                    ok &= Nodes.isIdentifier(part);
                }
                if (ok) {
                    return new Architecture(false, s);
                }
            }
            return null;
        }
    }
}
