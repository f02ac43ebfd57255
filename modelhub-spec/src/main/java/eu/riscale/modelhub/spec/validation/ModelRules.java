package eu.riscale.modelhub.spec.validation;

import eu.riscale.modelhub.spec.FormatVersion;
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
import eu.riscale.modelhub.spec.axis.SpatioTemporalAxis;
import eu.riscale.modelhub.spec.axis.TimeInputAxis;
import eu.riscale.modelhub.spec.axis.TimeOutputAxis;
import eu.riscale.modelhub.spec.axis.TimeOutputAxisWithHalo;
import eu.riscale.modelhub.spec.common.CiteEntry;
import eu.riscale.modelhub.spec.common.FileDescr;
import eu.riscale.modelhub.spec.common.Icon;
import eu.riscale.modelhub.spec.config.Evaluation;
import eu.riscale.modelhub.spec.config.ReproducibilityTolerance;
import eu.riscale.modelhub.spec.constraint.ValueTypes;
import eu.riscale.modelhub.spec.op.BinarizeDescr;
import eu.riscale.modelhub.spec.op.BinarizeKwargs;
import eu.riscale.modelhub.spec.op.CellposeFlowDynamicsDescr;
import eu.riscale.modelhub.spec.op.CellposeFlowDynamicsKwargs;
import eu.riscale.modelhub.spec.op.ClipDescr;
import eu.riscale.modelhub.spec.op.ClipKwargs;
import eu.riscale.modelhub.spec.op.CustomPostprocessingDescr;
import eu.riscale.modelhub.spec.op.EnsureDtypeDescr;
import eu.riscale.modelhub.spec.op.FixedZeroMeanUnitVarianceDescr;
import eu.riscale.modelhub.spec.op.FixedZeroMeanUnitVarianceKwargs;
import eu.riscale.modelhub.spec.op.PostprocessingDescr;
import eu.riscale.modelhub.spec.op.ScaleLinearDescr;
import eu.riscale.modelhub.spec.op.ScaleLinearKwargs;
import eu.riscale.modelhub.spec.op.ScaleMeanVarianceDescr;
import eu.riscale.modelhub.spec.op.ScaleRangeDescr;
import eu.riscale.modelhub.spec.op.ScaleRangeKwargs;
import eu.riscale.modelhub.spec.op.SigmoidDescr;
import eu.riscale.modelhub.spec.op.SoftmaxDescr;
import eu.riscale.modelhub.spec.op.StardistKwargs;
import eu.riscale.modelhub.spec.op.StardistPostprocessingDescr;
import eu.riscale.modelhub.spec.op.ZeroMeanUnitVarianceDescr;
import eu.riscale.modelhub.spec.tensor.DType;
import eu.riscale.modelhub.spec.tensor.InputTensorDescr;
import eu.riscale.modelhub.spec.tensor.IntervalOrRatioDataDescr;
import eu.riscale.modelhub.spec.tensor.NominalOrOrdinalDataDescr;
import eu.riscale.modelhub.spec.tensor.OutputTensorDescr;
import eu.riscale.modelhub.spec.tensor.Padding;
import eu.riscale.modelhub.spec.tensor.PerChannelData;
import eu.riscale.modelhub.spec.tensor.TensorData;
import eu.riscale.modelhub.spec.tensor.TensorDataDescr;
import eu.riscale.modelhub.spec.weights.KerasV3WeightsDescr;
import eu.riscale.modelhub.spec.weights.OnnxWeightsDescr;
import eu.riscale.modelhub.spec.weights.PytorchStateDictWeightsDescr;
import eu.riscale.modelhub.spec.weights.TensorflowSavedModelBundleWeightsDescr;
import eu.riscale.modelhub.spec.weights.WeightsDescr;
import eu.riscale.modelhub.spec.weights.WeightsEntryDescr;
import eu.riscale.modelhub.spec.weights.WeightsFormat;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The cross-field rules of format 0.5 (reference section A.7 and the kwargs rules of A.5/A.6) that no single field can
 * check: unique tensor and axis ids, size references, halos, per-channel data, processing axes and reference tensors,
 * weights parents. Each finding carries the most precise location, for example {@code outputs.0.axes.2.size}. Run by the
 * class-level constraint {@link ValidModel} on {@link ModelDescr}.
 */
final class ModelRules {
    private final List<Diagnostic> issues = new ArrayList<>();

    private ModelRules() {}

