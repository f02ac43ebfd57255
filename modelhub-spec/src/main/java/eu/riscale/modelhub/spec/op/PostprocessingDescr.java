package eu.riscale.modelhub.spec.op;

/**
 * A postprocessing step: every preprocessing step plus {@link ScaleMeanVarianceDescr} and the {@link
 * ExternalPostprocessingDescr external steps} ({@code stardist_postprocessing} from format 0.5.8, {@code
 * cellpose_flow_dynamics} and {@code custom} from 0.5.10), told apart by the {@code id} key in YAML.
 */
public sealed interface PostprocessingDescr
        permits PreprocessingDescr, ScaleMeanVarianceDescr, ExternalPostprocessingDescr {
    /** {@return the operation id, for example {@code "zero_mean_unit_variance"}} */
    String id();
}
