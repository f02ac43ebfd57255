package eu.riscale.modelhub.core.format.internal;

import static eu.riscale.modelhub.core.format.internal.Report.at;

import eu.riscale.modelhub.spec.validation.Location;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The tensors of a 0.4 model as 0.5 {@code inputs} and {@code outputs} (reference C.3): ids, test and sample tensors,
 * data types, with the axes and the pre- and postprocessing converted by {@link V04AxesConversion} and
 * {@link V04OpsConversion}. Part of {@link V04Converter}.
 */
final class V04TensorsConversion {
    private final ObjectNode src;
    private final Report report;
    private final V04AxesConversion axesConversion;
    private final V04OpsConversion opsConversion;

    V04TensorsConversion(ObjectNode src, Report report) {
        this.src = src;
        this.report = report;
        this.axesConversion = new V04AxesConversion(report);
        this.opsConversion = new V04OpsConversion(report);
    }

    void collectSizes(
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

    ArrayNode tensors(boolean input, Map<String, Map<Character, Integer>> sizeRefs) {
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
                ArrayNode converted = axesConversion.axes(axes, t, input, sizeRefs, loc);
                if (converted != null) {
                    o.set("axes", converted);
                }
            }
            if (i < tests.size()) {
                o.set("test_tensor", Nodes.F.objectNode().set("source", V04Converter.relativePaths(tests.get(i))));
            } else {
                report.note(loc, "no test_" + key + " entry for this tensor, so no test_tensor");
            }
            if (i < samples.size()) {
                o.set("sample_tensor", Nodes.F.objectNode().set("source", V04Converter.relativePaths(samples.get(i))));
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
            ArrayNode ops = opsConversion.ops(t, input, axes == null ? "" : axes, loc);
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
}
