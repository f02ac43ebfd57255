package eu.riscale.modelhub.spec.op;

import jakarta.validation.Valid;
import java.util.Objects;

/**
 * Cellpose's flow dynamics that turn predicted flows and cell probabilities into instance labels (format 0.5.10).
 * Postprocessing only.
 *
 * @param kwargs the arguments
 */
public record CellposeFlowDynamicsDescr(@Valid CellposeFlowDynamicsKwargs kwargs)
        implements ExternalPostprocessingDescr {
    /** The {@code id} of this step. */
    public static final String ID = "cellpose_flow_dynamics";

    /**
     * Checks that required components are present.
     *
     * @param kwargs the arguments
     * @throws NullPointerException if a required component is {@code null}
     */
    public CellposeFlowDynamicsDescr {
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
        return "the cellpose Python package (flow dynamics)";
    }
}
