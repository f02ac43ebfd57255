package eu.riscale.modelhub.core.description.codec.axes;

import static eu.riscale.modelhub.core.description.internal.Codec.AXIS_ID;
import static eu.riscale.modelhub.core.description.internal.Codec.BOOL;
import static eu.riscale.modelhub.core.description.internal.Codec.INTEGER;
import static eu.riscale.modelhub.core.description.internal.Codec.NUMBER;
import static eu.riscale.modelhub.core.description.internal.Codec.STRING;
import static eu.riscale.modelhub.core.description.internal.Field.constant;
import static eu.riscale.modelhub.core.description.internal.Field.optional;
import static eu.riscale.modelhub.core.description.internal.Field.required;
import static eu.riscale.modelhub.core.description.internal.Field.withDefault;
import static eu.riscale.modelhub.spec.axis.SpatioTemporalAxis.DEFAULT_SCALE;

import eu.riscale.modelhub.core.description.internal.Codec;
import eu.riscale.modelhub.core.description.internal.RecordCodec;
import eu.riscale.modelhub.core.description.internal.Union;
import eu.riscale.modelhub.spec.axis.AxisType;
import eu.riscale.modelhub.spec.axis.BatchAxis;
import eu.riscale.modelhub.spec.axis.ChannelAxis;
import eu.riscale.modelhub.spec.axis.DataDependentSize;
import eu.riscale.modelhub.spec.axis.FixedSize;
import eu.riscale.modelhub.spec.axis.IndexInputAxis;
import eu.riscale.modelhub.spec.axis.IndexOutputAxis;
import eu.riscale.modelhub.spec.axis.InputAxis;
import eu.riscale.modelhub.spec.axis.InputSize;
import eu.riscale.modelhub.spec.axis.OutputAxis;
import eu.riscale.modelhub.spec.axis.OutputSize;
import eu.riscale.modelhub.spec.axis.ParameterizedSize;
import eu.riscale.modelhub.spec.axis.SizeReference;
import eu.riscale.modelhub.spec.axis.SpaceInputAxis;
import eu.riscale.modelhub.spec.axis.SpaceOutputAxis;
import eu.riscale.modelhub.spec.axis.SpaceOutputAxisWithHalo;
import eu.riscale.modelhub.spec.axis.StaticOutputSize;
import eu.riscale.modelhub.spec.axis.TimeInputAxis;
import eu.riscale.modelhub.spec.axis.TimeOutputAxis;
import eu.riscale.modelhub.spec.axis.TimeOutputAxisWithHalo;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** The wire forms of axes and their sizes. */
public final class AxisCodecs {
    private AxisCodecs() {}

    /** A fixed size, written as a plain integer. */
    public static final Codec<FixedSize> FIXED_SIZE = INTEGER.map(FixedSize::new, FixedSize::value);

    /** A size {@code min + n * step}. */
    public static final RecordCodec<ParameterizedSize> PARAMETERIZED_SIZE = RecordCodec.of(
            ParameterizedSize.class,
            required("min", ParameterizedSize::min, INTEGER),
            required("step", ParameterizedSize::step, INTEGER));

    /** A size known only after inference. */
    public static final RecordCodec<DataDependentSize> DATA_DEPENDENT_SIZE = RecordCodec.of(
            DataDependentSize.class,
            withDefault("min", DataDependentSize::min, INTEGER, DataDependentSize.DEFAULT_MIN),
            optional("max", DataDependentSize::max, INTEGER));

    /** A size given by another tensor's axis. */
    public static final RecordCodec<SizeReference> SIZE_REFERENCE = RecordCodec.of(
            SizeReference.class,
            required("tensor_id", SizeReference::tensorId, STRING),
            required("axis_id", SizeReference::axisId, AXIS_ID),
            withDefault("offset", SizeReference::offset, INTEGER, 0));

    private static boolean isReference(JsonNode j) {
        return j.isObject() && (j.has("tensor_id") || j.has("axis_id"));
    }

    /** The size of an input axis: an integer, a size reference or else a parameterized size. */
    public static final Codec<InputSize> INPUT_SIZE = Union.<InputSize>untagged(
                    "Input should be an integer, a parameterized size {min, step} or a size reference"
                            + " {tensor_id, axis_id, offset}")
            .when(JsonNode::isIntegralNumber, FixedSize.class, FIXED_SIZE)
            .when(AxisCodecs::isReference, SizeReference.class, SIZE_REFERENCE)
            .when(JsonNode::isObject, ParameterizedSize.class, PARAMETERIZED_SIZE)
            .build();

    /** The size of an output axis without halo that is known before inference. */
    public static final Codec<StaticOutputSize> STATIC_OUTPUT_SIZE = Union.<StaticOutputSize>untagged(
                    "Input should be an integer or a size reference {tensor_id, axis_id, offset}")
            .when(JsonNode::isIntegralNumber, FixedSize.class, FIXED_SIZE)
            .when(JsonNode::isObject, SizeReference.class, SIZE_REFERENCE)
            .build();

