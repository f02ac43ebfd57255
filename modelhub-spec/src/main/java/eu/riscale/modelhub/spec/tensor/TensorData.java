package eu.riscale.modelhub.spec.tensor;

/** The {@code data} of a tensor: one description for all values, or one per channel. */
public sealed interface TensorData permits TensorDataDescr, PerChannelData {}
