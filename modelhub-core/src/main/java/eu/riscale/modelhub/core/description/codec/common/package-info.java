/**
 * Internal: the wire-form declarations of people, citations, files and links.
 *
 * @see eu.riscale.modelhub.core.description.codec.ModelCodec
 */
@NullMarked
package eu.riscale.modelhub.core.description.codec.common;

import org.jspecify.annotations.NullMarked;
