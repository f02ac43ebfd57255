package eu.riscale.modelhub.core.resource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.riscale.modelhub.spec.Conformance;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens the spec's example package {@code unet2d_nuclei_broad} as a folder, as a zip and over http, and checks that its
 * references resolve to the same bytes: the sha256 values declared in its {@code bioimageio.yaml}.
 */
@Timeout(60)
class ConformancePackageTest {
    /** Declared in unet2d_nuclei_broad/bioimageio.yaml (weights.torchscript, weights.onnx, test tensors). */
    private static final Map<String, Sha256> DECLARED = Map.of(
            "weights.pt", Sha256.parse("a4b0659a1b48454588b12179855ad0a0c9b69ccaa89b8bb06e6271e8f60b02fe"),
            "weights.onnx", Sha256.parse("85f5ac80fa977fea3562ef97c8c5950288be2c4f4cdb5d994807df97008ce088"),
            "test_input.npy", Sha256.parse("92768a2e0f2643c80b57afa5494019a5aafe5b0d92fe36ae740763adf3594a57"),
            "test_output.npy", Sha256.parse("39925fb38bc74530902e44bf8e43a8bd0a9e3675aab758d89f47dc66cb9818ed"));

    @TempDir
    Path dir;

    private ResourceSettings settings() {
        return ResourceSettings.builder().cacheDir(dir.resolve("cache")).build();
    }

    private static void checkReferences(ResourceRoot root) throws Exception {
        checkDeclared(root);
        assertThat(root.resolve("unet2d.py").exists())
                .as("left out of the conformance copy")
                .isFalse();
    }

    private static void checkDeclared(ResourceRoot root) throws Exception {
        for (Map.Entry<String, Sha256> e : DECLARED.entrySet()) {
            FileSource file = root.resolve(e.getKey());
            assertThat(file.exists()).as(file.location()).isTrue();
            assertThat(file.verify(e.getValue())).as(file.location()).isEqualTo(e.getValue());
        }
    }

    private Path zipOf(Path folder) throws Exception {
        Map<String, FileSource> content = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path f : files.sorted().toList()) {
                content.put(f.getFileName().toString(), FileSource.of(f));
            }
        }
        Path zip = dir.resolve("unet2d_nuclei_broad.zip");
        PackageWriter.writeZip(zip, content);
        return zip;
    }

    @Test
    void folder() throws Exception {
        try (ResourceRoot root = ResourceRoot.open(Conformance.model("unet2d_nuclei_broad"), settings())) {
            assertThat(root).isInstanceOf(FolderRoot.class);
            assertThat(root.description().fileName()).isEqualTo("bioimageio.yaml");
            checkReferences(root);
        }
    }

    @Test
    void zipReadInPlace() throws Exception {
        Path folder = Conformance.model("unet2d_nuclei_broad");
        try (ResourceRoot root = ResourceRoot.open(zipOf(folder), settings())) {
            assertThat(root).isInstanceOf(ZipRoot.class);
            assertThat(root.description().sha256()).isEqualTo(Sha256.of(folder.resolve("bioimageio.yaml")));
            checkReferences(root);
        }
    }

    @Test
    void overHttpFromALocalServer() throws Exception {
        Path folder = Conformance.model("unet2d_nuclei_broad");
        try (LocalHttpServer server = new LocalHttpServer()) {
            server.folder("/models/unet2d_nuclei_broad/", folder);
            server.bytes("/packages/unet2d_nuclei_broad.zip", Files.readAllBytes(zipOf(folder)));
            URI yaml = server.uri("/models/unet2d_nuclei_broad/bioimageio.yaml");
            try (ResourceRoot root = ResourceRoot.open(yaml, settings())) {
                assertThat(root).isInstanceOf(RemoteRoot.class);
                assertThat(((RemoteRoot) root).base()).isEqualTo(server.uri("/models/unet2d_nuclei_broad/"));
                assertThat(root.description().sha256()).isEqualTo(Sha256.of(folder.resolve("bioimageio.yaml")));
                checkReferences(root);
                assertThatThrownBy(() -> root.resolve("../other/rdf.yaml"))
                        .isInstanceOf(UnsafeReferenceException.class)
                        .hasMessageContaining("leaves the package root");
            }
            URI zip = server.uri("/packages/unet2d_nuclei_broad.zip");
            try (ResourceRoot root = ResourceRoot.open(zip, settings())) {
                assertThat(root).isInstanceOf(ZipRoot.class);
                assertThat(root.location()).isEqualTo(zip.toString());
                checkReferences(root);
            }
            int requests = server.requests().size();
            // a second look at the same sources is served by the cache, in offline mode too
            try (ResourceRoot root = ResourceRoot.open(yaml, settings().with(b -> b.offline(true)))) {
                checkDeclared(root);
                // a missing file is not cached, so offline it cannot be told from one not yet fetched
                assertThatThrownBy(() -> root.resolve("unet2d.py").exists()).isInstanceOf(OfflineException.class);
            }
            assertThat(server.requests()).hasSize(requests);
        }
    }

    @Test
    void remoteWeightsAreSkippedOfflineAndNamed() throws Exception {
        ResourceSettings offline = settings().with(b -> b.offline(true));
        try (ResourceRoot root = ResourceRoot.open(Conformance.model("unet2d_nuclei_broad"), offline)) {
            String url = "http://files.ilastik.org/bioimageio_test/unet2d_nuclei_broad_weights.torch";
            FileSource remote = root.resolve(url);
            assertThatThrownBy(remote::sha256)
                    .isInstanceOf(OfflineException.class)
                    .hasMessage("not checked: offline mode and " + url + " is not in the download cache");
            assertThat(root.cache().skipped()).containsExactlyElementsOf(List.of(URI.create(url)));
        }
    }
}
