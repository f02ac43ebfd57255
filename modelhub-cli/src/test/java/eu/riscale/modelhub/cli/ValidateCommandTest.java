package eu.riscale.modelhub.cli;

import static org.assertj.core.api.Assertions.assertThat;

import eu.riscale.modelhub.spec.Conformance;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ValidateCommandTest {
    @TempDir
    Path tmp;

    private static String corpusFile(String name) {
        Path p = Conformance.corpus().resolve(name);
        assertThat(p).exists();
        return p.toString();
    }

    @Test
    void validCorpusFileExitsZeroWithOneLine() {
        String source = Conformance.model("unet2d_nuclei_broad")
                .resolve("bioimageio.yaml")
                .toString();
        CliRun run = CliRun.of("validate", "--no-io", source);
        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(ExitCodes.OK);
        assertThat(run.out().lines().findFirst().orElseThrow())
                .isEqualTo(source + ": valid (format 0.5.4, model), 0 errors, " + warnings(run.out()));
        assertThat(run.err()).isEmpty();
    }

    private static String warnings(String out) {
        long n = out.lines().filter(l -> l.startsWith("  ")).count();
        return n + (n == 1 ? " warning" : " warnings");
    }

    @Test
    void jsonGivesOneObjectPerSourceWithTheReferenceKeys() throws IOException {
        String valid = Conformance.model("unet2d_nuclei_broad")
                .resolve("bioimageio.yaml")
                .toString();
        Path invalid = tmp.resolve("rdf.yaml");
        Files.writeString(
                invalid, Files.readString(Path.of(valid)).replace("name: UNet 2D Nuclei Broad", "name: Bad/Name"));
        CliRun run = CliRun.of("validate", "--json", "--no-io", valid, invalid.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILED);
        var lines = run.out().lines().toList();
        assertThat(lines).hasSize(2);
        JsonMapper json = JsonMapper.builder().build();
        JsonNode first = json.readTree(lines.get(0));
        assertThat(first.get("source").stringValue()).isEqualTo(valid);
        assertThat(first.get("status").stringValue()).isEqualTo("valid");
        assertThat(first.get("format_version").stringValue()).isEqualTo("0.5.4");
        assertThat(first.get("type").stringValue()).isEqualTo("model");
        assertThat(first.get("errors").isEmpty()).isTrue();
        assertThat(first.get("warnings").isArray()).isTrue();
        JsonNode second = json.readTree(lines.get(1));
        assertThat(second.get("status").stringValue()).isEqualTo("invalid");
        assertThat(second.get("errors").get(0).get("loc").stringValue()).isEqualTo("name");
        assertThat(second.get("errors").get(0).get("msg").stringValue()).contains("Bad/Name");
    }

    @Test
    void manySourcesValidatedTogetherKeepTheirOrderAndTheirOwnVerdicts() throws IOException {
        List<String> sources;
        try (Stream<Path> files = Files.list(Conformance.corpus())) {
            sources = files.map(Path::toString)
                    .filter(f -> f.endsWith(".yaml"))
                    .sorted(Comparator.reverseOrder())
                    .limit(40)
                    .toList();
        }
        List<String> args = new ArrayList<>(List.of("validate", "--json", "--no-io"));
        args.addAll(sources);
        CliRun together = CliRun.of(args.toArray(String[]::new));
        List<String> lines = together.out().lines().toList();
        assertThat(lines).hasSize(sources.size());
        JsonMapper json = JsonMapper.builder().build();
        boolean anyInvalid = false;
        for (int i = 0; i < sources.size(); i++) {
            CliRun alone = CliRun.of("validate", "--json", "--no-io", sources.get(i));
            assertThat(json.readTree(lines.get(i)).get("source").stringValue()).isEqualTo(sources.get(i));
            assertThat(lines.get(i)).isEqualTo(alone.out().strip());
            anyInvalid |= alone.exitCode() != ExitCodes.OK;
        }
        assertThat(together.exitCode()).isEqualTo(anyInvalid ? ExitCodes.FAILED : ExitCodes.OK);
    }

    @Test
    void oldFormatCorpusFileIsConvertedAndValidated() {
        CliRun run = CliRun.of(
                "validate",
                "--no-io",
                corpusFile(
                        "bioimage-io_spec-bioimage-io__example_specs__models__unet2d_nuclei_broad__rdf_v0_4_9.yaml"));
        assertThat(run.exitCode()).as(run.out()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).contains(": valid (format 0.4.9, model)");
    }

    @Test
    void brokenYamlIsAnErrorWithItsLineAndExitOne() throws IOException {
        Path broken = tmp.resolve("broken.yaml");
        Files.writeString(broken, "format_version: 0.5.4\ntype: model\nname: [unclosed\n");
        CliRun run = CliRun.of("validate", broken.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(run.out()).startsWith(broken + ": error");
        assertThat(run.out()).containsPattern("error at <root>: .*\\(line \\d+, column \\d+\\)");
    }

    @Test
    void invalidFileListsEveryErrorWithItsPath() throws IOException {
        String text = Files.readString(Conformance.model("unet2d_nuclei_broad").resolve("bioimageio.yaml"));
        Path bad = tmp.resolve("bioimageio.yaml");
        Files.writeString(
                bad,
                text.replace("name: UNet 2D Nuclei Broad", "name: Bad/Name").replace("license: MIT", "license: NOPE"));
        CliRun run = CliRun.of("validate", "--no-io", bad.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(run.out())
                .contains(bad + ": invalid (format 0.5.4, model), 2 errors")
                .contains("  error at name: ")
                .contains("  error at license: ");
    }

    @Test
    void missingFileIsExitTwo() {
        Path missing = tmp.resolve("nope.yaml");
        CliRun run = CliRun.of("validate", "--json", missing.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.out()).contains("\"status\":\"error\"").contains("no such file");
    }

    @Test
    void noSourceIsUsageError() {
        CliRun run = CliRun.of("validate");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("SOURCE");
        assertThat(run.out()).isEmpty();
    }
}
