package eu.riscale.modelhub.spec.tensor;

/** The {@code data} of a tensor: one description for all values, or one per channel. */
public sealed interface TensorData permits TensorDataDescr, PerChannelData {
    /** {@return the data type of the values; for per-channel data that of the first channel (the spec requires equal types)} */
    DType type();
}
