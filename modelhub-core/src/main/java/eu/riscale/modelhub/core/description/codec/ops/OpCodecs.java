package eu.riscale.modelhub.core.description.codec.ops;

import static eu.riscale.modelhub.core.description.internal.Codec.AXIS_ID;
import static eu.riscale.modelhub.core.description.internal.Codec.BOOL;
import static eu.riscale.modelhub.core.description.internal.Codec.INTEGER;
import static eu.riscale.modelhub.core.description.internal.Codec.MAP;
import static eu.riscale.modelhub.core.description.internal.Codec.NUMBER;
import static eu.riscale.modelhub.core.description.internal.Codec.STRING;
import static eu.riscale.modelhub.core.description.internal.Field.constant;
import static eu.riscale.modelhub.core.description.internal.Field.emptyAllowed;
import static eu.riscale.modelhub.core.description.internal.Field.optional;
import static eu.riscale.modelhub.core.description.internal.Field.required;
import static eu.riscale.modelhub.core.description.internal.Field.withDefault;

import eu.riscale.modelhub.core.description.codec.common.CommonCodecs;
import eu.riscale.modelhub.core.description.internal.Codec;
import eu.riscale.modelhub.core.description.internal.RecordCodec;
import eu.riscale.modelhub.core.description.internal.Union;
import eu.riscale.modelhub.spec.op.BinarizeDescr;
import eu.riscale.modelhub.spec.op.BinarizeKwargs;
import eu.riscale.modelhub.spec.op.CellposeFlowDynamicsDescr;
import eu.riscale.modelhub.spec.op.CellposeFlowDynamicsKwargs;
import eu.riscale.modelhub.spec.op.ClipDescr;
import eu.riscale.modelhub.spec.op.ClipKwargs;
import eu.riscale.modelhub.spec.op.Coefficients;
import eu.riscale.modelhub.spec.op.CustomPostprocessingDescr;
import eu.riscale.modelhub.spec.op.EnsureDtypeDescr;
import eu.riscale.modelhub.spec.op.EnsureDtypeKwargs;
import eu.riscale.modelhub.spec.op.FixedZeroMeanUnitVarianceDescr;
import eu.riscale.modelhub.spec.op.FixedZeroMeanUnitVarianceKwargs;
import eu.riscale.modelhub.spec.op.PostprocessingDescr;
import eu.riscale.modelhub.spec.op.PreprocessingDescr;
import eu.riscale.modelhub.spec.op.ScaleLinearDescr;
import eu.riscale.modelhub.spec.op.ScaleLinearKwargs;
import eu.riscale.modelhub.spec.op.ScaleMeanVarianceDescr;
import eu.riscale.modelhub.spec.op.ScaleMeanVarianceKwargs;
import eu.riscale.modelhub.spec.op.ScaleRangeDescr;
import eu.riscale.modelhub.spec.op.ScaleRangeKwargs;
import eu.riscale.modelhub.spec.op.SigmoidDescr;
import eu.riscale.modelhub.spec.op.SoftmaxDescr;
import eu.riscale.modelhub.spec.op.SoftmaxKwargs;
import eu.riscale.modelhub.spec.op.StardistKwargs;
import eu.riscale.modelhub.spec.op.StardistPostprocessingDescr;
import eu.riscale.modelhub.spec.op.ZeroMeanUnitVarianceDescr;
import eu.riscale.modelhub.spec.op.ZeroMeanUnitVarianceKwargs;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** The wire forms of the pre- and postprocessing operations and their arguments. */
public final class OpCodecs {
    private OpCodecs() {}

    private static final Codec<List<String>> AXES = AXIS_ID.list();
    private static final Codec<Coefficients> COEFFICIENT_LIST =
            NUMBER.list().map(Coefficients::of, Coefficients::values);
    private static final Codec<Coefficients> COEFFICIENT =
            NUMBER.map(Coefficients::of, c -> c.values().get(0));

