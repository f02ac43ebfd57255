/**
 * Running models: {@link eu.riscale.modelhub.core.inference.PredictionPipeline} loads a description's TorchScript or
 * ONNX weights through Deep Java Library, checks and arranges the inputs, applies the effective pre- and
 * postprocessing, and splits large samples into blocks with the halo the outputs need (see {@code docs/inference.md}).
 * Recoverable failures are {@link eu.riscale.modelhub.core.inference.InferenceException}s that name the tensor and
 * axis.
 */
@NullMarked
package eu.riscale.modelhub.core.inference;

import org.jspecify.annotations.NullMarked;