    static List<Diagnostic> check(ModelDescr model) {
        ModelRules rules = new ModelRules();
        rules.tensorIds(model);
        Map<String, Independent> inputRefs = new LinkedHashMap<>();
        Map<String, Independent> allRefs = new LinkedHashMap<>();
        for (InputTensorDescr t : model.inputs()) {
            collectIndependent(t.id(), t.axes(), inputRefs);
        }
        allRefs.putAll(inputRefs);
        for (OutputTensorDescr t : model.outputs()) {
            collectIndependent(t.id(), t.axes(), allRefs);
        }
        Set<String> inputIds = new HashSet<>();
        model.inputs().forEach(t -> inputIds.add(t.id()));
        for (int i = 0; i < model.inputs().size(); i++) {
            InputTensorDescr t = model.inputs().get(i);
            Location loc = Location.of("inputs", i);
            rules.axes(loc, t.id(), t.axes(), inputRefs);
            rules.data(loc, t.axes(), t.data());
            rules.pad(loc, t.pad());
            for (int k = 0; k < t.preprocessing().size(); k++) {
                rules.op(
                        loc.key("preprocessing").index(k),
                        t.axes(),
                        t.preprocessing().get(k),
                        inputIds,
                        "input");
            }
        }
        for (int i = 0; i < model.outputs().size(); i++) {
            OutputTensorDescr t = model.outputs().get(i);
            Location loc = Location.of("outputs", i);
            rules.axes(loc, t.id(), t.axes(), allRefs);
            rules.data(loc, t.axes(), t.data());
            for (int k = 0; k < t.postprocessing().size(); k++) {
                // since 0.5.8 a reference tensor names an (unprocessed) input, in postprocessing too; the reference
                // reads older files by this rule as well, so it is not gated (docs/formats.md)
                rules.op(
                        loc.key("postprocessing").index(k),
                        t.axes(),
                        t.postprocessing().get(k),
                        inputIds,
                        "input");
            }
        }
        rules.weights(model.weights());
        rules.rootFields(model);
        rules.channelColors(model);
        rules.tolerances(model.config().bioimageio().reproducibilityTolerance());
        rules.evaluations(model.config().bioimageio().evaluations());
        if (model.parent() != null && Objects.equals(model.parent().id(), model.id())) {
            rules.error(Location.of("parent", "id"), "A model description may not reference itself as parent.");
        }
        return List.copyOf(rules.issues);
    }

    /** An axis whose size is fixed or parameterized and may therefore be referenced. */
    private record Independent(Axis axis, int minSize) {}

    private static void collectIndependent(String tensorId, List<? extends Axis> axes, Map<String, Independent> refs) {
        for (Axis a : axes) {
            if (a instanceof BatchAxis) {
                continue;
            }
            Object size = size(a);
            if (size instanceof FixedSize) {
                refs.put(tensorId + "." + a.id(), new Independent(a, ((FixedSize) size).value()));
            } else if (size instanceof ParameterizedSize) {
                refs.put(tensorId + "." + a.id(), new Independent(a, ((ParameterizedSize) size).min()));
            } else if (size instanceof Integer) {
                refs.put(tensorId + "." + a.id(), new Independent(a, (Integer) size));
            }
        }
    }

    /** The size object of an axis: a size form record, a channel count, or null for a batch axis. */
    private static @Nullable Object size(Axis a) {
        if (a instanceof BatchAxis) {
            return null;
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

    private static @Nullable String unit(Axis a) {
        return a instanceof SpatioTemporalAxis ? ((SpatioTemporalAxis) a).unit() : null;
    }

    private static double scale(Axis a) {
        return a instanceof SpatioTemporalAxis ? ((SpatioTemporalAxis) a).scale() : 1.0;
    }

    private static int halo(Axis a) {
        if (a instanceof SpaceOutputAxisWithHalo) {
            return ((SpaceOutputAxisWithHalo) a).halo();
        } else if (a instanceof TimeOutputAxisWithHalo) {
            return ((TimeOutputAxisWithHalo) a).halo();
        }
        return 0;
    }

    /**
     * Tensor ids must be unique. The reference's check (a field validator on {@code outputs} that reads the outputs
     * from the not yet populated validation data) only ever sees the inputs, so a duplicate among the inputs is an
     * error while an output reusing an input or output id is only a warning here (see docs/validation.md).
     */
    private void tensorIds(ModelDescr model) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < model.inputs().size(); i++) {
            String id = model.inputs().get(i).id();
            if (!seen.add(id)) {
                error(
                        Location.of("inputs", i).key("id"),
                        "Duplicate tensor id '" + id + "'; tensor ids must be unique.");
            }
        }
        for (int i = 0; i < model.outputs().size(); i++) {
            String id = model.outputs().get(i).id();
            if (!seen.add(id)) {
                issue(
                        Severity.WARNING,
                        Location.of("outputs", i).key("id"),
                        "Duplicate tensor id '" + id + "': another input or output has this id, so references to"
                                + " it are ambiguous.");
            }
        }
    }