    /** One number, or a list of numbers along an axis; written in the form it was given. */
    public static final Codec<Coefficients> COEFFICIENTS = Codec.of(
            n -> (n.json().isArray() ? COEFFICIENT_LIST : COEFFICIENT).read(n),
            c -> (c.scalar() ? COEFFICIENT : COEFFICIENT_LIST).write(c));

    private static boolean alongAxis(JsonNode j) {
        return j.has("axis");
    }

    /** The arguments of {@code binarize}: one threshold, or thresholds along an axis. */
    public static final Codec<BinarizeKwargs> BINARIZE_KWARGS = Union.<BinarizeKwargs>untagged("")
            .when(
                    OpCodecs::alongAxis,
                    BinarizeKwargs.AlongAxis.class,
                    RecordCodec.of(
                            BinarizeKwargs.AlongAxis.class,
                            required("threshold", BinarizeKwargs.AlongAxis::threshold, NUMBER.list()),
                            required("axis", BinarizeKwargs.AlongAxis::axis, AXIS_ID)))
            .otherwise(
                    BinarizeKwargs.Scalar.class,
                    RecordCodec.of(
                            BinarizeKwargs.Scalar.class,
                            required("threshold", BinarizeKwargs.Scalar::threshold, NUMBER)))
            .build();

    /** The arguments of {@code clip}. */
    public static final RecordCodec<ClipKwargs> CLIP_KWARGS = RecordCodec.of(
            ClipKwargs.class,
            optional("min", ClipKwargs::min, NUMBER),
            optional("min_percentile", ClipKwargs::minPercentile, NUMBER),
            optional("max", ClipKwargs::max, NUMBER),
            optional("max_percentile", ClipKwargs::maxPercentile, NUMBER),
            optional("axes", ClipKwargs::axes, AXES));

    /** The arguments of {@code fixed_zero_mean_unit_variance}: one mean and std, or lists along an axis. */
    public static final Codec<FixedZeroMeanUnitVarianceKwargs> FIXED_ZERO_MEAN_UNIT_VARIANCE_KWARGS =
            Union.<FixedZeroMeanUnitVarianceKwargs>untagged("")
                    .when(
                            OpCodecs::alongAxis,
                            FixedZeroMeanUnitVarianceKwargs.AlongAxis.class,
                            RecordCodec.of(
                                    FixedZeroMeanUnitVarianceKwargs.AlongAxis.class,
                                    required("mean", FixedZeroMeanUnitVarianceKwargs.AlongAxis::mean, NUMBER.list()),
                                    required("std", FixedZeroMeanUnitVarianceKwargs.AlongAxis::std, NUMBER.list()),
                                    required("axis", FixedZeroMeanUnitVarianceKwargs.AlongAxis::axis, AXIS_ID)))
                    .otherwise(
                            FixedZeroMeanUnitVarianceKwargs.Scalar.class,
                            RecordCodec.of(
                                    FixedZeroMeanUnitVarianceKwargs.Scalar.class,
                                    required("mean", FixedZeroMeanUnitVarianceKwargs.Scalar::mean, NUMBER),
                                    required("std", FixedZeroMeanUnitVarianceKwargs.Scalar::std, NUMBER)))
                    .build();

    /** The arguments of {@code scale_linear}: one gain and offset, or coefficients along an axis. */
    public static final Codec<ScaleLinearKwargs> SCALE_LINEAR_KWARGS = Union.<ScaleLinearKwargs>untagged("")
            .when(
                    OpCodecs::alongAxis,
                    ScaleLinearKwargs.AlongAxis.class,
                    RecordCodec.of(
                            ScaleLinearKwargs.AlongAxis.class,
                            required("axis", ScaleLinearKwargs.AlongAxis::axis, AXIS_ID),
                            withDefault("gain", ScaleLinearKwargs.AlongAxis::gain, COEFFICIENTS, Coefficients.ONE),
                            withDefault(
                                    "offset", ScaleLinearKwargs.AlongAxis::offset, COEFFICIENTS, Coefficients.ZERO)))
            .otherwise(
                    ScaleLinearKwargs.Scalar.class,
                    RecordCodec.of(
                            ScaleLinearKwargs.Scalar.class,
                            withDefault("gain", ScaleLinearKwargs.Scalar::gain, NUMBER, ScaleLinearKwargs.DEFAULT_GAIN),
                            withDefault(
                                    "offset",
                                    ScaleLinearKwargs.Scalar::offset,
                                    NUMBER,
                                    ScaleLinearKwargs.DEFAULT_OFFSET)))
            .build();

