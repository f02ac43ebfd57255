package eu.riscale.modelhub.spec.op;

/** A preprocessing step; each can also be used in postprocessing. */
public sealed interface PreprocessingDescr extends PostprocessingDescr
        permits BinarizeDescr,
                ClipDescr,
                EnsureDtypeDescr,
                FixedZeroMeanUnitVarianceDescr,
                ScaleLinearDescr,
                ScaleRangeDescr,
                SigmoidDescr,
                SoftmaxDescr,
                ZeroMeanUnitVarianceDescr {}