    private void axes(Location loc, String tensorId, List<? extends Axis> axes, Map<String, Independent> refs) {
        Set<String> ids = new HashSet<>();
        int batches = 0;
        for (int a = 0; a < axes.size(); a++) {
            Axis axis = axes.get(a);
            Location axisLoc = loc.key("axes").index(a);
            if (!ids.add(axis.id())) {
                error(axisLoc.key("id"), "Duplicate axis id '" + axis.id() + "' in tensor '" + tensorId + "'.");
            }
            if (Double.isInfinite(scale(axis))) {
                error(axisLoc.key("scale"), "NaN and infinite values are not allowed, found " + scale(axis) + ".");
            }
            if (axis instanceof BatchAxis && ++batches == 2) {
                error(axisLoc, "A tensor may have at most one batch axis.");
            }
            Object size = size(axis);
            if (size instanceof SizeReference) {
                sizeReference(axisLoc, tensorId, axis, (SizeReference) size, refs);
            } else if (size instanceof DataDependentSize) {
                DataDependentSize d = (DataDependentSize) size;
                if (d.max() != null && d.min() >= d.max()) {
                    error(axisLoc.key("size"), "min (" + d.min() + ") must be smaller than max (" + d.max() + ").");
                }
            }
        }
    }

    private void sizeReference(
            Location axisLoc, String tensorId, Axis axis, SizeReference ref, Map<String, Independent> refs) {
        String key = ref.tensorId() + "." + ref.axisId();
        if (ref.tensorId().equals(tensorId) && ref.axisId().equals(axis.id())) {
            error(axisLoc.key("size"), "Self-referencing not allowed: an axis may not reference its own size.");
            return;
        }
        Independent target = refs.get(key);
        if (target == null) {
            error(
                    axisLoc.key("size"),
                    "Invalid tensor axis reference " + key + ": the referenced axis must exist"
                            + " and have a fixed or parameterized size (inputs may reference inputs only).");
            return;
        }
        if (!Objects.equals(unit(axis), unit(target.axis()))) {
            error(
                    axisLoc.key("size"),
                    "The units of an axis and its reference axis need to match, but '" + unit(axis) + "' != '"
                            + unit(target.axis()) + "'.");
            return;
        }
        int halo = halo(axis);
        if (halo > 0) {
            int minSize = (int) (target.minSize() * scale(target.axis()) / scale(axis) + ref.offset());
            if (minSize - 2 * halo < 1) {
                error(
                        axisLoc.key("halo"),
                        "axis " + axis.id() + " with minimum size " + minSize + " is too small for halo " + halo + ".");
            }
            double refHalo = halo * scale(axis) / scale(target.axis());
            if (refHalo != Math.rint(refHalo)) {
                error(
                        axisLoc.key("halo"),
                        "Inferred halo for " + key + " is not an integer (" + refHalo + " = "
                                + tensorId + "." + axis.id() + ".halo " + halo + " * scale " + scale(axis)
                                + " / " + key + ".scale " + scale(target.axis()) + ").");
            }
        }
    }

    /** NaN and infinite numbers are errors (reference {@code allow_inf_nan=False}); checked where numbers are free. */
    private void finite(Location loc, @Nullable Double value) {
        if (value != null && !Double.isFinite(value)) {
            error(loc, "NaN and infinite values are not allowed, found " + value + ".");
        }
    }

    private void finite(Location loc, List<Double> values) {
        for (int i = 0; i < values.size(); i++) {
            finite(values.size() == 1 ? loc : loc.index(i), values.get(i));
        }
    }

    private void finiteKwargs(Location kwargs, PostprocessingDescr op) {
        if (op instanceof ClipDescr) {
            ClipKwargs k = ((ClipDescr) op).kwargs();
            finite(kwargs.key("min"), k.min());
            finite(kwargs.key("max"), k.max());
        } else if (op instanceof BinarizeDescr) {
            BinarizeKwargs k = ((BinarizeDescr) op).kwargs();
            if (k instanceof BinarizeKwargs.Scalar) {
                finite(kwargs.key("threshold"), ((BinarizeKwargs.Scalar) k).threshold());
            } else {
                finite(kwargs.key("threshold"), ((BinarizeKwargs.AlongAxis) k).threshold());
            }
        } else if (op instanceof ScaleLinearDescr) {
            ScaleLinearKwargs k = ((ScaleLinearDescr) op).kwargs();
            if (k instanceof ScaleLinearKwargs.Scalar) {
                finite(kwargs.key("gain"), ((ScaleLinearKwargs.Scalar) k).gain());
                finite(kwargs.key("offset"), ((ScaleLinearKwargs.Scalar) k).offset());
            } else {
                finite(
                        kwargs.key("gain"),
                        ((ScaleLinearKwargs.AlongAxis) k).gain().values());
                finite(
                        kwargs.key("offset"),
                        ((ScaleLinearKwargs.AlongAxis) k).offset().values());
            }
        } else if (op instanceof FixedZeroMeanUnitVarianceDescr) {
            FixedZeroMeanUnitVarianceKwargs k = ((FixedZeroMeanUnitVarianceDescr) op).kwargs();
            if (k instanceof FixedZeroMeanUnitVarianceKwargs.Scalar) {
                finite(kwargs.key("mean"), ((FixedZeroMeanUnitVarianceKwargs.Scalar) k).mean());
                finite(kwargs.key("std"), ((FixedZeroMeanUnitVarianceKwargs.Scalar) k).std());
            } else {
                finite(kwargs.key("mean"), ((FixedZeroMeanUnitVarianceKwargs.AlongAxis) k).mean());
                finite(kwargs.key("std"), ((FixedZeroMeanUnitVarianceKwargs.AlongAxis) k).std());
            }
        }
    }