    /** The arguments of {@code scale_mean_variance}. */
    public static final RecordCodec<ScaleMeanVarianceKwargs> SCALE_MEAN_VARIANCE_KWARGS = RecordCodec.of(
            ScaleMeanVarianceKwargs.class,
            required("reference_tensor", ScaleMeanVarianceKwargs::referenceTensor, STRING),
            optional("axes", ScaleMeanVarianceKwargs::axes, AXES),
            withDefault("eps", ScaleMeanVarianceKwargs::eps, NUMBER, ScaleMeanVarianceKwargs.DEFAULT_EPS));

    /** The arguments of {@code scale_range}. */
    public static final RecordCodec<ScaleRangeKwargs> SCALE_RANGE_KWARGS = RecordCodec.of(
            ScaleRangeKwargs.class,
            optional("axes", ScaleRangeKwargs::axes, AXES),
            withDefault(
                    "min_percentile", ScaleRangeKwargs::minPercentile, NUMBER, ScaleRangeKwargs.DEFAULT_MIN_PERCENTILE),
            withDefault(
                    "max_percentile", ScaleRangeKwargs::maxPercentile, NUMBER, ScaleRangeKwargs.DEFAULT_MAX_PERCENTILE),
            withDefault("eps", ScaleRangeKwargs::eps, NUMBER, ScaleRangeKwargs.DEFAULT_EPS),
            optional("reference_tensor", ScaleRangeKwargs::referenceTensor, STRING));

    /** The arguments of {@code softmax}. */
    public static final RecordCodec<SoftmaxKwargs> SOFTMAX_KWARGS = RecordCodec.of(
            SoftmaxKwargs.class, withDefault("axis", SoftmaxKwargs::axis, AXIS_ID, SoftmaxKwargs.DEFAULT_AXIS));

    /** The arguments of {@code zero_mean_unit_variance}. */
    public static final RecordCodec<ZeroMeanUnitVarianceKwargs> ZERO_MEAN_UNIT_VARIANCE_KWARGS = RecordCodec.of(
            ZeroMeanUnitVarianceKwargs.class,
            optional("axes", ZeroMeanUnitVarianceKwargs::axes, AXES),
            withDefault("eps", ZeroMeanUnitVarianceKwargs::eps, NUMBER, ZeroMeanUnitVarianceKwargs.DEFAULT_EPS));

