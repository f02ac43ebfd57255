/**
 * Reading and writing TIFF (single and multi-page) and PNG images as {@link eu.riscale.modelhub.core.tensor.Tensor}s
 * with named axes, through the JDK's {@code javax.imageio}: uint8, uint16 and float32 (TIFF only) samples.
 *
 * @see eu.riscale.modelhub.core.image.Images
 */
@NullMarked
package eu.riscale.modelhub.core.image;

import org.jspecify.annotations.NullMarked;
