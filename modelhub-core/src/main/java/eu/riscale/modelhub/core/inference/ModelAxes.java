package eu.riscale.modelhub.core.inference;

import eu.riscale.modelhub.spec.ModelDescr;
import eu.riscale.modelhub.spec.axis.Axis;
import eu.riscale.modelhub.spec.axis.BatchAxis;
import eu.riscale.modelhub.spec.axis.ChannelAxis;
import eu.riscale.modelhub.spec.axis.FixedSize;
import eu.riscale.modelhub.spec.axis.InputAxis;
import eu.riscale.modelhub.spec.axis.InputSize;
import eu.riscale.modelhub.spec.axis.OutputAxis;
import eu.riscale.modelhub.spec.axis.OutputSize;
import eu.riscale.modelhub.spec.axis.ParameterizedSize;
import eu.riscale.modelhub.spec.tensor.InputTensorDescr;
import eu.riscale.modelhub.spec.tensor.OutputTensorDescr;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Reads sizes, scales and halos off the spec's axis records. */
final class ModelAxes {
    private ModelAxes() {}

    static List<String> ids(List<? extends Axis> axes) {
        List<String> ids = new ArrayList<>(axes.size());
        for (Axis a : axes) {
            ids.add(a.id());
        }
        return ids;
    }

    /** {@return the size of an input axis, or null for batch and channel axes} */
    static @Nullable InputSize size(InputAxis axis) {
        return axis.inputSize();
    }

    /** {@return the size of an output axis, or null for batch and channel axes} */
    static @Nullable OutputSize size(OutputAxis axis) {
        return axis.outputSize();
    }

    /** {@return the physical scale of an axis (1 for batch, channel and index axes)} */
    static double scale(Axis axis) {
        return axis.scale();
    }

    /** {@return the declared halo of an output axis, 0 when none} */
    static int halo(OutputAxis axis) {
        return axis.halo();
    }

    static InputTensorDescr input(ModelDescr model, String id) {
        for (InputTensorDescr in : model.inputs()) {
            if (in.id().equals(id)) {
                return in;
            }
        }
        throw new IllegalArgumentException("the model has no input '" + id + "'");
    }

    static @Nullable InputAxis inputAxis(InputTensorDescr in, String axisId) {
        for (InputAxis a : in.axes()) {
            if (a.id().equals(axisId)) {
                return a;
            }
        }
        return null;
    }

    /** Whether an input may be given without this axis (it is then inserted with size 1). */
    static boolean maySingleton(InputAxis axis) {
        if (axis instanceof BatchAxis) {
            Integer s = ((BatchAxis) axis).size();
            return s == null || s == 1;
        } else if (axis instanceof ChannelAxis) {
            return ((ChannelAxis) axis).channelNames().size() == 1;
        }
        InputSize size = size(axis);
        if (size instanceof FixedSize) {
            return ((FixedSize) size).value() == 1;
        } else if (size instanceof ParameterizedSize) {
            return ((ParameterizedSize) size).min() == 1;
        }
        return false;
    }

    /** {@return the smallest size of the form min + n*step that is at least {@code atLeast}} */
    static int smallestValid(ParameterizedSize p, int atLeast) {
        if (atLeast <= p.min() || p.step() == 0) {
            return p.min();
        }
        int n = (atLeast - p.min() + p.step() - 1) / p.step();
        return p.min() + n * p.step();
    }

    static boolean valid(ParameterizedSize p, int size) {
        if (size < p.min()) {
            return false;
        }
        return p.step() == 0 ? size == p.min() : (size - p.min()) % p.step() == 0;
    }

    static String describe(ParameterizedSize p, int size) {
        if (p.step() == 0) {
            return "expected " + p.min();
        }
        int up = smallestValid(p, size);
        int down = up - p.step() >= p.min() ? up - p.step() : up;
        String example = down == up ? String.valueOf(up) : down + " or " + up;
        return "expected min + n*step = " + p.min() + " + n*" + p.step() + " (for example " + example + ")";
    }

    /** {@return the size a size reference gives for a referenced size} */
    static int referencedSize(Axis axis, Axis refAxis, int refSize, int offset) {
        return (int) (refSize * scale(refAxis) / scale(axis)) + offset;
    }

    static OutputTensorDescr output(ModelDescr model, String id) {
        for (OutputTensorDescr out : model.outputs()) {
            if (out.id().equals(id)) {
                return out;
            }
        }
        throw new IllegalArgumentException("the model has no output '" + id + "'");
    }

    static List<String> inputIds(ModelDescr model) {
        return model.inputs().stream().map(InputTensorDescr::id).toList();
    }

    static List<String> outputIds(ModelDescr model) {
        return model.outputs().stream().map(OutputTensorDescr::id).toList();
    }
}
