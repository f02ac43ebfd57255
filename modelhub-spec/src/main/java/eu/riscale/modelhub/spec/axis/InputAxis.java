package eu.riscale.modelhub.spec.axis;

import org.jspecify.annotations.Nullable;

/** An axis of an input tensor. */
public sealed interface InputAxis extends Axis
        permits BatchAxis, ChannelAxis, IndexInputAxis, TimeInputAxis, SpaceInputAxis {
    /** {@return the declared size of an index, time or space axis; {@code null} for batch and channel axes} */
    default @Nullable InputSize inputSize() {
        return null;
    }
}
