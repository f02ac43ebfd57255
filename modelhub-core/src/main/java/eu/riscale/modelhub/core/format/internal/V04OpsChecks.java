package eu.riscale.modelhub.core.format.internal;

import static eu.riscale.modelhub.core.format.internal.Report.at;

import eu.riscale.modelhub.spec.validation.Location;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The 0.4 rules on a tensor's {@code preprocessing} and {@code postprocessing}: each step's {@code name} and its
 * {@code kwargs}. Part of {@link V04Checks}.
 */
final class V04OpsChecks {
    private static final Map<String, Set<String>> OP_KWARGS = Map.of(
            "binarize", Set.of("threshold"),
            "clip", Set.of("min", "max"),
            "scale_linear", Set.of("axes", "gain", "offset"),
            "sigmoid", Set.of(),
            "zero_mean_unit_variance", Set.of("mode", "axes", "mean", "std", "eps"),
            "scale_range", Set.of("mode", "axes", "min_percentile", "max_percentile", "eps", "reference_tensor"),
            "scale_mean_variance", Set.of("mode", "reference_tensor", "axes", "eps"));
    private final Report report;
    private final V04AxesChecks axesChecks;

    V04OpsChecks(Report report) {
        this.report = report;
        this.axesChecks = new V04AxesChecks(report);
    }

    void checkOps(ObjectNode t, Location loc, boolean input, @Nullable String axes) {
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
        V04Checks.checkKeys(report, op, loc, Set.of("name", "kwargs"));
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
        V04Checks.checkKeys(report, kwargs, kloc, allowedKwargs);
        JsonNode axesNode = Nodes.value(kwargs, "axes");
        if (axesNode != null) {
            if (!axesNode.isString()) {
                report.error(
                        at(kloc, "axes"),
                        "expected a string of axis letters from 'czyx', found " + Nodes.kind(axesNode));
            } else if (axesChecks.checkLetters(axesNode.stringValue(), "czyx", at(kloc, "axes"))
                    && tensorAxes != null) {
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
}
