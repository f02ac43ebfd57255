package eu.riscale.modelhub.spec.op;

/**
 * Applies the logistic sigmoid.
 *
 */
public record SigmoidDescr() implements PreprocessingDescr {
    /** {@inheritDoc} */
    @Override
    public String id() {
        return "sigmoid";
    }
}
