package eu.riscale.modelhub.spec.axis;

/** The size forms a time or space output axis accepts: fixed or a reference to another axis. */
public sealed interface StaticOutputSize extends OutputSize permits FixedSize, SizeReference {}
