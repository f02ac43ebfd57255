package eu.riscale.modelhub.core.resource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PackageWriterTest {
    @TempDir
    Path dir;

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private Path file(String relative, String content) throws IOException {
        Path f = dir.resolve(relative);
        Files.createDirectories(f.getParent());
        return Files.writeString(f, content);
    }

    private List<String> listing(Path folder) throws IOException {
        try (Stream<Path> s = Files.walk(folder)) {
            return s.filter(Files::isRegularFile)
                    .map(p -> folder.relativize(p).toString())
                    .sorted()
                    .toList();
        }
    }

    @Test
    void plansDistinctNamesKeepingTheDescriptionName() throws Exception {
        FileSource a = FileSource.of(file("a/weights.pt", "a"));
        FileSource b = FileSource.of(file("b/weights.pt", "b"));
        FileSource c = FileSource.of(file("c/weights.pt", "c"));
        FileSource rdfLike = FileSource.ofBytes("RDF.yaml.bak", utf8("x"));
        FileSource taken = FileSource.of(file("d/weights_2.pt", "d"));
        FileSource tar1 = FileSource.of(file("e/data.tar.gz", "e"));
        FileSource tar2 = FileSource.of(file("f/DATA.tar.gz", "f"));
        FileSource zenodo = new RemoteFile(
                URI.create("https://zenodo.org/api/records/1/files/weights.pt/content"),
                DownloadCache.create(ResourceSettings.builder()
                        .cacheDir(dir.resolve("cache"))
                        .build()));
        Map<FileSource, PackagePath> names =
                PackageWriter.planNames("rdf.yaml", List.of(a, b, a, taken, c, rdfLike, tar1, tar2, zenodo));
        assertThat(names.values())
                .extracting(PackagePath::value)
                .containsExactly(
                        "weights.pt",
                        "weights_2.pt",
                        "weights_2_2.pt",
                        "weights_3.pt",
                        "RDF.yaml.bak",
                        "data.tar.gz",
                        "DATA_2.tar.gz",
                        "weights_4.pt");
        assertThat(names.get(a).value()).isEqualTo("weights.pt");
    }

    @Test
    void planningRefusesDescriptionFilesAsAttachments() throws Exception {
        FileSource other = FileSource.of(file("x/old.bioimageio.yaml", ""));
        assertThatThrownBy(() -> PackageWriter.planNames("rdf.yaml", List.of(other)))
                .isInstanceOf(UnsafeReferenceException.class)
                .hasMessageContaining("old.bioimageio.yaml' has a file name reserved for descriptions");
    }

    @Test
    void writesAZipThatReadsBackWithTheSameHashes() throws Exception {
        Map<String, FileSource> content = new LinkedHashMap<>();
        content.put("rdf.yaml", FileSource.ofBytes("rdf.yaml", utf8("name: x\n")));
        content.put("weights.pt", FileSource.of(file("src/w.pt", "weights")));
        content.put("data/test_input.npy", FileSource.ofBytes("t.npy", utf8("npy")));
        Path target = dir.resolve("out/model.zip");
        Files.createDirectories(target.getParent());
        List<PackageEntry> written = PackageWriter.writeZip(target, content);

        assertThat(written)
                .extracting(e -> e.name().value())
                .containsExactly("rdf.yaml", "weights.pt", "data/test_input.npy");
        assertThat(written.get(1).sha256()).isEqualTo(Sha256.of(utf8("weights")));
        assertThat(written.get(1).size()).isEqualTo(7);
        assertThat(listing(target.getParent())).containsExactly("model.zip");
        ResourceSettings settings =
                ResourceSettings.builder().cacheDir(dir.resolve("cache")).build();
        try (ResourceRoot root = ResourceRoot.open(target, settings)) {
            assertThat(root.description().fileName()).isEqualTo("rdf.yaml");
            for (PackageEntry e : written) {
                assertThat(root.resolve(e.name().value()).verify(e.sha256())).isEqualTo(e.sha256());
            }
        }
        byte[] first = Files.readAllBytes(target);
        PackageWriter.writeZip(target, content);
        assertThat(Files.readAllBytes(target)).as("same content, same bytes").isEqualTo(first);
    }

    @Test
    void refusesEscapingAndDuplicateNamesWritingNothing() throws Exception {
        Path out = Files.createDirectories(dir.resolve("out"));
        FileSource x = FileSource.ofBytes("x", utf8("x"));
        Map<String, FileSource> escaping = new LinkedHashMap<>();
        escaping.put("rdf.yaml", x);
        escaping.put("../evil", x);
        assertThatThrownBy(() -> PackageWriter.writeZip(out.resolve("p.zip"), escaping))
                .isInstanceOf(UnsafeReferenceException.class)
                .hasMessage("file reference '../evil' leaves the package root");
        assertThatThrownBy(() -> PackageWriter.writeFolder(out.resolve("f"), escaping, true))
                .isInstanceOf(UnsafeReferenceException.class);
        Map<String, FileSource> duplicate = new LinkedHashMap<>();
        duplicate.put("Weights.pt", x);
        duplicate.put("./weights.pt", x);
        assertThatThrownBy(() -> PackageWriter.writeZip(out.resolve("p.zip"), duplicate))
                .hasMessageContaining("'./weights.pt' names the same package entry as another name");
        Map<String, FileSource> fileAndFolder = new LinkedHashMap<>();
        fileAndFolder.put("data", x);
        fileAndFolder.put("data/x.npy", x);
        assertThatThrownBy(() -> PackageWriter.writeZip(out.resolve("p.zip"), fileAndFolder))
                .hasMessageContaining("needs 'data' to be a folder, but it is also an entry");
        assertThat(listing(dir)).isEmpty();
    }

    @Test
    void aFailingSourceLeavesTheOldZipInPlaceAndNoTemporaryFile() throws Exception {
        Path target = dir.resolve("model.zip");
        Files.writeString(target, "old package");
        Map<String, FileSource> content = new LinkedHashMap<>();
        content.put("rdf.yaml", FileSource.ofBytes("rdf.yaml", utf8("x")));
        content.put("weights.pt", FileSource.of(dir.resolve("missing.pt")));
        assertThatThrownBy(() -> PackageWriter.writeZip(target, content)).hasMessageContaining("missing.pt");
        assertThat(Files.readString(target)).isEqualTo("old package");
        assertThat(listing(dir)).containsExactly("model.zip");
    }

    @Test
    void savesADescriptionNextToItsFilesWithoutTouchingThem() throws Exception {
        Path weights = file("model/weights.pt", "weights");
        Map<String, FileSource> content = new LinkedHashMap<>();
        content.put("rdf.yaml", FileSource.ofBytes("rdf.yaml", utf8("name: x\n")));
        content.put("weights.pt", FileSource.of(weights));
        long modified = Files.getLastModifiedTime(weights).toMillis();
        List<PackageEntry> written = PackageWriter.writeFolder(dir.resolve("model"), content, false);
        assertThat(written).extracting(e -> e.name().value()).containsExactly("rdf.yaml", "weights.pt");
        assertThat(Files.readString(dir.resolve("model/rdf.yaml"))).isEqualTo("name: x\n");
        assertThat(Files.getLastModifiedTime(weights).toMillis()).isEqualTo(modified);
        assertThat(listing(dir.resolve("model"))).containsExactly("rdf.yaml", "weights.pt");
    }

    @Test
    void doesNotOverwriteOtherContentUnlessAskedAndNeverASource() throws Exception {
        Path folder = dir.resolve("pkg");
        file("pkg/rdf.yaml", "old");
        Map<String, FileSource> content = Map.of("rdf.yaml", FileSource.ofBytes("rdf.yaml", utf8("new")));
        assertThatThrownBy(() -> PackageWriter.writeFolder(folder, content, false))
                .isInstanceOf(FileAlreadyExistsException.class)
                .hasMessageContaining("rdf.yaml: exists with other content");
        assertThat(Files.readString(folder.resolve("rdf.yaml"))).isEqualTo("old");
        PackageWriter.writeFolder(folder, content, true);
        assertThat(Files.readString(folder.resolve("rdf.yaml"))).isEqualTo("new");

        // swapping two files would clobber the source of the second entry before it is read
        Path a = file("pkg/a.bin", "A");
        Path b = file("pkg/b.bin", "B");
        Map<String, FileSource> swap = new LinkedHashMap<>();
        swap.put("a.bin", FileSource.of(b));
        swap.put("b.bin", FileSource.of(a));
        assertThatThrownBy(() -> PackageWriter.writeFolder(folder, swap, true))
                .isInstanceOf(FileAlreadyExistsException.class)
                .hasMessageContaining("is the source of another entry");
        assertThat(Files.readString(a)).isEqualTo("A");
        assertThat(Files.readString(b)).isEqualTo("B");
    }

    @Test
    void copiesEntriesOfAZipPackageIntoAFolder() throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("rdf.yaml", utf8("name: z\n"));
        entries.put("w.pt", utf8("zw"));
        Path zip = Zips.write(dir.resolve("in.zip"), entries);
        ResourceSettings settings =
                ResourceSettings.builder().cacheDir(dir.resolve("cache")).build();
        try (ResourceRoot root = ResourceRoot.open(zip, settings)) {
            Map<String, FileSource> content = new LinkedHashMap<>();
            content.put("rdf.yaml", root.description());
            content.put("weights/w.pt", root.resolve("w.pt"));
            PackageWriter.writeFolder(dir.resolve("unpacked"), content, false);
        }
        assertThat(listing(dir.resolve("unpacked"))).containsExactly("rdf.yaml", "weights/w.pt");
        try (InputStream in = Files.newInputStream(dir.resolve("unpacked/weights/w.pt"))) {
            assertThat(in.readAllBytes()).isEqualTo(utf8("zw"));
        }
    }

    private static String mode(Path file) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
    }

    @Test
    void writtenFilesAreReadableByOthersNotOwnerOnlyLikeTemporaryFiles() throws Exception {
        assumeTrue(
                Files.getFileAttributeView(dir, PosixFileAttributeView.class) != null,
                "permissions are checked on POSIX file systems only");
        Map<String, FileSource> content = new LinkedHashMap<>();
        content.put("rdf.yaml", FileSource.ofBytes("rdf.yaml", utf8("name: x\n")));
        content.put("data/w.pt", FileSource.ofBytes("w.pt", utf8("w")));
        Path folder = dir.resolve("saved");
        PackageWriter.writeFolder(folder, content, false);
        assertThat(mode(folder.resolve("rdf.yaml"))).isEqualTo("rw-r--r--");
        assertThat(mode(folder.resolve("data/w.pt"))).isEqualTo("rw-r--r--");

        Files.setPosixFilePermissions(folder.resolve("rdf.yaml"), PosixFilePermissions.fromString("rw-------"));
        content.put("rdf.yaml", FileSource.ofBytes("rdf.yaml", utf8("name: y\n")));
        PackageWriter.writeFolder(folder, content, true);
        assertThat(folder.resolve("rdf.yaml")).hasContent("name: y");
        assertThat(mode(folder.resolve("rdf.yaml"))).isEqualTo("rw-r--r--");

        Path zip = dir.resolve("p.zip");
        PackageWriter.writeZip(zip, content);
        assertThat(mode(zip)).isEqualTo("rw-r--r--");
        assertThat(listing(dir)).containsExactly("p.zip", "saved/data/w.pt", "saved/rdf.yaml");
    }
}
