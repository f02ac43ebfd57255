package eu.riscale.modelhub.core.resource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ZipRootTest {
    private static final long MIB = 1024 * 1024;

    @TempDir
    Path dir;

    private ResourceSettings settings() {
        return ResourceSettings.builder().cacheDir(dir.resolve("cache")).build();
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private Path zip(Map<String, byte[]> entries) throws Exception {
        return Zips.write(dir.resolve("package.zip"), entries);
    }

    @Test
    void readsEntriesInPlaceAndResolvesReferences() throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("rdf.yaml", utf8("name: x\n"));
        entries.put("data/", new byte[0]);
        entries.put("data/test_input.npy", utf8("npy"));
        Path zip = zip(entries);
        try (ResourceRoot root = ResourceRoot.open(zip, settings())) {
            assertThat(root).isInstanceOf(ZipRoot.class);
            assertThat(((ZipRoot) root).entries())
                    .extracting(PackagePath::value)
                    .containsExactly("rdf.yaml", "data/test_input.npy");
            assertThat(root.description().open().readAllBytes()).asString().isEqualTo("name: x\n");
            FileSource npy = root.resolve("data/./test_input.npy");
            assertThat(npy.exists()).isTrue();
            assertThat(npy.size()).isEqualTo(3);
            assertThat(npy.sha256()).isEqualTo(Sha256.of(utf8("npy")));
            assertThat(npy.location()).isEqualTo(zip + "!/data/test_input.npy");
            assertThat(root.resolve("nope.npy").exists()).isFalse();
            assertThatThrownBy(() -> root.resolve("nope.npy").open())
                    .isInstanceOf(NoSuchFileException.class)
                    .hasMessageContaining("package.zip!/nope.npy");
            assertThatThrownBy(() -> root.resolve("../rdf.yaml"))
                    .isInstanceOf(UnsafeReferenceException.class)
                    .hasMessage("file reference '../rdf.yaml' leaves the package root");
        }
    }

    @Test
    void refusesEntriesThatEscapeTheRoot() throws Exception {
        Path zip = zip(Map.of("rdf.yaml", utf8(""), "../evil.sh", utf8("rm -rf /")));
        assertThatThrownBy(() -> ResourceRoot.open(zip, settings()))
                .isInstanceOf(UnsafeArchiveException.class)
                .hasMessage("zip package " + zip
                        + " has an unsafe entry: file reference '../evil.sh' leaves the package root");
    }

    @Test
    void refusesAbsoluteEntryNames() throws Exception {
        Path zip = zip(Map.of("rdf.yaml", utf8(""), "/etc/cron.d/evil", utf8("x")));
        assertThatThrownBy(() -> ResourceRoot.open(zip, settings()))
                .isInstanceOf(UnsafeArchiveException.class)
                .hasMessageContaining("unsafe entry: file reference '/etc/cron.d/evil' is absolute");
    }

    @Test
    void refusesSymbolicLinkEntries() throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("rdf.yaml", utf8(""));
        entries.put("weights.pt", utf8("/etc/passwd"));
        Path zip = zip(entries);
        Zips.markSymlink(zip, "weights.pt");
        assertThatThrownBy(() -> ResourceRoot.open(zip, settings()))
                .isInstanceOf(UnsafeArchiveException.class)
                .hasMessage("zip package " + zip + " has entry 'weights.pt' that is a symbolic link");
    }

    @Test
    void refusesNamesThatNormaliseToTheSameEntry() throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("rdf.yaml", utf8(""));
        entries.put("a/w.pt", utf8("1"));
        entries.put("a/./w.pt", utf8("2"));
        Path zip = zip(entries);
        assertThatThrownBy(() -> ResourceRoot.open(zip, settings()))
                .isInstanceOf(UnsafeArchiveException.class)
                .hasMessageContaining("has entry 'a/./w.pt' more than once (as 'a/w.pt')");
    }

    @Test
    void refusesTooManyEntriesBeforeReadingThem() throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("rdf.yaml", utf8(""));
        for (int i = 0; i < 10; i++) {
            entries.put("f" + i, utf8("x"));
        }
        Path zip = zip(entries);
        assertThatThrownBy(() -> ResourceRoot.open(zip, settings().with(b -> b.maxZipEntries(5))))
                .isInstanceOf(UnsafeArchiveException.class)
                .hasMessage("zip package " + zip + " has 11 entries, more than the limit of 5");
    }

    @Test
    void stopsAZipBombByItsCompressionRatioWhileStreaming() throws Exception {
        Path zip = Zips.writeZeros(dir.resolve("bomb.zip"), "rdf.yaml", "weights.pt", 64 * MIB);
        assertThat(Files.size(zip)).isLessThan(MIB);
        try (ResourceRoot root = ResourceRoot.open(zip, settings())) {
            FileSource weights = root.resolve("weights.pt");
            assertThatThrownBy(weights::sha256)
                    .isInstanceOf(UnsafeArchiveException.class)
                    .hasMessageContaining("bomb.zip!/weights.pt inflates")
                    .hasMessageContaining("beyond the limit of " + 16 * MIB + " bytes plus a ratio of 200 (zip bomb?");
        }
    }

    @Test
    void declaredSizesBeyondTheLimitsAreRefusedWhenOpening() throws Exception {
        Path zip = Zips.writeZeros(dir.resolve("big.zip"), "rdf.yaml", "weights.pt", 3 * MIB);
        assertThatThrownBy(() -> ResourceRoot.open(zip, settings().with(b -> b.maxZipEntryBytes(2 * MIB))))
                .isInstanceOf(UnsafeArchiveException.class)
                .hasMessage("zip package " + zip + " entry 'weights.pt' declares " + 3 * MIB
                        + " bytes, more than the limit per entry of " + 2 * MIB);
        assertThatThrownBy(() -> ResourceRoot.open(zip, settings().with(b -> b.maxZipTotalBytes(2 * MIB))))
                .isInstanceOf(UnsafeArchiveException.class)
                .hasMessageContaining("declares more than " + 2 * MIB + " uncompressed bytes in all");
    }

    @Test
    void sizesAreCheckedOnTheRealBytesNotTheHeader() throws Exception {
        Path zip = Zips.writeZeros(dir.resolve("liar.zip"), "rdf.yaml", "weights.pt", 3 * MIB);
        Zips.declareSize(zip, "weights.pt", 10);
        ResourceSettings limits =
                settings().with(b -> b.maxZipEntryBytes(2 * MIB).maxZipCompressionRatio(100_000));
        try (ResourceRoot root = ResourceRoot.open(zip, limits)) {
            assertThat(root.resolve("weights.pt").size()).isEqualTo(10);
            assertThatThrownBy(() -> root.resolve("weights.pt").sha256())
                    .isInstanceOf(UnsafeArchiveException.class)
                    .hasMessage(zip + "!/weights.pt inflates to more than " + 2 * MIB + " bytes, the limit per entry");
        }
    }

    @Test
    void theTotalLimitCountsEveryEntryOnceAcrossReads() throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("rdf.yaml", utf8(""));
        entries.put("a.bin", new byte[600]);
        entries.put("b.bin", new byte[600]);
        Path zip = zip(entries);
        Zips.declareSize(zip, "b.bin", 1); // the header lies, so only streaming can see the total
        try (ResourceRoot root = ResourceRoot.open(zip, settings().with(b -> b.maxZipTotalBytes(1000)))) {
            // reading an entry twice does not count twice
            assertThat(root.resolve("a.bin").sha256())
                    .isEqualTo(root.resolve("a.bin").sha256());
            assertThatThrownBy(() -> root.resolve("b.bin").sha256())
                    .isInstanceOf(UnsafeArchiveException.class)
                    .hasMessageContaining("inflates to more than 1000 bytes in all (while reading 'b.bin')");
        }
    }

    @Test
    void aFileThatIsNotAZipIsNotTakenForOne() throws Exception {
        Path notZip = Files.writeString(dir.resolve("rdf.yaml"), "PK but not really");
        try (ResourceRoot root = ResourceRoot.open(notZip, settings())) {
            assertThat(root).isInstanceOf(FolderRoot.class);
        }
        Path named = Files.writeString(dir.resolve("model.zip"), "name: not a zip\n");
        assertThatThrownBy(() -> ResourceRoot.open(named, settings()))
                .isInstanceOf(UnsafeArchiveException.class)
                .hasMessage("zip package " + named + " is not a zip file (it does not start with PK)");
        Path truncated = dir.resolve("broken.zip");
        Files.write(truncated, new byte[] {'P', 'K', 3, 4, 0, 0});
        assertThatThrownBy(() -> ResourceRoot.open(truncated, settings()))
                .isInstanceOf(UnsafeArchiveException.class)
                .hasMessageContaining("is not a zip file");
    }

    @Test
    void entriesCannotBeReadAfterClose() throws Exception {
        Path zip = zip(Map.of("rdf.yaml", utf8("x")));
        ResourceRoot root = ResourceRoot.open(zip, settings());
        FileSource description = root.description();
        root.close();
        root.close();
        assertThatThrownBy(() -> {
                    try (InputStream in = description.open()) {
                        in.readAllBytes();
                    }
                })
                .hasMessageContaining("is closed");
    }
}
