package eu.riscale.modelhub.core.resource;

import static org.assertj.core.api.Assertions.assertThat;

import eu.riscale.modelhub.core.description.Descriptions;
import eu.riscale.modelhub.core.iocheck.IoValidation;
import eu.riscale.modelhub.spec.Conformance;
import eu.riscale.modelhub.spec.ModelDescr;
import eu.riscale.modelhub.spec.validation.Diagnostic;
import eu.riscale.modelhub.spec.validation.Location;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15, end to end: the I/O validation of a package whose input test tensor is a remote file pinned by its sha256,
 * served by a loopback server. The right bytes pass and are handed on as verified; other bytes under the same pin are
 * rejected at the reference, never handed on, and never cached.
 */
@Timeout(120)
class RemotePinnedTestTensor15Test {
    private static final String PINNED = "92768a2e0f2643c80b57afa5494019a5aafe5b0d92fe36ae740763adf3594a57";

    @TempDir
    Path dir;

    private LocalHttpServer server;
    private ResourceSettings settings;

    @BeforeEach
    void start() throws Exception {
        server = new LocalHttpServer();
        settings = ResourceSettings.builder()
                .cacheDir(dir.resolve("cache"))
                .connectTimeout(Duration.ofMillis(500))
                .readTimeout(Duration.ofSeconds(5))
                .build();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** The nuclei package with its input test tensor moved to {@code served} on the loopback server. */
    private Path packageServing(byte[] served) throws IOException {
        Path nuclei = Conformance.model("unet2d_nuclei_broad");
        Path pkg = Files.createDirectories(dir.resolve("pkg"));
        try (Stream<Path> files = Files.list(nuclei)) {
            for (Path f : files.toList()) {
                if (!f.getFileName().toString().equals("test_input.npy")) {
                    Files.copy(f, pkg.resolve(f.getFileName()));
                }
            }
        }
        server.bytes("/tensors/test_input.npy", served);
        String yaml = Files.readString(pkg.resolve("bioimageio.yaml"))
                .replace("\r\n", "\n")
                .replace(
                        "      source: test_input.npy\n      sha256: " + PINNED,
                        "      source: " + server.uri("/tensors/test_input.npy") + "\n      sha256: " + PINNED);
        assertThat(yaml).contains(server.uri("/tensors/test_input.npy").toString());
        Files.writeString(pkg.resolve("bioimageio.yaml"), yaml);
        return pkg;
    }

    /** The package's model without its state-dict weights, whose file is on a host the tests must not reach. */
    private static ModelDescr model(Path pkg) throws Exception {
        ModelDescr model = Descriptions.read(pkg.resolve("bioimageio.yaml"));
        return model.toBuilder()
                .weights(model.weights().toBuilder().pytorchStateDict(null).build())
                .build();
    }

    private List<String> cached() throws IOException {
        Path p = dir.resolve("cache").resolve("sha256");
        if (!Files.isDirectory(p)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(p)) {
            return s.map(f -> f.getFileName().toString()).toList();
        }
    }

    @Test
    void theRightBytesPassAndAreHandedOnAsVerified() throws Exception {
        byte[] real =
                Files.readAllBytes(Conformance.model("unet2d_nuclei_broad").resolve("test_input.npy"));
        assertThat(Sha256.of(real).hex()).isEqualTo(PINNED);
        Path pkg = packageServing(real);
        Map<Location, FileSource> verified = new LinkedHashMap<>();
        List<Diagnostic> issues;
        try (ResourceRoot root = ResourceRoot.open(pkg, settings)) {
            issues = IoValidation.check(model(pkg), root, verified);
        }
        assertThat(issues).filteredOn(Diagnostic::isError).isEmpty();
        assertThat(verified).containsKey(Location.of("inputs", 0, "test_tensor"));
        assertThat(server.requests()).contains("/tensors/test_input.npy");
        assertThat(cached()).as("the verified body is cached under its hash").contains(PINNED);
    }

    @Test
    void otherBytesUnderThePinAreRejectedNeverUsedAndNotCached() throws Exception {
        // a valid .npy of the same shape (the output test tensor), so only the hash tells it apart
        byte[] other =
                Files.readAllBytes(Conformance.model("unet2d_nuclei_broad").resolve("test_output.npy"));
        Path pkg = packageServing(other);
        Map<Location, FileSource> verified = new LinkedHashMap<>();
        List<Diagnostic> issues;
        try (ResourceRoot root = ResourceRoot.open(pkg, settings)) {
            issues = IoValidation.check(model(pkg), root, verified);
        }
        assertThat(issues)
                .filteredOn(Diagnostic::isError)
                .extracting(Diagnostic::loc)
                .containsExactly("inputs.0.test_tensor.sha256");
        assertThat(issues)
                .filteredOn(Diagnostic::isError)
                .singleElement()
                .satisfies(d -> assertThat(d.message()).contains("sha256").contains(PINNED));
        assertThat(verified).doesNotContainKey(Location.of("inputs", 0, "test_tensor"));
        assertThat(cached()).doesNotContain(Sha256.of(other).hex()).doesNotContain(PINNED);
    }
}
