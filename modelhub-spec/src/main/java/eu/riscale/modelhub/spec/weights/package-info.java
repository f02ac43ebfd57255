/**
 * The weights of a model in its six possible formats and the architecture of state-dict weights.
 *
 * <p>Every node is an immutable record; unions are sealed interfaces. Components that the spec gives a default hold it
 * explicitly, optional components without a default are {@code @Nullable}, lists are never {@code null}.
 */
@NullMarked
package eu.riscale.modelhub.spec.weights;

import org.jspecify.annotations.NullMarked;
