package eu.riscale.modelhub.core.format.internal;

import static eu.riscale.modelhub.core.format.internal.Report.at;

import eu.riscale.modelhub.spec.validation.Location;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The weights entries of a 0.4 model as 0.5 weights (reference C.5): sources, versions, dependencies and the PyTorch
 * architecture split into source and callable. Part of {@link V04Converter}.
 */
final class V04WeightsConversion {
    private static final List<String> WEIGHTS_ORDER = List.of(
            "keras_hdf5",
            "onnx",
            "pytorch_state_dict",
            "tensorflow_js",
            "tensorflow_saved_model_bundle",
            "torchscript");
    private final ObjectNode src;
    private final Report report;

    V04WeightsConversion(ObjectNode src, Report report) {
        this.src = src;
        this.report = report;
    }

    ObjectNode weights() {
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
                e.set("source", V04Converter.relativePaths(source));
            }
            ArrayNode authors = V04Converter.persons(Nodes.value(w, "authors"));
            if (authors != null) {
                e.set("authors", authors);
            }
            Nodes.copy(w, e, "parent");
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
                        .set(
                                "source",
                                V04Converter.relativePaths(
                                        Nodes.F.stringNode(s.startsWith("conda:") ? s.substring(6) : s))));
    }

    /** The reference's {@code _ArchFileConv} and {@code _ArchLibConv}. */
    private @Nullable ObjectNode architecture(ObjectNode w, Location loc) {
        String arch = Nodes.string(w, "architecture");
        if (arch == null) {
            return null;
        }
        arch = arch.strip();
        V04WeightsChecks.Architecture parsed = V04WeightsChecks.Architecture.parse(arch);
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
            out.set("source", V04Converter.relativePaths(Nodes.F.stringNode(source)));
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

    private static void copyAs(ObjectNode from, String key, ObjectNode to, String newKey) {
        JsonNode v = Nodes.value(from, key);
        if (v != null) {
            to.set(newKey, v.deepCopy());
        }
    }
}
