/**
 * The native boundary of inference: loading TorchScript and ONNX weights through Deep Java Library and running them on
 * plain buffers. Not API; {@code eu.riscale.modelhub.core.inference} wraps it. No DJL type leaves this package.
 */
@NullMarked
package eu.riscale.modelhub.core.inference.internal;

import org.jspecify.annotations.NullMarked;
