package eu.riscale.modelhub.core.iocheck;

import static org.assertj.core.api.Assertions.assertThat;

import eu.riscale.modelhub.core.description.Descriptions;
import eu.riscale.modelhub.core.resource.ResourceRoot;
import eu.riscale.modelhub.core.resource.ResourceSettings;
import eu.riscale.modelhub.spec.Conformance;
import eu.riscale.modelhub.spec.validation.Diagnostic;
import eu.riscale.modelhub.spec.validation.Location;
import eu.riscale.modelhub.spec.validation.Severity;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** I/O validation of the conformance packages and of broken copies of them. */
class IoValidationTest {
    static final String NUCLEI_WEIGHTS_URL =
            "http://files.ilastik.org/bioimageio_test/unet2d_nuclei_broad_weights.torch";

    @TempDir
    Path cache;

    @TempDir
    Path tmp;

    @Test
    void nucleiFolderOffline() throws Exception {
        Path folder = Conformance.model("unet2d_nuclei_broad");
        assertThat(TinyPackage.check(folder, cache))
                .containsExactlyInAnyOrder(
                        Diagnostic.of(
                                Severity.WARNING,
                                Location.of("documentation"),
                                "No '# Validation' (sub)section found in " + folder.resolve("README.md")),
                        Diagnostic.of(
                                Severity.WARNING,
                                Location.of("weights", "pytorch_state_dict"),
                                "not checked: offline (" + NUCLEI_WEIGHTS_URL + " is not in the download cache)"),
                        Diagnostic.of(
                                Severity.ERROR,
                                Location.of("weights", "pytorch_state_dict", "architecture"),
                                "file 'unet2d.py' not found (looked for " + folder.resolve("unet2d.py") + ")"));
    }

    @Test
    void multiTensorFolder() throws Exception {
        Path folder = Conformance.model("unet2d_multi_tensor");
        assertThat(TinyPackage.check(folder, cache))
                .containsExactlyInAnyOrder(
                        Diagnostic.of(
                                Severity.WARNING,
                                Location.of("documentation"),
                                "No '# Validation' (sub)section found in " + folder.resolve("documentation.md")),
                        Diagnostic.of(
                                Severity.ERROR,
                                Location.of("weights", "pytorch_state_dict", "architecture"),
                                "file 'multi_tensor_unet.py' not found (looked for "
                                        + folder.resolve("multi_tensor_unet.py") + ")"));
    }

    /** A copy of a conformance package that the test may change. */
    private Path copy(String model) throws Exception {
        Path source = Conformance.model(model);
        Path target = tmp.resolve(model);
        Files.createDirectories(target);
        try (Stream<Path> files = Files.list(source)) {
            for (Path f : files.toList()) {
                Files.copy(f, target.resolve(f.getFileName()));
                target.resolve(f.getFileName()).toFile().setWritable(true);
            }
        }
        return target;
    }

    @Test
    void sha256MismatchNamesExpectedAndActual() throws Exception {
        Path folder = copy("unet2d_multi_tensor");
        Files.write(folder.resolve("test_input_1.npy"), Files.readAllBytes(folder.resolve("test_input_0.npy")));
        List<Diagnostic> issues = TinyPackage.check(folder, cache);
        assertThat(issues)
                .contains(Diagnostic.of(
                        Severity.ERROR,
                        Location.of("inputs", 1, "test_tensor", "sha256"),
                        "sha256 mismatch for " + folder.resolve("test_input_1.npy")
                                + ": expected ade979299d3ade2cf8ff62d90a7a81e46e44b0e1c620db8b290fd06ffbbe4008,"
                                + " actual f0af5576a51eae4ef0ab8d905b2cca1e51ee8fcd4162f3d53f14059a81993ad7"));
    }

    @Test
    void missingTestTensorIsAnErrorNamingTheFile() throws Exception {
        Path folder = copy("unet2d_multi_tensor");
        Files.delete(folder.resolve("test_output_0.npy"));
        assertThat(TinyPackage.check(folder, cache))
                .contains(Diagnostic.of(
                        Severity.ERROR,
                        Location.of("outputs", 0, "test_tensor"),
                        "file 'test_output_0.npy' not found (looked for " + folder.resolve("test_output_0.npy") + ")"));
    }