    /** The preprocessing operations, told apart by {@code id}. */
    public static final Union<PreprocessingDescr> PREPROCESSING = Union.<PreprocessingDescr>tagged("id")
            .tag(
                    "binarize",
                    BinarizeDescr.class,
                    RecordCodec.of(
                            BinarizeDescr.class,
                            constant("id", "binarize"),
                            required("kwargs", BinarizeDescr::kwargs, BINARIZE_KWARGS)))
            .tag(
                    "clip",
                    ClipDescr.class,
                    RecordCodec.of(
                            ClipDescr.class,
                            constant("id", "clip"),
                            required("kwargs", ClipDescr::kwargs, CLIP_KWARGS)))
            .tag(
                    "ensure_dtype",
                    EnsureDtypeDescr.class,
                    RecordCodec.of(
                            EnsureDtypeDescr.class,
                            constant("id", "ensure_dtype"),
                            required(
                                    "kwargs",
                                    EnsureDtypeDescr::kwargs,
                                    RecordCodec.of(
                                            EnsureDtypeKwargs.class,
                                            required("dtype", EnsureDtypeKwargs::dtype, CommonCodecs.DTYPE)))))
            .tag(
                    "fixed_zero_mean_unit_variance",
                    FixedZeroMeanUnitVarianceDescr.class,
                    RecordCodec.of(
                            FixedZeroMeanUnitVarianceDescr.class,
                            constant("id", "fixed_zero_mean_unit_variance"),
                            required(
                                    "kwargs",
                                    FixedZeroMeanUnitVarianceDescr::kwargs,
                                    FIXED_ZERO_MEAN_UNIT_VARIANCE_KWARGS)))
            .tag(
                    "scale_linear",
                    ScaleLinearDescr.class,
                    RecordCodec.of(
                            ScaleLinearDescr.class,
                            constant("id", "scale_linear"),
                            required("kwargs", ScaleLinearDescr::kwargs, SCALE_LINEAR_KWARGS)))
            .tag(
                    "scale_range",
                    ScaleRangeDescr.class,
                    RecordCodec.of(
                            ScaleRangeDescr.class,
                            constant("id", "scale_range"),
                            withDefault(
                                    "kwargs", ScaleRangeDescr::kwargs, SCALE_RANGE_KWARGS, ScaleRangeKwargs.DEFAULT)))
            .tag(
                    "sigmoid",
                    SigmoidDescr.class,
                    RecordCodec.of(SigmoidDescr.class, constant("id", "sigmoid"), emptyAllowed("kwargs")))
            .tag(
                    "softmax",
                    SoftmaxDescr.class,
                    RecordCodec.of(
                            SoftmaxDescr.class,
                            constant("id", "softmax"),
                            withDefault("kwargs", SoftmaxDescr::kwargs, SOFTMAX_KWARGS, SoftmaxKwargs.DEFAULT)))
            .tag(
                    "zero_mean_unit_variance",
                    ZeroMeanUnitVarianceDescr.class,
                    RecordCodec.of(
                            ZeroMeanUnitVarianceDescr.class,
                            constant("id", "zero_mean_unit_variance"),
                            withDefault(
                                    "kwargs",
                                    ZeroMeanUnitVarianceDescr::kwargs,
                                    ZERO_MEAN_UNIT_VARIANCE_KWARGS,
                                    ZeroMeanUnitVarianceKwargs.DEFAULT)))
            .build();

    /** A StarDist border: one width for every side, or a {@code [before, after]} pair per spatial axis. */
    public static final Codec<StardistKwargs.Border> STARDIST_BORDER = Union.<StardistKwargs.Border>untagged(
                    "Input should be an integer or a list of [before, after] pairs")
            .when(
                    JsonNode::isIntegralNumber,
                    StardistKwargs.Border.Uniform.class,
                    INTEGER.map(StardistKwargs.Border.Uniform::new, StardistKwargs.Border.Uniform::width))
            .when(
                    JsonNode::isArray,
                    StardistKwargs.Border.PerAxis.class,
                    INTEGER.list().list().map(StardistKwargs.Border.PerAxis::new, StardistKwargs.Border.PerAxis::pairs))
            .build();

