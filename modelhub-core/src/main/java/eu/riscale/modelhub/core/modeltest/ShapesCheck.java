package eu.riscale.modelhub.core.modeltest;

import eu.riscale.modelhub.core.inference.InferenceBackend;
import eu.riscale.modelhub.core.resource.ResourceRoot;
import eu.riscale.modelhub.core.tensor.PadMode;
import eu.riscale.modelhub.core.tensor.Tensor;
import eu.riscale.modelhub.spec.ModelDescr;
import eu.riscale.modelhub.spec.axis.Axis;
import eu.riscale.modelhub.spec.axis.AxisSize;
import eu.riscale.modelhub.spec.axis.BatchAxis;
import eu.riscale.modelhub.spec.axis.ChannelAxis;
import eu.riscale.modelhub.spec.axis.DataDependentSize;
import eu.riscale.modelhub.spec.axis.FixedSize;
import eu.riscale.modelhub.spec.axis.InputAxis;
import eu.riscale.modelhub.spec.axis.OutputAxis;
import eu.riscale.modelhub.spec.axis.ParameterizedSize;
import eu.riscale.modelhub.spec.axis.SizeReference;
import eu.riscale.modelhub.spec.tensor.InputTensorDescr;
import eu.riscale.modelhub.spec.tensor.OutputTensorDescr;
import eu.riscale.modelhub.spec.validation.Diagnostic;
import eu.riscale.modelhub.spec.validation.Location;
import eu.riscale.modelhub.spec.weights.WeightsFormat;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The {@code shapes} check (format 0.5): inference with size parameter {@code n} in {0, 1, 2} (only 0 when no input
 * axis is parameterized) and batch sizes {1, 2} (the fixed size when the batch axis has one, 1 without a batch axis);
 * the test inputs are center-cropped or edge-padded to the sizes, and the outputs' shapes must be the described ones.
 *
 * <p>A case whose sizes are those of the test inputs (a model with fixed sizes, say) is the very prediction the
 * reproduce check made with the same session: its outputs are checked instead of predicting the same inputs again (the
 * reference predicts again, with a new pipeline; the shapes cannot differ).
 */
final class ShapesCheck {
    private ShapesCheck() {}

    static String name(WeightsFormat f) {
        return "Run " + f.id() + " inference at other sizes (n in {0,1,2}, batch sizes {1,2} where allowed)";
    }

    /**
     * Runs the check.
     *
     * @param model the description
     * @param root its files
     * @param format the weights format
     * @param session the loaded weights
     * @param reproduced the outputs of the session for the unchanged test inputs (the reproduce check), by output id;
     *     empty when it gave none
     * @return the detail
     */
    static TestDetail run(
            ModelDescr model,
            ResourceRoot root,
            WeightsFormat format,
            InferenceBackend.Session session,
            Map<String, Tensor> reproduced) {
        long start = System.nanoTime();
        List<Diagnostic> errors = new ArrayList<>();
        try {
            Map<String, Tensor> test = ModelTests.testInputs(model, root);
            for (int n : sizeParameters(model)) {
                for (int b : batchSizes(model)) {
                    Map<String, Map<String, Integer>> sizes = inputSizes(model, n, b);
                    Map<String, Tensor> inputs = new LinkedHashMap<>();
                    for (Map.Entry<String, Tensor> e : test.entrySet()) {
                        inputs.put(e.getKey(), resize(e.getValue(), sizes.get(e.getKey())));
                    }
                    String label = "n=" + n + ", batch size " + b;
                    Map<String, Tensor> outputs;
                    try {
                        outputs = unchanged(inputs, test) && reproduced.keySet().containsAll(outputIds(model))
                                ? reproduced
                                : session.predict(inputs);
                    } catch (IOException | RuntimeException e) {
                        errors.add(Diagnostic.error(
                                Location.of("weights", format.id()), label + ": " + ModelTests.message(e)));
                        continue;
                    }
                    checkOutputs(model, sizes, b, outputs, label, errors);
                }
            }
        } catch (IOException | RuntimeException e) {
            errors.add(Diagnostic.error(Location.of("weights", format.id()), ModelTests.message(e)));
        }
        return TestDetail.ran(
                CheckKind.SHAPES,
                name(format),
                format,
                errors,
                List.of(),
                List.of(),
                Duration.ofNanos(System.nanoTime() - start));
    }

    /** Whether every input is the test input itself (resizing it to the case's sizes changed nothing). */
    private static boolean unchanged(Map<String, Tensor> inputs, Map<String, Tensor> test) {
        for (Map.Entry<String, Tensor> e : inputs.entrySet()) {
            if (e.getValue() != test.get(e.getKey())) {
                return false;
            }
        }
        return true;
    }

    private static List<String> outputIds(ModelDescr model) {
        return model.outputs().stream().map(OutputTensorDescr::id).toList();
    }

    static List<Integer> sizeParameters(ModelDescr model) {
        boolean parameterized = model.inputs().stream()
                .flatMap(t -> t.axes().stream())
                .anyMatch(a -> size(a) instanceof ParameterizedSize);
        return parameterized ? List.of(0, 1, 2) : List.of(0);
    }

