package eu.riscale.modelhub.core.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.riscale.modelhub.core.resource.ResourceSettings;
import eu.riscale.modelhub.spec.Conformance;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Uploads of the project's example model to a {@link FakeHub} on 127.0.0.1 (see there for the protocol sources). */
class HubUploadTest {
    private static final String TOKEN = "secret-token-123";

    /** The files the example's description refers to, by name; the description itself is rewritten. */
    private static final List<String> EXAMPLE_FILES =
            List.of("README.md", "cover.png", "test_input.npy", "test_output.npy", "weights.onnx", "weights.pt");

    @TempDir
    Path tmp;

    private FakeHub hub;
    private final List<String> steps = new ArrayList<>();
    private final List<String> progress = new ArrayList<>();

    @BeforeEach
    void start() throws IOException {
        hub = new FakeHub(TOKEN);
    }

    @AfterEach
    void stop() {
        hub.close();
    }

    private static Path example() {
        return Conformance.buildRoot().resolve("examples/unet2d-nuclei");
    }

    private UploadOptions options(boolean tests) {
        return UploadOptions.builder()
                .endpoint(hub.endpoint())
                .token(TOKEN)
                .runTests(tests)
                .resources(ResourceSettings.builder()
                        .cacheDir(tmp.resolve("cache"))
                        .offline(true)
                        .build())
                .stateDir(tmp.resolve("state"))
                .listener(new UploadListener() {
                    @Override
                    public void step(String message) {
                        steps.add(message);
                    }

                    @Override
                    public void progress(String path, long sent, long total) {
                        progress.add(path + " " + sent + "/" + total);
                    }
                })
                .build();
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    private UploadResult upload(Path source, UploadOptions options) throws Exception {
        try (UploadPlan plan = HubUpload.plan(source.toString(), options)) {
            return HubUpload.upload(plan, options);
        }
    }

    @Test
    void aWholeUploadSendsEveryFileWithItsBytesAndRecordsTheirSha256() throws Exception {
        UploadResult result = upload(example(), options(false));

        assertThat(result.artifactId()).isEqualTo("bioimage-io/affable-shark-1");
        assertThat(result.resumed()).isFalse();
        assertThat(result.filesSent()).isEqualTo(EXAMPLE_FILES.size() + 1);
        assertThat(result.description())
                .hasToString("http://127.0.0.1:" + hub.endpoint().getPort()
                        + "/bioimage-io/artifacts/affable-shark-1/files/rdf.yaml?stage=true");
        // the calls, in order: create, then put_file + PUT per file, then edit; never commit
        List<String> order = hub.calls().stream()
                .map(c -> c.method().equals("PUT") ? "PUT" : c.function())
                .distinct()
                .toList();
        assertThat(order).containsExactly("create", "put_file", "PUT", "edit");
        assertThat(hub.calls("commit")).isEmpty();
        assertThat(hub.calls("create")).hasSize(1);

        JsonNode create = hub.calls("create").get(0).json();
        assertThat(create.get("parent_id").asString()).isEqualTo("bioimage-io/bioimage.io");
        assertThat(create.get("alias").asString()).isEqualTo("{animal_adjective}-{animal}");
        assertThat(create.get("type").asString()).isEqualTo("model");
        assertThat(create.get("stage").asBoolean()).isTrue();
        assertThat(create.get("manifest").get("name").asString()).isEqualTo("UNet2D nuclei example");
        assertThat(create.get("manifest").get("status").asString()).isEqualTo("draft");

        // service calls carry the token, presigned PUTs do not
        hub.calls().stream()
                .filter(c -> c.method().equals("POST"))
                .forEach(c -> assertThat(c.authorization()).isEqualTo("Bearer " + TOKEN));
        hub.puts().forEach(c -> assertThat(c.authorization()).isNull());

        Map<String, byte[]> received = hub.files(result.artifactId());
        assertThat(received.keySet()).containsAll(EXAMPLE_FILES).contains("rdf.yaml");
        assertThat(received).hasSize(EXAMPLE_FILES.size() + 1);
        for (String name : EXAMPLE_FILES) {
            assertThat(received.get(name))
                    .as(name)
                    .isEqualTo(Files.readAllBytes(example().resolve(name)));
        }
        String rdf = new String(received.get("rdf.yaml"), StandardCharsets.UTF_8);
        assertThat(rdf).contains("name: UNet2D nuclei example").doesNotContain("status:");

        JsonNode edit = hub.calls("edit").get(0).json();
        assertThat(edit.get("stage").asBoolean()).isTrue();
        assertThat(edit.get("manifest").get("status").asString()).isEqualTo("draft");
        JsonNode recorded = edit.get("manifest").get("file_sha256");
        assertThat(recorded.size()).isEqualTo(received.size());
        received.forEach((name, bytes) ->
                assertThat(recorded.get(name).asString()).as(name).isEqualTo(sha256(bytes)));

        // weights.pt (1.8 MB) reported in steps of about a tenth; the token is in no message
        assertThat(progress.stream().filter(p -> p.startsWith("weights.pt ")).count())
                .isGreaterThanOrEqualTo(5);
        assertThat(Stream.concat(steps.stream(), progress.stream())).noneMatch(s -> s.contains(TOKEN));
        assertThat(steps).noneMatch(s -> s.contains("presigned-secret"));
    }

    @Test
    void anInvalidPackageIsRefusedBeforeAnyRequest() throws IOException {
        Path copy = copyOfExample();
        Path rdf = copy.resolve("rdf.yaml");
        String text = Files.readString(rdf);
        String declared = sha256(Files.readAllBytes(copy.resolve("test_input.npy")));
        assertThat(text).contains(declared);
        Files.writeString(rdf, text.replace(declared, "0".repeat(64)));

        assertThatThrownBy(() -> HubUpload.plan(copy.toString(), options(false)))
                .isInstanceOfSatisfying(UploadException.class, e -> {
                    assertThat(e.kind()).isEqualTo(UploadException.Kind.INVALID_PACKAGE);
                    assertThat(e.problems()).anyMatch(p -> p.contains("inputs.0.test_tensor.sha256"));
                })
                .hasMessageContaining("refusing to upload")
                .hasMessageContaining("nothing was sent");

        Files.writeString(rdf, "id: affable-shark\n" + text);
        assertThatThrownBy(() -> HubUpload.plan(copy.toString(), options(false)))
                .isInstanceOfSatisfying(
                        UploadException.class,
                        e -> assertThat(e.problems()).anyMatch(p -> p.contains("only new resources can be uploaded")));

        Files.writeString(rdf, text.replace("name: UNet2D nuclei example\n", ""));
        assertThatThrownBy(() -> HubUpload.plan(copy.toString(), options(false)))
                .isInstanceOfSatisfying(UploadException.class, e -> {
                    assertThat(e.kind()).isEqualTo(UploadException.Kind.INVALID_PACKAGE);
                    assertThat(e.problems()).anyMatch(p -> p.contains("name"));
                });
        assertThat(hub.calls()).isEmpty();
        try (Stream<Path> left = Files.list(tmp.resolve("state").resolve("packages"))) {
            assertThat(left).as("no temporary package is left").isEmpty();
        }
    }

    @Test
    void aPackageWhoseTestFailsIsRefusedUnlessTestsAreSkipped() throws Exception {
        Path copy = copyOfExample();
        Path output = copy.resolve("test_output.npy");
        byte[] bytes = Files.readAllBytes(output);
        String before = sha256(bytes);
        for (int i = bytes.length - 4000; i < bytes.length; i++) {
            bytes[i] = 0x3f; // float32 values near 0.75 where the model gives other probabilities
        }
        Files.write(output, bytes);
        Path rdf = copy.resolve("rdf.yaml");
        Files.writeString(rdf, Files.readString(rdf).replace(before, sha256(bytes)));

        assertThatThrownBy(() -> HubUpload.plan(copy.toString(), options(true)))
                .isInstanceOfSatisfying(UploadException.class, e -> {
                    assertThat(e.kind()).isEqualTo(UploadException.Kind.INVALID_PACKAGE);
                    assertThat(e.getMessage())
                            .contains("did not pass its tests")
                            .contains("--no-test");
                });
        try (UploadPlan plan = HubUpload.plan(copy.toString(), options(false))) {
            assertThat(plan.testStatus()).isEqualTo("not run");
        }
        try (UploadPlan plan = HubUpload.plan(example().toString(), options(true))) {
            assertThat(plan.testStatus()).isEqualTo("passed");
        }
        assertThat(hub.calls()).isEmpty();
    }

    @Test
    void anExpiredTokenFailsClearlyWithoutShowingIt() throws Exception {
        UploadOptions expired = options(false).with(b -> b.token("expired-" + TOKEN));
        assertThatThrownBy(() -> upload(example(), expired))
                .isInstanceOfSatisfying(UploadException.class, e -> {
                    assertThat(e.kind()).isEqualTo(UploadException.Kind.UNAUTHORIZED);
                    assertThat(e.status()).isEqualTo(401);
                })
                .hasMessageContaining("cannot create the draft")
                .hasMessageContaining(FakeHub.EXPIRED)
                .hasMessageContaining("--token or BIOIMAGEIO_HYPHA_UPLOAD_TOKEN")
                .hasMessageNotContaining(TOKEN);
        assertThat(hub.calls()).hasSize(1);
        assertThat(expired.toString()).doesNotContain(TOKEN);
    }

    @Test
    void aTokenEchoedByTheHubIsStarredOut() {
        hub.failWith(c -> c.function().equals("create")
                ? Optional.of(new FakeHub.Answer(403, "{\"detail\": \"PermissionError: " + TOKEN + " may not\"}"))
                : Optional.empty());
        assertThatThrownBy(() -> upload(example(), options(false)))
                .hasMessageContaining("PermissionError: *** may not")
                .hasMessageNotContaining(TOKEN);
    }

    @Test
    void withoutATokenNothingIsSent() throws Exception {
        UploadOptions none = options(false).with(b -> b.token(null));
        assertThatThrownBy(() -> upload(example(), none))
                .isInstanceOfSatisfying(
                        UploadException.class, e -> assertThat(e.kind()).isEqualTo(UploadException.Kind.NO_TOKEN))
                .hasMessageContaining("BIOIMAGEIO_HYPHA_UPLOAD_TOKEN");
        assertThat(hub.calls()).isEmpty();
    }

    @Test
    void aFailureAfterHalfTheFilesIsResumedByTheNextRunWithoutASecondDraft() throws Exception {
        AtomicInteger puts = new AtomicInteger();
        hub.failWith(c -> c.method().equals("PUT") && puts.incrementAndGet() == 4
                ? Optional.of(new FakeHub.Answer(503, "<Error><Code>SlowDown</Code></Error>"))
                : Optional.empty());
        assertThatThrownBy(() -> upload(example(), options(false)))
                .isInstanceOfSatisfying(UploadException.class, e -> {
                    assertThat(e.kind()).isEqualTo(UploadException.Kind.SERVER);
                    assertThat(e.status()).isEqualTo(503);
                })
                .hasMessageContaining("run the same command again to resume")
                .hasMessageNotContaining("presigned-secret");
        String id = "bioimage-io/affable-shark-1";
        assertThat(hub.files(id)).hasSize(3);
        assertThat(hub.calls("edit")).isEmpty();

        hub.failWith(c -> Optional.empty());
        UploadResult retry = upload(example(), options(false));
        assertThat(retry.artifactId()).isEqualTo(id);
        assertThat(retry.resumed()).isTrue();
        assertThat(retry.filesSkipped()).isEqualTo(3);
        assertThat(retry.filesSent()).isEqualTo(EXAMPLE_FILES.size() + 1 - 3);
        assertThat(hub.calls("create")).hasSize(1);
        assertThat(hub.calls("read")).hasSize(1);
        assertThat(hub.puts()).hasSize(EXAMPLE_FILES.size() + 1 + 1); // the failed PUT was sent again
        Map<String, byte[]> received = hub.files(id);
        assertThat(received).hasSize(EXAMPLE_FILES.size() + 1);
        for (String name : EXAMPLE_FILES) {
            assertThat(received.get(name))
                    .as(name)
                    .isEqualTo(Files.readAllBytes(example().resolve(name)));
        }
        JsonNode recorded = hub.manifest(id).get("file_sha256");
        received.forEach((name, bytes) ->
                assertThat(recorded.get(name).asString()).as(name).isEqualTo(sha256(bytes)));
    }

    @Test
    void aFinishedUploadIsNotRepeatedAndAVanishedDraftIsReplaced() throws Exception {
        upload(example(), options(false));
        int puts = hub.puts().size();
        UploadResult again = upload(example(), options(false).with(b -> b.requestReview(true)));
        assertThat(again.resumed()).isTrue();
        assertThat(again.filesSent()).isZero();
        assertThat(hub.puts()).hasSize(puts);
        assertThat(hub.calls("create")).hasSize(1);
        assertThat(hub.manifest(again.artifactId()).get("status").asString()).isEqualTo("in-review");

        hub.delete(again.artifactId());
        UploadResult fresh = upload(example(), options(false));
        assertThat(fresh.artifactId()).isEqualTo("bioimage-io/affable-shark-2");
        assertThat(fresh.resumed()).isFalse();
        assertThat(steps).anyMatch(s -> s.contains("no longer has draft bioimage-io/affable-shark-1"));
    }

    @Test
    void forbiddenConflictAndServerErrorsAreNamed() throws Exception {
        Map<Integer, UploadException.Kind> kinds = Map.of(
                403, UploadException.Kind.FORBIDDEN,
                409, UploadException.Kind.CONFLICT,
                500, UploadException.Kind.SERVER,
                400, UploadException.Kind.HTTP_STATUS);
        for (Map.Entry<Integer, UploadException.Kind> k : kinds.entrySet()) {
            hub.failWith(c -> c.function().equals("create")
                    ? Optional.of(new FakeHub.Answer(
                            k.getKey(), "{\"success\": false, \"detail\": \"said " + k.getKey() + "\"}"))
                    : Optional.empty());
            assertThatThrownBy(() -> upload(example(), options(false)))
                    .isInstanceOfSatisfying(UploadException.class, e -> {
                        assertThat(e.kind()).isEqualTo(k.getValue());
                        assertThat(e.status()).isEqualTo(k.getKey());
                    })
                    .hasMessageContaining("HTTP " + k.getKey())
                    .hasMessageContaining("said " + k.getKey());
        }
        hub.failWith(c -> c.function().equals("create")
                ? Optional.of(new FakeHub.Answer(200, "{\"no\": \"id\"}"))
                : Optional.empty());
        assertThatThrownBy(() -> upload(example(), options(false)))
                .isInstanceOfSatisfying(
                        UploadException.class, e -> assertThat(e.kind()).isEqualTo(UploadException.Kind.PROTOCOL));
    }

    @Test
    void aHubThatDoesNotAnswerTimesOut() throws Exception {
        hub.hangOnCreate();
        UploadOptions quick = options(false)
                .with(b -> b.resources(ResourceSettings.builder()
                        .cacheDir(tmp.resolve("cache"))
                        .offline(true)
                        .readTimeout(Duration.ofMillis(500))
                        .build()));
        assertThatThrownBy(() -> upload(example(), quick))
                .isInstanceOfSatisfying(
                        UploadException.class, e -> assertThat(e.kind()).isEqualTo(UploadException.Kind.TIMEOUT))
                .hasMessageContaining("no answer from 127.0.0.1");
    }

    @Test
    void theManifestLeavesOutKeysOnlyTheHubsAppWrites() {
        ObjectNode description = JsonMapper.builder().build().createObjectNode();
        description.put("name", "m");
        description.put("status", "published");
        description.putObject("file_sha256").put("rdf.yaml", "x");
        ObjectNode manifest = Manifest.of(description);
        assertThat(Set.copyOf(manifest.propertyNames())).containsExactly("name");
        assertThat(description.has("status")).isTrue();
    }

    @Test
    void thePlanListsEveryFileWithSizeAndSha256AndTheRequests() throws Exception {
        try (UploadPlan plan = HubUpload.plan(example().toString(), options(false))) {
            assertThat(plan.files().get(0).path()).isEqualTo("rdf.yaml");
            for (String name : EXAMPLE_FILES) {
                byte[] bytes = Files.readAllBytes(example().resolve(name));
                assertThat(plan.files())
                        .filteredOn(f -> f.path().equals(name))
                        .singleElement()
                        .satisfies(f -> {
                            assertThat(f.size()).isEqualTo(bytes.length);
                            assertThat(f.sha256().hex()).isEqualTo(sha256(bytes));
                            assertThat(f.weights()).isEqualTo(name.startsWith("weights."));
                        });
            }
            assertThat(plan.manifestJson()).contains("\"name\" : \"UNet2D nuclei example\"");
            assertThat(plan.requests(options(false)))
                    .anyMatch(r -> r.startsWith("POST " + hub.endpoint() + "/create"))
                    .anyMatch(r -> r.contains("never commit"));
            assertThat(plan.packageFile()).exists();
            plan.close();
            assertThat(plan.packageFile()).doesNotExist();
        }
        assertThat(hub.calls()).isEmpty();
    }

    private Path copyOfExample() throws IOException {
        Path copy = Files.createDirectories(tmp.resolve("copy"));
        try (Stream<Path> files = Files.list(example())) {
            for (Path f : files.toList()) {
                Files.copy(f, copy.resolve(f.getFileName()));
            }
        }
        return copy;
    }
}
