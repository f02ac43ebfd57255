package eu.riscale.modelhub.spec.op;

/**
 * A postprocessing step whose computation lives in a Python library or file rather than in the spec: the reference runs
 * it only when that library is installed, and this SDK validates it but does not run it. None of these may appear in
 * preprocessing.
 */
public sealed interface ExternalPostprocessingDescr extends PostprocessingDescr
        permits StardistPostprocessingDescr, CellposeFlowDynamicsDescr, CustomPostprocessingDescr {
    /** {@return what running the step needs, for example {@code "the stardist Python package"}} */
    String needs();
}
