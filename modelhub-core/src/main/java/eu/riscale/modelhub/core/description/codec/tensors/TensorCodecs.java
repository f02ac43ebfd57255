package eu.riscale.modelhub.core.description.codec.tensors;

import static eu.riscale.modelhub.core.description.codec.common.CommonCodecs.DTYPE;
import static eu.riscale.modelhub.core.description.codec.common.CommonCodecs.FILE_DESCR;
import static eu.riscale.modelhub.core.description.internal.Codec.ANY;
import static eu.riscale.modelhub.core.description.internal.Codec.BOOL;
import static eu.riscale.modelhub.core.description.internal.Codec.NUMBER;
import static eu.riscale.modelhub.core.description.internal.Codec.STRING;
import static eu.riscale.modelhub.core.description.internal.Field.constant;
import static eu.riscale.modelhub.core.description.internal.Field.optional;
import static eu.riscale.modelhub.core.description.internal.Field.required;
import static eu.riscale.modelhub.core.description.internal.Field.withDefault;

import eu.riscale.modelhub.core.description.codec.axes.AxisCodecs;
import eu.riscale.modelhub.core.description.codec.ops.OpCodecs;
import eu.riscale.modelhub.core.description.internal.Codec;
import eu.riscale.modelhub.core.description.internal.Field;
import eu.riscale.modelhub.core.description.internal.Node;
import eu.riscale.modelhub.core.description.internal.RecordCodec;
import eu.riscale.modelhub.core.description.internal.Union;
import eu.riscale.modelhub.spec.tensor.InputTensorDescr;
import eu.riscale.modelhub.spec.tensor.IntervalOrRatioDataDescr;
import eu.riscale.modelhub.spec.tensor.NominalOrOrdinalDataDescr;
import eu.riscale.modelhub.spec.tensor.OutputTensorDescr;
import eu.riscale.modelhub.spec.tensor.Padding;
import eu.riscale.modelhub.spec.tensor.PerChannelData;
import eu.riscale.modelhub.spec.tensor.Range;
import eu.riscale.modelhub.spec.tensor.TensorData;
import eu.riscale.modelhub.spec.tensor.TensorDataDescr;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** The wire forms of tensor descriptions and their data descriptions. */
public final class TensorCodecs {
    private TensorCodecs() {}

    /** A value range {@code [min, max]}, either end {@code null} when open. */
    public static final Codec<Range> RANGE =
            Codec.of(TensorCodecs::range, r -> ANY.write(Arrays.asList(r.min(), r.max())));

    private static @Nullable Range range(Node n) {
        if (!n.json().isArray() || n.json().size() != 2) {
            n.problem(
                    n.path(),
                    "Input should be a list of two numbers or nulls [min, max], found " + Node.describe(n.json()));
            return null;
        }
        int before = n.problemCount();
        List<Double> ends = n.list(e -> e.json().isNull() ? null : e.number());
        return ends == null || n.problemCount() != before ? null : new Range(ends.get(0), ends.get(1));
    }

    /** Numbers on an interval or ratio scale. */
    public static final RecordCodec<IntervalOrRatioDataDescr> INTERVAL_OR_RATIO = RecordCodec.of(
            IntervalOrRatioDataDescr.class,
            withDefault("type", IntervalOrRatioDataDescr::type, DTYPE, IntervalOrRatioDataDescr.DEFAULT_TYPE),
            withDefault("range", IntervalOrRatioDataDescr::range, RANGE, Range.UNBOUNDED),
            withDefault("unit", IntervalOrRatioDataDescr::unit, STRING, IntervalOrRatioDataDescr.DEFAULT_UNIT),
            withDefault("scale", IntervalOrRatioDataDescr::scale, NUMBER, IntervalOrRatioDataDescr.DEFAULT_SCALE),
            optional("offset", IntervalOrRatioDataDescr::offset, NUMBER));