    private void data(Location loc, List<? extends Axis> axes, TensorData data) {
        if (!(data instanceof PerChannelData)) {
            dataDescr(loc.key("data"), (TensorDataDescr) data);
            return;
        }
        PerChannelData perChannel = (PerChannelData) data;
        for (int c = 0; c < perChannel.channels().size(); c++) {
            dataDescr(loc.key("data").index(c), perChannel.channels().get(c));
        }
        for (Axis a : axes) {
            if (a instanceof ChannelAxis) {
                int channels = ((ChannelAxis) a).channelNames().size();
                if (perChannel.channels().size() != channels) {
                    error(
                            loc.key("data"),
                            "Got tensor data descriptions for "
                                    + perChannel.channels().size() + " channels, but '" + a.id() + "' axis has size "
                                    + channels + ".");
                }
            }
        }
        Set<Class<?>> kinds = new HashSet<>();
        perChannel.channels().forEach(c -> kinds.add(c.getClass()));
        if (kinds.size() > 1) {
            error(loc.key("data"), "Tensor data descriptions per channel need to be of the same type.");
        }
    }

    private void op(Location loc, List<? extends Axis> axes, PostprocessingDescr op, Set<String> refIds, String what) {
        Set<String> axisIds = new HashSet<>();
        axes.forEach(a -> axisIds.add(a.id()));
        Location kwargs = loc.key("kwargs");
        finiteKwargs(kwargs, op);
        if (op instanceof ClipDescr) {
            ClipKwargs k = ((ClipDescr) op).kwargs();
            if (k.min() != null && k.minPercentile() != null) {
                error(kwargs, "Only one of `min` and `min_percentile` may be set.");
            }
            if (k.max() != null && k.maxPercentile() != null) {
                error(kwargs, "Only one of `max` and `max_percentile` may be set.");
            }
            if (k.min() == null && k.minPercentile() == null && k.max() == null && k.maxPercentile() == null) {
                error(kwargs, "At least one of `min`, `min_percentile`, `max` or `max_percentile` must be set.");
            }
            if (k.axes() != null && k.minPercentile() == null && k.maxPercentile() == null) {
                error(kwargs.key("axes"), "`axes` may only be given with `min_percentile` or `max_percentile`.");
            }
            axesExist(kwargs, k.axes(), axisIds);
        } else if (op instanceof ScaleRangeDescr) {
            ScaleRangeKwargs k = ((ScaleRangeDescr) op).kwargs();
            if (k.minPercentile() >= k.maxPercentile()) {
                error(kwargs, "min_percentile " + k.minPercentile() + " >= max_percentile " + k.maxPercentile());
            }
            axesExist(kwargs, k.axes(), axisIds);
            reference(kwargs, k.referenceTensor(), refIds, what);
        } else if (op instanceof ScaleMeanVarianceDescr) {
            var k = ((ScaleMeanVarianceDescr) op).kwargs();
            axesExist(kwargs, k.axes(), axisIds);
            reference(kwargs, k.referenceTensor(), refIds, what);
        } else if (op instanceof ZeroMeanUnitVarianceDescr) {
            axesExist(kwargs, ((ZeroMeanUnitVarianceDescr) op).kwargs().axes(), axisIds);
        } else if (op instanceof FixedZeroMeanUnitVarianceDescr) {
            var k = ((FixedZeroMeanUnitVarianceDescr) op).kwargs();
            if (k instanceof FixedZeroMeanUnitVarianceKwargs.AlongAxis) {
                var along = (FixedZeroMeanUnitVarianceKwargs.AlongAxis) k;
                if (along.mean().size() != along.std().size()) {
                    error(
                            kwargs,
                            "Size of `mean` (" + along.mean().size() + ") and `std` ("
                                    + along.std().size() + ") must match.");
                }
            }
        } else if (op instanceof ScaleLinearDescr) {
            scaleLinear(kwargs, ((ScaleLinearDescr) op).kwargs());
        } else if (op instanceof StardistPostprocessingDescr) {
            stardist(kwargs, ((StardistPostprocessingDescr) op).kwargs());
        } else if (op instanceof CellposeFlowDynamicsDescr) {
            CellposeFlowDynamicsKwargs k = ((CellposeFlowDynamicsDescr) op).kwargs();
            finite(kwargs.key("cellprob_threshold"), k.cellprobThreshold());
            finite(kwargs.key("flow_threshold"), k.flowThreshold());
            if (k.outputDtype() != DType.UINT16 && k.outputDtype() != DType.UINT32) {
                error(
                        kwargs.key("output_dtype"),
                        "output_dtype must be 'uint16' or 'uint32', found '"
                                + k.outputDtype().id() + "'.");
            }
        } else if (!(op instanceof CustomPostprocessingDescr
                || op instanceof BinarizeDescr
                || op instanceof EnsureDtypeDescr
                || op instanceof SigmoidDescr
                || op instanceof SoftmaxDescr)) {
            throw new AssertionError(op);
        }
    }

