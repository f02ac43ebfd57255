package eu.riscale.modelhub.cli;

import static org.assertj.core.api.Assertions.assertThat;

import eu.riscale.modelhub.core.resource.Sha256;
import eu.riscale.modelhub.core.tensor.Npy;
import eu.riscale.modelhub.core.tensor.Tensor;
import eu.riscale.modelhub.spec.Conformance;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class TestCommandTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path tmp;

    private static List<JsonNode> details(JsonNode summary, String check) {
        List<JsonNode> r = new ArrayList<>();
        summary.get("details").forEach(d -> {
            if (d.get("check").asString().equals(check)) {
                r.add(d);
            }
        });
        return r;
    }

    @Test
    void bothConformancePackagesHaveValidFormatAndFiles() {
        for (String name : List.of("unet2d_nuclei_broad", "unet2d_multi_tensor")) {
            CliRun run = CliRun.of(
                    "test", "--json", "--offline", Conformance.model(name).toString());
            assertThat(run.out().lines()).hasSize(1);
            JsonNode summary = JSON.readTree(run.out());
            assertThat(summary.get("source").asString()).endsWith(name);
            assertThat(details(summary, "format").get(0).get("status").asString())
                    .isEqualTo("passed");
            JsonNode io = details(summary, "io").get(0);
            assertThat(io.get("status").asString()).isEqualTo("passed");
            // the pytorch_state_dict entries' architecture files are absent: warnings, not errors
            assertThat(io.get("warnings").toString()).contains("[\"weights\",\"pytorch_state_dict\",\"architecture\"]");
            assertThat(summary.get("status").asString()).isEqualTo("passed");
            assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
            assertThat(details(summary, "reproduce"))
                    .filteredOn(d -> d.get("status").asString().equals("passed"))
                    .isNotEmpty();
        }
    }

    @Test
    void anAlteredTestOutputFailsWithExitCode1() throws IOException {
        Path copy = copyOf(Conformance.model("unet2d_nuclei_broad"));
        Tensor t = Npy.read(copy.resolve("test_output.npy"));
        float[] data = t.toFloatArray();
        for (int i = 0; i < 1000; i++) {
            data[i] += 0.25f;
        }
        Npy.write(Tensor.of(data, t.shape(), t.axes()), copy.resolve("test_output.npy"));
        CliRun run = CliRun.of("test", "--json", "--offline", "--weight-format", "torchscript", copy.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILED);
        JsonNode summary = JSON.readTree(run.out());
        assertThat(summary.get("status").asString()).isEqualTo("failed");
        JsonNode io = details(summary, "io").get(0);
        assertThat(io.get("status").asString()).isEqualTo("failed");
        assertThat(io.get("errors").get(0).get("loc").toString())
                .isEqualTo("[\"outputs\",0,\"test_tensor\",\"sha256\"]");
        // integrity first (issue 16): a test tensor that failed its sha256 is never used, so nothing is reproduced
        JsonNode skipped = details(summary, "reproduce").get(0);
        assertThat(skipped.get("status").asString()).isEqualTo("skipped");
        assertThat(skipped.toString()).contains("not run: outputs.0.test_tensor (sha256 mismatch for ");
        // with the description's sha256 updated to the altered file, the file is used and the outputs differ
        Path yaml = copy.resolve("bioimageio.yaml");
        Files.writeString(
                yaml,
                Files.readString(yaml)
                        .replace(
                                "39925fb38bc74530902e44bf8e43a8bd0a9e3675aab758d89f47dc66cb9818ed",
                                Sha256.of(copy.resolve("test_output.npy")).hex()));
        run = CliRun.of("test", "--json", "--offline", "--weight-format", "torchscript", copy.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILED);
        summary = JSON.readTree(run.out());
        assertThat(details(summary, "io").get(0).get("status").asString()).isEqualTo("passed");
        JsonNode reproduce = details(summary, "reproduce").get(0);
        assertThat(reproduce.get("weights_format").asString()).isEqualTo("torchscript");
        assertThat(reproduce.get("status").asString()).isEqualTo("failed");
        JsonNode dev = reproduce.get("deviations").get(0);
        assertThat(dev.get("output_id").asString()).isEqualTo("probability");
        assertThat(dev.get("mismatched").asLong()).isEqualTo(1000);
        assertThat(dev.get("max_absolute").asDouble()).isCloseTo(0.25, org.assertj.core.data.Offset.offset(1e-4));
        assertThat(dev.get("max_absolute_index").toString()).isNotEmpty();
        assertThat(reproduce.get("errors").get(0).get("msg").asString()).contains("1000 of 262144 elements mismatched");
    }

    @Test
    void stopEarlyLeavesOutTheChecksAfterTheFirstFailure() throws IOException {
        Path copy = copyOf(Conformance.model("unet2d_nuclei_broad"));
        Files.delete(copy.resolve("cover0.png"));
        CliRun run = CliRun.of("test", "--json", "--offline", "-x", copy.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILED);
        JsonNode summary = JSON.readTree(run.out());
        assertThat(summary.get("details").size()).isEqualTo(2);
        assertThat(details(summary, "io").get(0).get("status").asString()).isEqualTo("failed");
    }

    @Test
    void brokenYamlExitsWith1AndTheLocation() throws IOException {
        Path copy = copyOf(Conformance.model("unet2d_nuclei_broad"));
        Path yaml = copy.resolve("bioimageio.yaml");
        Files.writeString(yaml, Files.readString(yaml).replace("name: UNet 2D Nuclei Broad", "name: [oops"));
        CliRun run = CliRun.of("test", copy.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(run.out()).contains(": FAILED\n").containsPattern("error: .*bioimageio.yaml line \\d+, column \\d+");
    }

    @Test
    void aMissingSourceExitsWith2AndStillHasASummary() {
        CliRun run = CliRun.of("test", tmp.resolve("missing").toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.out()).startsWith("model test of " + tmp.resolve("missing") + ": FAILED\n");
        assertThat(run.err())
                .startsWith("error: cannot read ")
                .contains("missing")
                .doesNotContain("\tat ");
    }

    @Test
    void anUnknownWeightsFormatIsAUsageError() {
        CliRun run = CliRun.of("test", "--weight-format", "caffe", "x");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("--weight-format: unknown format 'caffe'", "torchscript");
    }

    @Test
    void summariesAreWrittenAsJsonAndMarkdown() throws IOException {
        String model = Conformance.model("unet2d_nuclei_broad").toString();
        Path json = tmp.resolve("reports/summary.json");
        CliRun run = CliRun.of("test", "--offline", "--weight-format", "onnx", "--summary", json.toString(), model);
        assertThat(run.out()).startsWith("model test of " + model + " (UNet 2D Nuclei Broad): ");
        JsonNode summary = JSON.readTree(json.toFile());
        assertThat(summary.get("details").size()).isEqualTo(4);
        assertThat(details(summary, "reproduce").get(0).get("weights_format").asString())
                .isEqualTo("onnx");
        Path md = tmp.resolve("summary.md");
        CliRun.of("test", "--offline", "--weight-format", "onnx", "--summary", md.toString(), model);
        assertThat(Files.readString(md)).contains("Model test: ", "| format | Format validation |");
        CliRun bad = CliRun.of("test", "--summary", tmp.resolve("s.txt").toString(), model);
        assertThat(bad.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(bad.err()).contains("expected a file ending in .json, .md or .html");
        Path html = tmp.resolve("summary.html");
        CliRun.of("test", "--offline", "--weight-format", "onnx", "--summary", html.toString(), model);
        assertThat(Files.readString(html))
                .startsWith("<!DOCTYPE html>")
                .contains("<title>Model test passed: UNet 2D Nuclei Broad</title>", "OnnxRuntime", "1.21.1")
                .doesNotContain("<script", "<link", "src=");
    }

    @Test
    void severalSourcesGiveOneJsonLineEachEvenWhenUnreadableAndTheWorstExitCode() {
        CliRun run = CliRun.of(
                "test",
                "--json",
                "--offline",
                "--weight-format",
                "onnx",
                Conformance.model("unet2d_nuclei_broad").toString(),
                tmp.resolve("missing").toString());
        assertThat(run.out().lines()).hasSize(2);
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void formatVersionLatestJudgesAConvertedDescriptionByTheZeroFiveRules() throws IOException {
        Path copy = copyOf(Conformance.model("unet2d_nuclei_broad"));
        Path v04 = copy.resolve("v0_4_9.bioimageio.yaml");
        Files.writeString(v04, Files.readString(v04).replace("covers: [cover0.png]", "covers: [cover0.bmp]"));
        Files.copy(copy.resolve("cover0.png"), copy.resolve("cover0.bmp"));
        CliRun latest = CliRun.of("test", "--json", "--offline", "--format-version", "latest", v04.toString());
        assertThat(latest.exitCode()).isEqualTo(ExitCodes.FAILED);
        JsonNode format = details(JSON.readTree(latest.out()), "format").get(0);
        assertThat(format.get("status").asString()).isEqualTo("failed");
        assertThat(format.get("errors").get(0).get("msg").asString()).startsWith("after conversion to format 0.5: ");
        CliRun discover =
                CliRun.of("test", "--json", "--offline", "--weight-format", "onnx", "--devices", "cpu", v04.toString());
        JsonNode summary = JSON.readTree(discover.out());
        assertThat(details(summary, "format").get(0).get("status").asString()).isEqualTo("passed");
        assertThat(summary.get("env").toString()).contains("{\"name\":\"device\",\"version\":\"cpu()\"");
    }

    @Test
    void unknownFormatVersionsAndDevicesAreUsageErrors() {
        CliRun version = CliRun.of("test", "--format-version", "0.3", "x");
        assertThat(version.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(version.err()).contains("--format-version: expected discover or latest, found '0.3'");
        CliRun device = CliRun.of("test", "--devices", "tpu", "x");
        assertThat(device.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(device.err()).contains("--devices: expected cpu, cuda or gpu, found 'tpu'");
    }

    @Test
    void determinismFullIsRecordedWithTheOnnxSessionSettingsAndAWrongModeIsAUsageError() {
        CliRun run = CliRun.of(
                "test",
                "--json",
                "--offline",
                "--weight-format",
                "onnx",
                "--determinism",
                "full",
                Conformance.model("unet2d_nuclei_broad").toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
        JsonNode determinism = null;
        for (JsonNode e : JSON.readTree(run.out()).get("env")) {
            if (e.get("name").asString().equals("determinism")) {
                determinism = e;
            }
        }
        assertThat(determinism).isNotNull();
        assertThat(determinism.get("version").asString()).isEqualTo("full");
        assertThat(determinism.get("build").asString())
                .contains("seed 0")
                .contains("OnnxRuntime sessions 1 intra-op and 1 inter-op thread, sequential");

        CliRun wrong = CliRun.of("test", "--determinism", "fully", "x");
        assertThat(wrong.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(wrong.err())
                .contains("Invalid value for option '--determinism': expected seed_only or full, found 'fully'");
    }

    private Path copyOf(Path dir) throws IOException {
        Path copy = tmp.resolve("copy");
        Files.createDirectories(copy);
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Files.copy(f, copy.resolve(f.getFileName()));
            }
        }
        return copy;
    }
}
