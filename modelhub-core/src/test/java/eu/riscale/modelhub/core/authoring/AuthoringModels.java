package eu.riscale.modelhub.core.authoring;

import eu.riscale.modelhub.spec.ModelDescr;
import eu.riscale.modelhub.spec.axis.BatchAxis;
import eu.riscale.modelhub.spec.axis.ChannelAxis;
import eu.riscale.modelhub.spec.axis.FixedSize;
import eu.riscale.modelhub.spec.axis.SizeReference;
import eu.riscale.modelhub.spec.axis.SpaceInputAxis;
import eu.riscale.modelhub.spec.axis.SpaceOutputAxisWithHalo;
import eu.riscale.modelhub.spec.common.Author;
import eu.riscale.modelhub.spec.common.CiteEntry;
import eu.riscale.modelhub.spec.common.FileDescr;
import eu.riscale.modelhub.spec.common.LinkedDataset;
import eu.riscale.modelhub.spec.common.Maintainer;
import eu.riscale.modelhub.spec.config.BiasRisksLimitations;
import eu.riscale.modelhub.spec.config.BioimageioConfig;
import eu.riscale.modelhub.spec.config.Config;
import eu.riscale.modelhub.spec.config.EnvironmentalImpact;
import eu.riscale.modelhub.spec.config.Evaluation;
import eu.riscale.modelhub.spec.config.TrainingDetails;
import eu.riscale.modelhub.spec.op.SigmoidDescr;
import eu.riscale.modelhub.spec.op.ZeroMeanUnitVarianceDescr;
import eu.riscale.modelhub.spec.op.ZeroMeanUnitVarianceKwargs;
import eu.riscale.modelhub.spec.tensor.InputTensorDescr;
import eu.riscale.modelhub.spec.tensor.IntervalOrRatioDataDescr;
import eu.riscale.modelhub.spec.tensor.OutputTensorDescr;
import eu.riscale.modelhub.spec.tensor.Range;
import eu.riscale.modelhub.spec.weights.OnnxWeightsDescr;
import eu.riscale.modelhub.spec.weights.TorchscriptWeightsDescr;
import eu.riscale.modelhub.spec.weights.WeightsDescr;
import java.util.List;

/**
 * A nuclei segmentation model written in code by an author, with the files of the conformance package
 * {@code unet2d_nuclei_broad} (weights, test tensors) under their own names.
 */
public final class AuthoringModels {
    private AuthoringModels() {}

    /**
     * Builds the description as an author would write it before documenting it: no covers, no documentation.
     *
     * @param withConfig whether to fill {@code config.bioimageio} (training, evaluation, bias, environmental impact)
     * @return the description
     */
    public static ModelDescr nuclei(boolean withConfig) {
        Config config = withConfig ? completeConfig() : Config.DEFAULT;
        return ModelDescr.build(m -> m.name("Nuclei segmentation in fluorescence microscopy (2D U-Net)")
                .description("Predicts the probability of each pixel to belong to a nucleus in 2D fluorescence"
                        + " microscopy images of cell cultures stained for DNA.")
                .authors(Author.builder()
                        .name("Ada Author")
                        .affiliation("Example Institute")
                        .githubUser("ada-author")
                        .build())
                .maintainers(Maintainer.builder()
                        .name("Ada Author")
                        .githubUser("ada-author")
                        .build())
                .cite(new CiteEntry(
                        "Ronneberger et al. U-Net: convolutional networks for biomedical image segmentation. MICCAI"
                                + " 2015.",
                        "10.1007/978-3-319-24574-4_28",
                        null))
                .license("MIT")
                .tags(
                        "2d",
                        "fluorescence-light-microscopy",
                        "nuclei",
                        "pytorch",
                        "onnx",
                        "deepimagej",
                        "unet",
                        "semantic-segmentation")
                .links("deepimagej/deepimagej", "ilastik/ilastik", "bioimageio/qupath")
                .inputs(InputTensorDescr.builder()
                        .id("raw")
                        .description("DNA stain, any intensity range")
                        .axes(
                                new BatchAxis("batch", "", 1),
                                ChannelAxis.of("dna"),
                                SpaceInputAxis.builder()
                                        .id("y")
                                        .size(FixedSize.of(512))
                                        .build(),
                                SpaceInputAxis.builder()
                                        .id("x")
                                        .size(FixedSize.of(512))
                                        .build())
                        .testTensor(FileDescr.of("test_input.npy"))
                        .preprocessing(
                                new ZeroMeanUnitVarianceDescr(new ZeroMeanUnitVarianceKwargs(List.of("x", "y"), 1e-6)))
                        .build())
                .outputs(OutputTensorDescr.builder()
                        .id("probability")
                        .description("probability of nucleus")
                        .axes(
                                BatchAxis.of(),
                                ChannelAxis.of("nucleus"),
                                SpaceOutputAxisWithHalo.builder()
                                        .halo(32)
                                        .size(SizeReference.of("raw", "y"))
                                        .id("y")
                                        .build(),
                                SpaceOutputAxisWithHalo.builder()
                                        .halo(32)
                                        .size(SizeReference.of("raw", "x"))
                                        .id("x")
                                        .build())
                        .testTensor(FileDescr.of("test_output.npy"))
                        .data(IntervalOrRatioDataDescr.builder()
                                .range(new Range(0.0, 1.0))
                                .build())
                        .postprocessing(new SigmoidDescr())
                        .build())
                .weights(WeightsDescr.builder()
                        .torchscript(TorchscriptWeightsDescr.builder()
                                .source("weights.pt")
                                .pytorchVersion("2.5.1")
                                .build())
                        .onnx(OnnxWeightsDescr.builder()
                                .source("weights.onnx")
                                .opsetVersion(20)
                                .build())
                        .build())
                .trainingData(new LinkedDataset(null, "ilastik/stardist_dsb_training_data"))
                .config(config));
    }

    /** {@return a {@code config} with every model-card field of {@code config.bioimageio} filled} */
    public static Config completeConfig() {
        return Config.builder()
                .bioimageio(BioimageioConfig.builder()
                        .architectureDescription("2D U-Net with four levels")
                        .modality("fluorescence microscopy")
                        .task("semantic segmentation")
                        .outOfScopeUse("Not for histology or electron microscopy images.")
                        .training(TrainingDetails.builder()
                                .trainingEpochs(100.0)
                                .trainingBatchSize(8.0)
                                .initialLearningRate(1e-4)
                                .lossFunction("dice")
                                .optimizer("Adam")
                                .build())
                        .evaluations(Evaluation.builder()
                                .datasetId("dsb2018-test")
                                .datasetSource("https://example.com/dsb2018")
                                .datasetRole("test")
                                .sampleCount(50)
                                .evaluationFactors("all")
                                .evaluationFactorsLong("all test images")
                                .metrics("IoU")
                                .metricsLong("intersection over union")
                                .results(List.of(List.of(0.83)))
                                .build())
                        .biasRisksLimitations(BiasRisksLimitations.builder()
                                .knownBiases("Trained on cultured cells only.")
                                .limitations("Touching nuclei are not separated.")
                                .build())
                        .environmentalImpact(EnvironmentalImpact.builder()
                                .hardwareType("1 NVIDIA A100")
                                .hoursUsed(3.5)
                                .build())
                        .build())
                .build();
    }
}