    static List<Integer> batchSizes(ModelDescr model) {
        boolean hasBatch = false;
        for (InputTensorDescr t : model.inputs()) {
            for (Axis a : t.axes()) {
                if (a instanceof BatchAxis batch) {
                    hasBatch = true;
                    if (batch.size() != null) {
                        return List.of(batch.size());
                    }
                }
            }
        }
        return hasBatch ? List.of(1, 2) : List.of(1);
    }

    /** Input axis sizes by tensor id and axis id for size parameter n and batch size b. */
    static Map<String, Map<String, Integer>> inputSizes(ModelDescr model, int n, int b) {
        Map<String, Map<String, Integer>> sizes = new LinkedHashMap<>();
        List<Runnable> references = new ArrayList<>();
        for (InputTensorDescr t : model.inputs()) {
            Map<String, Integer> axes = new LinkedHashMap<>();
            sizes.put(t.id(), axes);
            for (Axis a : t.axes()) {
                AxisSize s = size(a);
                if (a instanceof BatchAxis) {
                    axes.put(a.id(), b);
                } else if (a instanceof ChannelAxis c) {
                    axes.put(a.id(), c.channelNames().size());
                } else if (s instanceof FixedSize f) {
                    axes.put(a.id(), f.value());
                } else if (s instanceof ParameterizedSize p) {
                    axes.put(a.id(), p.min() + n * p.step());
                } else if (s instanceof SizeReference r) {
                    axes.put(a.id(), -1);
                    references.add(() -> axes.put(a.id(), referenced(model, sizes, a, r)));
                }
            }
        }
        references.forEach(Runnable::run);
        return sizes;
    }

    private static int referenced(
            ModelDescr model, Map<String, Map<String, Integer>> sizes, Axis axis, SizeReference r) {
        Map<String, Integer> tensor = sizes.get(r.tensorId());
        Integer refSize = tensor == null ? null : tensor.get(r.axisId());
        if (refSize == null || refSize < 0) {
            throw new IllegalArgumentException(
                    "cannot resolve the size reference to " + r.tensorId() + "." + r.axisId());
        }
        Axis ref = model.inputs().stream()
                .filter(t -> t.id().equals(r.tensorId()))
                .flatMap(t -> t.axes().stream())
                .filter(a -> a.id().equals(r.axisId()))
                .findFirst()
                .orElseThrow();
        return (int) Math.round(refSize * scale(ref) / scale(axis)) + r.offset();
    }

    private static void checkOutputs(
            ModelDescr model,
            Map<String, Map<String, Integer>> sizes,
            int b,
            Map<String, Tensor> outputs,
            String label,
            List<Diagnostic> errors) {
        for (int i = 0; i < model.outputs().size(); i++) {
            OutputTensorDescr out = model.outputs().get(i);
            Tensor t = outputs.get(out.id());
            if (t == null) {
                errors.add(
                        Diagnostic.error(Location.of("outputs", i), label + ": output '" + out.id() + "' is missing"));
                continue;
            }
            if (t.ndim() != out.axes().size()) {
                errors.add(Diagnostic.error(
                        Location.of("outputs", i),
                        label + ": output '" + out.id() + "' has shape " + ModelTests.tagged(t) + ", expected "
                                + out.axes().size() + " axes"));
                continue;
            }
            for (int d = 0; d < out.axes().size(); d++) {
                Axis a = out.axes().get(d);
                int actual = t.shape()[d];
                AxisSize s = size(a);
                String expected = null;
                if (a instanceof BatchAxis) {
                    expected = actual == b ? null : String.valueOf(b);
                } else if (a instanceof ChannelAxis c) {
                    expected = actual == c.channelNames().size()
                            ? null
                            : String.valueOf(c.channelNames().size());
                } else if (s instanceof FixedSize f) {
                    expected = actual == f.value() ? null : String.valueOf(f.value());
                } else if (s instanceof SizeReference r) {
                    int want = referenced(model, sizes, a, r);
                    expected = actual == want ? null : String.valueOf(want);
                } else if (s instanceof DataDependentSize dd) {
                    boolean ok = actual >= dd.min() && (dd.max() == null || actual <= dd.max());
                    expected = ok ? null : "[" + dd.min() + ", " + (dd.max() == null ? "inf" : dd.max()) + "]";
                }
                if (expected != null) {
                    errors.add(Diagnostic.error(
                            Location.of("outputs", i, "axes", d),
                            label + ": output '" + out.id() + "' has size " + actual + " along '" + a.id()
                                    + "', expected " + expected));
                }
            }
        }
    }

    /** Center-crops or edge-pads every axis to the wanted size. */
    static Tensor resize(Tensor t, Map<String, Integer> sizes) {
        Tensor r = t;
        for (Map.Entry<String, Integer> e : sizes.entrySet()) {
            String axis = e.getKey();
            int have = r.size(axis);
            int want = e.getValue();
            if (want < have) {
                int begin = (have - want) / 2;
                r = r.crop(axis, begin, begin + want);
            } else if (want > have) {
                int before = (want - have) / 2;
                r = r.pad(axis, before, want - have - before, PadMode.EDGE, 0);
            }
        }
        return r;
    }

    static @Nullable AxisSize size(Axis a) {
        if (a instanceof InputAxis in) {
            return in.inputSize();
        }
        return ((OutputAxis) a).outputSize();
    }

    private static double scale(Axis a) {
        return a.scale();
    }
}