    /** The size of an index output axis; a mapping without reference keys is data dependent. */
    public static final Codec<OutputSize> OUTPUT_SIZE = Union.<OutputSize>untagged(
                    "Input should be an integer, a size reference {tensor_id, axis_id, offset} or a"
                            + " data dependent size {min, max}")
            .when(j -> j.isObject() && !isReference(j), DataDependentSize.class, DATA_DEPENDENT_SIZE)
            .when(JsonNode::isIntegralNumber, FixedSize.class, FIXED_SIZE)
            .when(JsonNode::isObject, SizeReference.class, SIZE_REFERENCE)
            .build();

    /** A list of strings that, when given, has at least one item (an absent key is the empty default). */
    private static final Codec<List<String>> NON_EMPTY_STRINGS = Codec.of(
            n -> {
                List<String> l = STRING.list().read(n);
                if (l != null && l.isEmpty()) {
                    n.problem(n.path(), "List should have at least 1 item after validation, not 0");
                    return null;
                }
                return l;
            },
            STRING.list()::write);

    /**
     * The id of an axis other than the batch axis: any axis id but {@code batch}, which a single-letter {@code b}
     * also becomes.
     */
    private static final Codec<String> NON_BATCH_AXIS_ID = Codec.of(
            n -> {
                int before = n.problemCount();
                String id = AXIS_ID.read(n);
                if (id == null || n.problemCount() != before) {
                    return null;
                }
                if (id.equals(AxisType.BATCH.defaultId())) {
                    String written = n.json().stringValue();
                    n.problem(
                            n.path(),
                            "only the batch axis may have the id 'batch', found '" + written + "'"
                                    + (written.equals(id) ? "" : " (normalized to 'batch')"));
                    return null;
                }
                return id;
            },
            AXIS_ID::write);

    /** The batch axis. */
    public static final RecordCodec<BatchAxis> BATCH = RecordCodec.of(
            BatchAxis.class,
            withDefault("id", BatchAxis::id, AXIS_ID, AxisType.BATCH.defaultId()),
            withDefault("description", BatchAxis::description, STRING, ""),
            constant("type", AxisType.BATCH.id()),
            optional("size", BatchAxis::size, INTEGER));

    /** A channel axis. */
    public static final RecordCodec<ChannelAxis> CHANNEL = RecordCodec.of(
            ChannelAxis.class,
            withDefault("id", ChannelAxis::id, NON_BATCH_AXIS_ID, AxisType.CHANNEL.defaultId()),
            withDefault("description", ChannelAxis::description, STRING, ""),
            constant("type", AxisType.CHANNEL.id()),
            required("channel_names", ChannelAxis::channelNames, STRING.list()),
            withDefault("channel_colors", ChannelAxis::channelColors, NON_EMPTY_STRINGS, List.of()));

    /** An index axis of an input. */
    public static final RecordCodec<IndexInputAxis> INDEX_INPUT = RecordCodec.of(
            IndexInputAxis.class,
            required("size", IndexInputAxis::size, INPUT_SIZE),
            withDefault("id", IndexInputAxis::id, NON_BATCH_AXIS_ID, AxisType.INDEX.defaultId()),
            withDefault("description", IndexInputAxis::description, STRING, ""),
            constant("type", AxisType.INDEX.id()),
            withDefault("concatenable", IndexInputAxis::concatenable, BOOL, false));

    /** An index axis of an output. */
    public static final RecordCodec<IndexOutputAxis> INDEX_OUTPUT = RecordCodec.of(
            IndexOutputAxis.class,
            withDefault("id", IndexOutputAxis::id, NON_BATCH_AXIS_ID, AxisType.INDEX.defaultId()),
            withDefault("description", IndexOutputAxis::description, STRING, ""),
            constant("type", AxisType.INDEX.id()),
            required("size", IndexOutputAxis::size, OUTPUT_SIZE));

    /** A time axis of an input. */
    public static final RecordCodec<TimeInputAxis> TIME_INPUT = RecordCodec.of(
            TimeInputAxis.class,
            required("size", TimeInputAxis::size, INPUT_SIZE),
            withDefault("id", TimeInputAxis::id, NON_BATCH_AXIS_ID, AxisType.TIME.defaultId()),
            withDefault("description", TimeInputAxis::description, STRING, ""),
            constant("type", AxisType.TIME.id()),
            optional("unit", TimeInputAxis::unit, STRING),
            withDefault("scale", TimeInputAxis::scale, NUMBER, DEFAULT_SCALE),
            withDefault("concatenable", TimeInputAxis::concatenable, BOOL, false));

    /** A time axis of an output. */
    public static final RecordCodec<TimeOutputAxis> TIME_OUTPUT = RecordCodec.of(
            TimeOutputAxis.class,
            required("size", TimeOutputAxis::size, STATIC_OUTPUT_SIZE),
            withDefault("id", TimeOutputAxis::id, NON_BATCH_AXIS_ID, AxisType.TIME.defaultId()),
            withDefault("description", TimeOutputAxis::description, STRING, ""),
            constant("type", AxisType.TIME.id()),
            optional("unit", TimeOutputAxis::unit, STRING),
            withDefault("scale", TimeOutputAxis::scale, NUMBER, DEFAULT_SCALE));

