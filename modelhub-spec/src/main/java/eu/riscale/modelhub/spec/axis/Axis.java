package eu.riscale.modelhub.spec.axis;

/**
 * An axis of a tensor, told apart by its {@code type} key in YAML.
 *
 * <p>Input and output axes differ in the size forms they accept, so tensors hold {@link InputAxis} or {@link
 * OutputAxis}; {@link BatchAxis} and {@link ChannelAxis} are both.
 */
public sealed interface Axis permits InputAxis, OutputAxis, SpatioTemporalAxis {
    /** {@return the axis id, unique within its tensor} */
    String id();

    /** {@return the description, empty when not given} */
    String description();

    /** {@return the kind of axis, written as its {@code type} key} */
    AxisType type();

    /** {@return the physical size of one step along the axis; 1 for batch, channel and index axes} */
    default double scale() {
        return 1.0;
    }
}
