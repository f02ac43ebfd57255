package eu.riscale.modelhub.spec.tensor;

/** A description of tensor values: interval/ratio or nominal/ordinal. */
public sealed interface TensorDataDescr extends TensorData permits IntervalOrRatioDataDescr, NominalOrOrdinalDataDescr {
    /** {@return the data type of the values} */
    DType type();
}
