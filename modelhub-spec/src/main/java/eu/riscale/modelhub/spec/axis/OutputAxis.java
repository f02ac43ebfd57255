package eu.riscale.modelhub.spec.axis;

import org.jspecify.annotations.Nullable;

/** An axis of an output tensor. */
public sealed interface OutputAxis extends Axis
        permits BatchAxis,
                ChannelAxis,
                IndexOutputAxis,
                TimeOutputAxis,
                TimeOutputAxisWithHalo,
                SpaceOutputAxis,
                SpaceOutputAxisWithHalo {
    /** {@return the declared size of an index, time or space axis; {@code null} for batch and channel axes} */
    default @Nullable OutputSize outputSize() {
        return null;
    }

    /** {@return the halo to crop from each side of this axis, 0 for an axis without halo} */
    default int halo() {
        return 0;
    }
}
