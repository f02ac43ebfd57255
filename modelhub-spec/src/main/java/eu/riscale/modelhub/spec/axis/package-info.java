/**
 * Tensor axes (batch, channel, index, time, space; input and output variants) and their size forms.
 *
 * <p>Every node is an immutable record; unions are sealed interfaces. Components that the spec gives a default hold it
 * explicitly, optional components without a default are {@code @Nullable}, lists are never {@code null}.
 */
@NullMarked
package eu.riscale.modelhub.spec.axis;

import org.jspecify.annotations.NullMarked;
