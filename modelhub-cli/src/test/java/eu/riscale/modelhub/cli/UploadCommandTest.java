package eu.riscale.modelhub.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code modelhub upload}: the dry run prints the plan and sends nothing; refusals and a missing token come before any
 * request. The protocol itself is tested in modelhub-core's {@code HubUploadTest}.
 */
class UploadCommandTest {
    @TempDir
    Path tmp;

    private static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aDryRunOfTheExamplePrintsThePlanAndSendsNothing() throws IOException {
        Path example = SmallV04Model.example();
        try (LoopbackServer hub = new LoopbackServer()) {
            String endpoint = hub.uri("/public/services/artifact-manager").toString();
            CliRun run = CliRun.of(
                    "upload",
                    "--dry-run",
                    "--endpoint",
                    endpoint,
                    "--token",
                    "secret-token-42",
                    "--cache-dir",
                    tmp.resolve("cache").toString(),
                    example.toString());
            assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
            assertThat(run.out())
                    .contains("upload plan for " + example)
                    .contains("local test: passed")
                    .contains("\"name\" : \"UNet2D nuclei example\"")
                    .contains("POST " + endpoint + "/create")
                    .contains("POST " + endpoint + "/put_file")
                    .contains("POST " + endpoint + "/edit")
                    .contains("files (7, ")
                    .endsWith("dry run: nothing was sent" + System.lineSeparator());
            for (String name : new String[] {"weights.pt", "weights.onnx", "test_input.npy", "cover.png"}) {
                Path file = example.resolve(name);
                assertThat(run.out())
                        .containsPattern(name + " +" + Files.size(file) + " bytes  sha256 " + sha256(file));
            }
            assertThat(run.out() + run.err()).doesNotContain("secret-token-42").contains("token: given, not shown");
            assertThat(hub.requests()).isEmpty();
        }
    }

    @Test
    void anInvalidPackageIsRefusedWithEveryProblemAndExit1() throws IOException {
        Path copy = Files.createDirectories(tmp.resolve("copy"));
        Path example = SmallV04Model.example();
        for (String name : new String[] {"rdf.yaml", "README.md", "cover.png", "test_input.npy", "weights.onnx"}) {
            Files.copy(example.resolve(name), copy.resolve(name));
        }
        try (LoopbackServer hub = new LoopbackServer()) {
            CliRun run = CliRun.of(
                    "upload",
                    "--no-test",
                    "--endpoint",
                    hub.uri("/svc").toString(),
                    "--token",
                    "t",
                    "--cache-dir",
                    tmp.resolve("cache").toString(),
                    copy.toString());
            assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILED);
            assertThat(run.err())
                    .contains("error: refusing to upload " + copy)
                    .contains("nothing was sent")
                    .contains("test_output.npy");
            assertThat(hub.requests()).isEmpty();
        }
    }

    @Test
    void withoutATokenTheUploadStopsBeforeAnyRequest() throws IOException {
        assumeTrue(
                System.getenv("BIOIMAGEIO_HYPHA_UPLOAD_TOKEN") == null,
                "BIOIMAGEIO_HYPHA_UPLOAD_TOKEN is set in this environment, so a token is always given; test skipped");
        try (LoopbackServer hub = new LoopbackServer()) {
            CliRun run = CliRun.of(
                    "upload",
                    "--no-test",
                    "--endpoint",
                    hub.uri("/svc").toString(),
                    "--cache-dir",
                    tmp.resolve("cache").toString(),
                    SmallV04Model.example().toString());
            assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
            assertThat(run.err()).contains("no upload token").contains("BIOIMAGEIO_HYPHA_UPLOAD_TOKEN");
            assertThat(hub.requests()).isEmpty();
        }
    }

    @Test
    void offlineOnlyADryRunIsAllowed() {
        CliRun offline = CliRun.of(
                "upload", "--offline", "--token", "t", SmallV04Model.example().toString());
        assertThat(offline.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(offline.err()).contains("an upload needs the network");
    }
}
