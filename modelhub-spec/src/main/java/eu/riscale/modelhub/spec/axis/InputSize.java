package eu.riscale.modelhub.spec.axis;

/** The size forms an input axis accepts: fixed, parameterized or a reference to another axis. */
public sealed interface InputSize extends AxisSize permits FixedSize, ParameterizedSize, SizeReference {}
