package eu.riscale.modelhub.core.description;

import static org.assertj.core.api.Assertions.assertThat;

import eu.riscale.modelhub.spec.Conformance;
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
import eu.riscale.modelhub.spec.op.EnsureDtypeDescr;
import eu.riscale.modelhub.spec.op.EnsureDtypeKwargs;
import eu.riscale.modelhub.spec.op.SigmoidDescr;
import eu.riscale.modelhub.spec.op.ZeroMeanUnitVarianceDescr;
import eu.riscale.modelhub.spec.op.ZeroMeanUnitVarianceKwargs;
import eu.riscale.modelhub.spec.tensor.DType;
import eu.riscale.modelhub.spec.tensor.InputTensorDescr;
import eu.riscale.modelhub.spec.tensor.IntervalOrRatioDataDescr;
import eu.riscale.modelhub.spec.tensor.OutputTensorDescr;
import eu.riscale.modelhub.spec.tensor.Range;
import eu.riscale.modelhub.spec.weights.ArchitectureFromFileDescr;
import eu.riscale.modelhub.spec.weights.OnnxWeightsDescr;
import eu.riscale.modelhub.spec.weights.PytorchStateDictWeightsDescr;
import eu.riscale.modelhub.spec.weights.TorchscriptWeightsDescr;
import eu.riscale.modelhub.spec.weights.WeightsDescr;
import eu.riscale.modelhub.spec.weights.WeightsFormat;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The whole unet2d_nuclei_broad description written in Java equals the one loaded from its YAML. */
class NucleiBuilderTest {
    static final Author PAPE = Author.builder()
            .affiliation("EMBL Heidelberg")
            .orcid("0000-0001-6562-7187")
            .name("Constantin Pape;@bioimage-io")
            .build();

