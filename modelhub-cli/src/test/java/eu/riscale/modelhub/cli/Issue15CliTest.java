package eu.riscale.modelhub.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Regression tests for the attack probe of issue 15 and the integrity rule of issue 16, through the real command line:
 * each asserts the exit code, the message, and that nothing was written outside the target.
 */
class Issue15CliTest {
    private static Path nuclei;

    @BeforeAll
    static void locate() {
        String root = System.getProperty("modelhub.root", "");
        nuclei = Path.of(root)
                .resolve("../shared/conformance/models/unet2d_nuclei_broad")
                .normalize();
        assumeTrue(Files.isDirectory(nuclei), () -> "conformance material not found at " + nuclei);
    }

    /** Copies the nuclei package (the files its bioimageio.yaml needs) into a writable folder. */
    private static Path copy(Path target, String yamlFrom, String yamlTo) throws IOException {
        Files.createDirectories(target);
        for (String name : new String[] {
            "README.md",
            "cover0.png",
            "environment.yaml",
            "test_input.npy",
            "test_input.png",
            "test_output.npy",
            "test_output.png",
            "weights.onnx",
            "weights.pt"
        }) {
            Files.copy(nuclei.resolve(name), target.resolve(name));
        }
        String yaml = Files.readString(nuclei.resolve("bioimageio.yaml"));
        Files.writeString(target.resolve("bioimageio.yaml"), yaml.replace(yamlFrom, yamlTo));
        return target;
    }

