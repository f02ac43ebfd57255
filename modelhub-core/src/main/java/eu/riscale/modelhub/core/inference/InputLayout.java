package eu.riscale.modelhub.core.inference;

import eu.riscale.modelhub.core.tensor.Tensor;
import eu.riscale.modelhub.spec.ModelDescr;
import eu.riscale.modelhub.spec.axis.BatchAxis;
import eu.riscale.modelhub.spec.axis.ChannelAxis;
import eu.riscale.modelhub.spec.axis.FixedSize;
import eu.riscale.modelhub.spec.axis.InputAxis;
import eu.riscale.modelhub.spec.axis.InputSize;
import eu.riscale.modelhub.spec.axis.OutputAxis;
import eu.riscale.modelhub.spec.axis.OutputSize;
import eu.riscale.modelhub.spec.axis.ParameterizedSize;
import eu.riscale.modelhub.spec.axis.SizeReference;
import eu.riscale.modelhub.spec.tensor.InputTensorDescr;
import eu.riscale.modelhub.spec.tensor.OutputTensorDescr;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The model's inputs: arranges given tensors into the model's axis order, checks their sizes, and derives the input
 * halo and the block shapes of a tiled prediction. Immutable.
 */
final class InputLayout {
    private final ModelDescr model;
    private final Map<String, Map<String, Integer>> halo;

    InputLayout(ModelDescr model) {
        this.model = model;
        this.halo = inputHalo(model);
    }

    /** {@return the input halo per input id and axis id, derived from the output halos} */
    Map<String, Map<String, Integer>> halo() {
        return halo;
    }

    int halo(String inputId, String axisId) {
        return halo.getOrDefault(inputId, Map.of()).getOrDefault(axisId, 0);
    }

    private static Map<String, Map<String, Integer>> inputHalo(ModelDescr model) {
        Map<String, Map<String, Integer>> result = new HashMap<>();
        for (OutputTensorDescr out : model.outputs()) {
            for (OutputAxis axis : out.axes()) {
                int h = ModelAxes.halo(axis);
                if (h == 0) {
                    continue;
                }
                OutputSize size = ModelAxes.size(axis);
                if (!(size instanceof SizeReference)) {
                    continue;
                }
                SizeReference ref = (SizeReference) size;
                InputTensorDescr in = ModelAxes.input(model, ref.tensorId());
                InputAxis refAxis = ModelAxes.inputAxis(in, ref.axisId());
                if (refAxis == null) {
                    continue;
                }
                double inHalo = h * ModelAxes.scale(axis) / ModelAxes.scale(refAxis);
                if (inHalo != Math.rint(inHalo)) {
                    throw new IllegalArgumentException("output '" + out.id() + "' axis '" + axis.id() + "': halo " + h
                            + " is " + inHalo + " in units of input '" + in.id() + "' axis '" + refAxis.id()
                            + "', expected a whole number");
                }
                result.computeIfAbsent(in.id(), k -> new HashMap<>()).merge(refAxis.id(), (int) inHalo, Math::max);
            }
        }
        return result;
    }

    /**
     * Checks the ids and arranges each tensor into the model's axis order.
     *
     * @param given tensors by input id
     * @return the arranged tensors in the model's input order (absent optional inputs left out)
     */
    Map<String, Tensor> arrange(Map<String, Tensor> given) throws InvalidInputException {
        List<String> known = model.inputs().stream().map(InputTensorDescr::id).toList();
        for (String id : given.keySet()) {
            if (!known.contains(id)) {
                throw new InvalidInputException(
                        id, null, "unknown input '" + id + "'; the model's inputs are " + known);
            }
        }
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (InputTensorDescr in : model.inputs()) {
            Tensor t = given.get(in.id());
            if (t == null) {
                if (!in.optional()) {
                    throw new InvalidInputException(
                            in.id(),
                            null,
                            "missing input '" + in.id() + "'; the model needs " + required() + " and was given "
                                    + given.keySet());
                }
                continue;
            }
            out.put(in.id(), arrange(in, t));
        }
        return out;
    }

    private List<String> required() {
        return model.inputs().stream()
                .filter(in -> !in.optional())
                .map(InputTensorDescr::id)
                .toList();
    }

