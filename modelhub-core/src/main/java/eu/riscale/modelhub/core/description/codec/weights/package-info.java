/**
 * Internal: the wire-form declarations of weights entries and architectures.
 *
 * @see eu.riscale.modelhub.core.description.codec.ModelCodec
 */
@NullMarked
package eu.riscale.modelhub.core.description.codec.weights;

import org.jspecify.annotations.NullMarked;
