/**
 * Internal: the YAML mapper with its parser limits, the tree walker that binds a parsed tree into records while
 * collecting problems, and the writer that turns records into an ordered tree. Not API; use {@link
 * eu.riscale.modelhub.core.description.Descriptions}. The format converter calls {@link
 * eu.riscale.modelhub.core.description.internal.ModelBinder#bind} on the trees it produces.
 */
@NullMarked
package eu.riscale.modelhub.core.description.internal;

import org.jspecify.annotations.NullMarked;
