package eu.riscale.modelhub.core.packaging;

import eu.riscale.modelhub.core.description.Descriptions;
import eu.riscale.modelhub.core.resource.ResourceRoot;
import eu.riscale.modelhub.core.resource.ResourceSettings;
import eu.riscale.modelhub.spec.Conformance;
import eu.riscale.modelhub.spec.ModelDescr;
import eu.riscale.modelhub.spec.weights.WeightsDescr;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Test helpers: reading a root's description, copying conformance packages, the expected packaged descriptions. */
final class Models {
    private Models() {}

    static ResourceSettings offline(Path cache) {
        return ResourceSettings.builder().cacheDir(cache).offline(true).build();
    }

    static ResourceSettings online(Path cache) {
        return ResourceSettings.builder().cacheDir(cache).build();
    }

    static ModelDescr read(ResourceRoot root) throws Exception {
        try (InputStream in = root.description().open()) {
            return Descriptions.read(in, root.description().location());
        }
    }

    static ModelDescr read(Path source, ResourceSettings settings) throws Exception {
        try (ResourceRoot root = ResourceRoot.open(source, settings)) {
            return read(root);
        }
    }

    /** A writable copy of a conformance package in {@code tmp}. */
    static Path copy(String model, Path tmp) throws Exception {
        Path source = Conformance.model(model);
        Path target = tmp.resolve(model);
        Files.createDirectories(target);
        try (Stream<Path> files = Files.list(source)) {
            for (Path f : files.toList()) {
                Path t = target.resolve(f.getFileName());
                Files.copy(f, t);
                t.toFile().setWritable(true);
            }
        }
        return target;
    }

    /** The description with only its torchscript weights, without parent: what packaging for torchscript gives. */
    static ModelDescr torchscriptOnly(ModelDescr model) {
        return model.toBuilder()
                .weights(WeightsDescr.builder()
                        .torchscript(model.weights().torchscript().toBuilder()
                                .parent(null)
                                .build())
                        .build())
                .build();
    }
}
