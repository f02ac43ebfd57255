package eu.riscale.modelhub.spec.axis;

/** The size forms an index output axis accepts: fixed, a reference, or data dependent. */
public sealed interface OutputSize extends AxisSize permits StaticOutputSize, DataDependentSize {}
