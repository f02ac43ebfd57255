/**
 * Internal: the wire-form declarations of pre- and postprocessing operations.
 *
 * @see eu.riscale.modelhub.core.description.codec.ModelCodec
 */
@NullMarked
package eu.riscale.modelhub.core.description.codec.ops;

import org.jspecify.annotations.NullMarked;
