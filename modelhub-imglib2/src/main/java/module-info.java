/**
 * ImgLib2 images to and from the SDK's tensors, and lazy or eager blockwise prediction into ImgLib2 images (Fiji,
 * BigDataViewer and other ImgLib2 software; see docs/imglib2.md). Start with
 * {@link eu.riscale.modelhub.imglib2.ImgTensors} and {@link eu.riscale.modelhub.imglib2.ImgPrediction}.
 */
module eu.riscale.modelhub.imglib2 {
    requires transitive eu.riscale.modelhub.core;
    // imglib2's automatic module name
    requires transitive net.imglib2;
    requires static transitive org.jspecify;

    exports eu.riscale.modelhub.imglib2;
    exports eu.riscale.modelhub.imglib2.example;
}