    private void scaleLinear(Location kwargs, ScaleLinearKwargs k) {
        if (k instanceof ScaleLinearKwargs.Scalar) {
            var s = (ScaleLinearKwargs.Scalar) k;
            if (s.gain() == 1.0 && s.offset() == 0.0) {
                error(kwargs, "Redundant linear scaling not allowed. Set `gain` != 1.0 and/or `offset` != 0.0.");
            }
            return;
        }
        var a = (ScaleLinearKwargs.AlongAxis) k;
        List<Double> gain = a.gain().values();
        List<Double> offset = a.offset().values();
        if (a.gain().scalar() && a.offset().scalar()) {
            error(kwargs, "Do not specify an `axis` for scalar gain and offset values.");
            return;
        }
        if (!a.gain().scalar() && !a.offset().scalar() && gain.size() != offset.size()) {
            error(kwargs, "Size of `gain` (" + gain.size() + ") and `offset` (" + offset.size() + ") must match.");
            return;
        }
        if (gain.stream().allMatch(g -> g == 1.0) && offset.stream().allMatch(o -> o == 0.0)) {
            error(kwargs, "Redundant linear scaling not allowed. Set `gain` != 1.0 and/or `offset` != 0.0.");
        }
    }

    private void axesExist(Location kwargs, @Nullable List<String> axes, Set<String> axisIds) {
        if (axes == null) {
            return;
        }
        for (String a : axes) {
            if (!axisIds.contains(a)) {
                error(
                        kwargs.key("axes"),
                        "Axis '" + a + "' is not an axis of this tensor; its axes are "
                                + new java.util.TreeSet<>(axisIds) + ".");
            }
        }
    }

    private void reference(Location kwargs, @Nullable String ref, Set<String> ids, String what) {
        if (ref != null && !ids.contains(ref)) {
            error(
                    kwargs.key("reference_tensor"),
                    "`reference_tensor` '" + ref + "' not found. Valid " + what + " references are: "
                            + new java.util.TreeSet<>(ids) + ".");
        }
    }

    private void stardist(Location kwargs, StardistKwargs k) {
        finite(kwargs.key("prob_threshold"), k.probThreshold());
        finite(kwargs.key("nms_threshold"), k.nmsThreshold());
        if (k.b() instanceof StardistKwargs.Border.PerAxis) {
            List<List<Integer>> perAxis = ((StardistKwargs.Border.PerAxis) k.b()).pairs();
            int pairs = perAxis.size();
            for (int p = 0; p < pairs; p++) {
                if (perAxis.get(p).size() != 2) {
                    error(
                            kwargs.key("b").index(p),
                            "A border pair is [before, after], found "
                                    + perAxis.get(p).size() + " entries.");
                }
            }
            if (pairs != k.dimensions()) {
                error(
                        kwargs.key("b"),
                        "A " + k.dimensions() + "D border needs one [before, after] pair per spatial axis ("
                                + k.dimensions() + "), found " + pairs + ".");
            }
        }
        if (k instanceof StardistKwargs.ThreeD) {
            finite(kwargs.key("anisotropy"), ((StardistKwargs.ThreeD) k).anisotropy());
        }
    }

    private void pad(Location loc, @Nullable Padding pad) {
        if (pad instanceof Padding.Constant) {
            finite(loc.key("pad").key("value"), ((Padding.Constant) pad).value());
        }
    }

    /** {@code channel_colors} exists in format 0.5.13 only, with one colour per channel. */
    private void channelColors(ModelDescr model) {
        boolean allowed = FormatVersion.allowsChannelColors(model.formatVersion());
        for (int i = 0; i < model.inputs().size(); i++) {
            channelColors(Location.of("inputs", i), model.inputs().get(i).axes(), allowed, model.formatVersion());
        }
        for (int i = 0; i < model.outputs().size(); i++) {
            channelColors(Location.of("outputs", i), model.outputs().get(i).axes(), allowed, model.formatVersion());
        }
    }

