package eu.riscale.modelhub.spec.axis;

/** An axis of an input tensor. */
public sealed interface InputAxis extends Axis
        permits BatchAxis, ChannelAxis, IndexInputAxis, TimeInputAxis, SpaceInputAxis {}
