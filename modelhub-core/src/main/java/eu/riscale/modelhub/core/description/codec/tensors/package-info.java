/**
 * Internal: the wire-form declarations of tensor descriptions and their data.
 *
 * @see eu.riscale.modelhub.core.description.codec.ModelCodec
 */
@NullMarked
package eu.riscale.modelhub.core.description.codec.tensors;

import org.jspecify.annotations.NullMarked;
