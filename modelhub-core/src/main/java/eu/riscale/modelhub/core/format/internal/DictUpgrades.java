package eu.riscale.modelhub.core.format.internal;

import eu.riscale.modelhub.spec.validation.Location;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The dictionary-level upgrades of model descriptions 0.3.0 to 0.4.10 (reference section C.1; the reference's
 * {@code model/_v0_3_converter.py}, {@code model/_v0_4_converter.py} and the helpers of
 * {@code generic/_v0_2_converter.py}). Works in place on a copy of the document.
 */
final class DictUpgrades {
    private static final List<String> DOI_PREFIXES = List.of("https://doi.org/", "http://dx.doi.org/");
    private static final String GITHUB_PREFIX = "https://github.com/";

    private DictUpgrades() {}

    /**
     * Upgrades a 0.3.x or 0.4.x model document to 0.4.10.
     *
     * @param data the document (modified)
     * @param report receives notes about moved or dropped keys
     */
    static void upgradeTo0410(ObjectNode data, Report report) {
        String fv = Nodes.string(data, "format_version");
        if (fv == null) {
            return;
        }
        if (fv.startsWith("0.3.")) {
            fv = upgrade03To040(data, fv, report);
            if (!"0.4.0".equals(fv)) {
                return;
            }
        }
        if (fv.equals("0.4.0")) {
            JsonNode deps = data.remove("dependencies");
            ObjectNode entry = Nodes.object(Nodes.object(data, "weights"), "pytorch_state_dict");
            if (deps != null && isTruthy(deps)) {
                if (entry != null && !entry.isEmpty()) {
                    entry.set("dependencies", deps);
                } else {
                    report.note(
                            Location.of("dependencies"),
                            "root dependencies dropped: no pytorch_state_dict weights to move them to");
                }
            }
            fv = "0.4.1";
        }
        if (List.of("0.4.1", "0.4.2", "0.4.3", "0.4.4").contains(fv)) {
            JsonNode parent = data.remove("parent");
            if (parent != null && parent.isObject() && parent.has("uri")) {
                data.set("parent", parent.get("uri"));
            } else if (parent != null) {
                report.note(Location.of("parent"), "parent dropped: format 0.4.5 expects {uri: ...} in this version");
            }
            fv = "0.4.5";
        }
        if (fv.equals("0.4.5") || fv.equals("0.4.6")) {
            removeSlashesFromNames(data);
            fv = "0.4.7";
        }
        if (fv.equals("0.4.7") || fv.equals("0.4.8")) {
            fv = "0.4.9";
        }
        if (fv.equals("0.4.9")) {
            ObjectNode bconfig = Nodes.object(Nodes.object(data, "config"), "bioimageio");
            JsonNode nickname = Nodes.value(bconfig, "nickname");
            if (nickname != null) {
                data.set("id", nickname);
            }
            JsonNode icon = Nodes.value(bconfig, "nickname_icon");
            if (icon != null) {
                data.set("id_emoji", icon);
            }
            fv = "0.4.10";
        }
        data.put("format_version", fv);
        removeDoiPrefix(data);
        removeGithubPrefix(data);
        dropEmptyConfig(data);
    }

    private static String upgrade03To040(ObjectNode data, String fv, Report report) {
        if (fv.equals("0.3.0")) {
            fv = "0.3.1";
        }
        if (fv.equals("0.3.1")) {
            upgrade031To032(data);
            fv = "0.3.2";
        }
        if (fv.equals("0.3.2")) {
            for (JsonNode out : Nodes.elements(Nodes.array(data, "outputs"))) {
                ObjectNode shape = Nodes.object(out, "shape");
                if (shape != null && shape.has("reference_input")) {
                    shape.set("reference_tensor", shape.remove("reference_input"));
                }
            }
            fv = "0.3.3";
        }
        if (List.of("0.3.3", "0.3.4", "0.3.5").contains(fv)) {
            fv = "0.3.6";
        }
        data.put("format_version", fv);
        if (!fv.equals("0.3.6")) {
            return fv;
        }
        dropEmptyConfig(data);
        for (String key : List.of("language", "framework")) {
            if (data.remove(key) != null) {
                report.note(Location.of(key), "'" + key + "' is not part of format 0.4 and later and was dropped");
            }
        }
        JsonNode architecture = data.remove("source");
        JsonNode architectureSha = data.remove("sha256");
        JsonNode kwargs = data.remove("kwargs");
        ObjectNode weights = Nodes.object(data, "weights");
        ObjectNode psd = Nodes.object(weights, "pytorch_state_dict");
        if (psd != null) {
            if (architecture != null && !architecture.isNull()) {
                psd.set("architecture", architecture);
            }
            if (architectureSha != null && !architectureSha.isNull()) {
                psd.set("architecture_sha256", architectureSha);
            }
            if (kwargs != null && !kwargs.isNull()) {
                psd.set("kwargs", kwargs);
            }
        } else if (architecture != null || architectureSha != null || kwargs != null) {
            report.note(
                    Location.of("source"),
                    "root source/sha256/kwargs dropped: no pytorch_state_dict weights to move them to");
        }
        if (weights != null && weights.has("pytorch_script")) {
            weights.set("torchscript", weights.remove("pytorch_script"));
        }
        data.put("format_version", "0.4.0");
        return "0.4.0";
    }

