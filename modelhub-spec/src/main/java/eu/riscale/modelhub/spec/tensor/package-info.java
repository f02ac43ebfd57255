/**
 * Input and output tensor descriptions, their data descriptions and the data types.
 *
 * <p>Every node is an immutable record; unions are sealed interfaces. Components that the spec gives a default hold it
 * explicitly, optional components without a default are {@code @Nullable}, lists are never {@code null}.
 */
@NullMarked
package eu.riscale.modelhub.spec.tensor;

import org.jspecify.annotations.NullMarked;