    private void channelColors(Location loc, List<? extends Axis> axes, boolean allowed, String formatVersion) {
        for (int a = 0; a < axes.size(); a++) {
            if (!(axes.get(a) instanceof ChannelAxis)) {
                continue;
            }
            ChannelAxis c = (ChannelAxis) axes.get(a);
            Location at = loc.key("axes").index(a).key("channel_colors");
            if (c.channelColors().isEmpty()) {
                continue;
            }
            if (!allowed) {
                error(
                        at,
                        "channel_colors exists only in format 0.5.13 (removed in 0.5.14); this description declares "
                                + formatVersion + ".");
            } else if (c.channelColors().size() != c.channelNames().size()) {
                error(
                        at,
                        "channel_colors needs one colour per channel ("
                                + c.channelNames().size() + "), found "
                                + c.channelColors().size() + ".");
            }
        }
    }

    /** A discrete entry has both tolerances 0 (format 0.5.14: the literal 0 in the reference). */
    private void tolerances(List<ReproducibilityTolerance> entries) {
        for (int i = 0; i < entries.size(); i++) {
            ReproducibilityTolerance t = entries.get(i);
            Location loc = Location.of("config", "bioimageio", "reproducibility_tolerance", i);
            finite(loc.key("relative_tolerance"), t.relativeTolerance());
            finite(loc.key("absolute_tolerance"), t.absoluteTolerance());
            if (t.kind() == ReproducibilityTolerance.Kind.DISCRETE) {
                if (t.relativeTolerance() != 0) {
                    error(loc.key("relative_tolerance"), "A discrete tolerance (any_discrete_output) must be 0.");
                }
                if (t.absoluteTolerance() != 0) {
                    error(loc.key("absolute_tolerance"), "A discrete tolerance (any_discrete_output) must be 0.");
                }
            }
        }
    }

    private static int majorVersion(String version) {
        String v = version.strip();
        if (v.startsWith("v") || v.startsWith("V")) {
            v = v.substring(1);
        }
        int end = 0;
        while (end < v.length() && Character.isDigit(v.charAt(end))) {
            end++;
        }
        int epoch = v.indexOf('!');
        if (epoch >= 0 && epoch == end) {
            return majorVersion(v.substring(epoch + 1));
        }
        return end == 0 || end > 9 ? Integer.MAX_VALUE : Integer.parseInt(v.substring(0, end));
    }

    private void weights(WeightsDescr w) {
        List<WeightsEntryDescr> entries = new ArrayList<>();
        for (WeightsFormat f : WeightsFormat.values()) {
            WeightsEntryDescr e = w.entry(f);
            if (e != null) {
                entries.add(e);
            }
        }
        if (entries.isEmpty()) {
            error(Location.of("weights"), "Missing weights entry.");
            return;
        }
        Set<WeightsFormat> present = new HashSet<>();
        entries.forEach(e -> present.add(e.format()));
        int roots = 0;
        for (WeightsEntryDescr e : entries) {
            WeightsFormat parent = e.parent();
            if (parent == null) {
                roots++;
            } else if (parent == e.format()) {
                error(
                        Location.of("weights").key(e.format().id()).key("parent"),
                        "Weights entry can't be it's own parent.");
            } else if (!present.contains(parent)) {
                error(
                        Location.of("weights").key(e.format().id()).key("parent"),
                        "Parent weights format '" + parent.id() + "' not found; this description has " + present + ".");
            }
        }
        KerasV3WeightsDescr keras = w.kerasV3();
        if (keras != null && ValueTypes.isVersion(keras.kerasVersion()) && majorVersion(keras.kerasVersion()) < 3) {
            error(
                    Location.of("weights", "keras_v3", "keras_version"),
                    "keras_v3 weights need Keras 3 or later, found keras_version " + keras.kerasVersion() + ".");
        }
        if (roots != 1) {
            issue(
                    Severity.WARNING,
                    Location.of("weights"),
                    roots + " weights entries have no"
                            + " `parent`; exactly one should be the original the others were converted from.");
        }
    }

