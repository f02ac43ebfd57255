package eu.riscale.modelhub.core.packaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import eu.riscale.modelhub.core.iocheck.IoValidation;
import eu.riscale.modelhub.core.resource.ResourceRoot;
import eu.riscale.modelhub.core.tensor.Npy;
import eu.riscale.modelhub.core.tensor.Tensor;
import eu.riscale.modelhub.spec.Conformance;
import eu.riscale.modelhub.spec.ModelDescr;
import eu.riscale.modelhub.spec.validation.Diagnostic;
import eu.riscale.modelhub.spec.validation.Location;
import eu.riscale.modelhub.spec.validation.Severity;
import eu.riscale.modelhub.spec.weights.WeightsFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Packaging the conformance packages: as zip, as folder, over http, and every way it must fail. */
class PackagerTest {
    static final PackageOptions TORCHSCRIPT =
            PackageOptions.DEFAULTS.withWeightsPriorityOrder(WeightsFormat.TORCHSCRIPT);

    @TempDir
    Path cache;

    @TempDir
    Path out;

    @TempDir
    Path tmp;

    private static List<String> entries(Path zip) throws Exception {
        try (ZipFile z = new ZipFile(zip.toFile())) {
            return Collections.list(z.entries()).stream().map(ZipEntry::getName).toList();
        }
    }

