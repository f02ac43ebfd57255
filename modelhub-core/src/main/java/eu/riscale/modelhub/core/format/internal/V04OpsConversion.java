package eu.riscale.modelhub.core.format.internal;

import static eu.riscale.modelhub.core.format.internal.Report.at;

import eu.riscale.modelhub.spec.validation.Location;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The pre- and postprocessing steps of a 0.4 tensor as 0.5 operations: the reference's {@code _convert_proc} (C.4),
 * with axis letters turned into axis ids. Part of {@link V04Converter}.
 */
final class V04OpsConversion {
    private final Report report;

    V04OpsConversion(Report report) {
        this.report = report;
    }

    @Nullable
    ArrayNode ops(JsonNode t, boolean input, String tensorAxes, Location loc) {
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
                Nodes.copy(k, nk, "threshold");
            }
            case "clip" -> {
                Nodes.copy(k, nk, "min");
                Nodes.copy(k, nk, "max");
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
                Nodes.copy(k, nk, "gain");
                Nodes.copy(k, nk, "offset");
            }
            case "scale_mean_variance" -> {
                axesIds(k, nk, false);
                Nodes.copy(k, nk, "reference_tensor");
                Nodes.copy(k, nk, "eps");
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
                        Nodes.copy(k, nk, "mean");
                        Nodes.copy(k, nk, "std");
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
                    Nodes.copy(k, nk, "eps");
                }
            }
            case "scale_range" -> {
                axesIds(k, nk, false);
                Nodes.copy(k, nk, "min_percentile");
                Nodes.copy(k, nk, "max_percentile");
                Nodes.copy(k, nk, "eps");
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
        return V04Converter.AXIS_IDS.getOrDefault(String.valueOf(letter), String.valueOf(letter));
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
}