    /** The arguments of {@code stardist_postprocessing}: the 3D form is the one with {@code anisotropy}. */
    public static final Codec<StardistKwargs> STARDIST_KWARGS = Union.<StardistKwargs>untagged("")
            .when(
                    j -> j.isObject() && j.has("anisotropy"),
                    StardistKwargs.ThreeD.class,
                    RecordCodec.of(
                            StardistKwargs.ThreeD.class,
                            required("prob_threshold", StardistKwargs.ThreeD::probThreshold, NUMBER),
                            required("nms_threshold", StardistKwargs.ThreeD::nmsThreshold, NUMBER),
                            required("n_rays", StardistKwargs.ThreeD::nRays, INTEGER),
                            required("grid", StardistKwargs.ThreeD::grid, INTEGER.list()),
                            required("b", StardistKwargs.ThreeD::b, STARDIST_BORDER),
                            required("anisotropy", StardistKwargs.ThreeD::anisotropy, NUMBER.list()),
                            optional("overlap_label", StardistKwargs.ThreeD::overlapLabel, INTEGER)))
            .otherwise(
                    StardistKwargs.TwoD.class,
                    RecordCodec.of(
                            StardistKwargs.TwoD.class,
                            required("prob_threshold", StardistKwargs.TwoD::probThreshold, NUMBER),
                            required("nms_threshold", StardistKwargs.TwoD::nmsThreshold, NUMBER),
                            required("n_rays", StardistKwargs.TwoD::nRays, INTEGER),
                            required("grid", StardistKwargs.TwoD::grid, INTEGER.list()),
                            required("b", StardistKwargs.TwoD::b, STARDIST_BORDER)))
            .build();

    /** The arguments of {@code cellpose_flow_dynamics}. */
    public static final RecordCodec<CellposeFlowDynamicsKwargs> CELLPOSE_FLOW_DYNAMICS_KWARGS = RecordCodec.of(
            CellposeFlowDynamicsKwargs.class,
            required("cellprob_threshold", CellposeFlowDynamicsKwargs::cellprobThreshold, NUMBER),
            required("flow_threshold", CellposeFlowDynamicsKwargs::flowThreshold, NUMBER),
            required("do_3D", CellposeFlowDynamicsKwargs::do3D, BOOL),
            withDefault(
                    "min_size",
                    CellposeFlowDynamicsKwargs::minSize,
                    INTEGER,
                    CellposeFlowDynamicsKwargs.DEFAULT_MIN_SIZE),
            withDefault(
                    "output_dtype",
                    CellposeFlowDynamicsKwargs::outputDtype,
                    CommonCodecs.DTYPE,
                    CellposeFlowDynamicsKwargs.DEFAULT_OUTPUT_DTYPE));

    /** The postprocessing operations: every preprocessing operation and {@code scale_mean_variance}. */
    public static final Union<PostprocessingDescr> POSTPROCESSING = Union.<PostprocessingDescr>tagged("id")
            .all(PREPROCESSING)
            .tag(
                    "scale_mean_variance",
                    ScaleMeanVarianceDescr.class,
                    RecordCodec.of(
                            ScaleMeanVarianceDescr.class,
                            constant("id", "scale_mean_variance"),
                            required("kwargs", ScaleMeanVarianceDescr::kwargs, SCALE_MEAN_VARIANCE_KWARGS)))
            .tag(
                    StardistPostprocessingDescr.ID,
                    StardistPostprocessingDescr.class,
                    RecordCodec.of(
                            StardistPostprocessingDescr.class,
                            constant("id", StardistPostprocessingDescr.ID),
                            required("kwargs", StardistPostprocessingDescr::kwargs, STARDIST_KWARGS)))
            .tag(
                    CellposeFlowDynamicsDescr.ID,
                    CellposeFlowDynamicsDescr.class,
                    RecordCodec.of(
                            CellposeFlowDynamicsDescr.class,
                            constant("id", CellposeFlowDynamicsDescr.ID),
                            required("kwargs", CellposeFlowDynamicsDescr::kwargs, CELLPOSE_FLOW_DYNAMICS_KWARGS)))
            .tag(
                    CustomPostprocessingDescr.ID,
                    CustomPostprocessingDescr.class,
                    RecordCodec.of(
                            CustomPostprocessingDescr.class,
                            constant("id", CustomPostprocessingDescr.ID),
                            required("source", CustomPostprocessingDescr::source, STRING),
                            optional("sha256", CustomPostprocessingDescr::sha256, STRING),
                            required("callable", CustomPostprocessingDescr::callable, STRING),
                            withDefault("kwargs", CustomPostprocessingDescr::kwargs, MAP, Map.of())))
            .build();
}
