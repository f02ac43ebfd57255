package eu.riscale.modelhub.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import eu.riscale.modelhub.core.image.Images;
import eu.riscale.modelhub.core.tensor.Npy;
import eu.riscale.modelhub.core.tensor.Tensor;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PredictCommandTest {
    private static Path nuclei;

    @BeforeAll
    static void locate() {
        String root = System.getProperty("modelhub.root", "");
        nuclei = Path.of(root)
                .resolve("../shared/conformance/models/unet2d_nuclei_broad")
                .normalize();
        assumeTrue(Files.isDirectory(nuclei), () -> "conformance material not found at " + nuclei);
    }

    private static void assertCloseToTestOutput(Tensor actual) throws Exception {
        float[] expected = Npy.read(nuclei.resolve("test_output.npy")).toFloatArray();
        float[] a = actual.toFloatArray();
        assertThat(a).hasSameSizeAs(expected);
        for (int i = 0; i < a.length; i++) {
            assertThat(Math.abs(a[i] - expected[i])).isLessThanOrEqualTo(1e-3f);
        }
    }

    @Test
    void predictsNpyToNpy(@TempDir Path out) throws Exception {
        CliRun run = CliRun.of(
                "predict",
                nuclei.resolve("bioimageio.yaml").toString(),
                "--input",
                "raw=" + nuclei.resolve("test_input.npy"),
                "--output-dir",
                out.toString());
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
        assertThat(run.out())
                .startsWith("probability\t" + out.resolve("probability.npy") + "\tfloat32 [1, 1, 512, 512]");
        assertThat(run.err())
                .as("the CPU's default: the faster ONNX")
                .contains("running onnx weights on OnnxRuntime 1.21.1 cpu()");
        assertCloseToTestOutput(Npy.read(out.resolve("probability.npy")));
    }

    @Test
    void predictsPngToTifWithForcedTorchscript(@TempDir Path out) throws Exception {
        CliRun run = CliRun.of(
                "predict",
                nuclei.toString(),
                "--input",
                "raw=" + nuclei.resolve("test_input.png"),
                "--output-dir",
                out.toString(),
                "--output-format",
                "tif",
                "--weight-format",
                "torchscript");
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
        assertThat(run.err()).contains("running torchscript weights on PyTorch 2.7.1 cpu()");
        Tensor written = Images.read(out.resolve("probability.tif"));
        assertThat(written.shape()).containsExactly(512, 512);
        for (float v : written.toFloatArray()) {
            assertThat(v).isBetween(0f, 1f);
        }
    }

    @Test
    void predictsWithA04DescriptionConvertedTo05(@TempDir Path out) throws Exception {
        Path v04 = nuclei.resolve("v0_4_9.bioimageio.yaml");
        CliRun run = CliRun.of(
                "predict",
                v04.toString(),
                "--input",
                "raw=" + nuclei.resolve("test_input.npy"),
                "--output-dir",
                out.toString(),
                "--offline");
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
        assertThat(run.err()).startsWith("note: converted " + v04 + " from format 0.4.9 to 0.5.7\n");
        assertThat(run.out())
                .startsWith("probability\t" + out.resolve("probability.npy") + "\tfloat32 [1, 1, 512, 512]");
        assertCloseToTestOutput(Npy.read(out.resolve("probability.npy")));
    }

    @Test
    void predictsWithASmall04Description(@TempDir Path tmp) throws Exception {
        Path yaml = SmallV04Model.write(tmp.resolve("v04"));
        Path out = tmp.resolve("out");
        CliRun run = CliRun.of(
                "predict",
                yaml.toString(),
                "--input",
                "raw=" + yaml.resolveSibling("test_input.npy"),
                "--output-dir",
                out.toString(),
                "--offline");
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
        assertThat(run.err())
                .startsWith("note: converted " + yaml + " from format 0.4.10 to 0.5.7\n")
                .contains("running onnx weights on OnnxRuntime");
        float[] expected = Npy.read(yaml.resolveSibling("test_output.npy")).toFloatArray();
        float[] actual = Npy.read(out.resolve("probability.npy")).toFloatArray();
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < actual.length; i++) {
            assertThat(Math.abs(actual[i] - expected[i])).isLessThanOrEqualTo(1e-3f);
        }
    }

    @Test
    void unknownInputIsAnError(@TempDir Path out) {
        CliRun run = CliRun.of(
                "predict",
                nuclei.toString(),
                "--input",
                "image=" + nuclei.resolve("test_input.npy"),
                "--output-dir",
                out.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(run.err()).endsWith("error: unknown input 'image'; the model's inputs are [raw]\n");
    }

    @Test
    void weightsFormatWithoutEngineIsAnError(@TempDir Path out) {
        CliRun run = CliRun.of(
                "predict",
                nuclei.toString(),
                "--input",
                "raw=" + nuclei.resolve("test_input.npy"),
                "--output-dir",
                out.toString(),
                "--weight-format",
                "pytorch_state_dict");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(run.err())
                .contains("error: none of the weights of model 'UNet 2D Nuclei Broad' can run here")
                .contains("pytorch_state_dict: no Java engine runs this format");
    }

    @Test
    void blockOfAFixedAxisIsAnError(@TempDir Path out) {
        CliRun run = CliRun.of(
                "predict",
                nuclei.toString(),
                "--input",
                "raw=" + nuclei.resolve("test_input.npy"),
                "--output-dir",
                out.toString(),
                "--block",
                "y=256,x=256");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(run.err())
                .contains("error: block size of input 'raw' axis 'y': found 256, expected 512 (the axis has a fixed"
                        + " size)");
    }

    @Test
    void unknownWeightFormatIsAUsageError(@TempDir Path out) {
        CliRun run = CliRun.of(
                "predict",
                nuclei.toString(),
                "--input",
                "raw=x.npy",
                "--output-dir",
                out.toString(),
                "--weight-format",
                "caffe");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("--weight-format: found caffe, expected one of");
    }

    @Test
    void aBlockBatchBelowOneIsAUsageError(@TempDir Path out) {
        CliRun run = CliRun.of(
                "predict",
                nuclei.toString(),
                "--input",
                "raw=x.npy",
                "--output-dir",
                out.toString(),
                "--block-batch",
                "0");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("--block-batch: found 0, expected 1 or more");
    }

    @Test
    void aMissingInputFileIsAUsageError(@TempDir Path out) {
        CliRun run = CliRun.of(
                "predict",
                nuclei.toString(),
                "--input",
                "raw=" + out.resolve("absent.npy"),
                "--output-dir",
                out.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err())
                .contains("error: ")
                .contains(out.resolve("absent.npy").toString());
    }
}
