package eu.riscale.modelhub.core.format.internal;

import static eu.riscale.modelhub.core.format.internal.Report.at;

import eu.riscale.modelhub.spec.validation.Location;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The axes of a 0.4 tensor (a string of letters with a shape, halo and output scale/offset) as 0.5 axis descriptions:
 * the reference's {@code convert_axes} (C.3). Part of {@link V04Converter}.
 */
final class V04AxesConversion {
    private static final Map<Character, String> AXIS_TYPES =
            Map.of('b', "batch", 't', "time", 'i', "index", 'c', "channel", 'x', "space", 'y', "space", 'z', "space");
    private final Report report;

    V04AxesConversion(Report report) {
        this.report = report;
    }

    /** The reference's {@code convert_axes}. */
    @Nullable
    ArrayNode axes(
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
                String axisId = V04Converter.AXIS_IDS.getOrDefault(origAxis, String.valueOf(a));
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
}
