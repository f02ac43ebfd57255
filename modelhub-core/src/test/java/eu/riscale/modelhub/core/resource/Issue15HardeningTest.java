package eu.riscale.modelhub.core.resource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Regression tests for the attack probe of issue 15 (resource layer): each test reproduces one attack and asserts the
 * message, and that nothing was written outside the target or kept in the cache.
 */
@Timeout(60)
class Issue15HardeningTest {
    private static final long MIB = 1024L * 1024L;
    private static final byte[] GOOD = "the pinned content".getBytes(StandardCharsets.UTF_8);
    private static final byte[] EVIL = "an unverified body".getBytes(StandardCharsets.UTF_8);

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

    private Path cache() {
        return dir.resolve("cache");
    }

    private List<String> cached(String folder) throws IOException {
        Path p = cache().resolve(folder);
        if (!Files.isDirectory(p)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(p)) {
            return s.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    // item 2: a pinned sha256 cannot be bypassed through the cache

    @Test
    void aPinnedFileServesOnlyTheVerifiedBytesEvenAfterAnUnverifiedFetchOfItsUrl() throws Exception {
        server.bytes("/good", GOOD);
        server.bytes("/evil", EVIL);
        DownloadCache cache = DownloadCache.create(settings);
        Sha256 pinned = Sha256.of(GOOD);
        cache.fetch(server.uri("/good"), pinned); // the declared content is in the cache from another URL
        RemoteFile evil = new RemoteFile(server.uri("/evil"), cache);
        assertThat(evil.exists()).isTrue(); // the old reachability check: an unverified fetch, indexed under urls/
        RemoteFile checked = evil.pinned(pinned);
        assertThat(checked.verify(pinned)).isEqualTo(pinned);
        try (InputStream in = checked.open()) {
            assertThat(in.readAllBytes()).isEqualTo(GOOD);
        }
        try (InputStream in = evil.openVerified(pinned)) {
            assertThat(in.readAllBytes()).isEqualTo(GOOD);
        }
    }

    @Test
    void aBodyThatFailsItsHashIsNeverCached() throws Exception {
        server.bytes("/evil", EVIL);
        DownloadCache cache = DownloadCache.create(settings);
        assertThatThrownBy(() -> cache.fetch(server.uri("/evil"), Sha256.of(GOOD)))
                .isInstanceOf(Sha256MismatchException.class)
                .hasMessage("sha256 mismatch for " + server.uri("/evil") + ": expected " + Sha256.of(GOOD) + ", found "
                        + Sha256.of(EVIL));
        assertThat(cached("sha256")).isEmpty();
        assertThat(cached("urls")).isEmpty();
        assertThat(cached("tmp")).isEmpty();
    }

    @Test
    void cachedContentIsHashedAgainBeforeItIsServed() throws Exception {
        server.bytes("/good", GOOD);
        DownloadCache cache = DownloadCache.create(settings);
        Sha256 pinned = Sha256.of(GOOD);
        DownloadCache.CachedFile first = cache.fetch(server.uri("/good"), pinned);
        Files.write(first.path(), EVIL); // someone with access to a shared cache swaps the content
        DownloadCache.CachedFile again = cache.fetch(server.uri("/good"), pinned);
        assertThat(Files.readAllBytes(again.path())).isEqualTo(GOOD);
        assertThat(server.requests()).containsExactly("/good", "/good");
        Files.write(again.path(), EVIL);
        assertThat(cache.cached(server.uri("/good"), null)).isEmpty();
    }

    // item 3 and 4: the description's size is bounded before it is parsed

    @Test
    void anOversizedDescriptionInAFolderIsRefusedBeforeReading() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("pkg"));
        try (RandomAccessFile f =
                new RandomAccessFile(folder.resolve("rdf.yaml").toFile(), "rw")) {
            f.setLength(3L * 1024 * MIB); // sparse: 3 GiB that take no disk
        }
        try (ResourceRoot root = ResourceRoot.open(folder, settings)) {
            assertThatThrownBy(root::readDescription)
                    .isInstanceOf(DescriptionTooLargeException.class)
                    .hasMessage("description " + folder.resolve("rdf.yaml") + " is " + 3L * 1024 * MIB
                            + " bytes, more than the limit of " + 4 * MIB + " bytes for a description"
                            + " (ResourceSettings.maxDescriptionBytes, --max-description-size)");
        }
    }

