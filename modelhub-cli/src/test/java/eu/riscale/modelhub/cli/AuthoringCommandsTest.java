package eu.riscale.modelhub.cli;

import static org.assertj.core.api.Assertions.assertThat;

import eu.riscale.modelhub.core.description.Descriptions;
import eu.riscale.modelhub.spec.ModelDescr;
import eu.riscale.modelhub.spec.common.License;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code modelhub card}, {@code modelhub covers} and {@code modelhub review} through the real parser. */
class AuthoringCommandsTest {
    @TempDir
    Path tmp;

    @TempDir
    Path cache;

    private CliRun run(String... args) {
        String[] all = Stream.concat(Stream.of(args), Stream.of("--offline", "--cache-dir", cache.toString()))
                .toArray(String[]::new);
        return CliRun.of(all);
    }

    private static String nuclei() {
        return PackagingCommandsTest.model("unet2d_nuclei_broad").toString();
    }

    @Test
    void cardGoesToStdoutWithEverySection() {
        CliRun run = run("card", nuclei());
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
        assertThat(run.out())
                .startsWith("# UNet 2D Nuclei Broad\n")
                .contains(
                        "## Model description",
                        "## Inputs and outputs",
                        "## Weights",
                        "## Training details",
                        "## Validation and evaluation",
                        "## Ethical considerations",
                        "## Environmental impact",
                        "## Usage guidelines",
                        "## Citation",
                        "## Contact");
    }

