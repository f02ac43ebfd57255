package eu.riscale.modelhub.spec.op;

/**
 * A postprocessing step: every preprocessing step plus {@link ScaleMeanVarianceDescr}, told apart by the {@code id}
 * key in YAML.
 */
public sealed interface PostprocessingDescr permits PreprocessingDescr, ScaleMeanVarianceDescr {
    /** {@return the operation id, for example {@code "zero_mean_unit_variance"}} */
    String id();
}