    private static void upgrade031To032(ObjectNode data) {
        data.put("type", "model");
        ObjectNode future = Nodes.object(Nodes.object(data, "config"), "future");
        JsonNode f032 = future == null ? null : future.remove("0.3.2");
        ObjectNode update = f032 != null && f032.isObject() ? (ObjectNode) f032 : Nodes.F.objectNode();
        JsonNode authors = data.get("authors");
        if (authors != null && authors.isArray()) {
            data.set("authors", namesToPersons(authors, Nodes.array(update, "authors")));
        }
        JsonNode packagedBy = Nodes.value(data, "packaged_by");
        if (packagedBy != null && packagedBy.isArray()) {
            data.set("packaged_by", namesToPersons(packagedBy, Nodes.array(update, "packaged_by")));
        }
        ObjectNode weights = Nodes.object(data, "weights");
        if (weights != null) {
            for (Map.Entry<String, JsonNode> e : weights.properties()) {
                JsonNode entryAuthors = Nodes.value(e.getValue(), "authors");
                if (entryAuthors != null && entryAuthors.isArray()) {
                    ((ObjectNode) e.getValue())
                            .set(
                                    "authors",
                                    namesToPersons(
                                            entryAuthors,
                                            Nodes.array(
                                                    Nodes.object(Nodes.object(update, "weights"), e.getKey()),
                                                    "authors")));
                }
            }
        }
        if (update.has("version")) {
            data.set("version", update.remove("version"));
        }
    }

    private static ArrayNode namesToPersons(JsonNode names, @Nullable ArrayNode updates) {
        ArrayNode out = Nodes.F.arrayNode();
        List<JsonNode> list = Nodes.elements(names);
        for (int i = 0; i < list.size(); i++) {
            ObjectNode person = Nodes.F.objectNode();
            person.set("name", list.get(i));
            if (updates != null && i < updates.size() && updates.get(i).isObject()) {
                person.setAll((ObjectNode) updates.get(i));
            }
            out.add(person);
        }
        return out;
    }

    private static void removeSlashesFromNames(ObjectNode data) {
        String name = Nodes.string(data, "name");
        if (name != null) {
            data.put("name", name.replace("/", "").replace("\\", ""));
        }
        for (String group : List.of("authors", "maintainers")) {
            for (JsonNode person : Nodes.elements(Nodes.array(data, group))) {
                String n = Nodes.string(person, "name");
                if (n != null) {
                    ((ObjectNode) person).put("name", n.replace("/", "").replace("\\", ""));
                }
            }
        }
    }

    private static void removeDoiPrefix(ObjectNode data) {
        for (JsonNode cite : Nodes.elements(Nodes.array(data, "cite"))) {
            String doi = Nodes.string(cite, "doi");
            if (doi == null) {
                continue;
            }
            for (String prefix : DOI_PREFIXES) {
                if (doi.startsWith(prefix)) {
                    ((ObjectNode) cite).put("doi", doi.substring(prefix.length()));
                    break;
                }
            }
        }
    }

    private static void removeGithubPrefix(ObjectNode data) {
        for (String group : List.of("authors", "maintainers")) {
            for (JsonNode person : Nodes.elements(Nodes.array(data, group))) {
                String user = Nodes.string(person, "github_user");
                if (user != null && user.startsWith(GITHUB_PREFIX)) {
                    ((ObjectNode) person).put("github_user", user.substring(GITHUB_PREFIX.length()));
                }
            }
        }
    }

    private static void dropEmptyConfig(ObjectNode data) {
        ObjectNode config = Nodes.object(data, "config");
        if (config != null) {
            JsonNode future = config.get("future");
            if (future != null && future.isObject() && future.isEmpty()) {
                config.remove("future");
            }
            if (config.isEmpty()) {
                data.remove("config");
            }
        }
    }

    private static boolean isTruthy(JsonNode n) {
        if (n.isNull()) {
            return false;
        }
        if (n.isContainer()) {
            return !n.isEmpty();
        }
        if (n.isString()) {
            return !n.stringValue().isEmpty();
        }
        return true;
    }
}
