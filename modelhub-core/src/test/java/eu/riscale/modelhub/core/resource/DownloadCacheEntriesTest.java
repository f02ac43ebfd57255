package eu.riscale.modelhub.core.resource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Listing, clearing and refreshing the download cache (behind {@code modelhub cache list|clear}). */
class DownloadCacheEntriesTest {
    @TempDir
    Path tmp;

    private LocalHttpServer server;

    @BeforeEach
    void start() throws IOException {
        server = new LocalHttpServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private DownloadCache cache(boolean offline) {
        return DownloadCache.create(ResourceSettings.builder()
                .cacheDir(tmp.resolve("cache"))
                .offline(offline)
                .build());
    }

    @Test
    void entriesListEveryCachedUrlWithSizeAndClearRemovesOnlyTheCache() throws IOException {
        server.bytes("/a", "aaa".getBytes(StandardCharsets.UTF_8));
        server.bytes("/b", "bbbbb".getBytes(StandardCharsets.UTF_8));
        DownloadCache cache = cache(false);
        assertThat(cache.entries()).isEmpty();
        cache.fetch(server.uri("/a"), null);
        cache.fetch(server.uri("/b"), null);
        assertThat(cache.entries())
                .extracting(DownloadCache.CachedFile::uri, DownloadCache.CachedFile::size)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(server.uri("/a"), 3L),
                        org.assertj.core.groups.Tuple.tuple(server.uri("/b"), 5L));
        Path mine = Files.writeString(tmp.resolve("cache").resolve("notes.txt"), "keep me");
        assertThat(cache.clear()).isEqualTo(8);
        assertThat(cache.entries()).isEmpty();
        assertThat(mine).hasContent("keep me");
        assertThat(cache(true).cached(server.uri("/a"), null)).isEmpty();
    }

    @Test
    void refreshDownloadsAgainOnlineAndServesTheCopyOffline() throws IOException {
        AtomicInteger version = new AtomicInteger(1);
        server.handle(
                "/index",
                exchange ->
                        LocalHttpServer.send(exchange, 200, ("v" + version.get()).getBytes(StandardCharsets.UTF_8)));
        DownloadCache cache = cache(false);
        assertThat(Files.readString(cache.refresh(server.uri("/index")).path())).isEqualTo("v1");
        version.set(2);
        assertThat(Files.readString(cache.fetch(server.uri("/index"), null).path()))
                .isEqualTo("v1");
        assertThat(Files.readString(cache.refresh(server.uri("/index")).path())).isEqualTo("v2");
        int requests = server.requests().size();
        assertThat(Files.readString(cache(true).refresh(server.uri("/index")).path()))
                .isEqualTo("v2");
        assertThat(server.requests()).hasSize(requests);
        assertThatThrownBy(() -> cache(true).refresh(server.uri("/other"))).isInstanceOf(OfflineException.class);
    }
}
