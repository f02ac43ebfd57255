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
    /** The scale of an axis that gives none. */
    double DEFAULT_SCALE = 1.0;

    /** {@return the physical unit, or {@code null} when not given} */
    @Nullable
    String unit();

    /** {@return the physical size of one step along the axis} */
    @Override
    double scale();
}
