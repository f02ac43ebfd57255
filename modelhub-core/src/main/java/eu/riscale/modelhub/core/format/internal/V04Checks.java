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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The rules of model format 0.4.10 (the reference's {@code model/v0_4.py} and {@code generic/v0_2.py}) applied to a
 * document already upgraded by {@link DictUpgrades}. Every finding goes to the {@link Report} with its location;
 * nothing is thrown.
 *
 * <p>This class checks the root keys and the generic fields (name, authors, cite, test and sample files); the spec
 * areas have their own package-private classes beside it: {@link V04TensorChecks} (inputs and outputs, with
 * {@link V04AxesChecks} and {@link V04OpsChecks}) and {@link V04WeightsChecks}.
 */
final class V04Checks {
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
        V04TensorChecks tensorChecks = new V04TensorChecks(data, report);
        tensorChecks.checkTensorList("inputs", true, tensors, inputNames);
        tensorChecks.checkTensorList("outputs", false, tensors, new HashSet<>());
        new V04WeightsChecks(data, report).checkWeights();
        // like the reference (pydantic "after" model validators), the cross-field rules run only on a description
        // whose fields are valid; this also keeps follow-up errors out of the report
        if (report.problems.stream().anyMatch(p -> p.isError())) {
            return;
        }
        tensorChecks.checkUniqueNames();
        for (String name0 : inputNames) {
            minShapes.put(name0, V04TensorChecks.inputMinShape(tensors.get(name0)));
        }
        tensorChecks.checkOutputShapes(tensors, minShapes, inputNames);
        tensorChecks.checkTensorReferences(inputNames);
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
            checkPerson(report, list.get(i), at(key, i), !key.equals("maintainers"));
        }
    }

    /** Checks one author, maintainer or packager (also those of a weights entry). */
    static void checkPerson(Report report, JsonNode person, Location loc, boolean nameRequired) {
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

    /** Reports each key of {@code node} that is not in {@code allowed} as an extra input. */
    static void checkKeys(Report report, JsonNode node, Location loc, Set<String> allowed) {
        for (String k : node.propertyNames()) {
            if (!allowed.contains(k)) {
                report.error(at(loc, k), "Extra inputs are not permitted");
            }
        }
    }
}