    /** Value rules of one data description (reference A.4): dtype kinds, units, nominal values that fit the dtype. */
    private void dataDescr(Location loc, TensorDataDescr data) {
        if (data instanceof IntervalOrRatioDataDescr) {
            IntervalOrRatioDataDescr d = (IntervalOrRatioDataDescr) data;
            if (d.type() == DType.BOOL) {
                error(loc.key("type"), "Interval or ratio data cannot be of type bool; use nominal or ordinal data.");
            }
            finite(loc.key("scale"), d.scale());
            finite(loc.key("offset"), d.offset());
            rangeBound(loc.key("range").index(0), d.range().min());
            rangeBound(loc.key("range").index(1), d.range().max());
            if (!d.unit().equals("arbitrary unit") && !ValueTypes.isSiUnit(d.unit())) {
                error(loc.key("unit"), "'" + d.unit() + "' is neither 'arbitrary unit' nor an SI unit.");
            }
            return;
        }
        NominalOrOrdinalDataDescr d = (NominalOrOrdinalDataDescr) data;
        if (d.unit() != null && !d.unit().equals("arbitrary unit") && !ValueTypes.isSiUnit(d.unit())) {
            error(loc.key("unit"), "'" + d.unit() + "' is neither 'arbitrary unit' nor an SI unit.");
        }
        if (d.values().isEmpty()) {
            error(loc.key("values"), "At least one value is required.");
        }
        for (int i = 0; i < d.values().size(); i++) {
            Object v = d.values().get(i);
            String problem = null;
            if (d.type() == DType.BOOL) {
                if (!(v instanceof Boolean)) {
                    problem = "value " + v + " is not a bool, as data type bool requires";
                }
            } else if (v instanceof String) {
                if (!d.type().isUnsigned()) {
                    problem = "string values (labels) need an unsigned integer type, not "
                            + d.type().id();
                }
            } else if (v instanceof Number) {
                double x = ((Number) v).doubleValue();
                boolean integral = v instanceof Integer || v instanceof Long || v instanceof java.math.BigInteger;
                if (!integral && d.type().isInteger()) {
                    problem = "value " + v + " is a float, but data type "
                            + d.type().id() + " is an integer type";
                } else if (x < d.type().min() || x > d.type().max()) {
                    problem = "value " + v + " is outside the range of "
                            + d.type().id();
                }
            }
            if (problem != null) {
                error(loc.key("values").index(i), problem + ".");
            }
        }
    }

    /** The reference replaces infinite range bounds by "no bound" with a warning; NaN stays an error. */
    private void rangeBound(Location loc, @Nullable Double bound) {
        if (bound == null) {
            return;
        }
        if (Double.isNaN(bound)) {
            error(loc, "NaN is not a valid range bound.");
        } else if (Double.isInfinite(bound)) {
            issue(Severity.WARNING, loc, "Infinite range bound " + bound + " is treated as no bound (null).");
        }
    }

    /** Root fields whose rules need more than one annotation: cite entries, icon and emoji lengths. */
    private void rootFields(ModelDescr model) {
        for (int i = 0; i < model.cite().size(); i++) {
            CiteEntry c = model.cite().get(i);
            if (c.doi() == null && c.url() == null) {
                error(Location.of("cite", i), "Either `doi` or `url` is required.");
            }
        }
        for (int i = 0; i < model.attachments().size(); i++) {
            String source = model.attachments().get(i).source();
            if (ValueTypes.isDescriptionFileName(source)) {
                error(
                        Location.of("attachments", i).key("source"),
                        "'" + source + "' is not allowed here: its file name is reserved for description files"
                                + " (rdf.yaml, bioimageio.yaml, model.yaml)");
            }
        }
        // covers and documentation are file descriptors since 0.5.11; in older files they are plain paths, and the
        // reference locates their problems at the path itself
        boolean descriptors = FormatVersion.requiresFileDescriptors(model.formatVersion());
        boolean tiff = FormatVersion.allowsTiffCovers(model.formatVersion());
        for (int i = 0; i < model.covers().size(); i++) {
            String cover = model.covers().get(i).source();
            reservedName(fileField(Location.of("covers", i), descriptors), cover);
            String lower = cover.toLowerCase(java.util.Locale.ROOT);
            if (!lower.matches(".*\\.(gif|jpeg|jpg|png|svg|tif|tiff)")) {
                error(
                        fileField(Location.of("covers", i), descriptors),
                        tiff
                                ? "a cover must be a .gif, .jpeg, .jpg, .png, .svg, .tif or .tiff file"
                                : "a cover must be a .gif, .jpeg, .jpg, .png or .svg file");
            } else if (!tiff && (lower.endsWith(".tif") || lower.endsWith(".tiff"))) {
                error(
                        fileField(Location.of("covers", i), descriptors),
                        "a cover must be a .gif, .jpeg, .jpg, .png or .svg file; TIFF covers are not allowed since"
                                + " format 0.5.11");
            }
        }
        if (model.documentation() != null) {
            String doc = model.documentation().source();
            reservedName(fileField(Location.of("documentation"), descriptors), doc);
            if (!doc.endsWith(".md")) {
                error(
                        fileField(Location.of("documentation"), descriptors),
                        "documentation must be a Markdown file ending in .md");
            }
        }
        if (model.idEmoji() != null) {
            int n = model.idEmoji().codePointCount(0, model.idEmoji().length());
            if (n < 1 || n > 2) {
                error(Location.of("id_emoji"), "An emoji of 1 or 2 characters is expected, found " + n + ".");
            }
        }
        if (model.icon() instanceof Icon.Emoji) {
            String icon = ((Icon.Emoji) model.icon()).text();
            int n = icon.codePointCount(0, icon.length());
            if (n > 2) {
                error(
                        Location.of("icon"),
                        "An icon is 1 or 2 characters (an emoji) or a file descriptor {source, sha256}, found '" + icon
                                + "'.");
            } else if (n == 0) {
                error(Location.of("icon"), "An icon must not be empty.");
            }
        } else if (model.icon() instanceof FileDescr) {
            reservedName(fileField(Location.of("icon"), descriptors), ((FileDescr) model.icon()).source());
        }
        if (model.license() instanceof FileDescr) {
            reservedName(Location.of("license", "source"), ((FileDescr) model.license()).source());
        }
        PytorchStateDictWeightsDescr pt = model.weights().pytorchStateDict();
        if (pt != null && pt.dependencies() != null) {
            yamlSuffix(
                    Location.of("weights", "pytorch_state_dict", "dependencies", "source"),
                    pt.dependencies().source());
        }
        TensorflowSavedModelBundleWeightsDescr tf = model.weights().tensorflowSavedModelBundle();
        if (tf != null && tf.dependencies() != null) {
            yamlSuffix(
                    Location.of("weights", "tensorflow_saved_model_bundle", "dependencies", "source"),
                    tf.dependencies().source());
        }
        OnnxWeightsDescr onnx = model.weights().onnx();
        if (onnx != null && onnx.externalData() != null) {
            String data = onnx.externalData().source();
            if (!data.endsWith(".data")) {
                error(
                        Location.of("weights", "onnx", "external_data", "source"),
                        "External ONNX data must be a '.data' file, found '" + data + "'.");
            } else if (fileName(data).equals(fileName(onnx.source()))) {
                error(
                        Location.of("weights", "onnx", "external_data", "source"),
                        "External data file name must differ from the weights file name.");
            }
        }
    }

