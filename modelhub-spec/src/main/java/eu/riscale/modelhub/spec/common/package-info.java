/**
 * Nodes shared by resource descriptions: people, citations, files and links to other resources.
 *
 * <p>Every node is an immutable record; unions are sealed interfaces. Components that the spec gives a default hold it
 * explicitly, optional components without a default are {@code @Nullable}, lists are never {@code null}.
 */
@NullMarked
package eu.riscale.modelhub.spec.common;

import org.jspecify.annotations.NullMarked;
