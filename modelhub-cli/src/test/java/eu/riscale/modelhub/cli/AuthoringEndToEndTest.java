package eu.riscale.modelhub.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import eu.riscale.modelhub.core.authoring.CardSection;
import eu.riscale.modelhub.core.authoring.Covers;
import eu.riscale.modelhub.core.authoring.Finding;
import eu.riscale.modelhub.core.authoring.HubReview;
import eu.riscale.modelhub.core.authoring.ModelCard;
import eu.riscale.modelhub.core.description.Descriptions;
import eu.riscale.modelhub.core.packaging.PackageOptions;
import eu.riscale.modelhub.core.packaging.PackageResult;
import eu.riscale.modelhub.core.packaging.Packager;
import eu.riscale.modelhub.core.resource.ResourceRoot;
import eu.riscale.modelhub.core.testing.CheckKind;
import eu.riscale.modelhub.core.testing.DetailStatus;
import eu.riscale.modelhub.core.testing.ModelTests;
import eu.riscale.modelhub.core.testing.SummaryStatus;
import eu.riscale.modelhub.core.testing.SummaryText;
import eu.riscale.modelhub.core.testing.TestDetail;
import eu.riscale.modelhub.core.testing.TestOptions;
import eu.riscale.modelhub.core.testing.TestSummary;
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
import eu.riscale.modelhub.spec.common.Maintainer;
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
import eu.riscale.modelhub.spec.weights.WeightsFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 10's acceptance: a description built in code gets a generated card and cover, is packaged, and the package
 * validates and passes {@code modelhub test} (and {@code modelhub review} finds nothing that blocks).
 */
class AuthoringEndToEndTest {
    @TempDir
    Path tmp;

    @TempDir
    Path cache;

    /** What an author writes in Java for a trained TorchScript/ONNX nuclei model (the conformance example's files). */
    static ModelDescr authored() {
        return ModelDescr.build(m -> m.name("Nuclei segmentation in fluorescence microscopy (2D U-Net)")
                .description("Predicts for each pixel of a 2D fluorescence image of DNA-stained cells the"
                        + " probability that it belongs to a nucleus.")
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
                        "Ronneberger et al. U-Net: convolutional networks for biomedical image segmentation.",
                        "10.1007/978-3-319-24574-4_28",
                        null))
                .license("MIT")
                .gitRepo("https://github.com/example/nuclei-unet")
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
                        .description("DNA stain")
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
                        .build()));
    }

    @Test
    void builtInCodeDocumentedPackagedValidatedAndTested() throws Exception {
        // the author's folder: trained weights and test tensors, and the description written in code
        Path work = tmp.resolve("work");
        Files.createDirectories(work);
        Path example = PackagingCommandsTest.model("unet2d_nuclei_broad");
        for (String f : List.of("weights.pt", "weights.onnx", "test_input.npy", "test_output.npy")) {
            Files.copy(example.resolve(f), work.resolve(f));
        }
        ModelDescr model = authored();
        Descriptions.write(model, work.resolve("bioimageio.yaml"));

        // cover from the test tensors, then the card, both recorded in the description
        try (ResourceRoot root = ResourceRoot.open(work)) {
            model = Covers.record(model, work, Covers.generate(model, root, work));
        }
        String card = ModelCard.generate(model);
        assertThat(ModelCard.missingSections(card)).isEmpty();
        Files.writeString(work.resolve("README.md"), card);
        model = model.toBuilder().documentation("README.md").build();
        Descriptions.write(model, work.resolve("bioimageio.yaml"));
        assertThat(model.covers()).containsExactly("cover.png");

        // package: the packager re-validates the zip before writing it
        Path zip = tmp.resolve("nuclei-unet.zip");
        PackageResult result;
        try (ResourceRoot root = ResourceRoot.open(work)) {
            result = Packager.writeZip(model, root, zip, PackageOptions.DEFAULTS);
        }
        assertThat(result.report().errors()).isEmpty();
        List<String> entries = new ArrayList<>();
        try (ZipFile z = new ZipFile(zip.toFile())) {
            z.stream().forEach(e -> entries.add(e.getName()));
        }
        assertThat(entries)
                .contains(
                        "rdf.yaml",
                        "cover.png",
                        "README.md",
                        "weights.pt",
                        "weights.onnx",
                        "test_input.npy",
                        "test_output.npy");

        // the package validates
        CliRun validate = CliRun.of("validate", zip.toString());
        assertThat(validate.exitCode()).as(validate.out() + validate.err()).isEqualTo(ExitCodes.OK);
        assertThat(validate.out()).startsWith(zip + ": valid");

        // the package passes modelhub test: format, files, and reproduction of the test outputs per weights format
        CliRun test = CliRun.of("test", "--json", "--offline", zip.toString());
        JsonNode summary = JsonMapper.builder().build().readTree(test.out());
        assertThat(summary.get("status").asString()).as(test.out()).isEqualTo("passed");
        assertThat(test.exitCode()).isEqualTo(ExitCodes.OK);
        TestSummary tested = ModelTests.test(zip, TestOptions.defaults());
        assertThat(tested.status()).as(SummaryText.render(tested)).isEqualTo(SummaryStatus.PASSED);
        assertThat(tested.details())
                .filteredOn(d -> d.check() == CheckKind.REPRODUCE)
                .extracting(TestDetail::weightsFormat, TestDetail::status)
                .containsExactly(
                        tuple(WeightsFormat.TORCHSCRIPT, DetailStatus.PASSED),
                        tuple(WeightsFormat.ONNX, DetailStatus.PASSED));

        // and nothing blocks it on the hub; the card's placeholders are what is left to write
        CliRun review = CliRun.of("review", "--offline", "--cache-dir", cache.toString(), zip.toString());
        assertThat(review.exitCode()).as(review.out()).isEqualTo(ExitCodes.OK);
        try (ResourceRoot root = ResourceRoot.open(zip)) {
            ModelDescr packaged = Descriptions.read(root.description().open(), "rdf.yaml");
            List<Finding> findings = HubReview.review(packaged, root);
            assertThat(findings).extracting(Finding::level).doesNotContain(Finding.Level.BLOCKER);
            assertThat(findings)
                    .extracting(Finding::loc)
                    .containsOnly("README.md", "training_data", "config.bioimageio.evaluations");
        }
        assertThat(CardSection.values()).allSatisfy(s -> assertThat(card).contains(s.heading()));
    }
}
