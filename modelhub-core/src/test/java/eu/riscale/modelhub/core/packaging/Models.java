package eu.riscale.modelhub.core.packaging;

import eu.riscale.modelhub.core.description.Descriptions;
import eu.riscale.modelhub.core.resource.ResourceRoot;
import eu.riscale.modelhub.core.resource.ResourceSettings;
import eu.riscale.modelhub.spec.Conformance;
import eu.riscale.modelhub.spec.ModelDescr;
import eu.riscale.modelhub.spec.common.FileDescr;
import eu.riscale.modelhub.spec.weights.WeightsDescr;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
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

    /**
     * What packaging for torchscript gives: the latest format, only the torchscript weights without parent, and the
     * covers and documentation (file descriptors from format 0.5.11) with the sha256 of their files in {@code folder},
     * computed here with the JDK's digest.
     */
    static ModelDescr packagedTorchscript(ModelDescr model, Path folder) throws Exception {
        ModelDescr latest = torchscriptOnly(model.toLatestFormat());
        List<FileDescr> covers = new ArrayList<>();
        for (FileDescr c : latest.covers()) {
            covers.add(FileDescr.of(c.source(), sha256(folder.resolve(c.source()))));
        }
        FileDescr doc = latest.documentation();
        return latest.toBuilder()
                .covers(covers)
                .documentation(doc == null ? null : FileDescr.of(doc.source(), sha256(folder.resolve(doc.source()))))
                .build();
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    /** The description with only its torchscript weights, without parent. */
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
