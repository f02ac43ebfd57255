/**
 * Load and save model descriptions, read packages (folders, zips, URLs), tensors, pre- and postprocessing, inference
 * through Deep Java Library, validation and the test API. Start with
 * {@link eu.riscale.modelhub.core.inference.LoadedModel} (run a model) or
 * {@link eu.riscale.modelhub.core.description.Descriptions} (read and write descriptions).
 *
 * <p>The {@code internal} packages, the YAML codec and the tree-level format conversion are not exported (the codec
 * and the conversion only to the command line, which rewrites description trees): no Jackson or DJL type is part of
 * the API, and a tensor's backing array stays inside this module. Conversion is public through
 * {@link eu.riscale.modelhub.core.description.Descriptions#load(java.nio.file.Path)}.
 */
module eu.riscale.modelhub.core {
    requires transitive eu.riscale.modelhub.spec;
    requires tools.jackson.core;
    requires tools.jackson.databind;
    requires tools.jackson.dataformat.yaml;
    requires org.snakeyaml.engine;
    requires java.desktop;
    requires java.net.http;
    // DJL's API (an automatic module); the engines are found at run time through its service loader
    requires ai.djl.api;
    requires static transitive org.jspecify;
    // only for core.modeltest.junit (JUnit dynamic tests); consumers bring their own JUnit
    requires static org.junit.jupiter.api;
    // used only where the JVM adds the module (VectorMath)
    requires static jdk.incubator.vector;

    exports eu.riscale.modelhub.core.authoring;
    exports eu.riscale.modelhub.core.batch;
    exports eu.riscale.modelhub.core.description;
    exports eu.riscale.modelhub.core.image;
    exports eu.riscale.modelhub.core.inference;
    exports eu.riscale.modelhub.core.iocheck;
    exports eu.riscale.modelhub.core.op;
    exports eu.riscale.modelhub.core.packaging;
    exports eu.riscale.modelhub.core.resource;
    exports eu.riscale.modelhub.core.stats;
    exports eu.riscale.modelhub.core.tensor;
    exports eu.riscale.modelhub.core.modeltest;
    exports eu.riscale.modelhub.core.modeltest.junit;
    exports eu.riscale.modelhub.core.upload;
    exports eu.riscale.modelhub.core.validation;
    exports eu.riscale.modelhub.core.description.codec to
            eu.riscale.modelhub.cli;
    exports eu.riscale.modelhub.core.description.internal to
            eu.riscale.modelhub.cli;
    // zero-copy sharing of pixel arrays with ImgLib2 images
    exports eu.riscale.modelhub.core.tensor.internal to
            eu.riscale.modelhub.imglib2;
    exports eu.riscale.modelhub.core.format to
            eu.riscale.modelhub.cli;
}