    @Test
    void sourceOutsideThePackageRootIsRefused() throws Exception {
        Path folder = copy("unet2d_multi_tensor");
        Path yaml = folder.resolve("bioimageio.yaml");
        Files.writeString(
                yaml, Files.readString(yaml).replace("source: test_input_0.npy", "source: ../test_input_0.npy"));
        assertThat(TinyPackage.check(folder, cache))
                .filteredOn(i -> i.loc().equals("inputs.0.test_tensor"))
                .singleElement()
                .satisfies(i -> {
                    assertThat(i.severity()).isEqualTo(Severity.ERROR);
                    assertThat(i.message()).startsWith("refused: ").contains("../test_input_0.npy");
                });
    }

    @Test
    void documentationMustBeUtf8() throws Exception {
        TinyPackage.write(tmp, TinyPackage.YAML);
        TinyPackage.npy(tmp.resolve("in.npy"), TinyPackage.ramp(8), 1, 1, 8);
        TinyPackage.npy(tmp.resolve("out.npy"), TinyPackage.ramp(10), 1, 1, 10);
        Files.write(tmp.resolve("README.md"), new byte[] {'#', ' ', (byte) 0xE9, 't', 'e', '\n'});
        assertThat(TinyPackage.check(tmp, cache))
                .containsExactly(Diagnostic.of(
                        Severity.ERROR,
                        Location.of("documentation"),
                        tmp.resolve("README.md") + " is not UTF-8 text, expected UTF-8 Markdown"));
    }

    @Test
    void sampleTensorDimensionsMustFitTheAxes() throws Exception {
        Path folder = copy("unet2d_nuclei_broad");
        // the input's axes batch, channel (1), y (512), x (512) allow 2 to 4 dimensions; a 1x1 PNG has none above 1
        Path yaml = folder.resolve("bioimageio.yaml");
        eu.riscale.modelhub.core.image.Images.write(
                eu.riscale.modelhub.core.tensor.Tensor.of(new float[] {1f}, new int[] {1, 1}, List.of("y", "x"))
                        .cast(eu.riscale.modelhub.spec.tensor.DType.UINT8),
                folder.resolve("dot.png"));
        Files.writeString(
                yaml,
                Files.readString(yaml)
                        .replace("source: test_input.png", "source: dot.png")
                        .replace(
                                "8771f558305dd89f4a85fe659e8ef5e116c94d64e668dc23b9282fda3fe9cce8",
                                eu.riscale.modelhub.core.resource.Sha256.of(folder.resolve("dot.png"))
                                        .hex()));
        List<Diagnostic> found = TinyPackage.check(folder, cache);
        assertThat(found)
                .as(found.toString())
                .contains(Diagnostic.of(
                        Severity.ERROR,
                        Location.of("inputs", 0, "sample_tensor"),
                        "found 0 dimensions of size above 1 (shape [1, 1]), expected 2 to 4 for axes"
                                + " [batch, channel, y, x]"));
    }

    @Test
    void anUnknownHostAndARefusedConnectionAreNamedInWords() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        String weights = "http://modelhub-test.invalid/weights.pt";
        String documentation = "http://127.0.0.1:" + port + "/README.md";
        TinyPackage.write(
                tmp,
                TinyPackage.YAML
                        .replace("source: weights.pt", "source: " + weights)
                        .replace("documentation: README.md", "documentation: " + documentation));
        TinyPackage.npy(tmp.resolve("in.npy"), TinyPackage.ramp(8), 1, 1, 8);
        TinyPackage.npy(tmp.resolve("out.npy"), TinyPackage.ramp(10), 1, 1, 10);
        List<Diagnostic> issues;
        ResourceSettings online = ResourceSettings.builder()
                .cacheDir(cache)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        try (ResourceRoot root = ResourceRoot.open(tmp, online)) {
            issues = IoValidation.check(Descriptions.read(tmp.resolve("rdf.yaml")), root);
        }
        assertThat(issues)
                .contains(Diagnostic.of(
                        Severity.ERROR,
                        Location.of("weights", "torchscript"),
                        "cannot download " + weights + ": host 'modelhub-test.invalid' not found (no network?);"
                                + " run with --offline (or MODELHUB_OFFLINE=1) to skip remote files"));
        assertThat(issues)
                .filteredOn(i -> i.loc().equals("documentation"))
                .singleElement()
                .satisfies(i -> assertThat(i.message())
                        .startsWith("cannot download " + documentation + ": cannot connect to 127.0.0.1:" + port + ": ")
                        .endsWith("(server down or no network?); run with --offline (or MODELHUB_OFFLINE=1) to skip"
                                + " remote files")
                        .doesNotContain("Exception"));
    }
}
