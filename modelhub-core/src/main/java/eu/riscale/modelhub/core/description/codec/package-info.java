/**
 * Internal: the one declaration of the format-0.5 wire form, {@link
 * eu.riscale.modelhub.core.description.codec.ModelCodec#MODEL}, from which both binding and writing are derived.
 * Each record is declared once, in the package of its spec area; adding a field is one line there. Not API; use
 * {@link eu.riscale.modelhub.core.description.Descriptions}.
 *
 * @see eu.riscale.modelhub.core.description.internal.RecordCodec
 */
@NullMarked
package eu.riscale.modelhub.core.description.codec;

import org.jspecify.annotations.NullMarked;
