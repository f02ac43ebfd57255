package eu.riscale.modelhub.core.iocheck;

import eu.riscale.modelhub.core.tensor.Tensor;
import eu.riscale.modelhub.spec.ModelDescr;
import eu.riscale.modelhub.spec.axis.Axis;
import eu.riscale.modelhub.spec.axis.BatchAxis;
import eu.riscale.modelhub.spec.axis.ChannelAxis;
import eu.riscale.modelhub.spec.axis.DataDependentSize;
import eu.riscale.modelhub.spec.axis.FixedSize;
import eu.riscale.modelhub.spec.axis.IndexInputAxis;
import eu.riscale.modelhub.spec.axis.IndexOutputAxis;
import eu.riscale.modelhub.spec.axis.ParameterizedSize;
import eu.riscale.modelhub.spec.axis.SizeReference;
import eu.riscale.modelhub.spec.axis.SpaceInputAxis;
import eu.riscale.modelhub.spec.axis.SpaceOutputAxis;
import eu.riscale.modelhub.spec.axis.SpaceOutputAxisWithHalo;
import eu.riscale.modelhub.spec.axis.TimeInputAxis;
import eu.riscale.modelhub.spec.axis.TimeOutputAxis;
import eu.riscale.modelhub.spec.axis.TimeOutputAxisWithHalo;
import eu.riscale.modelhub.spec.config.ReproducibilityTolerance;
import eu.riscale.modelhub.spec.tensor.DType;
import eu.riscale.modelhub.spec.tensor.PerChannelData;
import eu.riscale.modelhub.spec.tensor.TensorData;
import eu.riscale.modelhub.spec.tensor.TensorDataDescr;
import eu.riscale.modelhub.spec.validation.Diagnostic;
import eu.riscale.modelhub.spec.validation.Location;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The rules on test and sample tensors, as the reference's {@code validate_tensors}, {@code _validate_test_tensors}
 * and {@code _validate_sample_tensor} (model/v0_5.py), but reporting every violation instead of the first.
 */
final class TestTensors {
    /** Below this magnitude every value is "too small for reliable testing". */
    static final double SMALLEST_TEST_VALUE = 1e-4;

    /** The most a non-zero absolute tolerance may be, as a fraction of an output test tensor's maximum. */
    static final double TOLERANCE_FRACTION = 0.01;

    private TestTensors() {}

    /** One tensor of the description with its test array, if it could be read with the right dimensions. */
    private record Described(
            Location loc,
            String id,
            List<? extends Axis> axes,
            TensorData data,
            @Nullable Tensor array) {}

    static void check(ModelDescr model, Map<Location, Tensor> arrays, List<Diagnostic> issues) {
        Map<String, Described> byId = new HashMap<>();
        List<Described> all = new java.util.ArrayList<>();
        for (int i = 0; i < model.inputs().size(); i++) {
            var t = model.inputs().get(i);
            Location loc = Location.of("inputs", i, "test_tensor");
            all.add(new Described(loc, t.id(), t.axes(), t.data(), arrays.get(loc)));
        }
        for (int i = 0; i < model.outputs().size(); i++) {
            var t = model.outputs().get(i);
            Location loc = Location.of("outputs", i, "test_tensor");
            all.add(new Described(loc, t.id(), t.axes(), t.data(), arrays.get(loc)));
        }
        for (int k = 0; k < all.size(); k++) {
            Described d = all.get(k);
            Tensor array = d.array();
            if (array != null && array.ndim() != d.axes().size()) {
                issues.add(IoValidation.error(
                        d.loc(),
                        "found " + array.ndim() + " dimensions (shape " + Arrays.toString(array.shape())
                                + "), expected " + d.axes().size() + " for axes " + axisIds(d.axes())));
                d = new Described(d.loc(), d.id(), d.axes(), d.data(), null);
                all.set(k, d);
            }
            byId.putIfAbsent(d.id(), d);
        }
        for (Described d : all) {
            Tensor array = d.array();
            if (array == null) {
                continue;
            }
            dtype(d, array, issues);
            double[] values = array.toDoubleArray();
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (double v : values) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
            if (min > -SMALLEST_TEST_VALUE && max < SMALLEST_TEST_VALUE) {
                issues.add(IoValidation.error(
                        d.loc(),
                        "values too small for reliable testing: all in [" + min + ", " + max
                                + "], expected at least one value with |v| >= " + SMALLEST_TEST_VALUE));
            }
            for (int i = 0; i < d.axes().size(); i++) {
                sizes(d, d.axes().get(i), array.shape()[i], byId, issues);
            }
        }
        tolerances(model, all, issues);
    }

