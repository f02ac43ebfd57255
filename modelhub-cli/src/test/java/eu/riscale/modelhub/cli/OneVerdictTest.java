package eu.riscale.modelhub.cli;

import static org.assertj.core.api.Assertions.assertThat;

import eu.riscale.modelhub.spec.Conformance;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 16: {@code validate} runs exactly the format and I/O checks of {@code test}, so both give the same verdict on
 * every runnable package (the shared conformance packages, each other description file in them, and examples/), online
 * and offline: validate's {@code valid} is test's {@code passed} or {@code valid-format}, validate's {@code invalid}
 * is test's {@code failed}.
 */
class OneVerdictTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path tmp;

    private static List<String> sources() throws IOException {
        List<String> sources = new ArrayList<>();
        Path nuclei = Conformance.model("unet2d_nuclei_broad");
        sources.add(nuclei.toString());
        sources.add(Conformance.model("unet2d_multi_tensor").toString());
        try (Stream<Path> files = Files.list(nuclei)) {
            // every other description in the package (bioimageio.yaml itself is the folder's)
            files.filter(f -> f.getFileName().toString().endsWith(".bioimageio.yaml"))
                    .sorted()
                    .forEach(f -> sources.add(f.toString()));
        }
        sources.add(Conformance.buildRoot().resolve("examples/unet2d-nuclei").toString());
        return sources;
    }

    private static String status(CliRun run) {
        assertThat(run.out().lines()).as(run.err()).hasSize(1);
        return JSON.readTree(run.out()).get("status").asString();
    }

    @Test
    void validateAndTestAgreeOnEveryRunnablePackageOnlineAndOffline() throws IOException {
        // "online": no --offline, short timeouts; none of these packages needs the network for the formats tested
        List<String> online = List.of("--connect-timeout", "2", "--read-timeout", "2");
        List<String> offline = List.of("--offline");
        Map<String, String> verdicts = new LinkedHashMap<>();
        for (String source : sources()) {
            for (List<String> mode : List.of(offline, online)) {
                String cache = tmp.resolve("cache").toString();
                List<String> v = new ArrayList<>(List.of("validate", "--json", "--cache-dir", cache));
                v.addAll(mode);
                v.add(source);
                List<String> t = new ArrayList<>(List.of("test", "--json", "--cache-dir", cache));
                t.addAll(mode);
                t.add(source);
                CliRun validated = CliRun.of(v.toArray(String[]::new));
                CliRun tested = CliRun.of(t.toArray(String[]::new));
                String vs = status(validated);
                String ts = status(tested);
                String label = source + " " + mode;
                verdicts.put(label, vs + "/" + ts);
                assertThat(vs).as(label + ": " + validated.out()).isIn("valid", "invalid");
                assertThat(ts.equals("failed"))
                        .as(label + ": validate " + vs + ", test " + ts + "\n" + validated.out() + "\n" + tested.out())
                        .isEqualTo(vs.equals("invalid"));
                assertThat(validated.exitCode() == ExitCodes.OK).isEqualTo(vs.equals("valid"));
            }
        }
        // the set is not trivial: the duplicate tensor names are invalid, the packages reproduce their outputs
        assertThat(verdicts)
                .containsEntry(
                        Conformance.model("unet2d_nuclei_broad")
                                        .resolve("invalid_v0_4_0_duplicate_tensor_names.bioimageio.yaml")
                                + " " + offline,
                        "invalid/failed")
                .containsEntry(Conformance.model("unet2d_nuclei_broad") + " " + offline, "valid/passed")
                .containsEntry(Conformance.model("unet2d_nuclei_broad") + " " + online, "valid/passed");
    }

    @Test
    void theArchitectureFileOfAnUntestedEntryIsAWarningForBothCommands() {
        // issue 16: validate failed on the pytorch_state_dict architecture file that test never uses
        String source = Conformance.model("unet2d_multi_tensor").toString();
        CliRun validated = CliRun.of("validate", "--json", "--offline", source);
        assertThat(validated.exitCode()).isEqualTo(ExitCodes.OK);
        JsonNode report = JSON.readTree(validated.out());
        assertThat(report.get("errors")).isEmpty();
        assertThat(report.get("warnings").toString())
                .contains("weights.pytorch_state_dict.architecture", "not checked: ", "which are not tested");
    }

    @Test
    void testJsonPrintsExactlyOneObjectForAMissingPathBrokenYamlAndAValidPackage() throws IOException {
        Path broken = tmp.resolve("broken/rdf.yaml");
        Files.createDirectories(broken.getParent());
        Files.writeString(broken, "format_version: 0.5.4\ntype: model\nname: [oops\n");
        Map<String, Integer> cases = new LinkedHashMap<>();
        cases.put(tmp.resolve("missing").toString(), ExitCodes.USAGE);
        cases.put(broken.toString(), ExitCodes.FAILED);
        cases.put(Conformance.model("unet2d_nuclei_broad").toString(), ExitCodes.OK);
        for (Map.Entry<String, Integer> c : cases.entrySet()) {
            CliRun run = CliRun.of("test", "--json", "--offline", "--weight-format", "onnx", c.getKey());
            assertThat(run.exitCode()).as(c.getKey()).isEqualTo(c.getValue());
            assertThat(run.out().lines()).as(c.getKey()).hasSize(1);
            JsonNode summary = JSON.readTree(run.out());
            assertThat(summary.isObject()).isTrue();
            assertThat(summary.get("source_name").asString()).isEqualTo(c.getKey());
            assertThat(summary.get("env").size()).as("env of " + c.getKey()).isGreaterThanOrEqualTo(3);
        }
        JsonNode missing = JSON.readTree(
                CliRun.of("test", "--json", tmp.resolve("missing").toString()).out());
        assertThat(missing.get("status").asString()).isEqualTo("failed");
        assertThat(missing.get("type").asString()).isEqualTo("unknown");
        assertThat(missing.get("details").get(0).get("errors").get(0).get("msg").asString())
                .startsWith("cannot read " + tmp.resolve("missing"));
    }
}
