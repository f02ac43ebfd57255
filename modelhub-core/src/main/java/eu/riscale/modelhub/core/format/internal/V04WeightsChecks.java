package eu.riscale.modelhub.core.format.internal;

import static eu.riscale.modelhub.core.format.internal.Report.at;

import eu.riscale.modelhub.spec.validation.Location;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The 0.4 rules on {@code weights}: the known formats, each entry's keys, source, versions and, for PyTorch state
 * dicts, the architecture. Part of {@link V04Checks}.
 */
final class V04WeightsChecks {
    static final Set<String> WEIGHTS_FORMATS = Set.of(
            "keras_hdf5",
            "onnx",
            "pytorch_state_dict",
            "tensorflow_js",
            "tensorflow_saved_model_bundle",
            "torchscript");
    private static final Set<String> WEIGHTS_BASE_KEYS =
            Set.of("source", "sha256", "attachments", "authors", "dependencies", "parent");
    private static final Map<String, Set<String>> WEIGHTS_EXTRA_KEYS = Map.of(
            "keras_hdf5", Set.of("tensorflow_version"),
            "onnx", Set.of("opset_version"),
            "pytorch_state_dict", Set.of("architecture", "architecture_sha256", "kwargs", "pytorch_version"),
            "tensorflow_js", Set.of("tensorflow_version"),
            "tensorflow_saved_model_bundle", Set.of("tensorflow_version"),
            "torchscript", Set.of("pytorch_version"));
    private final ObjectNode data;
    private final Report report;

    V04WeightsChecks(ObjectNode data, Report report) {
        this.data = data;
        this.report = report;
    }

    void checkWeights() {
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
        V04Checks.checkKeys(report, entry, loc, allowed);
        if (Nodes.string(entry, "source") == null) {
            report.error(at(loc, "source"), "Field required (a file path or URL)");
        }
        JsonNode authors = Nodes.value(entry, "authors");
        if (authors != null) {
            if (!authors.isArray()) {
                report.error(at(loc, "authors"), "Input should be a valid list, found " + Nodes.kind(authors));
            } else {
                for (int i = 0; i < authors.size(); i++) {
                    V04Checks.checkPerson(report, authors.get(i), at(at(loc, "authors"), i), true);
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