    private static long filesUnder(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).count();
        }
    }

    // item 1

    @Test
    void predictRefusesAnOutputIdThatLeavesTheOutputFolder(@TempDir Path tmp) throws Exception {
        for (String id : new String[] {"../../escaped", tmp.resolve("absolute").toString()}) {
            Path pkg = copy(tmp.resolve("pkg" + id.length()), "id: probability", "id: '" + id + "'");
            Path out = tmp.resolve("a").resolve("b").resolve("out");
            CliRun run = CliRun.of(
                    "predict",
                    pkg.toString(),
                    "--input",
                    "raw=" + pkg.resolve("test_input.npy"),
                    "--output-dir",
                    out.toString());
            assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.FAILED);
            assertThat(run.err())
                    .contains("error: file reference '" + id + ".npy' (from output id '" + id
                            + "') cannot be a file name in " + out)
                    .doesNotContain("running ");
            assertThat(run.out()).isEmpty();
            assertThat(tmp.resolve("a").resolve("escaped.npy")).doesNotExist();
            assertThat(tmp.resolve("absolute.npy")).doesNotExist();
            assertThat(out).doesNotExist();
        }
    }

    // issue 16: integrity before use

    @Test
    void aTamperedWeightsFileFailsTheTestSkipsItsFormatAndIsRefusedByPredict(@TempDir Path tmp) throws Exception {
        Path pkg = copy(tmp.resolve("pkg"), "\u0000", "");
        byte[] pt = Files.readAllBytes(pkg.resolve("weights.pt"));
        pt[pt.length / 2] ^= 1;
        Files.write(pkg.resolve("weights.pt"), pt);
        CliRun test = CliRun.of("test", "--json", "--offline", pkg.toString());
        assertThat(test.exitCode()).as(test.err()).isEqualTo(ExitCodes.FAILED);
        assertThat(test.out())
                .contains("sha256 mismatch for " + pkg.resolve("weights.pt"))
                .contains("\"loc\":[\"weights\",\"torchscript\",\"sha256\"]")
                .contains("not run: weights.torchscript (sha256 mismatch for ")
                .doesNotContain("Reproduce test outputs from test inputs (torchscript)\",\"status\":\"passed")
                .doesNotContain("Reproduce test outputs from test inputs (torchscript)\",\"status\":\"failed");
        assertThat(test.out()).containsPattern("Reproduce test outputs from test inputs \\(onnx\\)\"[^}]*\"passed\"");

        Path out = tmp.resolve("out");
        // the default order on a CPU starts with ONNX, whose file is intact: force the tampered format
        CliRun refused = CliRun.of(
                "predict",
                pkg.toString(),
                "--weight-format",
                "torchscript",
                "--input",
                "raw=" + pkg.resolve("test_input.npy"),
                "--output-dir",
                out.toString());
        assertThat(refused.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(refused.err())
                .contains("error: refusing to load the torchscript weights of model ")
                .contains("sha256 mismatch for " + pkg.resolve("weights.pt"))
                .contains("--no-verify-hashes");
        assertThat(out).doesNotExist();

        CliRun forced = CliRun.of(
                "predict",
                pkg.toString(),
                "--weight-format",
                "torchscript",
                "--input",
                "raw=" + pkg.resolve("test_input.npy"),
                "--output-dir",
                out.toString(),
                "--no-verify-hashes");
        assertThat(forced.exitCode()).as(forced.err()).isEqualTo(ExitCodes.OK);
        assertThat(forced.err()).startsWith("warning: --no-verify-hashes: the sha256 of the weights is not checked");
        assertThat(out.resolve("probability.npy")).exists();
    }

    // item 8: predict says when it falls back

    @Test
    void predictSaysWhenItFallsBackToTheNextWeightsFormat(@TempDir Path tmp) throws Exception {
        // ONNX comes first on a CPU: an unreadable ONNX file falls back to TorchScript, and says so
        Path pkg = copy(tmp.resolve("pkg"), "\u0000", "");
        Files.writeString(pkg.resolve("weights.onnx"), "not an ONNX file");
        Path out = tmp.resolve("out");
        CliRun run = CliRun.of(
                "predict",
                pkg.toString(),
                "--input",
                "raw=" + pkg.resolve("test_input.npy"),
                "--output-dir",
                out.toString(),
                "--no-verify-hashes");
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
        assertThat(run.err())
                .contains("note: not using onnx weights (cannot load weights.onnx with OnnxRuntime: ")
                .contains("; falling back to torchscript\n")
                .contains("running torchscript weights on PyTorch");
        assertThat(filesUnder(out)).isEqualTo(1);
    }

    // items 3, 8: descriptions

    @Test
    void validateReportsAnOversizedDescriptionWithoutReadingIt(@TempDir Path tmp) throws Exception {
        Path pkg = Files.createDirectories(tmp.resolve("pkg"));
        try (java.io.RandomAccessFile f =
                new java.io.RandomAccessFile(pkg.resolve("rdf.yaml").toFile(), "rw")) {
            f.setLength(3L << 30);
        }
        CliRun run = CliRun.of("validate", pkg.toString());
        assertThat(run.exitCode()).isNotEqualTo(ExitCodes.OK);
        assertThat(run.out() + run.err())
                .contains("description " + pkg.resolve("rdf.yaml") + " is " + (3L << 30)
                        + " bytes, more than the limit of 4194304 bytes for a description")
                .doesNotContain("OutOfMemoryError");
        CliRun smaller = CliRun.of("validate", "--max-description-size", "1G", pkg.toString());
        assertThat(smaller.out() + smaller.err()).contains("more than the limit of 1073741824 bytes");
    }

    @Test
    void aFloatBeyondTheDoubleRangeIsAProblemAtItsPath(@TempDir Path tmp) throws Exception {
        Path pkg = copy(tmp.resolve("pkg"), "        - 1.0\r\n", "        - 1e999999999\r\n");
        CliRun run = CliRun.of("validate", "--no-io", pkg.toString());
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.FAILED);
        assertThat(run.out() + run.err())
                .contains("outputs.0.data.range.1")
                .contains("Input should be a number within the range of a 64-bit float, found")
                .doesNotContain("JsonNodeException");
    }

    @Test
    void bytesThatAreNotUtf8AreReportedWithTheirPosition(@TempDir Path tmp) throws Exception {
        Path pkg = copy(tmp.resolve("pkg"), "\u0000", "");
        byte[] yaml = Files.readString(pkg.resolve("bioimageio.yaml"))
                .replaceFirst("name: ", "name: \u0001")
                .getBytes(StandardCharsets.UTF_8);
        int at = new String(yaml, StandardCharsets.ISO_8859_1).indexOf('\u0001');
        yaml[at] = (byte) 0xFF;
        Files.write(pkg.resolve("bioimageio.yaml"), yaml);
        String before = new String(yaml, 0, at, StandardCharsets.UTF_8);
        int line = (int) before.chars().filter(c -> c == '\n').count() + 1;
        int column = at - before.lastIndexOf('\n');
        CliRun run = CliRun.of("validate", "--no-io", pkg.toString());
        assertThat(run.exitCode()).isNotEqualTo(ExitCodes.OK);
        assertThat(run.out() + run.err())
                .contains("the description is not valid UTF-8: byte 0xFF at offset " + at)
                .contains("line " + line + ", column " + column);
    }

    // item 6: download limits on the command line

    @Test
    void downloadLimitsAreCommandLineOptions() {
        SourceOptions o = CommandLine.populateCommand(
                new SourceOptions(),
                "--connect-timeout",
                "5",
                "--read-timeout",
                "7",
                "--download-timeout",
                "600",
                "--min-download-rate",
                "2K",
                "--max-download-size",
                "512M",
                "--max-description-size",
                "1M");
        var s = o.settings();
        assertThat(s.connectTimeout()).hasSeconds(5);
        assertThat(s.readTimeout()).hasSeconds(7);
        assertThat(s.downloadTimeout()).hasSeconds(600);
        assertThat(s.minTransferRate()).isEqualTo(2048);
        assertThat(s.maxDownloadBytes()).isEqualTo(512L << 20);
        assertThat(s.maxDescriptionBytes()).isEqualTo(1L << 20);
        CliRun bad = CliRun.of("validate", "--max-download-size", "lots", "x");
        assertThat(bad.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(bad.err()).contains("expected a number of bytes such as 1500, 64K, 512M or 8G");
    }
}
