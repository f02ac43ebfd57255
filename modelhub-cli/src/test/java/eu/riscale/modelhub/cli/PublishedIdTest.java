package eu.riscale.modelhub.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code modelhub test affable-shark}: a published id resolved through a collection index on 127.0.0.1 (the
 * reference's id map format, {@code {id: {"source", "sha256"}}}), served from the cache once fetched, and a clear
 * error offline when not cached. Also {@code modelhub cache list|clear}.
 */
class PublishedIdTest {
    @TempDir
    Path tmp;

    private static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    private LoopbackServer hub() throws IOException {
        LoopbackServer server = new LoopbackServer();
        Path example = SmallV04Model.example();
        server.folder("/affable-shark/1.2/files/", example);
        String entry = "{\"source\": \"" + server.uri("/affable-shark/1.2/files/rdf.yaml") + "\", \"sha256\": \""
                + sha256(example.resolve("rdf.yaml")) + "\"}";
        server.bytes(
                "/id_map.json",
                ("{\"affable-shark\": " + entry + ", \"affable-shark/1.2\": " + entry + "}")
                        .getBytes(StandardCharsets.UTF_8));
        return server;
    }

    @Test
    void aPublishedIdIsTestedOnlineThenFromTheCacheOffline() throws IOException {
        String cache = tmp.resolve("cache").toString();
        String index;
        try (LoopbackServer server = hub()) {
            index = server.uri("/id_map.json").toString();
            CliRun online = CliRun.of(
                    "test",
                    "--json",
                    "--weight-format",
                    "onnx",
                    "--collection",
                    index,
                    "--cache-dir",
                    cache,
                    "affable-shark/1.2");
            assertThat(online.exitCode()).as(online.err()).isEqualTo(ExitCodes.OK);
            assertThat(online.out()).contains("\"status\":\"passed\"").contains("\"source\":\"affable-shark/1.2\"");
            assertThat(server.requests()).contains("GET /id_map.json", "GET /affable-shark/1.2/files/weights.onnx");
        }
        // the hub is gone: everything comes from the cache
        CliRun offline = CliRun.of(
                "test",
                "--json",
                "--weight-format",
                "onnx",
                "--offline",
                "--collection",
                index,
                "--cache-dir",
                cache,
                "affable-shark/1.2");
        assertThat(offline.exitCode()).as(offline.err()).isEqualTo(ExitCodes.OK);
        assertThat(offline.out()).contains("\"status\":\"passed\"");

        CliRun list = CliRun.of("cache", "list", "--cache-dir", cache);
        assertThat(list.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(list.out())
                .contains(index)
                .contains("/affable-shark/1.2/files/rdf.yaml")
                .contains("/affable-shark/1.2/files/weights.onnx")
                .contains(sha256(SmallV04Model.example().resolve("weights.onnx")));
        CliRun clear = CliRun.of("cache", "clear", "--cache-dir", cache);
        assertThat(clear.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(clear.out()).startsWith("removed ");
        assertThat(CliRun.of("cache", "list", "--cache-dir", cache).out()).startsWith("0 files, 0 B");

        CliRun cleared =
                CliRun.of("test", "--offline", "--collection", index, "--cache-dir", cache, "affable-shark/1.2");
        assertThat(cleared.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(cleared.err())
                .contains("cannot read affable-shark/1.2")
                .contains("offline mode and the collection index " + index + " is not in the download cache")
                .contains("run once without --offline");
    }

    @Test
    void anUnknownIdSuggestsTheClosestOnes() throws IOException {
        try (LoopbackServer server = hub()) {
            CliRun run = CliRun.of(
                    "validate",
                    "--collection",
                    server.uri("/id_map.json").toString(),
                    "--cache-dir",
                    tmp.resolve("cache").toString(),
                    "affable-shrak");
            assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
            assertThat(run.out() + run.err())
                    .contains("'affable-shrak' is neither a file nor a published id")
                    .contains("did you mean one of affable-shark");
        }
    }
}
