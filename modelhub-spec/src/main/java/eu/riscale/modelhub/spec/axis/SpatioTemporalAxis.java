package eu.riscale.modelhub.spec.axis;

import org.jspecify.annotations.Nullable;

/** A time or space axis: one with a physical unit and scale. */
public sealed interface SpatioTemporalAxis extends Axis
        permits TimeInputAxis,
                TimeOutputAxis,
                TimeOutputAxisWithHalo,
                SpaceInputAxis,
                SpaceOutputAxis,
                SpaceOutputAxisWithHalo {
    /** {@return the physical unit, or {@code null} when not given} */
    @Nullable
    String unit();

    /** {@return the physical size of one step along the axis} */
    double scale();
}