    /** Values on a nominal or ordinal scale. */
    public static final RecordCodec<NominalOrOrdinalDataDescr> NOMINAL_OR_ORDINAL = RecordCodec.of(
            NominalOrOrdinalDataDescr.class,
            required("values", NominalOrOrdinalDataDescr::values, ANY.list()),
            withDefault("type", NominalOrOrdinalDataDescr::type, DTYPE, NominalOrOrdinalDataDescr.DEFAULT_TYPE),
            optional("unit", NominalOrOrdinalDataDescr::unit, STRING));

    /** One data description, told apart by the presence of {@code values}. */
    public static final Codec<TensorDataDescr> TENSOR_DATA_DESCR = Union.<TensorDataDescr>untagged("")
            .when(j -> j.isObject() && j.has("values"), NominalOrOrdinalDataDescr.class, NOMINAL_OR_ORDINAL)
            .otherwise(IntervalOrRatioDataDescr.class, INTERVAL_OR_RATIO)
            .build();

    /** The data of a tensor: one description, or a list of them, one per channel. */
    public static final Codec<TensorData> TENSOR_DATA = Union.<TensorData>untagged("")
            .when(
                    JsonNode::isArray,
                    PerChannelData.class,
                    TENSOR_DATA_DESCR.list().map(PerChannelData::new, PerChannelData::channels))
            .otherwise(TensorDataDescr.class, TENSOR_DATA_DESCR)
            .build();

    /** How an input is padded: told apart by {@code mode}; a mapping without {@code mode} is constant padding. */
    public static final Union<Padding> PADDING = Union.<Padding>tagged("mode")
            .tag(
                    "constant",
                    Padding.Constant.class,
                    RecordCodec.of(
                            Padding.Constant.class,
                            Field.<Padding.Constant>constant("mode", "constant").orAbsent(),
                            withDefault("value", Padding.Constant::value, NUMBER, Padding.Constant.ZERO.value())))
            .tag("edge", Padding.Edge.class, RecordCodec.of(Padding.Edge.class, constant("mode", "edge")))
            .tag("reflect", Padding.Reflect.class, RecordCodec.of(Padding.Reflect.class, constant("mode", "reflect")))
            .tag(
                    "symmetric",
                    Padding.Symmetric.class,
                    RecordCodec.of(Padding.Symmetric.class, constant("mode", "symmetric")))
            .absentTag("constant")
            .build();

    /** An input tensor. */
    public static final RecordCodec<InputTensorDescr> INPUT = RecordCodec.of(
            InputTensorDescr.class,
            withDefault("id", InputTensorDescr::id, STRING, InputTensorDescr.DEFAULT_ID),
            withDefault("description", InputTensorDescr::description, STRING, ""),
            required("axes", InputTensorDescr::axes, AxisCodecs.INPUT_AXIS.list()),
            optional("test_tensor", InputTensorDescr::testTensor, FILE_DESCR),
            optional("sample_tensor", InputTensorDescr::sampleTensor, FILE_DESCR),
            withDefault("data", InputTensorDescr::data, TENSOR_DATA, IntervalOrRatioDataDescr.DEFAULT),
            withDefault("optional", InputTensorDescr::optional, BOOL, false),
            withDefault("preprocessing", InputTensorDescr::preprocessing, OpCodecs.PREPROCESSING.list(), List.of()),
            optional("pad", InputTensorDescr::pad, PADDING),
            optional("output_of", InputTensorDescr::outputOf, STRING));

    /** An output tensor. */
    public static final RecordCodec<OutputTensorDescr> OUTPUT = RecordCodec.of(
            OutputTensorDescr.class,
            withDefault("id", OutputTensorDescr::id, STRING, OutputTensorDescr.DEFAULT_ID),
            withDefault("description", OutputTensorDescr::description, STRING, ""),
            required("axes", OutputTensorDescr::axes, AxisCodecs.OUTPUT_AXIS.list()),
            optional("test_tensor", OutputTensorDescr::testTensor, FILE_DESCR),
            optional("sample_tensor", OutputTensorDescr::sampleTensor, FILE_DESCR),
            withDefault("data", OutputTensorDescr::data, TENSOR_DATA, IntervalOrRatioDataDescr.DEFAULT),
            withDefault(
                    "postprocessing", OutputTensorDescr::postprocessing, OpCodecs.POSTPROCESSING.list(), List.of()));
}