    private static Tensor arrange(InputTensorDescr in, Tensor t) throws InvalidInputException {
        List<String> order = ModelAxes.ids(in.axes());
        Tensor r = t;
        for (String axis : t.axes()) {
            if (!order.contains(axis)) {
                if (r.size(axis) != 1) {
                    throw new InvalidInputException(
                            in.id(),
                            axis,
                            "input '" + in.id() + "': axis '" + axis
                                    + "' (size " + r.size(axis) + ") is not an axis of the model input; expected axes "
                                    + order
                                    + " in any order");
                }
                r = r.removeAxis(axis);
            }
        }
        for (InputAxis axis : in.axes()) {
            if (!r.axes().contains(axis.id())) {
                if (!ModelAxes.maySingleton(axis)) {
                    throw new InvalidInputException(
                            in.id(),
                            axis.id(),
                            "input '" + in.id() + "': missing axis '" + axis.id() + "'; found axes " + t.axes()
                                    + ", expected " + order + " in any order");
                }
                r = r.insertAxis(r.ndim(), axis.id());
            }
        }
        return r.transpose(order);
    }

    /**
     * Checks the sizes that tiling cannot fix (channels).
     *
     * @param sample arranged tensors
     */
    void checkChannels(Map<String, Tensor> sample) throws InvalidInputException {
        for (InputTensorDescr in : model.inputs()) {
            Tensor t = sample.get(in.id());
            if (t == null) {
                continue;
            }
            for (InputAxis axis : in.axes()) {
                if (axis instanceof ChannelAxis) {
                    List<String> names = ((ChannelAxis) axis).channelNames();
                    int found = t.size(axis.id());
                    if (found != names.size()) {
                        throw new InvalidInputException(
                                in.id(),
                                axis.id(),
                                "input '" + in.id() + "' axis '"
                                        + axis.id() + "': found " + found + " channels, expected " + names.size() + " "
                                        + names);
                    }
                }
            }
        }
    }

    /**
     * Finds the first size that the description does not allow.
     *
     * @param sample arranged tensors
     * @return the problem naming tensor and axis, or null when every size is valid
     */
    @Nullable
    InvalidInputException sizeProblem(Map<String, Tensor> sample) {
        for (InputTensorDescr in : model.inputs()) {
            Tensor t = sample.get(in.id());
            if (t == null) {
                continue;
            }
            for (InputAxis axis : in.axes()) {
                int found = t.size(axis.id());
                String expected = expectedSize(in, axis, found, sample);
                if (expected != null) {
                    return new InvalidInputException(
                            in.id(),
                            axis.id(),
                            "input '" + in.id() + "' axis '" + axis.id() + "': found size " + found + ", " + expected);
                }
            }
        }
        return null;
    }

    private @Nullable String expectedSize(InputTensorDescr in, InputAxis axis, int found, Map<String, Tensor> sample) {
        if (axis instanceof BatchAxis) {
            Integer fixed = ((BatchAxis) axis).size();
            return fixed != null && fixed != found ? "expected " + fixed : null;
        }
        InputSize size = ModelAxes.size(axis);
        if (size instanceof FixedSize) {
            int v = ((FixedSize) size).value();
            return v == found ? null : "expected " + v;
        } else if (size instanceof ParameterizedSize) {
            ParameterizedSize p = (ParameterizedSize) size;
            return ModelAxes.valid(p, found) ? null : ModelAxes.describe(p, found);
        } else if (size instanceof SizeReference) {
            SizeReference ref = (SizeReference) size;
            InputTensorDescr refIn = ModelAxes.input(model, ref.tensorId());
            InputAxis refAxis = ModelAxes.inputAxis(refIn, ref.axisId());
            Tensor refTensor = sample.get(ref.tensorId());
            if (refAxis == null || refTensor == null) {
                return null;
            }
            int e = ModelAxes.referencedSize(axis, refAxis, refTensor.size(ref.axisId()), ref.offset());
            return e == found
                    ? null
                    : "expected " + e + " (from input '" + ref.tensorId() + "' axis '" + ref.axisId() + "')";
        }
        return null;
    }

    /**
     * Computes the input block shapes of a tiled prediction.
     *
     * @param sample arranged tensors
     * @param tiling the tiling (not {@link Tiling.None})
     * @param budget the memory budget in bytes for automatic blocks
     * @return the block shape of each present input, in the model's axis order
     */
    Map<String, int[]> blockShapes(Map<String, Tensor> sample, Tiling tiling, long budget)
            throws InvalidInputException {
        if (tiling instanceof Tiling.Auto) {
            int nMax = 0;
            for (InputTensorDescr in : model.inputs()) {
                Tensor t = sample.get(in.id());
                for (InputAxis axis : in.axes()) {
                    if (t != null && ModelAxes.size(axis) instanceof ParameterizedSize) {
                        ParameterizedSize p = (ParameterizedSize) ModelAxes.size(axis);
                        int full = ModelAxes.smallestValid(p, t.size(axis.id()));
                        nMax = Math.max(nMax, p.step() == 0 ? 0 : (full - p.min()) / p.step());
                    }
                }
            }
            Map<String, int[]> shapes = null;
            for (int n = nMax; n >= 0; n--) {
                shapes = shapes(sample, n, Map.of());
                if (bytes(sample, shapes) <= budget) {
                    break;
                }
            }
            return shapes;
        } else if (tiling instanceof Tiling.SizeParameter) {
            return shapes(sample, ((Tiling.SizeParameter) tiling).n(), Map.of());
        } else if (tiling instanceof Tiling.BlockShape) {
            return shapes(sample, -1, ((Tiling.BlockShape) tiling).sizes());
        }
        throw new AssertionError(tiling);
    }