    @Test
    void cardWritesAFile() throws Exception {
        Path readme = tmp.resolve("docs/README.md");
        CliRun run = run("card", nuclei(), "-o", readme.toString());
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).isEmpty();
        assertThat(Files.readString(readme)).startsWith("# UNet 2D Nuclei Broad\n");
        assertThat(run.err())
                .contains("wrote " + readme + " (6 paragraphs marked 'TO COMPLETE:'); set documentation: README.md");
        Files.writeString(readme, "# hand-written\n");
        CliRun again = run("card", nuclei(), "-o", readme.toString());
        assertThat(again.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(again.err()).isEqualTo("error: " + readme + " exists; use --force to overwrite it\n");
        assertThat(Files.readString(readme)).isEqualTo("# hand-written\n");
        CliRun forced = run("card", nuclei(), "-o", readme.toString(), "--force");
        assertThat(forced.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(Files.readString(readme)).startsWith("# UNet 2D Nuclei Broad\n");
    }

    @Test
    void coversWritesA2To1Png() throws Exception {
        CliRun run = run("covers", nuclei(), "-o", tmp.toString());
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
        Path cover = tmp.resolve("cover.png");
        assertThat(run.out().strip()).isEqualTo(cover.toString());
        var image = ImageIO.read(cover.toFile());
        assertThat(image.getWidth()).isEqualTo(800);
        assertThat(image.getHeight()).isEqualTo(400);

        CliRun small = run(
                "covers",
                nuclei(),
                "-o",
                tmp.resolve("small").toString(),
                "--width",
                "200",
                "--layout",
                "side-by-side");
        assertThat(small.exitCode()).as(small.err()).isEqualTo(ExitCodes.OK);
        assertThat(ImageIO.read(tmp.resolve("small/cover.png").toFile()).getHeight())
                .isEqualTo(100);
        CliRun exists = run("covers", nuclei(), "-o", tmp.toString());
        assertThat(exists.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(exists.err()).isEqualTo("error: " + cover + " exists; use --force to overwrite it\n");
        CliRun forced = run("covers", nuclei(), "-o", tmp.toString(), "--force", "--width", "400");
        assertThat(forced.exitCode()).as(forced.err()).isEqualTo(ExitCodes.OK);
        assertThat(ImageIO.read(cover.toFile()).getWidth()).isEqualTo(400);
    }

    @Test
    void coversExplainsBadOptionsAndMissingTestTensors() throws Exception {
        CliRun layout = run("covers", nuclei(), "-o", tmp.toString(), "--layout", "spiral");
        assertThat(layout.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(layout.err())
                .isEqualTo("error: --layout: found 'spiral', expected auto, diagonal or side-by-side\n");
        CliRun width = run("covers", nuclei(), "-o", tmp.toString(), "--width", "7");
        assertThat(width.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(width.err()).isEqualTo("error: width: found 7, expected an even number from 64 to 4096\n");

        ModelDescr model = Descriptions.read(Path.of(nuclei()).resolve("bioimageio.yaml"));
        ModelDescr noTest = model.toBuilder()
                .inputs(model.inputs().get(0).toBuilder().testTensor(null).build())
                .build();
        Path rdf = tmp.resolve("rdf.yaml");
        Files.writeString(rdf, Descriptions.toYaml(noTest));
        CliRun missing = run("covers", rdf.toString(), "-o", tmp.toString());
        assertThat(missing.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(missing.err())
                .isEqualTo("error: inputs[0].test_tensor: missing; covers are rendered from the test tensors\n");
    }

    @Test
    void reviewListsFindingsBlockersFirst() {
        CliRun run = run("review", nuclei());
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.FAILED);
        assertThat(run.out())
                .startsWith(nuclei() + ": not ready, 1 blocker, ")
                .contains("findings\n  blocker weights.pytorch_state_dict.architecture: file \"unet2d.py\" is"
                        + " not in the package (")
                .contains("  improvement tags: no tag of the category \"dims\"\n"
                        + "    -> add \"2d\" (derived from the axes of the first input)\n")
                .contains("  suggested tags: 2d, nuclei, pytorch, onnx, deepimagej, ilastik, qupath, unet,"
                        + " semantic-segmentation\n");
    }

    @Test
    void reviewJsonAndBlockers() throws Exception {
        ModelDescr model = Descriptions.read(Path.of(nuclei()).resolve("bioimageio.yaml"));
        Path rdf = tmp.resolve("rdf.yaml");
        Files.writeString(
                rdf,
                Descriptions.toYaml(
                        model.toBuilder().license((License) null).covers().build()));
        CliRun run = run("review", "--json", rdf.toString());
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.FAILED);
        JsonNode json = JsonMapper.builder().build().readTree(run.out());
        assertThat(json.get("ready").asBoolean()).isFalse();
        assertThat(json.get("findings").get(0).get("level").asString()).isEqualTo("blocker");
        assertThat(json.get("findings").findValuesAsString("loc"))
                .contains("license", "covers", "inputs.0.test_tensor");
        assertThat(json.get("suggested_tags").size()).isEqualTo(9);
    }

    @Test
    void cardCoversAndReviewConvertAFormat04DescriptionAndSaySo() throws Exception {
        Path rdf = SmallV04Model.write(tmp.resolve("v04"));
        String note = "note: converted " + rdf + " from format 0.4.10 to 0.5";
        CliRun card = run("card", rdf.toString());
        assertThat(card.exitCode()).as(card.err()).isEqualTo(ExitCodes.OK);
        // the 0.5 name pattern has no dots; the conversion replaces them, as the reference does
        assertThat(card.out()).startsWith("# nuclei example as format 0 4\n");
        assertThat(card.err()).startsWith(note);
        CliRun covers =
                run("covers", rdf.toString(), "-o", tmp.resolve("covers").toString());
        assertThat(covers.exitCode()).as(covers.err()).isEqualTo(ExitCodes.OK);
        assertThat(tmp.resolve("covers/cover.png")).isRegularFile();
        assertThat(covers.err()).startsWith(note);
        CliRun review = run("review", rdf.toString());
        assertThat(review.err()).startsWith(note);
        assertThat(review.out()).contains("suggested tags: ");
    }

    @Test
    void unreadableSourceIsAUsageError() {
        CliRun run = run("review", tmp.resolve("nothing.yaml").toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).startsWith("error: ");
    }
}