    private static void dtype(Described d, Tensor array, List<Diagnostic> issues) {
        DType described = describedType(d.data());
        if (described == null) {
            return;
        }
        boolean ok = described.isFloatingPoint() ? array.dtype() != DType.BOOL : array.dtype() == described;
        if (!ok) {
            issues.add(IoValidation.error(
                    d.loc(),
                    "dtype '" + array.dtype().id() + "' does not match the described dtype '" + described.id() + "'"
                            + (described.isFloatingPoint() ? " (any numeric dtype is accepted)" : "")));
        }
    }

    private static @Nullable DType describedType(TensorData data) {
        if (data instanceof TensorDataDescr) {
            return ((TensorDataDescr) data).type();
        }
        List<TensorDataDescr> channels = ((PerChannelData) data).channels();
        return channels.isEmpty() ? null : channels.get(0).type();
    }

    private static void sizes(
            Described d, Axis axis, int actual, Map<String, Described> byId, List<Diagnostic> issues) {
        Object size = declaredSize(axis);
        String prefix = "axis '" + axis.id() + "' has size " + actual;
        if (size instanceof Integer) {
            if (actual != (Integer) size) {
                issues.add(IoValidation.error(d.loc(), prefix + ", expected " + size));
            }
        } else if (size instanceof FixedSize) {
            int expected = ((FixedSize) size).value();
            if (actual != expected) {
                issues.add(IoValidation.error(d.loc(), prefix + ", expected " + expected));
            }
        } else if (size instanceof ParameterizedSize) {
            ParameterizedSize p = (ParameterizedSize) size;
            if (actual < p.min() || p.step() <= 0 || (actual - p.min()) % p.step() != 0) {
                issues.add(IoValidation.error(
                        d.loc(),
                        prefix + ", expected min + n*step = " + p.min() + " + n*" + p.step() + " for some n >= 0"));
            }
        } else if (size instanceof DataDependentSize) {
            DataDependentSize dd = (DataDependentSize) size;
            Integer max = dd.max();
            if (actual < dd.min() || (max != null && actual > max)) {
                issues.add(IoValidation.error(
                        d.loc(),
                        prefix + ", expected between " + dd.min() + " and " + (max == null ? "any size" : max)));
            }
        } else if (size instanceof SizeReference) {
            reference(d, axis, (SizeReference) size, actual, byId, issues);
        }
    }

    /**
     * {@code actual == ref_size * ref.scale / axis.scale + offset}, compared exactly as the reference does. An
     * unknown tensor or axis and a unit mismatch are format errors, reported there; a referenced tensor without a
     * readable test tensor cannot be compared and is skipped.
     */
    private static void reference(
            Described d,
            Axis axis,
            SizeReference ref,
            int actual,
            Map<String, Described> byId,
            List<Diagnostic> issues) {
        Described target = byId.get(ref.tensorId());
        if (target == null || target.array() == null) {
            return;
        }
        List<? extends Axis> axes = target.axes();
        for (int i = 0; i < axes.size(); i++) {
            Axis refAxis = axes.get(i);
            if (refAxis.id().equals(ref.axisId())) {
                int refSize = target.array().shape()[i];
                double expected = refSize * scale(refAxis) / scale(axis) + ref.offset();
                if (actual != expected) {
                    issues.add(IoValidation.error(
                            d.loc(),
                            "axis '" + axis.id() + "' has size " + actual + ", invalid for the referenced size "
                                    + refSize + " of " + ref.tensorId() + "." + ref.axisId() + ": expected "
                                    + format(expected)));
                }
                return;
            }
        }
    }

