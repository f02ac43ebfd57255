package eu.riscale.modelhub.spec.axis;

/** An axis of an output tensor. */
public sealed interface OutputAxis extends Axis
        permits BatchAxis,
                ChannelAxis,
                IndexOutputAxis,
                TimeOutputAxis,
                TimeOutputAxisWithHalo,
                SpaceOutputAxis,
                SpaceOutputAxisWithHalo {}