    private static List<Path> filesIn(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.toList();
        }
    }

    private PackageResult packageZip(Path source, Path target, PackageOptions options) throws Exception {
        try (ResourceRoot root = ResourceRoot.open(source, Models.offline(cache))) {
            return Packager.writeZip(Models.read(root), root, target, options);
        }
    }

    private List<Diagnostic> ioCheck(Path source) throws Exception {
        try (ResourceRoot root = ResourceRoot.open(source, Models.offline(cache))) {
            return IoValidation.check(Models.read(root), root);
        }
    }

    @Test
    void nucleiTorchscriptPackageHasEveryFileAndTheSameModel() throws Exception {
        Path folder = Conformance.model("unet2d_nuclei_broad");
        Path zip = out.resolve("nuclei.zip");
        PackageResult result = packageZip(folder, zip, TORCHSCRIPT);

        assertThat(entries(zip))
                .containsExactly(
                        "rdf.yaml",
                        "README.md",
                        "cover0.png",
                        "test_input.npy",
                        "test_input.png",
                        "test_output.npy",
                        "test_output.png",
                        "weights.pt");
        ModelDescr expected = Models.packagedTorchscript(Models.read(folder, Models.offline(cache)), folder);
        assertThat(Models.read(zip, Models.offline(cache))).isEqualTo(expected);
        assertThat(result.description()).isEqualTo(expected);
        assertThat(result.report().isValid()).isTrue();
        assertThat(ioCheck(zip))
                .containsExactly(Diagnostic.of(
                        Severity.WARNING,
                        Location.of("documentation"),
                        "No '# Validation' (sub)section found in " + zip + "!/README.md"));
        assertThat(filesIn(out)).containsExactly(zip);
    }

    @Test
    void multiTensorTorchscriptPackage() throws Exception {
        Path folder = Conformance.model("unet2d_multi_tensor");
        Path zip = out.resolve("multi.zip");
        packageZip(folder, zip, TORCHSCRIPT);
        assertThat(entries(zip))
                .containsExactly(
                        "rdf.yaml",
                        "documentation.md",
                        "cover.jpg",
                        "test_input_0.npy",
                        "test_input_1.npy",
                        "test_output_0.npy",
                        "test_output_1.npy",
                        "weights_torchscript_traced.pt");
        assertThat(Models.read(zip, Models.offline(cache)))
                .isEqualTo(Models.packagedTorchscript(Models.read(folder, Models.offline(cache)), folder));
        assertThat(ioCheck(zip)).extracting(Diagnostic::severity).containsOnly(Severity.WARNING);
    }

    @Test
    void allWeightsOfNucleiCannotBePackagedOfflineAndNothingIsWritten() throws Exception {
        Path folder = Conformance.model("unet2d_nuclei_broad");
        Path zip = out.resolve("nuclei.zip");
        assertThatThrownBy(() -> packageZip(folder, zip, PackageOptions.DEFAULTS))
                .isInstanceOfSatisfying(
                        PackagingException.class,
                        e -> assertThat(e.issues())
                                .containsExactly(
                                        Diagnostic.of(
                                                Severity.ERROR,
                                                Location.of("weights", "pytorch_state_dict"),
                                                "not available offline: " + IoValidationUrls.NUCLEI_WEIGHTS
                                                        + " is not in the download cache"),
                                        Diagnostic.of(
                                                Severity.ERROR,
                                                Location.of("weights", "pytorch_state_dict", "architecture"),
                                                "file 'unet2d.py' not found (looked for " + folder.resolve("unet2d.py")
                                                        + ")")))
                .hasMessageContaining("cannot package " + folder);
        assertThat(filesIn(out)).isEmpty();
    }

    @Test
    void missingWeightsFormatIsNamed() throws Exception {
        Path folder = Conformance.model("unet2d_multi_tensor");
        assertThatThrownBy(() -> packageZip(
                        folder,
                        out.resolve("m.zip"),
                        PackageOptions.DEFAULTS.withWeightsPriorityOrder(WeightsFormat.ONNX)))
                .isInstanceOfSatisfying(
                        PackagingException.class,
                        e -> assertThat(e.issues())
                                .containsExactly(Diagnostic.of(
                                        Severity.ERROR,
                                        Location.of("weights"),
                                        "found formats [pytorch_state_dict, torchscript], expected one of [onnx]")));
        assertThat(filesIn(out)).isEmpty();
    }

    @Test
    void firstPresentFormatOfThePriorityOrderIsKept() throws Exception {
        Path zip = out.resolve("n.zip");
        PackageResult result = packageZip(
                Conformance.model("unet2d_nuclei_broad"),
                zip,
                PackageOptions.DEFAULTS.withWeightsPriorityOrder(WeightsFormat.KERAS_HDF5, WeightsFormat.ONNX));
        assertThat(result.description().weights().onnx()).isNotNull();
        assertThat(result.description().weights().onnx().parent()).isNull();
        assertThat(result.description().weights().torchscript()).isNull();
        assertThat(entries(zip)).contains("weights.onnx").doesNotContain("weights.pt");
    }

    @Test
    void aFailedDownloadIsOneOfTheProblemsNotAnException() throws Exception {
        Path folder = Models.copy("unet2d_multi_tensor", tmp);
        Path yaml = folder.resolve("bioimageio.yaml");
        String url = "https://weights.invalid/test_input_0.npy"; // .invalid never resolves (RFC 2606)
        Files.writeString(
                yaml,
                Files.readString(yaml)
                        .replace("source: test_input_0.npy", "source: " + url)
                        .replace("source: test_output_1.npy", "source: missing_output_1.npy"));
        Path zip = out.resolve("m.zip");
        assertThatThrownBy(() -> {
                    try (ResourceRoot root = ResourceRoot.open(folder, Models.online(cache))) {
                        Packager.writeZip(Models.read(root), root, zip, TORCHSCRIPT);
                    }
                })
                .isInstanceOfSatisfying(
                        PackagingException.class,
                        e -> assertThat(e.issues())
                                .satisfiesExactly(
                                        download -> {
                                            assertThat(download.loc()).isEqualTo("inputs.0.test_tensor");
                                            assertThat(download.message())
                                                    .startsWith("cannot download " + url + ": ")
                                                    .contains("weights.invalid");
                                        },
                                        missing -> assertThat(missing.message())
                                                .startsWith("file 'missing_output_1.npy' not found")));
        assertThat(filesIn(out)).isEmpty();
    }

    @Test
    void sourceOutsideThePackageRootIsRefusedAndNothingIsWritten() throws Exception {
        Path folder = Models.copy("unet2d_multi_tensor", tmp);
        Files.copy(folder.resolve("test_input_0.npy"), tmp.resolve("test_input_0.npy"));
        Path yaml = folder.resolve("bioimageio.yaml");
        Files.writeString(
                yaml, Files.readString(yaml).replace("source: test_input_0.npy", "source: ../test_input_0.npy"));
        Path zip = out.resolve("m.zip");
        assertThatThrownBy(() -> packageZip(folder, zip, TORCHSCRIPT))
                .isInstanceOfSatisfying(
                        PackagingException.class,
                        e -> assertThat(e.issues()).singleElement().satisfies(i -> {
                            assertThat(i.loc()).isEqualTo("inputs.0.test_tensor");
                            assertThat(i.message()).startsWith("refused: ").contains("../test_input_0.npy");
                        }));
        assertThat(filesIn(out)).isEmpty();
    }

    @Test
    void sha256MismatchIsRefusedNamingBothValues() throws Exception {
        Path folder = Models.copy("unet2d_multi_tensor", tmp);
        Files.write(folder.resolve("test_output_1.npy"), Files.readAllBytes(folder.resolve("test_output_0.npy")));
        assertThatThrownBy(() -> packageZip(folder, out.resolve("m.zip"), TORCHSCRIPT))
                .isInstanceOfSatisfying(
                        PackagingException.class,
                        e -> assertThat(e.issues())
                                .containsExactly(
                                        Diagnostic.of(
                                                Severity.ERROR,
                                                Location.of("outputs", 1, "test_tensor", "sha256"),
                                                "sha256 mismatch for " + folder.resolve("test_output_1.npy")
                                                        + ": expected e8d8e76263a38632f52742d24cf9ef13e76dc3aa1c6e0c6f29254ec82a15fccf,"
                                                        + " actual f6100725e80f5243b46a02b3efcf8ed9d9619e88a43e0716f37df956b27e2fe7")));
        assertThat(filesIn(out)).isEmpty();
    }

    @Test
    void packageThatFailsRevalidationLeavesTheOldTargetAlone() throws Exception {
        Path folder = Models.copy("unet2d_multi_tensor", tmp);
        Npy.write(
                Tensor.zeros(
                        eu.riscale.modelhub.spec.tensor.DType.FLOAT32,
                        new int[] {1, 1, 256, 256},
                        List.of("b", "c", "y", "x")),
                folder.resolve("test_output_0.npy"));
        Path yaml = folder.resolve("bioimageio.yaml");
        Files.writeString(
                yaml,
                Files.readString(yaml)
                        .replace(
                                "f6100725e80f5243b46a02b3efcf8ed9d9619e88a43e0716f37df956b27e2fe7",
                                eu.riscale.modelhub.core.resource.Sha256.of(folder.resolve("test_output_0.npy"))
                                        .hex()));
        Path zip = out.resolve("m.zip");
        Files.writeString(zip, "old content");
        assertThatThrownBy(() -> packageZip(folder, zip, TORCHSCRIPT))
                .isInstanceOfSatisfying(
                        PackagingException.class,
                        e -> assertThat(e.issues()).extracting(Diagnostic::loc).contains("outputs.0.test_tensor"))
                .hasMessageContaining("does not validate");
        assertThat(Files.readString(zip)).isEqualTo("old content");
        assertThat(filesIn(out)).containsExactly(zip);
    }

    @Test
    void savedFolderHasTheFilesAndValidates() throws Exception {
        Path folder = Conformance.model("unet2d_multi_tensor");
        Path target = out.resolve("saved");
        PackageResult result;
        try (ResourceRoot root = ResourceRoot.open(folder, Models.offline(cache))) {
            result = Packager.saveFolder(Models.read(root), root, target, TORCHSCRIPT);
        }
        assertThat(result.report().isValid()).isTrue();
        assertThat(filesIn(target))
                .extracting(p -> p.getFileName().toString())
                .containsExactlyInAnyOrder(
                        "rdf.yaml",
                        "documentation.md",
                        "cover.jpg",
                        "test_input_0.npy",
                        "test_input_1.npy",
                        "test_output_0.npy",
                        "test_output_1.npy",
                        "weights_torchscript_traced.pt");
        assertThat(Models.read(target, Models.offline(cache)))
                .isEqualTo(Models.packagedTorchscript(Models.read(folder, Models.offline(cache)), folder));
    }

    @Test
    void savingNextToItsFilesWritesOnlyTheDescription() throws Exception {
        Path folder = Models.copy("unet2d_multi_tensor", tmp);
        List<Path> before = filesIn(folder);
        try (ResourceRoot root = ResourceRoot.open(folder, Models.offline(cache))) {
            Packager.saveFolder(Models.read(root), root, folder, TORCHSCRIPT);
        }
        assertThat(filesIn(folder))
                .containsExactlyInAnyOrderElementsOf(
                        Stream.concat(before.stream(), Stream.of(folder.resolve("rdf.yaml")))
                                .toList());
        assertThat(Models.read(folder.resolve("rdf.yaml"), Models.offline(cache)))
                .isEqualTo(Models.packagedTorchscript(
                        Models.read(folder.resolve("bioimageio.yaml"), Models.offline(cache)), folder));
    }

    @Test
    void overHttpTheModelIsTheSameAndTheChecksAgree() throws Exception {
        Path nuclei = Conformance.model("unet2d_nuclei_broad");
        Path multi = Conformance.model("unet2d_multi_tensor");
        Path zip = out.resolve("multi.zip");
        packageZip(multi, zip, TORCHSCRIPT);
        try (FolderServer server =
                new FolderServer().serve("nuclei", nuclei).serve("multi", multi).serve("zips", out)) {
            try (ResourceRoot root = ResourceRoot.open(server.uri("nuclei/bioimageio.yaml"), Models.online(cache))) {
                assertThat(Models.read(root)).isEqualTo(Models.read(nuclei, Models.offline(cache)));
            }
            try (ResourceRoot root = ResourceRoot.open(server.uri("multi/bioimageio.yaml"), Models.online(cache))) {
                assertThat(Models.read(root)).isEqualTo(Models.read(multi, Models.offline(cache)));
                assertThat(IoValidation.check(Models.read(root), root))
                        .containsExactlyInAnyOrder(
                                Diagnostic.of(
                                        Severity.WARNING,
                                        Location.of("documentation"),
                                        "No '# Validation' (sub)section found in "
                                                + server.uri("multi/documentation.md")),
                                Diagnostic.of(
                                        Severity.ERROR,
                                        Location.of("weights", "pytorch_state_dict", "architecture"),
                                        "file 'multi_tensor_unet.py' not found (looked for "
                                                + server.uri("multi/multi_tensor_unet.py") + ")"));
                // packaging from a remote root downloads every file
                Path fromHttp = out.resolve("from-http.zip");
                Packager.writeZip(Models.read(root), root, fromHttp, TORCHSCRIPT);
                assertThat(Models.read(fromHttp, Models.offline(cache)))
                        .isEqualTo(Models.packagedTorchscript(Models.read(multi, Models.offline(cache)), multi));
            }
            try (ResourceRoot root = ResourceRoot.open(server.uri("zips/multi.zip"), Models.online(cache))) {
                assertThat(Models.read(root))
                        .isEqualTo(Models.packagedTorchscript(Models.read(multi, Models.offline(cache)), multi));
                assertThat(IoValidation.check(Models.read(root), root))
                        .extracting(Diagnostic::severity)
                        .containsOnly(Severity.WARNING);
            }
        }
    }

    @Test
    void nucleiOverHttpGivesTheFolderFindingsWithUrlsAndPackagesTheSame() throws Exception {
        Path nuclei = Conformance.model("unet2d_nuclei_broad");
        try (FolderServer server = new FolderServer().serve("nuclei", nuclei)) {
            // fetch the served files into the cache online; the checks then run offline, so the remote weights URL
            // of the description is never requested
            eu.riscale.modelhub.core.resource.DownloadCache online =
                    eu.riscale.modelhub.core.resource.DownloadCache.create(Models.online(cache));
            for (Path f : filesIn(nuclei)) {
                online.fetch(server.uri("nuclei/" + f.getFileName()), null);
            }
            try (ResourceRoot root = ResourceRoot.open(server.uri("nuclei/bioimageio.yaml"), Models.offline(cache))) {
                ModelDescr model = Models.read(root);
                assertThat(model).isEqualTo(Models.read(nuclei, Models.offline(cache)));
                assertThat(IoValidation.check(model, root))
                        .containsExactlyInAnyOrder(
                                Diagnostic.of(
                                        Severity.WARNING,
                                        Location.of("documentation"),
                                        "No '# Validation' (sub)section found in " + server.uri("nuclei/README.md")),
                                Diagnostic.of(
                                        Severity.WARNING,
                                        Location.of("weights", "pytorch_state_dict"),
                                        "not checked: offline (" + IoValidationUrls.NUCLEI_WEIGHTS
                                                + " is not in the download cache)"),
                                // a 404 is not cached, so offline the missing file cannot be told from an unfetched
                                // one (see "Offline mode")
                                Diagnostic.of(
                                        Severity.WARNING,
                                        Location.of("weights", "pytorch_state_dict", "architecture"),
                                        "not checked: offline (unet2d.py is not in the download cache)"));
                Path zip = out.resolve("nuclei-from-http.zip");
                Packager.writeZip(model, root, zip, TORCHSCRIPT);
                assertThat(Models.read(zip, Models.offline(cache)))
                        .isEqualTo(Models.packagedTorchscript(model, nuclei));
                assertThat(entries(zip)).hasSize(8);
            }
        }
    }

    @Test
    void repackagingAPackageGivesTheSameBytes() throws Exception {
        Path first = out.resolve("first.zip");
        Path second = out.resolve("second.zip");
        packageZip(Conformance.model("unet2d_multi_tensor"), first, TORCHSCRIPT);
        packageZip(first, second, PackageOptions.DEFAULTS);
        assertThat(Files.readAllBytes(second)).isEqualTo(Files.readAllBytes(first));
    }

    @Test
    void aNewPackageGetsThePermissionsOfANewFileAndAReplacedOneKeepsItsOwn() throws Exception {
        assumeTrue(Files.getFileAttributeView(out, java.nio.file.attribute.PosixFileAttributeView.class) != null);
        Path probe = Files.createFile(tmp.resolve("probe"));
        Path zip = out.resolve("m.zip");
        packageZip(Conformance.model("unet2d_multi_tensor"), zip, TORCHSCRIPT);
        assertThat(Files.getPosixFilePermissions(zip)).isEqualTo(Files.getPosixFilePermissions(probe));
        Files.setPosixFilePermissions(zip, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r-----"));
        packageZip(Conformance.model("unet2d_multi_tensor"), zip, TORCHSCRIPT);
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(zip)))
                .isEqualTo("rw-r-----");
        assertThat(filesIn(out)).containsExactly(zip);
    }

    /** URLs that appear in the conformance packages. */
    static final class IoValidationUrls {
        static final String NUCLEI_WEIGHTS =
                "http://files.ilastik.org/bioimageio_test/unet2d_nuclei_broad_weights.torch";

        private IoValidationUrls() {}
    }
}
