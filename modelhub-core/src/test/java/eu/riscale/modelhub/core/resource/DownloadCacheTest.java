package eu.riscale.modelhub.core.resource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpConnectTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(20)
class DownloadCacheTest {
    private static final byte[] CONTENT = "tensor bytes".getBytes(StandardCharsets.UTF_8);

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
                .maxRedirects(3)
                .maxDownloadBytes(1024 * 1024)
                .build();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** Short timeouts for the tests of hanging servers; the others allow for a busy machine. */
    private ResourceSettings impatient() {
        return settings.with(b -> b.readTimeout(Duration.ofMillis(300)));
    }

    private static DownloadException.Reason reason(Throwable e) {
        return ((DownloadException) e).reason();
    }

    @Test
    void downloadsOnceAndServesTheCacheAfterwards() throws Exception {
        server.bytes("/w.bin", CONTENT);
        URI uri = server.uri("/w.bin");
        DownloadCache cache = DownloadCache.create(settings);
        DownloadCache.CachedFile first = cache.fetch(uri, null);
        assertThat(first.sha256()).isEqualTo(Sha256.of(CONTENT));
        assertThat(first.size()).isEqualTo(CONTENT.length);
        assertThat(Files.readAllBytes(first.path())).isEqualTo(CONTENT);
        assertThat(first.path())
                .isEqualTo(
                        dir.resolve("cache/sha256").resolve(Sha256.of(CONTENT).hex()));

        DownloadCache fresh = DownloadCache.create(settings);
        assertThat(fresh.fetch(uri, null).path()).isEqualTo(first.path());
        assertThat(fresh.fetch(uri, Sha256.of(CONTENT)).path()).isEqualTo(first.path());
        assertThat(server.requests()).containsExactly("/w.bin");
        try (Stream<Path> left = Files.list(dir.resolve("cache/tmp"))) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void aKnownHashIsServedFromTheCacheEvenUnderAnotherUrl() throws Exception {
        server.bytes("/a.bin", CONTENT);
        server.bytes("/b.bin", CONTENT);
        DownloadCache cache = DownloadCache.create(settings);
        cache.fetch(server.uri("/a.bin"), null);
        assertThat(cache.fetch(server.uri("/b.bin"), Sha256.of(CONTENT)).sha256())
                .isEqualTo(Sha256.of(CONTENT));
        assertThat(server.requests()).containsExactly("/a.bin");
    }

    @Test
    void aSha256MismatchIsAnErrorAndNothingIsCached() throws Exception {
        server.bytes("/w.bin", CONTENT);
        URI uri = server.uri("/w.bin");
        Sha256 declared = Sha256.of(new byte[] {42});
        DownloadCache cache = DownloadCache.create(settings);
        assertThatThrownBy(() -> cache.fetch(uri, declared))
                .isInstanceOf(Sha256MismatchException.class)
                .hasMessage("sha256 mismatch for " + uri + ": expected " + declared + ", found " + Sha256.of(CONTENT));
        assertThat(cache.cached(uri, null)).isEmpty();
        assertThatThrownBy(() -> new RemoteFile(uri, cache).verify(declared))
                .isInstanceOf(Sha256MismatchException.class);
    }

    @Test
    void aServerThatNeverAnswersTimesOut() {
        server.handle("/hang", exchange -> server.hang());
        URI uri = server.uri("/hang");
        long start = System.nanoTime();
        assertThatThrownBy(() -> DownloadCache.create(impatient()).fetch(uri, null))
                .isInstanceOf(DownloadException.class)
                .hasMessageStartingWith("download of " + uri + " failed: no response from " + uri + " within 300 ms")
                .satisfies(e -> assertThat(reason(e)).isEqualTo(DownloadException.Reason.TIMEOUT));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void aServerThatStopsSendingTheBodyTimesOut() throws Exception {
        server.handle("/stall", exchange -> {
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            out.write(CONTENT);
            out.flush();
            server.hang();
        });
        server.bytes("/warm-up", CONTENT);
        URI uri = server.uri("/stall");
        DownloadCache cache = DownloadCache.create(impatient());
        // a first exchange loads the client's classes, so that the headers of the next one come in time on a busy
        // machine
        cache.fetch(server.uri("/warm-up"), null);
        assertThatThrownBy(() -> cache.fetch(uri, null))
                .isInstanceOf(DownloadException.class)
                .hasMessage("download of " + uri + " failed: no data from " + uri + " for 300 ms")
                .satisfies(e -> assertThat(reason(e)).isEqualTo(DownloadException.Reason.TIMEOUT));
    }

    @Test
    void anUnknownHostIsNamedWithAHintToWorkOffline() {
        URI uri = URI.create("http://modelhub-test.invalid/weights.pt");
        assertThatThrownBy(() -> DownloadCache.create(settings).fetch(uri, null))
                .isInstanceOf(DownloadException.class)
                .hasMessage("download of " + uri + " failed: host 'modelhub-test.invalid' not found (no network?);"
                        + " run with --offline (or MODELHUB_OFFLINE=1) to skip remote files")
                .satisfies(e -> assertThat(reason(e)).isEqualTo(DownloadException.Reason.CONNECTION));
    }

    @Test
    void aRefusedConnectionNamesHostAndPortWithAHintToWorkOffline() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        URI uri = URI.create("http://127.0.0.1:" + port + "/weights.pt");
        assertThatThrownBy(() -> DownloadCache.create(settings).fetch(uri, null))
                .isInstanceOf(DownloadException.class)
                .satisfies(e -> assertThat(reason(e)).isEqualTo(DownloadException.Reason.CONNECTION))
                .satisfies(e -> assertThat(((DownloadException) e).detail())
                        .startsWith("cannot connect to 127.0.0.1:" + port + ": ")
                        .endsWith(" (server down or no network?); run with --offline (or MODELHUB_OFFLINE=1) to"
                                + " skip remote files")
                        .doesNotContain("Exception"));
    }

    @Test
    void aConnectTimeoutSaysWhatWasWaitedFor() {
        URI uri = URI.create("http://192.0.2.1/weights.pt");
        DownloadException e = DownloadCache.create(settings)
                .failure(uri, uri, new HttpConnectTimeoutException("HTTP connect timed out"));
        assertThat(e.reason()).isEqualTo(DownloadException.Reason.TIMEOUT);
        assertThat(e.detail())
                .isEqualTo("no connection to " + uri + " within 500 ms (server down or no network?);"
                        + " run with --offline (or MODELHUB_OFFLINE=1) to skip remote files");
    }

    @Test
    void aServerThatTricklesIsCutOffAtTheDownloadTimeout() throws Exception {
        server.handle("/trickle", exchange -> {
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            for (int i = 0; i < 200; i++) { // one byte every 50 ms: 10 s, never idle long enough for readTimeout
                out.write('x');
                out.flush();
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
            out.close();
        });
        URI uri = server.uri("/trickle");
        DownloadCache cache = DownloadCache.create(settings.with(b -> b.downloadTimeout(Duration.ofMillis(700))));
        long start = System.nanoTime();
        assertThatThrownBy(() -> cache.fetch(uri, null))
                .isInstanceOf(DownloadException.class)
                .hasMessageStartingWith(
                        "download of " + uri + " failed: not finished within 700 ms, the limit for one" + " download (")
                .hasMessageEndingWith(" bytes received so far)")
                .satisfies(e -> assertThat(reason(e)).isEqualTo(DownloadException.Reason.TIMEOUT));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
        assertThat(cache.cached(uri, null)).isEmpty();
        try (Stream<Path> left = Files.list(dir.resolve("cache/tmp"))) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void endlessRedirectsStopAtTheLimit() {
        server.handle("/loop", exchange -> {
            exchange.getResponseHeaders().add("Location", "/loop?again");
            exchange.sendResponseHeaders(302, -1);
        });
        URI uri = server.uri("/loop");
        assertThatThrownBy(() -> DownloadCache.create(settings).fetch(uri, null))
                .isInstanceOf(DownloadException.class)
                .hasMessageContaining("more than 3 redirects")
                .satisfies(e -> assertThat(reason(e)).isEqualTo(DownloadException.Reason.TOO_MANY_REDIRECTS));
        assertThat(server.requests()).hasSize(4);
    }

    @Test
    void redirectsAreFollowedButOnlyToHttp() throws Exception {
        server.handle("/moved", exchange -> {
            exchange.getResponseHeaders().add("Location", "/w.bin");
            exchange.sendResponseHeaders(301, -1);
        });
        server.bytes("/w.bin", CONTENT);
        server.handle("/to-file", exchange -> {
            exchange.getResponseHeaders().add("Location", "file:///etc/passwd");
            exchange.sendResponseHeaders(302, -1);
        });
        DownloadCache cache = DownloadCache.create(settings);
        assertThat(cache.fetch(server.uri("/moved"), null).sha256()).isEqualTo(Sha256.of(CONTENT));
        assertThatThrownBy(() -> cache.fetch(server.uri("/to-file"), null))
                .isInstanceOf(DownloadException.class)
                .hasMessageContaining("redirect to 'file:///etc/passwd', expected an http or https URL")
                .satisfies(e -> assertThat(reason(e)).isEqualTo(DownloadException.Reason.BAD_REDIRECT));
    }

    @Test
    void aStreamedBodyBeyondTheLimitIsCutOff() {
        server.handle("/endless", exchange -> {
            exchange.sendResponseHeaders(200, 0); // chunked: no length to check up front
            byte[] chunk = new byte[64 * 1024];
            try (OutputStream out = exchange.getResponseBody()) {
                for (int i = 0; i < 1024; i++) { // 64 MiB unless the client stops reading
                    out.write(chunk);
                }
            }
        });
        URI uri = server.uri("/endless");
        assertThatThrownBy(() -> DownloadCache.create(settings).fetch(uri, null))
                .isInstanceOf(DownloadException.class)
                .hasMessage(
                        "download of " + uri + " failed: the body exceeds 1048576 bytes, the limit is 1048576 bytes")
                .satisfies(e -> assertThat(reason(e)).isEqualTo(DownloadException.Reason.TOO_LARGE));
    }

    @Test
    void aDeclaredLengthBeyondTheLimitIsRefusedBeforeReading() {
        server.handle("/big", exchange -> {
            exchange.sendResponseHeaders(200, 2 * 1024 * 1024);
            server.hang();
        });
        URI uri = server.uri("/big");
        assertThatThrownBy(() -> DownloadCache.create(settings).fetch(uri, null))
                .isInstanceOf(DownloadException.class)
                .hasMessageContaining("the server declares 2097152 bytes, the limit is 1048576 bytes")
                .satisfies(e -> assertThat(reason(e)).isEqualTo(DownloadException.Reason.TOO_LARGE));
    }

    @Test
    void httpErrorsNameTheStatus() {
        server.handle("/gone", exchange -> LocalHttpServer.send(exchange, 404, new byte[0]));
        server.handle("/broken", exchange -> LocalHttpServer.send(exchange, 500, "oops".getBytes()));
        DownloadCache cache = DownloadCache.create(settings);
        assertThatThrownBy(() -> cache.fetch(server.uri("/gone"), null))
                .hasMessageEndingWith("failed: HTTP status 404")
                .satisfies(e -> assertThat(reason(e)).isEqualTo(DownloadException.Reason.NOT_FOUND));
        assertThatThrownBy(() -> cache.fetch(server.uri("/broken"), null))
                .hasMessageEndingWith("failed: HTTP status 500")
                .satisfies(e -> assertThat(reason(e)).isEqualTo(DownloadException.Reason.HTTP_STATUS));
    }

    @Test
    void onlyHttpAndHttpsAreFetched() {
        DownloadCache cache = DownloadCache.create(settings);
        assertThatThrownBy(() -> cache.fetch(URI.create("ftp://127.0.0.1/w.bin"), null))
                .isInstanceOf(UnsafeReferenceException.class)
                .hasMessage("file reference 'ftp://127.0.0.1/w.bin' is not an http or https URL (scheme 'ftp');"
                        + " only http and https downloads are supported");
        assertThatThrownBy(() -> ResourceRoot.open(URI.create("file:///etc/passwd"), settings))
                .isInstanceOf(UnsafeReferenceException.class)
                .hasMessageContaining("scheme 'file'");
    }

    @Test
    void offlineModeNeverConnectsAndReportsWhatItSkipped() throws Exception {
        server.bytes("/cached.bin", CONTENT);
        server.bytes("/other.bin", CONTENT);
        DownloadCache.create(settings).fetch(server.uri("/cached.bin"), null);
        DownloadCache offline = DownloadCache.create(settings.with(b -> b.offline(true)));

        assertThat(offline.fetch(server.uri("/cached.bin"), null).sha256()).isEqualTo(Sha256.of(CONTENT));
        URI other = server.uri("/other.bin");
        assertThatThrownBy(() -> offline.fetch(other, null))
                .isInstanceOf(OfflineException.class)
                .hasMessage("not checked: offline mode and " + other + " is not in the download cache");
        assertThatThrownBy(() -> new RemoteFile(other, offline).exists()).isInstanceOf(OfflineException.class);
        assertThat(offline.skipped()).containsExactly(other);
        assertThat(server.requests()).containsExactly("/cached.bin");
    }

    @Test
    void offlineACachedCopyWithAnotherHashIsReportedAsAMismatch() throws Exception {
        server.bytes("/w.bin", CONTENT);
        URI uri = server.uri("/w.bin");
        DownloadCache.create(settings).fetch(uri, null);
        Sha256 declared = Sha256.of(new byte[] {7});
        DownloadCache offline = DownloadCache.create(settings.with(b -> b.offline(true)));
        assertThatThrownBy(() -> offline.fetch(uri, declared))
                .isInstanceOf(Sha256MismatchException.class)
                .hasMessage("sha256 mismatch for " + uri + " (cached copy): expected " + declared + ", found "
                        + Sha256.of(CONTENT));
    }

    @Test
    void textSourcesAreUrlsOrPaths() throws Exception {
        server.bytes("/m/rdf.yaml", "name: x\n".getBytes(StandardCharsets.UTF_8));
        try (ResourceRoot root = ResourceRoot.open(server.uri("/m/rdf.yaml").toString(), settings)) {
            assertThat(root).isInstanceOf(RemoteRoot.class);
            assertThat(root.resolve("w.pt").location())
                    .isEqualTo(server.uri("/m/w.pt").toString());
            assertThat(root.resolve("data/a b.npy").location())
                    .isEqualTo(server.uri("/m/data/a%20b.npy").toString());
        }
        assertThatThrownBy(() -> ResourceRoot.open("ftp://127.0.0.1/rdf.yaml", settings))
                .isInstanceOf(UnsafeReferenceException.class)
                .hasMessageContaining("scheme 'ftp'");
        Files.writeString(dir.resolve("rdf.yaml"), "name: y\n");
        try (ResourceRoot root = ResourceRoot.open(dir.resolve("rdf.yaml").toString(), settings)) {
            assertThat(root).isInstanceOf(FolderRoot.class);
        }
    }
}