    static ModelDescr nucleiInCode() {
        EnsureDtypeDescr toFloat32 = new EnsureDtypeDescr(new EnsureDtypeKwargs(DType.FLOAT32));
        return ModelDescr.build(m -> m.name("UNet 2D Nuclei Broad")
                .description("A 2d U-Net trained on the nuclei broad dataset.")
                .covers("cover0.png")
                .authors(
                        PAPE,
                        Author.builder()
                                .affiliation("EMBL Heidelberg")
                                .orcid("0000-0002-8567-6389")
                                .name("Fynn Beuttenmueller")
                                .build())
                .cite(
                        new CiteEntry(
                                "Ronneberger, Olaf et al. U-net: Convolutional networks for biomedical image"
                                        + " segmentation. MICCAI 2015.",
                                "10.1007/978-3-319-24574-4_28",
                                null),
                        new CiteEntry("2018 Data Science Bowl", null, "https://example.com/"))
                .license("MIT")
                .gitRepo("https://github.com/bioimage-io/spec-bioimage-io/tree/main/example_descriptions/models/"
                        + "unet2d_nuclei_broad")
                .maintainers(
                        Maintainer.builder()
                                .name("Constantin Pape")
                                .githubUser("constantinpape")
                                .build(),
                        Maintainer.builder()
                                .name("Fynn Beuttenmueller")
                                .githubUser("fynnbe")
                                .build())
                .tags("unet2d", "pytorch", "nucleus", "segmentation", "dsb2018")
                .formatVersion("0.5.4")
                .documentation("README.md")
                .inputs(InputTensorDescr.builder()
                        .id("raw")
                        .description("raw input")
                        .axes(
                                new BatchAxis("batch", "", 1),
                                ChannelAxis.of("raw_intensity"),
                                SpaceInputAxis.builder()
                                        .id("y")
                                        .size(FixedSize.of(512))
                                        .build(),
                                SpaceInputAxis.builder().size(FixedSize.of(512)).build())
                        .testTensor(FileDescr.of(
                                "test_input.npy", "92768a2e0f2643c80b57afa5494019a5aafe5b0d92fe36ae740763adf3594a57"))
                        .sampleTensor(FileDescr.of(
                                "test_input.png", "8771f558305dd89f4a85fe659e8ef5e116c94d64e668dc23b9282fda3fe9cce8"))
                        .preprocessing(
                                toFloat32,
                                new ZeroMeanUnitVarianceDescr(new ZeroMeanUnitVarianceKwargs(List.of("x", "y"), 1e-6)),
                                toFloat32)
                        .build())
                .outputs(OutputTensorDescr.builder()
                        .id("probability")
                        .description("probability in [0,1]")
                        .axes(
                                BatchAxis.of(),
                                ChannelAxis.of("probability"),
                                SpaceOutputAxisWithHalo.builder()
                                        .halo(32)
                                        .size(SizeReference.of("raw", "y"))
                                        .id("y")
                                        .build(),
                                SpaceOutputAxisWithHalo.builder()
                                        .halo(32)
                                        .size(SizeReference.of("raw", "x"))
                                        .build())
                        .testTensor(FileDescr.of(
                                "test_output.npy", "39925fb38bc74530902e44bf8e43a8bd0a9e3675aab758d89f47dc66cb9818ed"))
                        .sampleTensor(FileDescr.of(
                                "test_output.png", "7bce8b53bcd0a12487a61f953aafe0f3700652848980d1083964c5bcb9555eec"))
                        .data(IntervalOrRatioDataDescr.builder()
                                .range(new Range(0.0, 1.0))
                                .build())
                        .postprocessing(new SigmoidDescr(), toFloat32)
                        .build())
                .timestamp(OffsetDateTime.parse("2019-12-11T11:22:32+00:00"))
                .trainingData(new LinkedDataset(null, "ilastik/covid_if_training_data/1"))
                .weights(WeightsDescr.builder()
                        .onnx(OnnxWeightsDescr.builder()
                                .source("weights.onnx")
                                .sha256("85f5ac80fa977fea3562ef97c8c5950288be2c4f4cdb5d994807df97008ce088")
                                .parent(WeightsFormat.PYTORCH_STATE_DICT)
                                .opsetVersion(20)
                                .build())
                        .pytorchStateDict(PytorchStateDictWeightsDescr.builder()
                                .source("http://files.ilastik.org/bioimageio_test/unet2d_nuclei_broad_weights.torch")
                                .sha256("e4d3885bccbe41cbf6c1d825f3cd2b707c7021ead5593156007e407a16b27cf2")
                                .authors(PAPE)
                                .architecture(ArchitectureFromFileDescr.builder()
                                        .source("unet2d.py")
                                        .sha256("d00721e7d00f55222e8cbf90019dd85ce9df0ae42fd46a07f0e6ea45729b310d")
                                        .callable("UNet2d")
                                        .kwargs(Map.of("input_channels", 1, "output_channels", 1))
                                        .build())
                                .pytorchVersion("1.5.1")
                                .dependencies(FileDescr.of(
                                        "environment.yaml",
                                        "129d589d2ec801398719b1a6d1bf20ea36b3632f14ccb56a24700df7d719fd10"))
                                .build())
                        .torchscript(TorchscriptWeightsDescr.builder()
                                .source("weights.pt")
                                .sha256("a4b0659a1b48454588b12179855ad0a0c9b69ccaa89b8bb06e6271e8f60b02fe")
                                .parent(WeightsFormat.PYTORCH_STATE_DICT)
                                .comment("Converted with bioimageio.core 0.7.0 with use_tracing=False.")
                                .pytorchVersion("2.5.1")
                                .build())
                        .build()));
    }

    @Test
    void builtInCodeEqualsLoadedFromYaml() throws Exception {
        ModelDescr loaded =
                Descriptions.read(Conformance.model("unet2d_nuclei_broad").resolve("bioimageio.yaml"));
        assertThat(nucleiInCode()).isEqualTo(loaded);
    }

    @Test
    void toBuilderChangesOneFieldAndKeepsTheRest() throws Exception {
        ModelDescr built = nucleiInCode();
        ModelDescr renamed = built.toBuilder().name("UNet 2D Nuclei Renamed").build();
        assertThat(renamed.name()).isEqualTo("UNet 2D Nuclei Renamed");
        assertThat(renamed.toBuilder().name(built.name()).build()).isEqualTo(built);
    }
}
