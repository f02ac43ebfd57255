package eu.riscale.modelhub.spec.op;

import jakarta.validation.Valid;
import java.util.Objects;

/**
 * StarDist's non-maximum suppression of star-convex polygons (2D) or polyhedra (3D) and their rendering to instance
 * labels (format 0.5.8; the kwargs of 0.5.9 and later). Postprocessing only.
 *
 * @param kwargs the arguments, 2D or 3D
 */
public record StardistPostprocessingDescr(@Valid StardistKwargs kwargs) implements ExternalPostprocessingDescr {
    /** The {@code id} of this step. */
    public static final String ID = "stardist_postprocessing";

    /**
     * Checks that required components are present.
     *
     * @param kwargs the arguments, 2D or 3D
     * @throws NullPointerException if a required component is {@code null}
     */
    public StardistPostprocessingDescr {
        Objects.requireNonNull(kwargs, "kwargs");
    }

    /** {@inheritDoc} */
    @Override
    public String id() {
        return ID;
    }

    /** {@inheritDoc} */
    @Override
    public String needs() {
        return "the stardist Python package (star-convex polygon non-maximum suppression)";
    }
}
