/**
 * The {@code config} section: the typed {@code bioimageio} part and other keys kept in document order.
 *
 * <p>Every node is an immutable record; unions are sealed interfaces. Components that the spec gives a default hold it
 * explicitly, optional components without a default are {@code @Nullable}, lists are never {@code null}.
 */
@NullMarked
package eu.riscale.modelhub.spec.config;

import org.jspecify.annotations.NullMarked;
