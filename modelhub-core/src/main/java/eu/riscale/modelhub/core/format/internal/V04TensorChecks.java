package eu.riscale.modelhub.core.format.internal;

import static eu.riscale.modelhub.core.format.internal.Report.at;

import eu.riscale.modelhub.spec.constraint.ValueTypes;
import eu.riscale.modelhub.spec.validation.Location;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The 0.4 rules on {@code inputs} and {@code outputs}: each tensor's keys, name, data type, data range, shape and halo
 * (its axes by {@link V04AxesChecks}, its steps by {@link V04OpsChecks}), and the cross-tensor rules (unique names,
 * output shapes that a valid input yields, references to input tensors). Part of {@link V04Checks}.
 */
final class V04TensorChecks {
    private static final Set<String> INPUT_KEYS =
            Set.of("name", "description", "axes", "data_range", "data_type", "shape", "preprocessing");
    private static final Set<String> OUTPUT_KEYS =
            Set.of("name", "description", "axes", "data_range", "data_type", "shape", "halo", "postprocessing");
    private static final List<String> INPUT_DTYPES = List.of("float32", "uint8", "uint16");
    private static final List<String> OUTPUT_DTYPES = List.of(
            "float32", "float64", "uint8", "int8", "uint16", "int16", "uint32", "int32", "uint64", "int64", "bool");
    private final ObjectNode data;
    private final Report report;
    private final V04AxesChecks axesChecks;
    private final V04OpsChecks opsChecks;

    V04TensorChecks(ObjectNode data, Report report) {
        this.data = data;
        this.report = report;
        this.axesChecks = new V04AxesChecks(report);
        this.opsChecks = new V04OpsChecks(report);
    }

    void checkTensorList(String key, boolean input, Map<String, ObjectNode> tensors, Set<String> inputNames) {
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

    void checkUniqueNames() {
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
        String axes = axesChecks.checkAxes(t, at(loc, "axes"));
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
        opsChecks.checkOps(t, at(loc, input ? "preprocessing" : "postprocessing"), input, axes);
        return name;
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
            V04Checks.checkKeys(report, shape, sloc, Set.of("min", "step"));
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
        V04Checks.checkKeys(report, shape, sloc, Set.of("reference_tensor", "scale", "offset"));
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

    static int @Nullable [] inputMinShape(@Nullable ObjectNode input) {
        JsonNode shape = Nodes.value(input, "shape");
        if (shape == null) {
            return null;
        }
        return shape.isArray() ? Nodes.ints(shape) : Nodes.ints(Nodes.value(shape, "min"));
    }

    /** The reference's {@code minimum_shape2valid_output}: dimension match and minimal output minus halo. */
    void checkOutputShapes(Map<String, ObjectNode> tensors, Map<String, int[]> minShapes, Set<String> inputs) {
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

    void checkTensorReferences(Set<String> inputNames) {
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
}
