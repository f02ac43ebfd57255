package eu.riscale.modelhub.cli;

import static org.assertj.core.api.Assertions.assertThat;

import eu.riscale.modelhub.core.description.Descriptions;
import eu.riscale.modelhub.spec.Conformance;
import eu.riscale.modelhub.spec.ModelDescr;
import eu.riscale.modelhub.spec.common.FileDescr;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UpdateFormatCommandTest {
    @TempDir
    Path tmp;

    @Test
    void convertsA04DescriptionToTheLatestFormatOnStdout() throws Exception {
        Path v04 = Conformance.model("unet2d_nuclei_broad").resolve("v0_4_9.bioimageio.yaml");
        CliRun run = CliRun.of("update-format", v04.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
        ModelDescr model = Descriptions.parse(run.out());
        assertThat(model.formatVersion()).isEqualTo("0.5.14");
        // from 0.5.11 covers and documentation are file descriptors (the 0.4.9 file gives plain paths)
        assertThat(model.covers()).containsExactly(FileDescr.of("cover0.png"));
        assertThat(model.documentation()).isEqualTo(FileDescr.of("README.md"));
        assertThat(run.out())
                .contains("covers:\n  - source: cover0.png\n")
                .contains("documentation:\n  source: README.md\n");
        assertThat(model.inputs().get(0).id()).isEqualTo("raw");
        assertThat(model.weights().torchscript()).isNotNull();
    }

    @Test
    void a0513DescriptionIsReadAs0513AndWrittenAs0514() throws Exception {
        // issue 14: 0.5.x files keep their declared version through the conversion step, so that their version
        // gates apply (channel_colors is legal in 0.5.13 only, and update-format drops it)
        String yaml;
        try (var in = UpdateFormatCommandTest.class.getResourceAsStream(
                "/descriptions/format-0.5.14/stardist-keras3.bioimageio.yaml")) {
            yaml = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        String v0513 = yaml.replace("format_version: 0.5.14", "format_version: 0.5.13")
                .replace(
                        "          - DAPI (nuclei)\n",
                        "          - DAPI (nuclei)\n        channel_colors:\n          - blue\n");
        assertThat(v0513).contains("channel_colors");
        Path file = tmp.resolve("rdf.yaml");
        Files.writeString(file, v0513);
        CliRun run = CliRun.of("update-format", file.toString());
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
        assertThat(run.err()).doesNotContain("0.5.7");
        ModelDescr model = Descriptions.parse(run.out());
        assertThat(model.formatVersion()).isEqualTo("0.5.14");
        assertThat(run.out()).doesNotContain("channel_colors").contains("channel_names");
    }

    @Test
    void writesToOutAtomically() throws Exception {
        Path out = tmp.resolve("converted/rdf.yaml");
        CliRun run = CliRun.of(
                "update-format",
                "-o",
                out.toString(),
                Conformance.model("unet2d_nuclei_broad").toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).isEmpty();
        assertThat(Descriptions.read(out).formatVersion()).isEqualTo("0.5.14");
        assertThat(run.err()).contains("(format 0.5.14)");
        try (var files = Files.list(out.getParent())) {
            assertThat(files).containsExactly(out);
        }
    }

    @Test
    void anInvalidDescriptionExitsWith1AndWritesNothing() {
        Path bad = Conformance.model("unet2d_nuclei_broad")
                .resolve("invalid_v0_4_0_duplicate_tensor_names.bioimageio.yaml");
        Path out = tmp.resolve("out.yaml");
        CliRun run = CliRun.of("update-format", "-o", out.toString(), bad.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(run.err()).contains("invalid, not converted");
        assertThat(out).doesNotExist();
    }

    @Test
    void aMissingSourceExitsWith2() {
        CliRun run = CliRun.of("update-format", tmp.resolve("none.yaml").toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).startsWith("error: cannot read ");
    }
}
