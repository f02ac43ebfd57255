package eu.riscale.modelhub.spec.axis;

/** The size of an axis: one of the size forms of the spec. */
public sealed interface AxisSize permits InputSize, OutputSize {}