    private static void tolerances(ModelDescr model, List<Described> all, List<Diagnostic> issues) {
        List<ReproducibilityTolerance> tolerances = model.config().bioimageio().reproducibilityTolerance();
        for (int k = 0; k < tolerances.size(); k++) {
            ReproducibilityTolerance t = tolerances.get(k);
            double tolerance = t.absoluteTolerance();
            if (tolerance == 0) {
                continue;
            }
            for (int o = 0; o < model.outputs().size(); o++) {
                String id = model.outputs().get(o).id();
                if (!t.outputIds().isEmpty() && !t.outputIds().contains(id)) {
                    continue;
                }
                Tensor array = all.get(model.inputs().size() + o).array();
                if (array == null) {
                    continue;
                }
                double max = Double.NEGATIVE_INFINITY;
                for (double v : array.toDoubleArray()) {
                    max = Math.max(max, v);
                }
                if (tolerance > max * TOLERANCE_FRACTION) {
                    issues.add(IoValidation.error(
                            Location.of("config", "bioimageio", "reproducibility_tolerance", k, "absolute_tolerance"),
                            "absolute_tolerance " + tolerance + " > 0.01*" + max
                                    + " (1% of the maximum value of the test tensor '" + id + "')"));
                }
            }
        }
    }

    /** The reference's rule 14: a sample image has between the fewest and the most dimensions the axes allow. */
    static void sampleDimensions(Location loc, List<? extends Axis> axes, Tensor image, List<Diagnostic> issues) {
        int dims = 0;
        for (int s : image.shape()) {
            if (s != 1) {
                dims++;
            }
        }
        int most = axes.size();
        int least = axes.size();
        for (Axis a : axes) {
            Object size = declaredSize(a);
            if (a instanceof BatchAxis) {
                least--;
            } else if (size instanceof Integer && (Integer) size == 1) {
                least--;
            } else if (size instanceof FixedSize && ((FixedSize) size).value() == 1) {
                least--;
            } else if (size instanceof ParameterizedSize && ((ParameterizedSize) size).min() == 1) {
                least--;
            } else if (size instanceof DataDependentSize && ((DataDependentSize) size).min() == 1) {
                least--;
            } else if (size instanceof SizeReference && ((SizeReference) size).offset() < 2) {
                least--;
            }
        }
        least = Math.max(0, least);
        if (dims < least || dims > most) {
            issues.add(IoValidation.error(
                    loc,
                    "found " + dims + " dimensions of size above 1 (shape " + Arrays.toString(image.shape())
                            + "), expected " + least + " to " + most + " for axes " + axisIds(axes)));
        }
    }

    /** The declared size of an axis: a size record, the channel count, the batch size, or null for any batch. */
    private static @Nullable Object declaredSize(Axis a) {
        if (a instanceof BatchAxis) {
            return ((BatchAxis) a).size();
        } else if (a instanceof ChannelAxis) {
            return ((ChannelAxis) a).channelNames().size();
        } else if (a instanceof IndexInputAxis) {
            return ((IndexInputAxis) a).size();
        } else if (a instanceof IndexOutputAxis) {
            return ((IndexOutputAxis) a).size();
        } else if (a instanceof TimeInputAxis) {
            return ((TimeInputAxis) a).size();
        } else if (a instanceof TimeOutputAxis) {
            return ((TimeOutputAxis) a).size();
        } else if (a instanceof TimeOutputAxisWithHalo) {
            return ((TimeOutputAxisWithHalo) a).size();
        } else if (a instanceof SpaceInputAxis) {
            return ((SpaceInputAxis) a).size();
        } else if (a instanceof SpaceOutputAxis) {
            return ((SpaceOutputAxis) a).size();
        } else if (a instanceof SpaceOutputAxisWithHalo) {
            return ((SpaceOutputAxisWithHalo) a).size();
        }
        throw new AssertionError(a);
    }

    private static double scale(Axis a) {
        return a.scale();
    }

    private static List<String> axisIds(List<? extends Axis> axes) {
        return axes.stream().map(Axis::id).toList();
    }

    private static String format(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
