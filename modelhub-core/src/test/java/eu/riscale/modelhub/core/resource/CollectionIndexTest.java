package eu.riscale.modelhub.core.resource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Published ids as sources, resolved through a collection index served from 127.0.0.1. The id map format is the one
 * the reference reads in {@code bioimageio.spec._internal.io_utils.get_id_map} (spec-bioimage-io 0.5.7.2, commit
 * 63a2ea093d29): an object from id to {@code LightHttpFileDescr} ({@code source}, {@code sha256}); the items format
 * is the back office's {@code index.json} ({@code backoffice/index.py}, bioimage-io/collection commit 0d660e5618e1).
 */
class CollectionIndexTest {
    private static final byte[] RDF = "type: model\nname: shark\n".getBytes(StandardCharsets.UTF_8);
    private static final byte[] RDF_OLD = "type: model\nname: old shark\n".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path tmp;

    private LocalHttpServer server;

    @BeforeEach
    void start() throws IOException {
        server = new LocalHttpServer();
        server.bytes("/affable-shark/1.2/files/rdf.yaml", RDF);
        server.bytes("/affable-shark/1.1/files/rdf.yaml", RDF_OLD);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    private String idMap() {
        String latest = "{\"source\": \"" + server.uri("/affable-shark/1.2/files/rdf.yaml") + "\", \"sha256\": \""
                + sha256(RDF) + "\"}";
        String old = "{\"source\": \"" + server.uri("/affable-shark/1.1/files/rdf.yaml") + "\", \"sha256\": \""
                + sha256(RDF_OLD) + "\"}";
        return "{\"affable-shark\": " + latest + ", \"affable-shark/1.2\": " + latest + ", \"affable-shark/1.1\": "
                + old + ", \"10.5281/zenodo.5764892\": " + old + ", \"ambitious-sloth\": " + old + "}";
    }

    private ResourceSettings settings(boolean offline) {
        return ResourceSettings.builder()
                .cacheDir(tmp.resolve("cache"))
                .collectionUrl(server.uri("/id_map.json"))
                .offline(offline)
                .build();
    }

    private static byte[] description(ResourceRoot root) throws IOException {
        try (InputStream in = root.description().open()) {
            return in.readAllBytes();
        }
    }

    @Test
    void idsVersionsAndDoisOpenTheDescriptionTheyStandFor() throws IOException {
        server.bytes("/id_map.json", idMap().getBytes(StandardCharsets.UTF_8));
        try (ResourceRoot root = ResourceRoot.open("affable-shark", settings(false))) {
            assertThat(description(root)).isEqualTo(RDF);
            assertThat(root.location())
                    .isEqualTo(server.uri("/affable-shark/1.2/files/rdf.yaml").toString());
        }
        try (ResourceRoot root = ResourceRoot.open("affable-shark/1.1", settings(false))) {
            assertThat(description(root)).isEqualTo(RDF_OLD);
        }
        try (ResourceRoot root = ResourceRoot.open("10.5281/zenodo.5764892", settings(false))) {
            assertThat(description(root)).isEqualTo(RDF_OLD);
        }
    }

    @Test
    void onceCachedAnIdOpensOfflineWithoutARequest() throws IOException {
        server.bytes("/id_map.json", idMap().getBytes(StandardCharsets.UTF_8));
        try (ResourceRoot root = ResourceRoot.open("affable-shark", settings(false))) {
            assertThat(description(root)).isEqualTo(RDF);
        }
        int requests = server.requests().size();
        try (ResourceRoot root = ResourceRoot.open("affable-shark", settings(true))) {
            assertThat(description(root)).isEqualTo(RDF);
        }
        assertThat(server.requests()).hasSize(requests);
    }

    @Test
    void offlineWithoutACachedIndexSaysSoAndHowToGoOn() {
        assertThatThrownBy(() -> ResourceRoot.open("affable-shark", settings(true)))
                .isInstanceOf(ResourceException.class)
                .hasMessageContaining("offline mode and the collection index " + server.uri("/id_map.json"))
                .hasMessageContaining("run once without --offline");
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void offlineWithTheIndexButNotTheModelNamesTheId() throws IOException {
        server.bytes("/id_map.json", idMap().getBytes(StandardCharsets.UTF_8));
        try (ResourceRoot root = ResourceRoot.open("affable-shark", settings(false))) {
            assertThat(description(root)).isEqualTo(RDF);
        }
        assertThatThrownBy(() -> ResourceRoot.open("affable-shark/1.1", settings(true)))
                .isInstanceOf(ResourceException.class)
                .hasMessageContaining("offline mode and 'affable-shark/1.1'")
                .hasMessageContaining("is not in the download cache");
    }

    @Test
    void anUnknownIdNamesTheClosestKnownIds() {
        server.bytes("/id_map.json", idMap().getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> ResourceRoot.open("affable-shrak", settings(false)))
                .isInstanceOfSatisfying(UnknownIdException.class, e -> {
                    assertThat(e.closest()).first().isEqualTo("affable-shark");
                    assertThat(e.closest()).doesNotContain("ambitious-sloth");
                })
                .hasMessageContaining("'affable-shrak' is neither a file nor a published id")
                .hasMessageContaining("affable-shark");
        assertThatThrownBy(() -> ResourceRoot.open("zzz", settings(false)))
                .isInstanceOfSatisfying(
                        UnknownIdException.class, e -> assertThat(e.closest()).isEmpty())
                .hasMessageContaining("no known id is close to it");
    }

    @Test
    void aMistypedPathWhoseLookupFailsSaysBoth() {
        server.close();
        assertThatThrownBy(() -> ResourceRoot.open("affable-shark", settings(false)))
                .isInstanceOf(ResourceException.class)
                .hasMessageContaining("no such file or folder: ")
                .hasMessageContaining("looking it up as a published id failed")
                .hasMessageContaining("the collection index, needed to resolve ids");
    }

    @Test
    void aSha256MismatchWithTheIndexIsRefused() {
        String wrong = idMap().replace(sha256(RDF), sha256(RDF_OLD));
        server.bytes("/id_map.json", wrong.getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> ResourceRoot.open("affable-shark", settings(false)))
                .isInstanceOf(Sha256MismatchException.class);
    }

    @Test
    void anExistingPathWinsOverAnIdAndFileNamesAreNeverIds() throws IOException {
        Path folder = Files.createDirectories(tmp.resolve("affable-shark"));
        Files.write(folder.resolve("rdf.yaml"), RDF_OLD);
        assertThat(CollectionIndex.looksLikeId(folder.toString())).isFalse();
        assertThat(CollectionIndex.looksLikeId("affable-shark")).isTrue();
        assertThat(CollectionIndex.looksLikeId("affable-shark/1.2")).isTrue();
        assertThat(CollectionIndex.looksLikeId("10.5281/zenodo.5764892")).isTrue();
        assertThat(CollectionIndex.looksLikeId("missing/rdf.yaml")).isFalse();
        assertThat(CollectionIndex.looksLikeId("model.zip")).isFalse();
        assertThat(CollectionIndex.looksLikeId("a/b/c")).isFalse();
        assertThat(CollectionIndex.looksLikeId("../up")).isFalse();
        assertThatThrownBy(() -> ResourceRoot.open("missing.zip", settings(false)))
                .isInstanceOf(java.nio.file.NoSuchFileException.class);
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void theItemsIndexKnowsIdsWithAndWithoutWorkspaceAndTheLatestVersion() throws ResourceException {
        String json = "{\"items\": [{\"id\": \"bioimage-io/affable-shark\", \"type\": \"model\", \"versions\": ["
                + "{\"version\": \"v1\", \"created_at\": \"2024-01-01T00:00:00\", \"source\": \"https://h/a?version=v1\","
                + " \"sha256\": \"" + sha256(RDF_OLD) + "\"},"
                + "{\"version\": \"v2\", \"created_at\": \"2025-01-01T00:00:00\", \"source\": \"https://h/a?version=v2\","
                + " \"sha256\": \"" + sha256(RDF) + "\"}]}], \"total\": 1}";
        CollectionIndex index =
                CollectionIndex.parse(URI.create("https://h/index.json"), json.getBytes(StandardCharsets.UTF_8));
        assertThat(index.resolve("affable-shark").source()).hasToString("https://h/a?version=v2");
        assertThat(index.resolve("bioimage-io/affable-shark").source()).hasToString("https://h/a?version=v2");
        assertThat(index.resolve("affable-shark/v1").source()).hasToString("https://h/a?version=v1");
        assertThat(index.resolve("affable-shark/v1").sha256()).isEqualTo(Sha256.parse(sha256(RDF_OLD)));
    }

    @Test
    void aBadIndexNamesTheEntry() {
        URI url = URI.create("https://h/id_map.json");
        assertThatThrownBy(() -> CollectionIndex.parse(url, "[1]".getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("is not a JSON object");
        assertThatThrownBy(() -> CollectionIndex.parse(url, "{\"a\": {\"sha256\": \"x\"}}".getBytes()))
                .hasMessageContaining("has no string a.source");
        assertThatThrownBy(() -> CollectionIndex.parse(url, "{\"a\": {\"source\": \"file:/etc/passwd\"}}".getBytes()))
                .hasMessageContaining("invalid source at a.source");
        assertThatThrownBy(() -> CollectionIndex.parse(url, "{\"items\": [{\"id\": \"x\"}]}".getBytes()))
                .hasMessageContaining("items[0].versions");
        assertThatThrownBy(() -> CollectionIndex.parse(url, "{not json".getBytes()))
                .hasMessageContaining("is not JSON");
    }

    @Test
    void onlineTheIndexIsDownloadedAgainAndACachedCopyServesWhenTheHubIsDown() throws IOException {
        server.bytes("/id_map.json", "{}".getBytes(StandardCharsets.UTF_8));
        DownloadCache cache = DownloadCache.create(settings(false));
        assertThat(CollectionIndex.load(cache).ids()).isEmpty();
        server.handle("/v2/", exchange -> LocalHttpServer.send(exchange, 200, idMap().getBytes()));
        DownloadCache moved = DownloadCache.create(settings(false).with(b -> b.collectionUrl(server.uri("/v2/"))));
        assertThat(CollectionIndex.load(moved).ids()).contains("affable-shark");
        server.close();
        // the hub is gone: the copy cached above is used
        assertThat(CollectionIndex.load(moved).ids()).contains("affable-shark");
    }
}