    /** A time axis of an output with a halo. */
    public static final RecordCodec<TimeOutputAxisWithHalo> TIME_OUTPUT_WITH_HALO = RecordCodec.of(
            TimeOutputAxisWithHalo.class,
            required("halo", TimeOutputAxisWithHalo::halo, INTEGER),
            required("size", TimeOutputAxisWithHalo::size, SIZE_REFERENCE),
            withDefault("id", TimeOutputAxisWithHalo::id, NON_BATCH_AXIS_ID, AxisType.TIME.defaultId()),
            withDefault("description", TimeOutputAxisWithHalo::description, STRING, ""),
            constant("type", AxisType.TIME.id()),
            optional("unit", TimeOutputAxisWithHalo::unit, STRING),
            withDefault("scale", TimeOutputAxisWithHalo::scale, NUMBER, DEFAULT_SCALE));

    /** A space axis of an input. */
    public static final RecordCodec<SpaceInputAxis> SPACE_INPUT = RecordCodec.of(
            SpaceInputAxis.class,
            required("size", SpaceInputAxis::size, INPUT_SIZE),
            withDefault("id", SpaceInputAxis::id, NON_BATCH_AXIS_ID, AxisType.SPACE.defaultId()),
            withDefault("description", SpaceInputAxis::description, STRING, ""),
            constant("type", AxisType.SPACE.id()),
            optional("unit", SpaceInputAxis::unit, STRING),
            withDefault("scale", SpaceInputAxis::scale, NUMBER, DEFAULT_SCALE),
            withDefault("concatenable", SpaceInputAxis::concatenable, BOOL, false));

    /** A space axis of an output. */
    public static final RecordCodec<SpaceOutputAxis> SPACE_OUTPUT = RecordCodec.of(
            SpaceOutputAxis.class,
            required("size", SpaceOutputAxis::size, STATIC_OUTPUT_SIZE),
            withDefault("id", SpaceOutputAxis::id, NON_BATCH_AXIS_ID, AxisType.SPACE.defaultId()),
            withDefault("description", SpaceOutputAxis::description, STRING, ""),
            constant("type", AxisType.SPACE.id()),
            optional("unit", SpaceOutputAxis::unit, STRING),
            withDefault("scale", SpaceOutputAxis::scale, NUMBER, DEFAULT_SCALE));

    /** A space axis of an output with a halo. */
    public static final RecordCodec<SpaceOutputAxisWithHalo> SPACE_OUTPUT_WITH_HALO = RecordCodec.of(
            SpaceOutputAxisWithHalo.class,
            required("halo", SpaceOutputAxisWithHalo::halo, INTEGER),
            required("size", SpaceOutputAxisWithHalo::size, SIZE_REFERENCE),
            withDefault("id", SpaceOutputAxisWithHalo::id, NON_BATCH_AXIS_ID, AxisType.SPACE.defaultId()),
            withDefault("description", SpaceOutputAxisWithHalo::description, STRING, ""),
            constant("type", AxisType.SPACE.id()),
            optional("unit", SpaceOutputAxisWithHalo::unit, STRING),
            withDefault("scale", SpaceOutputAxisWithHalo::scale, NUMBER, DEFAULT_SCALE));

    /** An axis of an input, told apart by {@code type}. */
    public static final Union<InputAxis> INPUT_AXIS = Union.<InputAxis>tagged("type")
            .tag(AxisType.BATCH.id(), BatchAxis.class, BATCH)
            .tag(AxisType.CHANNEL.id(), ChannelAxis.class, CHANNEL)
            .tag(AxisType.INDEX.id(), IndexInputAxis.class, INDEX_INPUT)
            .tag(AxisType.TIME.id(), TimeInputAxis.class, TIME_INPUT)
            .tag(AxisType.SPACE.id(), SpaceInputAxis.class, SPACE_INPUT)
            .build();

    /** An axis of an output, told apart by {@code type} and, like the reference, by the presence of {@code halo}. */
    public static final Union<OutputAxis> OUTPUT_AXIS = Union.<OutputAxis>tagged("type")
            .tag(AxisType.BATCH.id(), BatchAxis.class, BATCH)
            .tag(AxisType.CHANNEL.id(), ChannelAxis.class, CHANNEL)
            .tag(AxisType.INDEX.id(), IndexOutputAxis.class, INDEX_OUTPUT)
            .tag(AxisType.TIME.id(), j -> j.has("halo"), TimeOutputAxisWithHalo.class, TIME_OUTPUT_WITH_HALO)
            .tag(AxisType.TIME.id(), TimeOutputAxis.class, TIME_OUTPUT)
            .tag(AxisType.SPACE.id(), j -> j.has("halo"), SpaceOutputAxisWithHalo.class, SPACE_OUTPUT_WITH_HALO)
            .tag(AxisType.SPACE.id(), SpaceOutputAxis.class, SPACE_OUTPUT)
            .build();
}
