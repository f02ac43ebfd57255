/**
 * The SDK's tensor exchange type: {@link eu.riscale.modelhub.core.tensor.Tensor}, an immutable n-dimensional array with
 * one of the spec's 11 data types, named axes and contiguous row-major primitive storage, plus {@code .npy} reading and
 * writing ({@link eu.riscale.modelhub.core.tensor.Npy}) and padding modes ({@link
 * eu.riscale.modelhub.core.tensor.PadMode}).
 *
 * @see eu.riscale.modelhub.core.op
 */
@NullMarked
package eu.riscale.modelhub.core.tensor;

import org.jspecify.annotations.NullMarked;
