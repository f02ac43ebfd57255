/**
 * Internal: the wire-form declarations of axes and their sizes.
 *
 * @see eu.riscale.modelhub.core.description.codec.ModelCodec
 */
@NullMarked
package eu.riscale.modelhub.core.description.codec.axes;

import org.jspecify.annotations.NullMarked;