    private void yamlSuffix(Location loc, String source) {
        if (!(source.endsWith(".yaml") || source.endsWith(".yml"))) {
            error(loc, "A conda environment file ending in .yaml or .yml is expected, found '" + source + "'.");
        }
    }

    /** {@return where the path of a file field is: its {@code source} key for a file descriptor, else the field} */
    private static Location fileField(Location field, boolean descriptor) {
        return descriptor ? field.key("source") : field;
    }

    private static String fileName(String source) {
        return source.substring(source.lastIndexOf('/') + 1);
    }

    /** The evaluation table must be rectangular and its names paired (reference A.8). */
    private void evaluations(List<Evaluation> evaluations) {
        for (int i = 0; i < evaluations.size(); i++) {
            Evaluation e = evaluations.get(i);
            Location loc = Location.of("config", "bioimageio", "evaluations", i);
            if (e.evaluationFactors().size() != e.evaluationFactorsLong().size()) {
                error(
                        loc.key("evaluation_factors_long"),
                        "`evaluation_factors_long` needs one entry per evaluation factor.");
            }
            if (e.metrics().size() != e.metricsLong().size()) {
                error(loc.key("metrics_long"), "`metrics_long` needs one entry per metric.");
            }
            if (e.results().size() != e.metrics().size()) {
                error(
                        loc.key("results"),
                        "`results` needs one row per metric (" + e.metrics().size() + ").");
            }
            for (int r = 0; r < e.results().size(); r++) {
                if (e.results().get(r).size() != e.evaluationFactors().size()) {
                    error(
                            loc.key("results").index(r),
                            "Each results row needs one entry per evaluation factor ("
                                    + e.evaluationFactors().size() + ").");
                }
            }
            for (int f = 0; f < e.evaluationFactors().size(); f++) {
                if (e.evaluationFactors().get(f).length() > 16) {
                    error(
                            loc.key("evaluation_factors").index(f),
                            "An evaluation factor is at most 16 characters long.");
                }
            }
            for (int m = 0; m < e.metrics().size(); m++) {
                if (e.metrics().get(m).length() > 16) {
                    error(loc.key("metrics").index(m), "A metric name is at most 16 characters long.");
                }
            }
        }
    }

    private void reservedName(Location loc, String source) {
        if (ValueTypes.isDescriptionFileName(source)) {
            error(
                    loc,
                    "'" + source + "' is not allowed here: its file name is reserved for description files"
                            + " (rdf.yaml, bioimageio.yaml, model.yaml)");
        }
    }

    private void error(Location loc, String msg) {
        issue(Severity.ERROR, loc, msg);
    }

    private void issue(Severity severity, Location loc, String msg) {
        issues.add(Diagnostic.of(severity, loc, msg));
    }
}
