/**
 * ImgLib2 adapter: {@link eu.riscale.modelhub.imglib2.ImgTensors} converts between {@code RandomAccessibleInterval}s
 * and the SDK's {@link eu.riscale.modelhub.core.tensor.Tensor}s with the axis order an {@link
 * eu.riscale.modelhub.imglib2.AxisOrder} gives, and {@link eu.riscale.modelhub.imglib2.ImgPrediction} predicts images of
 * any size block by block: lazily, as a cached cell image computed on first access, or eagerly into a preallocated
 * image (see {@code docs/imglib2.md}).
 *
 * <p>Mapping rule used throughout: ImgLib2 dimension 0 is the fastest-varying one (x in an {@code xyczt} image), while
 * tensors are row-major (C order, the last axis fastest); so an image with axes {@code x, y, channel} corresponds to a
 * tensor with axes {@code channel, y, x} and the same memory layout.
 *
 * @see eu.riscale.modelhub.core.inference.PredictionPipeline
 */
@NullMarked
package eu.riscale.modelhub.imglib2;

import org.jspecify.annotations.NullMarked;
