/**
 * A runnable example of the ImgLib2 adapter without a GUI: {@link eu.riscale.modelhub.imglib2.example.NucleiExample}.
 *
 * @see eu.riscale.modelhub.imglib2.ImgPrediction
 */
@NullMarked
package eu.riscale.modelhub.imglib2.example;

import org.jspecify.annotations.NullMarked;
