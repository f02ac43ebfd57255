/**
 * The root of a model description of format 0.5 ({@link eu.riscale.modelhub.spec.ModelDescr}) and its builder.
 *
 * <p>Every node is an immutable record; unions are sealed interfaces. Components that the spec gives a default hold it
 * explicitly, optional components without a default are {@code @Nullable}, lists are never {@code null}.
 */
@NullMarked
package eu.riscale.modelhub.spec;

import org.jspecify.annotations.NullMarked;