    @Test
    void aDescriptionThatInflatesBeyondTheLimitStopsOneBytePastIt() throws Exception {
        Path zip = dir.resolve("inflating.zip");
        try (OutputStream out = Files.newOutputStream(zip);
                ZipOutputStream z = new ZipOutputStream(out)) {
            z.putNextEntry(new ZipEntry("rdf.yaml"));
            byte[] spaces = new byte[1 << 16];
            java.util.Arrays.fill(spaces, (byte) ' ');
            for (int i = 0; i < 128; i++) {
                z.write(spaces); // 8 MiB of spaces
            }
            z.closeEntry();
        }
        Zips.declareSize(zip, "rdf.yaml", 100); // the header lies
        try (ResourceRoot root = ResourceRoot.open(zip, settings.with(b -> b.maxDescriptionBytes(MIB)))) {
            assertThatThrownBy(root::readDescription)
                    .isInstanceOf(DescriptionTooLargeException.class)
                    .hasMessageStartingWith("description " + zip + "!/rdf.yaml is larger than " + MIB + " bytes");
        }
    }

    @Test
    void aLongQuotedScalarDoesNotTakeQuadraticTime() throws Exception {
        // 8 MiB of one quoted scalar took 13 s (16 MiB a minute) before the scanner's buffer grew with the text
        String yaml = "name: \"" + "a".repeat(12 * 1024 * 1024) + "\"\n";
        long start = System.nanoTime();
        assertThatThrownBy(() -> eu.riscale.modelhub.core.description.Descriptions.parse(yaml))
                .hasMessageContaining("string value longer than the maximum of 1048576 characters");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(30));
    }

    // item 5: partial downloads are not cached

    @Test
    void aBodyShorterThanItsContentLengthIsNotCached() throws Exception {
        try (RawServer raw =
                new RawServer("HTTP/1.1 200 OK\r\nContent-Length: 100\r\nConnection: close\r\n\r\n", new byte[50])) {
            assertThatThrownBy(() -> DownloadCache.create(settings).fetch(raw.uri(), null))
                    .isInstanceOf(DownloadException.class);
        }
        assertThat(cached("sha256")).isEmpty();
        assertThat(cached("urls")).isEmpty();
    }

    @Test
    void aCloseDelimitedBodyIsNeverRecordedAsTheUrlsContent() throws Exception {
        try (RawServer raw = new RawServer("HTTP/1.1 200 OK\r\nConnection: close\r\n\r\n", EVIL)) {
            DownloadCache cache = DownloadCache.create(settings);
            assertThat(Files.readAllBytes(cache.fetch(raw.uri(), null).path())).isEqualTo(EVIL);
            assertThat(cached("urls")).isEmpty();
            assertThat(DownloadCache.create(settings).cached(raw.uri(), null)).isEmpty();
            // with a declared hash the content store serves it, hashed again, and the URL stays unrecorded
            assertThat(Files.readAllBytes(
                            cache.fetch(raw.uri(), Sha256.of(EVIL)).path()))
                    .isEqualTo(EVIL);
            assertThat(cached("urls")).isEmpty();
            assertThat(raw.requests()).isEqualTo(1);
        }
    }

    // item 6: a server that trickles is cut off by the minimum transfer rate

    @Test
    void aTricklingServerIsCutOffByTheMinimumRate() throws Exception {
        server.handle("/slow", exchange -> {
            exchange.sendResponseHeaders(200, 0); // chunked
            OutputStream out = exchange.getResponseBody();
            for (int i = 0; i < 1000; i++) {
                out.write('x');
                out.flush();
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
            out.close();
        });
        ResourceSettings slow =
                settings.with(b -> b.readTimeout(Duration.ofMillis(1000)).minTransferRate(1000));
        long start = System.nanoTime();
        assertThatThrownBy(() -> DownloadCache.create(slow).fetch(server.uri("/slow"), null))
                .isInstanceOf(DownloadException.class)
                .satisfies(e -> assertThat(((DownloadException) e).reason())
                        .as(e.getMessage())
                        .isEqualTo(DownloadException.Reason.TOO_SLOW))
                .hasMessageContaining("bytes in 1000 ms from " + server.uri("/slow")
                        + ", slower than the minimum of 1000 bytes/s (--min-download-rate)");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(15));
        assertThat(cached("sha256")).isEmpty();
    }

    // item 7: compression ratio checked continuously, and archives handed to engines inspected

    @Test
    void lyingCompressedSizesCannotMakeAnEntryInflateGigabytes() throws Exception {
        Path zip = dir.resolve("lying.zip");
        byte[] noise = new byte[(int) (4 * MIB)];
        new Random(15).nextBytes(noise);
        try (OutputStream out = Files.newOutputStream(zip);
                ZipOutputStream z = new ZipOutputStream(out)) {
            z.putNextEntry(new ZipEntry("rdf.yaml"));
            z.write("name: x\n".getBytes(StandardCharsets.UTF_8));
            z.closeEntry();
            z.putNextEntry(new ZipEntry("weights.pt"));
            byte[] zeros = new byte[1 << 16];
            for (int i = 0; i < 256 * 16; i++) {
                z.write(zeros); // 256 MiB of zeros, about 250 KiB compressed
            }
            z.closeEntry();
            ZipEntry stored = new ZipEntry("padding.bin");
            stored.setMethod(ZipEntry.STORED);
            stored.setSize(noise.length);
            CRC32 crc = new CRC32();
            crc.update(noise);
            stored.setCrc(crc.getValue());
            z.putNextEntry(stored);
            z.write(noise);
            z.closeEntry();
        }
        // the bomb claims the rest of the file as its compressed data: 256 MiB / 4.25 MiB passes a ratio of 200
        Zips.declareCompressedSize(zip, "weights.pt", (int) (Files.size(zip) - 1000));
        try (ResourceRoot root = ResourceRoot.open(zip, settings)) {
            long[] read = {0};
            assertThatThrownBy(() -> {
                        try (InputStream in = root.resolve("weights.pt").open()) {
                            byte[] buffer = new byte[1 << 16];
                            for (int n; (n = in.read(buffer)) > 0; ) {
                                read[0] += n;
                            }
                        }
                    })
                    .isInstanceOf(UnsafeArchiveException.class)
                    .hasMessageContaining(zip + "!/weights.pt inflates ")
                    .hasMessageContaining("beyond the limit of " + 16 * MIB + " bytes plus a ratio of 200");
            assertThat(read[0]).isLessThan(32 * MIB);
        }
    }

    @Test
    void aSmallTensorThatCompressesExtremelyWellIsNotRefused() throws Exception {
        ByteArrayOutputStream npy = new ByteArrayOutputStream();
        npy.write(new byte[128]);
        ByteBuffer nan = ByteBuffer.allocate((int) MIB).order(ByteOrder.LITTLE_ENDIAN);
        while (nan.hasRemaining()) {
            nan.putFloat(Float.NaN);
        }
        npy.write(nan.array());
        byte[] content = npy.toByteArray();
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("rdf.yaml", "name: x\n".getBytes(StandardCharsets.UTF_8));
        entries.put("test_output.npy", content);
        Path zip = Zips.write(dir.resolve("nan.zip"), entries);
        try (ResourceRoot root = ResourceRoot.open(zip, settings)) {
            FileSource f = root.resolve("test_output.npy");
            assertThat(f.size()).isGreaterThan(640L * (Files.size(zip) - 200) / 2); // far beyond a ratio of 200
            try (InputStream in = f.open()) {
                assertThat(in.readAllBytes()).isEqualTo(content);
            }
        }
    }

    @Test
    void aTorchScriptZipThatInflatesBeyondTheLimitsIsRefusedBeforeTheEngineSeesIt() throws Exception {
        Path pt = Zips.writeZeros(dir.resolve("weights.pt"), "model/version", "model/data/0", 64 * MIB);
        assertThatThrownBy(() -> ZipRoot.inspect(pt, "weights.pt", settings))
                .isInstanceOf(UnsafeArchiveException.class)
                .hasMessageStartingWith("weights.pt!/model/data/0 inflates ")
                .hasMessageContaining("(zip bomb? ResourceSettings.maxZipCompressionRatio)");
        ResourceSettings small = settings.with(b -> b.maxZipEntryBytes(8 * MIB).maxZipCompressionRatio(10_000));
        assertThatThrownBy(() -> ZipRoot.inspect(pt, "weights.pt", small))
                .isInstanceOf(UnsafeArchiveException.class)
                .hasMessage(
                        "weights.pt!/model/data/0 inflates to more than " + 8 * MIB + " bytes, the limit per entry");
        Path fine = Zips.writeZeros(dir.resolve("fine.pt"), "model/version", "model/data/0", MIB);
        ZipRoot.inspect(fine, "fine.pt", settings);
    }

    // item 8: temporary files, unwritable targets

    @Test
    void leftoversOfAKilledWriteAreRemovedByTheNextWriteOfTheTarget() throws Exception {
        Path target = dir.resolve("out.zip");
        Path stale = Files.writeString(dir.resolve(".out.zip.1234.tmp"), "killed while writing");
        Path inner = Files.writeString(dir.resolve("..out.zip.1234.tmp.5678.tmp"), "its inner file");
        Path fresh = Files.writeString(dir.resolve(".out.zip.9999.tmp"), "another process, still writing");
        FileTime old = FileTime.from(Instant.now().minus(Duration.ofHours(2)));
        Files.setLastModifiedTime(stale, old);
        Files.setLastModifiedTime(inner, old);
        AtomicFiles.write(target, out -> out.write(1));
        assertThat(stale).doesNotExist();
        assertThat(inner).doesNotExist();
        assertThat(fresh).exists();
        assertThat(target).hasBinaryContent(new byte[] {1});
    }

    @Test
    void anUnwritableTargetIsNamedNotItsTemporaryFile() throws Exception {
        Path notAFolder = Files.writeString(dir.resolve("file"), "x");
        Path target = notAFolder.resolve("out.npy");
        assertThatThrownBy(() -> AtomicFiles.write(target, out -> out.write(1)))
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith("cannot write " + target + ": ")
                .hasMessageNotContaining(".tmp");
    }

    @Test
    void aZipEntryCopiedForAnEngineGoesToTheCacheNotTheSystemTemporaryFolder() throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("rdf.yaml", "name: x\n".getBytes(StandardCharsets.UTF_8));
        entries.put("weights.pt", GOOD);
        Path zip = Zips.write(dir.resolve("pkg.zip"), entries);
        try (ResourceRoot root = ResourceRoot.open(zip, settings)) {
            FileSource weights = root.resolve("weights.pt");
            assertThatThrownBy(() -> root.cache().copyIn(weights, Sha256.of(EVIL)))
                    .isInstanceOf(Sha256MismatchException.class);
            assertThat(cached("files")).isEmpty();
            DownloadCache.CachedFile copy = root.cache().copyIn(weights, Sha256.of(GOOD));
            assertThat(copy.path())
                    .isEqualTo(cache().resolve("files")
                            .resolve(Sha256.of(GOOD).hex())
                            .resolve("weights.pt"));
            assertThat(copy.path()).hasBinaryContent(GOOD);
        }
        assertThat(cached("tmp")).isEmpty();
    }

    @Test
    void dataBuiltFileNamesCannotLeaveTheirFolder() throws Exception {
        Path out = dir.resolve("out");
        assertThat(TargetPaths.fileIn(out, "probability.npy", "output id 'probability'"))
                .isEqualTo(out.resolve("probability.npy"));
        for (String name : List.of("../../x.npy", "/tmp/x.npy", "a/b.npy", "..", ".", "", "c:x.npy", "a\\b.npy")) {
            assertThatThrownBy(() -> TargetPaths.fileIn(out, name, "output id 'x'"))
                    .as(name)
                    .isInstanceOf(UnsafeReferenceException.class)
                    .hasMessageStartingWith(
                            "file reference '" + name + "' (from output id 'x') cannot be a file name in " + out);
        }
        assertThat(out).doesNotExist();
    }

    @Test
    void aPlainNameIsCheckedByTheSameRuleWithoutAFolder() throws Exception {
        assertThat(TargetPaths.plainName("sample-01", "sample id")).isEqualTo("sample-01");
        for (String name : List.of("../x", "a/b", "..", "", "c:x", "a\\b", "tab\tname", "nul\0")) {
            assertThatThrownBy(() -> TargetPaths.plainName(name, "sample id"))
                    .as(name)
                    .isInstanceOf(UnsafeReferenceException.class)
                    .hasMessageStartingWith("file reference '" + name + "' (from sample id) cannot be a file name: it ")
                    .hasMessageEndingWith("; expected one plain file name without / \\ : or ..");
        }
    }

    /** A one-shot socket server that answers every connection with fixed bytes and closes it. */
    private static final class RawServer implements AutoCloseable {
        private final ServerSocket socket;
        private final Thread thread;
        private final AtomicInteger requests = new AtomicInteger();

        RawServer(String head, byte[] body) throws IOException {
            socket = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
            thread = new Thread(() -> {
                while (!socket.isClosed()) {
                    try (Socket s = socket.accept()) {
                        InputStream in = s.getInputStream();
                        ByteArrayOutputStream request = new ByteArrayOutputStream();
                        while (!request.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
                            int b = in.read();
                            if (b < 0) {
                                break;
                            }
                            request.write(b);
                        }
                        requests.incrementAndGet();
                        OutputStream out = s.getOutputStream();
                        out.write(head.getBytes(StandardCharsets.ISO_8859_1));
                        out.write(body);
                        out.flush();
                    } catch (IOException e) {
                        // closed
                    }
                }
            });
            thread.setDaemon(true);
            thread.start();
        }

        URI uri() {
            return URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/file.bin");
        }

        int requests() {
            return requests.get();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
