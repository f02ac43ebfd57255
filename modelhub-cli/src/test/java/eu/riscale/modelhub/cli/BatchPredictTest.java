package eu.riscale.modelhub.cli;

import static org.assertj.core.api.Assertions.assertThat;

import eu.riscale.modelhub.core.description.Descriptions;
import eu.riscale.modelhub.core.image.Images;
import eu.riscale.modelhub.core.inference.PredictionOptions;
import eu.riscale.modelhub.core.inference.PredictionPipeline;
import eu.riscale.modelhub.core.tensor.Npy;
import eu.riscale.modelhub.core.tensor.Tensor;
import eu.riscale.modelhub.spec.ModelDescr;
import eu.riscale.modelhub.spec.tensor.DType;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code modelhub predict} over many inputs with the project's example model (ONNX weights on the CPU). */
class BatchPredictTest {
    private static final Path EXAMPLE = SmallV04Model.example();

    /**
     * Writes small images with a fixed seed: most as float32 {@code .npy}, every fifth as a uint16 TIFF. The model's
     * input is 512 x 512, so each is padded to one block and the prediction is cropped back to the image's size.
     */
    private static List<Path> images(Path dir, int n) throws IOException {
        Files.createDirectories(dir);
        Random random = new Random(20);
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int h = 40 + random.nextInt(24);
            int w = 40 + random.nextInt(24);
            String name = String.format("img%02d", i);
            if (i % 5 == 4) {
                short[] data = new short[h * w];
                for (int k = 0; k < data.length; k++) {
                    data[k] = (short) random.nextInt(4000);
                }
                Path f = dir.resolve(name + ".tif");
                Images.write(Tensor.of(DType.UINT16, data, new int[] {h, w}, List.of("y", "x")), f);
                files.add(f);
            } else {
                float[] data = new float[h * w];
                for (int k = 0; k < data.length; k++) {
                    data[k] = random.nextFloat() * 1000;
                }
                Path f = dir.resolve(name + ".npy");
                Npy.write(Tensor.of(data, new int[] {h, w}, List.of("y", "x")), f);
                files.add(f);
            }
        }
        return files;
    }

    private static List<Path> outputs(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(f -> f.getFileName().toString().endsWith(".npy")
                            && !f.getFileName().toString().startsWith("."))
                    .sorted()
                    .toList();
        }
    }

    private static Process startPredict(Path in, Path out) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = List.of(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                "-Dai.djl.offline=true",
                "-XX:+UseSerialGC",
                Main.class.getName(),
                "predict",
                EXAMPLE.toString(),
                "--input",
                "raw=" + in,
                "--output-dir",
                out.toString(),
                "--progress",
                "none");
        return new ProcessBuilder(cmd)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(out.resolveSibling("killed-run.err").toFile())
                .start();
    }

    @Test
    void predictsAFolderOf50ResumingAfterAKillWithoutRecomputingAndEqualToOneByOne(@TempDir Path tmp) throws Exception {
        List<Path> inputs = images(tmp.resolve("in"), 50);
        Path out = tmp.resolve("out");
        Path written = out.resolve("probability");

        // a first run, killed (SIGKILL) once some outputs are there
        Process first = startPredict(tmp.resolve("in"), out);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
        while (outputs(written).size() < 8 && first.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        first.destroyForcibly();
        first.waitFor(30, TimeUnit.SECONDS);
        Map<Path, FileTime> done = new LinkedHashMap<>();
        for (Path f : outputs(written)) {
            done.put(f, Files.getLastModifiedTime(f));
        }
        assertThat(done.size())
                .as("outputs of the killed run; its stderr: %s", Files.readString(tmp.resolve("killed-run.err")))
                .isBetween(8, 49);

        // the rerun predicts only the rest
        CliRun rerun = CliRun.of(
                "predict",
                EXAMPLE.toString(),
                "--input",
                "raw=" + tmp.resolve("in"),
                "--output-dir",
                out.toString(),
                "--progress",
                "lines");
        assertThat(rerun.exitCode()).as(rerun.err()).isEqualTo(ExitCodes.OK);
        int rest = 50 - done.size();
        assertThat(rerun.out().lines()).as("one stdout line per output written").hasSize(rest);
        assertThat(rerun.err())
                .contains("predicting " + rest + " of 50 samples; skipping " + done.size()
                        + " whose outputs exist (--overwrite to redo them)")
                .contains("predicted " + rest + "/" + rest + " samples")
                .contains("done: " + rest + " written, 0 failed, " + done.size() + " skipped");
        for (Map.Entry<Path, FileTime> e : done.entrySet()) {
            assertThat(Files.getLastModifiedTime(e.getKey()))
                    .as("untouched: %s", e.getKey())
                    .isEqualTo(e.getValue());
        }
        assertThat(outputs(written)).hasSize(50);

        // every output equals the prediction of its image alone
        ModelDescr model = Descriptions.read(EXAMPLE.resolve("rdf.yaml"));
        try (PredictionPipeline p = PredictionPipeline.create(model, EXAMPLE, PredictionOptions.defaults())) {
            for (Path in : inputs) {
                String name = in.getFileName().toString();
                Tensor image = name.endsWith(".npy") ? Npy.read(in, List.of("y", "x")) : Images.read(in);
                float[] expected =
                        p.predict(Map.of("raw", image)).get("probability").toFloatArray();
                String stem = name.substring(0, name.lastIndexOf('.'));
                Tensor actual = Npy.read(written.resolve(stem + ".npy"));
                assertThat(actual.shape()).containsExactly(1, 1, image.size("y"), image.size("x"));
                float[] a = actual.toFloatArray();
                for (int i = 0; i < a.length; i++) {
                    assertThat(Math.abs(a[i] - expected[i]))
                            .as("%s[%d]", stem, i)
                            .isLessThanOrEqualTo(1e-6f);
                }
            }
        }
    }

    @Test
    void failedSamplesGetASummaryLineEachAndTheOthersAreWritten(@TempDir Path tmp) throws Exception {
        Path in = tmp.resolve("in");
        images(in, 1);
        Files.write(in.resolve("broken.tif"), new byte[] {'I', 'I', 42, 0, 1, 2, 3});
        Npy.write(Tensor.of(new float[8], new int[] {8}, List.of("x")), in.resolve("flat.npy"));
        Images.write(
                Tensor.of(DType.UINT16, new short[3 * 40 * 40], new int[] {3, 40, 40}, List.of("z", "y", "x")),
                in.resolve("stack.tif"));
        Path out = tmp.resolve("out");
        CliRun run = CliRun.of(
                "predict",
                EXAMPLE.toString(),
                "--input",
                "raw=" + in,
                "--output-dir",
                out.toString(),
                "--outputs",
                "{sample_id}_{output_id}.tif");
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.FAILED);
        assertThat(run.out()).startsWith("probability\t" + out.toAbsolutePath().resolve("img00_probability.tif"));
        assertThat(Images.read(out.resolve("img00_probability.tif")).dtype()).isEqualTo(DType.FLOAT32);
        assertThat(run.err())
                .contains("done: 1 written, 3 failed, 0 skipped")
                .contains("failed broken (read): " + in.resolve("broken.tif") + ": cannot read image: ")
                .contains("failed flat (read): " + in.resolve("flat.npy")
                        + ": found 1 dimensions (shape [8]), expected 4 for the axes of input 'raw'")
                .contains("failed stack (read): " + in.resolve("stack.tif") + ": 3 pages of a plain (not OME)"
                        + " multi-page TIFF, and no axis of input 'raw' [batch, channel, y, x] can take them; name the file's"
                        + " axes (for example zyx) or give an OME-TIFF; --input-axes names the file's axes\n");
        assertThat(run.err().lines().filter(l -> l.startsWith("failed "))).hasSize(3);
    }

    @Test
    void previewPairsGlobAndListInputsAndShowsWhatWouldBeSkipped(@TempDir Path tmp) throws Exception {
        Path in = tmp.resolve("in");
        images(in, 3);
        Path out = tmp.resolve("out");
        Files.createDirectories(out.resolve("probability"));
        Files.writeString(out.resolve("probability/img01.npy"), "done before");
        Files.writeString(tmp.resolve("list.txt"), "# two of them\nin/img00.npy\n\nin/img01.npy\n");
        CliRun glob = CliRun.of(
                "predict",
                EXAMPLE.toString(),
                "--inputs",
                in + File.separator + "img0[01].npy",
                "--output-dir",
                out.toString(),
                "--preview");
        CliRun list = CliRun.of(
                "predict",
                EXAMPLE.toString(),
                "--input",
                "raw=@" + tmp.resolve("list.txt"),
                "--output-dir",
                out.toString(),
                "--preview");
        Path o = out.toAbsolutePath();
        String expected = "img00\traw=" + in.resolve("img00.npy") + "\tprobability="
                + o.resolve("probability/img00.npy")
                + "\n" + "img01\traw=" + in.resolve("img01.npy") + "\tprobability=" + o.resolve("probability/img01.npy")
                + "\t(outputs exist: skipped)\n";
        assertThat(glob.exitCode()).as(glob.err()).isEqualTo(ExitCodes.OK);
        assertThat(glob.out()).isEqualTo(expected);
        assertThat(list.exitCode()).as(list.err()).isEqualTo(ExitCodes.OK);
        assertThat(list.out()).isEqualTo(expected);
    }

    @Test
    void outputPatternsAreCheckedBeforeAnythingRuns(@TempDir Path tmp) throws Exception {
        Path in = tmp.resolve("in");
        images(in, 2);
        Path out = tmp.resolve("out");
        CliRun escape = run(in, out, "../{sample_id}.npy");
        assertThat(escape.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(escape.err()).contains("does not stay inside the output folder " + out.toAbsolutePath());
        CliRun absolute = run(in, out, "/tmp/{sample_id}.npy");
        assertThat(absolute.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(absolute.err()).contains("--outputs: found absolute path /tmp/{sample_id}.npy");
        CliRun unknown = run(in, out, "{model_id}/{sample_id}.npy");
        assertThat(unknown.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(unknown.err()).contains("--outputs: unknown placeholder {model_id}");
        CliRun collide = run(in, out, "{output_id}.npy");
        assertThat(collide.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(collide.err()).contains("has no {sample_id}, so the outputs of the 2 samples would overwrite each");
        CliRun ending = run(in, out, "{sample_id}.zarr");
        assertThat(ending.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(ending.err()).contains("has no known ending; expected .npy, .tif, .tiff or .png");
        assertThat(out).doesNotExist();
    }

    private static CliRun run(Path in, Path out, String outputs) {
        return CliRun.of(
                "predict",
                EXAMPLE.toString(),
                "--input",
                "raw=" + in,
                "--output-dir",
                out.toString(),
                "--outputs",
                outputs);
    }

    @Test
    void inputsThatMatchNothingAreAUsageError(@TempDir Path tmp) {
        CliRun run = CliRun.of(
                "predict", EXAMPLE.toString(), "--input", "raw=" + tmp + "/*.tif", "--output-dir", tmp.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains(tmp + "/*.tif matches no file");
    }
}
