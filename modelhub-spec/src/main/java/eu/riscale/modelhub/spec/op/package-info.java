/**
 * Pre- and postprocessing operations, one record per operation id with its argument variants.
 *
 * <p>Every node is an immutable record; unions are sealed interfaces. Components that the spec gives a default hold it
 * explicitly, optional components without a default are {@code @Nullable}, lists are never {@code null}.
 */
@NullMarked
package eu.riscale.modelhub.spec.op;

import org.jspecify.annotations.NullMarked;