    private static long bytes(Map<String, Tensor> sample, Map<String, int[]> shapes) {
        long total = 0;
        for (Map.Entry<String, int[]> e : shapes.entrySet()) {
            long n = sample.get(e.getKey()).dtype().byteSize();
            for (int s : e.getValue()) {
                n *= s;
            }
            total += n;
        }
        return total;
    }

    /**
     * Block shapes with size parameter n (capped at the smallest valid size covering the sample), or, when n is
     * negative, the explicit sizes.
     */
    private Map<String, int[]> shapes(Map<String, Tensor> sample, int n, Map<String, Integer> explicit)
            throws InvalidInputException {
        Map<String, int[]> shapes = new LinkedHashMap<>();
        for (InputTensorDescr in : model.inputs()) {
            Tensor t = sample.get(in.id());
            if (t != null) {
                shapes.put(in.id(), new int[in.axes().size()]);
            }
        }
        // references may point to inputs declared later: resolve the direct sizes first
        for (int pass = 0; pass < 2; pass++) {
            for (InputTensorDescr in : model.inputs()) {
                Tensor t = sample.get(in.id());
                if (t == null) {
                    continue;
                }
                int[] shape = shapes.get(in.id());
                for (int i = 0; i < in.axes().size(); i++) {
                    InputAxis axis = in.axes().get(i);
                    int s = t.size(axis.id());
                    Integer given = explicit.get(axis.id());
                    InputSize size = ModelAxes.size(axis);
                    if (pass == 0) {
                        if (axis instanceof BatchAxis) {
                            Integer fixed = ((BatchAxis) axis).size();
                            shape[i] = fixed != null ? fixed : given != null ? Math.min(given, s) : s;
                        } else if (axis instanceof ChannelAxis) {
                            shape[i] = s;
                        } else if (size instanceof FixedSize) {
                            int v = ((FixedSize) size).value();
                            if (given != null && given != v) {
                                throw new InvalidInputException(
                                        in.id(),
                                        axis.id(),
                                        "block size of input '" + in.id()
                                                + "' axis '" + axis.id() + "': found " + given + ", expected " + v
                                                + " (the axis has a fixed size)");
                            }
                            shape[i] = v;
                        } else if (size instanceof ParameterizedSize) {
                            ParameterizedSize p = (ParameterizedSize) size;
                            int cover = ModelAxes.smallestValid(p, s);
                            if (given != null) {
                                if (!ModelAxes.valid(p, given)) {
                                    throw new InvalidInputException(
                                            in.id(),
                                            axis.id(),
                                            "block size of input '"
                                                    + in.id() + "' axis '" + axis.id() + "': found " + given + ", "
                                                    + ModelAxes.describe(p, given));
                                }
                                shape[i] = given;
                            } else if (n >= 0) {
                                shape[i] = Math.min(p.min() + n * p.step(), cover);
                            } else {
                                shape[i] = ModelAxes.valid(p, s) ? s : cover;
                            }
                        }
                    } else if (size instanceof SizeReference) {
                        SizeReference ref = (SizeReference) size;
                        InputTensorDescr refIn = ModelAxes.input(model, ref.tensorId());
                        InputAxis refAxis = ModelAxes.inputAxis(refIn, ref.axisId());
                        int[] refShape = shapes.get(ref.tensorId());
                        if (refAxis == null || refShape == null) {
                            throw new InvalidInputException(
                                    in.id(),
                                    axis.id(),
                                    "input '" + in.id() + "' axis '"
                                            + axis.id() + "' refers to input '" + ref.tensorId() + "' axis '"
                                            + ref.axisId()
                                            + "', which is not given");
                        }
                        int refSize = refShape[refIn.axes().indexOf(refAxis)];
                        shape[i] = ModelAxes.referencedSize(axis, refAxis, refSize, ref.offset());
                    }
                }
            }
        }
        return shapes;
    }
}
