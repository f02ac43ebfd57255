package eu.riscale.modelhub.core.authoring;

import static org.assertj.core.api.Assertions.assertThat;

import eu.riscale.modelhub.core.description.Descriptions;
import eu.riscale.modelhub.spec.Conformance;
import eu.riscale.modelhub.spec.ModelDescr;
import eu.riscale.modelhub.spec.op.BinarizeDescr;
import eu.riscale.modelhub.spec.op.BinarizeKwargs;
import eu.riscale.modelhub.spec.op.ClipDescr;
import eu.riscale.modelhub.spec.op.ClipKwargs;
import eu.riscale.modelhub.spec.op.ScaleLinearDescr;
import eu.riscale.modelhub.spec.op.ScaleLinearKwargs;
import eu.riscale.modelhub.spec.op.ScaleRangeDescr;
import eu.riscale.modelhub.spec.op.ScaleRangeKwargs;
import eu.riscale.modelhub.spec.op.SoftmaxDescr;
import eu.riscale.modelhub.spec.op.SoftmaxKwargs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ModelCardTest {
    private static ModelDescr conformance(String name) throws Exception {
        return Descriptions.read(Conformance.model(name).resolve("bioimageio.yaml"));
    }

    /** Keeps the generated cards under target/ to read them. */
    private static void keep(String name, String card) throws Exception {
        Path out = Conformance.buildRoot().resolve("modelhub-core/target/authoring-cards/" + name + ".md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, card);
    }

    @ParameterizedTest
    @ValueSource(strings = {"unet2d_nuclei_broad", "unet2d_multi_tensor"})
    void everySectionIsThereInOrder(String name) throws Exception {
        String card = ModelCard.generate(conformance(name));
        keep(name, card);
        assertThat(ModelCard.missingSections(card)).isEmpty();
        List<Integer> positions = new ArrayList<>();
        for (CardSection s : CardSection.values()) {
            positions.add(card.indexOf("\n" + s.heading() + "\n"));
        }
        assertThat(positions).doesNotContain(-1).isSorted();
        assertThat(card).startsWith("# " + conformance(name).name() + "\n").endsWith("\n");
        // the format's documentation check (model/v0_5.py): a heading mentioning validation
        assertThat(Pattern.compile("#.*[vV]alidation").matcher(card).find()).isTrue();
    }

    @Test
    void theNucleiCardSaysWhatTheDescriptionKnows() throws Exception {
        String card = ModelCard.generate(conformance("unet2d_nuclei_broad"));
        assertThat(card)
                .contains("A 2d U-Net trained on the nuclei broad dataset.")
                .contains("- **License:** MIT")
                .contains("- **Developed by:** Constantin Pape;@bioimage-io, Fynn Beuttenmueller")
                .contains("  - `y` (space): size 512")
                .contains("  - `channel` (channel): 1 channel: `raw_intensity`")
                .contains("  - `x` (space): size of `raw.x`, halo 32")
                .contains("- Data: float32, values in [0, 1]")
                .contains("- Test input: `test_input.npy`")
                .contains("  2. normalize to zero mean and unit variance, (x − mean) / (std + 1e-6), over axes `x`, `y`"
                        + " (`zero_mean_unit_variance`)")
                .contains("  1. apply the sigmoid 1 / (1 + e^−x) (`sigmoid`)")
                .contains("- `torchscript`: `weights.pt`, PyTorch 2.5.1, converted from `pytorch_state_dict`")
                .contains("- `onnx`: `weights.onnx`, ONNX opset 20")
                .contains("Dataset `ilastik/covid_if_training_data/1`.")
                .contains("run in deepImageJ, ilastik, QuPath")
                .contains("modelhub predict bioimageio.yaml --input raw=raw.tif --output-dir predictions/\n")
                .contains("https://doi.org/10.1007/978-3-319-24574-4_28")
                .contains("- Constantin Pape, GitHub @constantinpape (maintainer)");
        // unknown to the description: training procedure, evaluations, ethics, environment, out-of-scope use, and
        // the architecture/modality/task line
        assertThat(ModelCard.placeholders(card)).isEqualTo(6);
    }

    @Test
    void configFieldsFillTheirSectionsAndLeaveNoPlaceholders() throws Exception {
        String card = ModelCard.generate(AuthoringModels.nuclei(true));
        keep("authored", card);
        assertThat(ModelCard.placeholders(card)).isZero();
        assertThat(card)
                .contains("- **Architecture:** 2D U-Net with four levels")
                .contains("- **Imaging modality:** fluorescence microscopy")
                .contains("- **Epochs:** 100")
                .contains("- **Initial learning rate:** 0.0001")
                .contains("- **Loss function:** dice")
                .contains("### Evaluation 1: dataset `dsb2018-test` (test)")
                .contains("| Metric | all (all test images) |")
                .contains("| IoU (intersection over union) | 0.83 |")
                .contains("- **Known biases:** Trained on cultured cells only.")
                .contains("- **Hours used:** 3.5")
                .contains("Not for histology or electron microscopy images.");
    }

    @Test
    void missingSectionsAndPlaceholdersOfAHandWrittenReadme() throws Exception {
        String readme =
                Files.readString(Conformance.model("unet2d_nuclei_broad").resolve("README.md"));
        assertThat(ModelCard.missingSections(readme)).containsExactly(CardSection.values());
        String partial = "# Model\n\n### Training details (short)\ntext\n## VALIDATION and evaluation\n"
                + "> TO COMPLETE: x\n> TO COMPLETE: y\n";
        assertThat(ModelCard.missingSections(partial))
                .doesNotContain(CardSection.TRAINING_DETAILS, CardSection.VALIDATION)
                .contains(CardSection.MODEL_DESCRIPTION);
        assertThat(ModelCard.placeholders(partial)).isEqualTo(2);
    }

    @Test
    void processingStepsInWords() {
        assertThat(ModelFacts.step(new ScaleRangeDescr(new ScaleRangeKwargs(List.of("x", "y"), 1, 99.8, 1e-6, null))))
                .isEqualTo("scale so that the 1th percentile becomes 0 and the 99.8th percentile becomes 1, over axes"
                        + " `x`, `y`");
        assertThat(ModelFacts.step(new ClipDescr(new ClipKwargs(0.0, null, null, 99.0, null))))
                .isEqualTo("clip values to [0, the 99th percentile]");
        assertThat(ModelFacts.step(new BinarizeDescr(new BinarizeKwargs.Scalar(0.5))))
                .isEqualTo("binarize: values above 0.5 become 1, others 0");
        assertThat(ModelFacts.step(new ScaleLinearDescr(new ScaleLinearKwargs.Scalar(2, -0.25))))
                .isEqualTo("scale linearly, x · 2 + -0.25");
        assertThat(ModelFacts.step(new SoftmaxDescr(new SoftmaxKwargs("channel"))))
                .isEqualTo("apply softmax along `channel`");
    }
}
