/**
 * Internal: the YAML mapper with its parser limits, the tree position that collects problems while binding, and the
 * declaration layer ({@link eu.riscale.modelhub.core.description.internal.Codec}, {@link
 * eu.riscale.modelhub.core.description.internal.RecordCodec}, {@link
 * eu.riscale.modelhub.core.description.internal.Field}, {@link eu.riscale.modelhub.core.description.internal.Union})
 * from which binding and writing are both derived. Not API; use {@link
 * eu.riscale.modelhub.core.description.Descriptions}.
 */
@NullMarked
package eu.riscale.modelhub.core.description.internal;

import org.jspecify.annotations.NullMarked;
