package eu.riscale.modelhub.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import eu.riscale.modelhub.core.description.Descriptions;
import eu.riscale.modelhub.core.description.FileReference;
import eu.riscale.modelhub.core.description.FileReferences;
import eu.riscale.modelhub.spec.ModelDescr;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code modelhub package} and {@code modelhub update-hashes} through the real parser. */
class PackagingCommandsTest {
    @TempDir
    Path out;

    @TempDir
    Path cache;

    @TempDir
    Path tmp;

    /** A conformance package; the test is skipped when the shared material is absent. */
    static Path model(String name) {
        String root = System.getProperty("modelhub.root");
        Path dir = (root == null ? Path.of("").toAbsolutePath() : Path.of(root))
                .resolve("../shared/conformance/models")
                .resolve(name)
                .normalize();
        assumeTrue(Files.isDirectory(dir), () -> "conformance material not found at " + dir + ", test skipped");
        return dir;
    }

    private CliRun run(String... args) {
        String[] all = Stream.concat(Stream.of(args), Stream.of("--offline", "--cache-dir", cache.toString()))
                .toArray(String[]::new);
        return CliRun.of(all);
    }

    private static List<Path> filesIn(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.toList();
        }
    }

    @Test
    void packagesTheTorchscriptWeightsOfNuclei() throws Exception {
        Path zip = out.resolve("nuclei.zip");
        CliRun run = run(
                "package",
                model("unet2d_nuclei_broad").toString(),
                "-o",
                zip.toString(),
                "--weight-format",
                "torchscript");
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
        assertThat(run.out())
                .contains("  rdf.yaml")
                .contains("a4b0659a1b48454588b12179855ad0a0c9b69ccaa89b8bb06e6271e8f60b02fe  1871121  weights.pt")
                .contains("wrote " + zip + " (8 files)");
        assertThat(run.err()).contains("warning at documentation: No '# Validation' (sub)section found");
        try (ZipFile z = new ZipFile(zip.toFile())) {
            assertThat(Collections.list(z.entries()).stream().map(ZipEntry::getName))
                    .startsWith("rdf.yaml")
                    .contains("weights.pt")
                    .doesNotContain("weights.onnx", "environment.yaml");
        }
    }

    @Test
    void allWeightsOfNucleiFailOfflineAndWriteNothing() throws Exception {
        Path zip = out.resolve("nuclei.zip");
        CliRun run = run("package", model("unet2d_nuclei_broad").toString(), "-o", zip.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(run.err())
                .startsWith("error: cannot package ")
                .contains("error at weights.pytorch_state_dict: not available offline: http://files.ilastik.org/")
                .contains("error at weights.pytorch_state_dict.architecture: file 'unet2d.py' not found");
        assertThat(run.out()).isEmpty();
        assertThat(filesIn(out)).isEmpty();
    }

    @Test
    void unknownWeightsFormatIsAUsageError() {
        CliRun run = run("package", "x", "-o", out.resolve("x.zip").toString(), "--weight-format", "pytorch");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err())
                .contains(
                        "found 'pytorch', expected one of keras_hdf5, keras_v3, onnx, pytorch_state_dict, tensorflow_js,"
                                + " tensorflow_saved_model_bundle, torchscript");
    }

    @Test
    void missingOutputIsAUsageError() {
        CliRun run = run("package", "x");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("Missing required option: '--output=OUT.zip'");
    }

    @Test
    void missingSourceIsAnUnreadableInput() throws Exception {
        Path missing = tmp.resolve("nothing-here");
        CliRun run =
                run("package", missing.toString(), "-o", out.resolve("x.zip").toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).startsWith("error: ").contains(missing.toString());
        assertThat(filesIn(out)).isEmpty();
    }

    /** A copy of the multi-tensor package with its architecture file and without the test input sha256 values. */
    private Path multiWithoutInputHashes() throws Exception {
        Path source = model("unet2d_multi_tensor");
        Path folder = tmp.resolve("multi");
        Files.createDirectories(folder);
        for (Path f : filesIn(source)) {
            Files.copy(f, folder.resolve(f.getFileName()));
            folder.resolve(f.getFileName()).toFile().setWritable(true);
        }
        Files.writeString(folder.resolve("multi_tensor_unet.py"), "dummy\n");
        Path yaml = folder.resolve("bioimageio.yaml");
        Files.writeString(
                yaml,
                Files.readString(yaml).replaceAll("(?m)^ *sha256: [0-9a-f]{64}\\r?\\n(?= *source: test_input_)", ""));
        return folder;
    }

    @Test
    void updateHashesWritesTheFixedDescriptionToStdout() throws Exception {
        Path folder = multiWithoutInputHashes();
        CliRun run = run("update-hashes", folder.toString());
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
        assertThat(run.err())
                .contains("filled inputs.0.test_tensor.sha256: "
                        + "f0af5576a51eae4ef0ab8d905b2cca1e51ee8fcd4162f3d53f14059a81993ad7")
                .contains("filled inputs.1.test_tensor.sha256: "
                        + "ade979299d3ade2cf8ff62d90a7a81e46e44b0e1c620db8b290fd06ffbbe4008")
                .contains("fixed weights.pytorch_state_dict.architecture.sha256: "
                        + "74b6d27cd17b40560e70fde4d57b5675614979ffab4f1e0328a6c3a3f64a1ff2 -> "
                        + "d3eb539a556352f3f47881d71fb0e5777b2f3e9a4251d283c18c67ce996774b7");
        ModelDescr written = Descriptions.parse(run.out());
        ModelDescr original = Descriptions.read(model("unet2d_multi_tensor").resolve("bioimageio.yaml"));
        assertThat(written)
                .isEqualTo(FileReferences.rewrite(
                        original,
                        r -> r.location().toString().equals("weights.pytorch_state_dict.architecture")
                                ? r.withSha256("d3eb539a556352f3f47881d71fb0e5777b2f3e9a4251d283c18c67ce996774b7")
                                : r));
    }

    @Test
    void updateHashesWritesToAFileWithDashO() throws Exception {
        Path folder = multiWithoutInputHashes();
        Path target = folder.resolve("rdf.yaml");
        CliRun run = run("update-hashes", folder.resolve("bioimageio.yaml").toString(), "-o", target.toString());
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("wrote " + target);
        assertThat(FileReferences.of(Descriptions.read(target)))
                .filteredOn(FileReference::hasSha256Field)
                .allSatisfy(r -> assertThat(r.sha256()).isNotNull());
    }

    @Test
    void updateHashesNamesAMissingFile() throws Exception {
        Path folder = model("unet2d_multi_tensor");
        CliRun run = run("update-hashes", folder.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(run.err())
                .isEqualTo("error: weights.pytorch_state_dict.architecture: file 'multi_tensor_unet.py' not found"
                        + " (looked for " + folder.resolve("multi_tensor_unet.py") + ")" + System.lineSeparator());
        assertThat(run.out()).isEmpty();
    }

    /** The names of a zip's entries, in order, and its {@code rdf.yaml} read as format 0.5. */
    private static ModelDescr descriptionIn(Path zip, List<String> names) throws Exception {
        try (ZipFile z = new ZipFile(zip.toFile())) {
            Collections.list(z.entries()).forEach(e -> names.add(e.getName()));
            return Descriptions.read(z.getInputStream(z.getEntry("rdf.yaml")), zip + "!/rdf.yaml");
        }
    }

    @Test
    void packagesA04NucleiDescriptionConvertedTo05() throws Exception {
        Path v04 = model("unet2d_nuclei_broad").resolve("v0_4_9.bioimageio.yaml");
        Path zip = out.resolve("nuclei.zip");
        CliRun run = run("package", v04.toString(), "-o", zip.toString(), "--weight-format", "torchscript");
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
        assertThat(run.err())
                .contains("note: converted " + v04 + " from format 0.4.9 to 0.5.14; the package holds the converted"
                        + " rdf.yaml" + System.lineSeparator());
        assertThat(run.out())
                .contains("a4b0659a1b48454588b12179855ad0a0c9b69ccaa89b8bb06e6271e8f60b02fe  1871121  weights.pt")
                .contains("wrote " + zip);
        List<String> names = new ArrayList<>();
        ModelDescr packaged = descriptionIn(zip, names);
        assertThat(names).startsWith("rdf.yaml").contains("weights.pt", "test_input.npy", "test_output.npy");
        assertThat(packaged.formatVersion()).isEqualTo("0.5.14");
        assertThat(packaged.inputs().get(0).id()).isEqualTo("raw");
        assertThat(packaged.weights().torchscript()).isNotNull();
    }

    @Test
    void packagesASmall04DescriptionConvertedTo05() throws Exception {
        Path yaml = SmallV04Model.write(tmp.resolve("v04"));
        Path zip = out.resolve("small.zip");
        CliRun run = run("package", yaml.toString(), "-o", zip.toString());
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
        assertThat(run.err())
                .containsOnlyOnce("note: converted " + yaml + " from format 0.4.10 to 0.5.14; the package holds the"
                        + " converted rdf.yaml");
        List<String> names = new ArrayList<>();
        ModelDescr packaged = descriptionIn(zip, names);
        assertThat(names).containsExactly("rdf.yaml", "README.md", "test_input.npy", "test_output.npy", "weights.onnx");
        assertThat(packaged.formatVersion()).isEqualTo("0.5.14");
        assertThat(packaged.outputs().get(0).id()).isEqualTo("probability");
        assertThat(packaged.weights().onnx().sha256())
                .isEqualTo("85f5ac80fa977fea3562ef97c8c5950288be2c4f4cdb5d994807df97008ce088");
        assertThat(yaml).hasContent(SmallV04Model.YAML.strip());
    }

    @Test
    void aDescriptionThatCannotBeConvertedIsAnUnreadableInput() throws Exception {
        Path bad = model("unet2d_nuclei_broad").resolve("invalid_v0_4_0_duplicate_tensor_names.bioimageio.yaml");
        CliRun run = run("package", bad.toString(), "-o", out.resolve("x.zip").toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).startsWith("error: invalid model description " + bad);
        assertThat(filesIn(out)).isEmpty();
    }

    @Test
    void updateHashesRefusesA04DescriptionInsteadOfConvertingIt() throws Exception {
        Path v04 = model("unet2d_nuclei_broad").resolve("v0_4_9.bioimageio.yaml");
        CliRun run = run("update-hashes", v04.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(run.err())
                .isEqualTo("error: " + v04 + " has format_version 0.4.9, but update-hashes works on format 0.5 only:"
                        + " run 'modelhub update-format' on it first" + System.lineSeparator());
        assertThat(run.out()).isEmpty();
    }

    @Test
    void updateHashesLeavesASmall04DescriptionAsItWas() throws Exception {
        Path yaml = SmallV04Model.write(tmp.resolve("v04"));
        CliRun run = run("update-hashes", yaml.toString(), "-o", yaml.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(run.err())
                .isEqualTo("error: " + yaml + " has format_version 0.4.10, but update-hashes works on format 0.5"
                        + " only: run 'modelhub update-format' on it first" + System.lineSeparator());
        assertThat(yaml).hasContent(SmallV04Model.YAML.strip());
        assertThat(filesIn(yaml.getParent())).hasSize(5);
    }

    @Test
    void helpOfBothCommandsGoesToStdout() {
        CliRun pack = CliRun.of("package", "--help");
        assertThat(pack.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(pack.out()).contains("Usage: modelhub package").contains("--weight-format=F");
        CliRun hashes = CliRun.of("update-hashes", "--help");
        assertThat(hashes.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(hashes.out()).contains("Usage: modelhub update-hashes").contains("-o, --output=OUT");
    }
}
