package eu.riscale.modelhub.cli;

import static org.assertj.core.api.Assertions.assertThat;

import eu.riscale.modelhub.core.authoring.CardSection;
import eu.riscale.modelhub.core.authoring.Covers;
import eu.riscale.modelhub.core.authoring.Finding;
import eu.riscale.modelhub.core.authoring.HubReview;
import eu.riscale.modelhub.core.authoring.ModelCard;
import eu.riscale.modelhub.core.description.Descriptions;
import eu.riscale.modelhub.core.inference.InferenceException;
import eu.riscale.modelhub.core.inference.PredictionOptions;
import eu.riscale.modelhub.core.inference.PredictionPipeline;
import eu.riscale.modelhub.core.inference.UnsupportedWeightsException;
import eu.riscale.modelhub.core.packaging.PackageOptions;
import eu.riscale.modelhub.core.packaging.PackageResult;
import eu.riscale.modelhub.core.packaging.Packager;
import eu.riscale.modelhub.core.resource.ResourceRoot;
import eu.riscale.modelhub.core.tensor.Tensor;
import eu.riscale.modelhub.core.testing.CheckKind;
import eu.riscale.modelhub.core.testing.InferenceBackend;
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
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

        // the package passes the model tests: modelhub test's checks, with inference through the prediction pipeline
        TestSummary tested = ModelTests.test(
                zip, TestOptions.builder().backend(new PipelineBackend()).build());
        assertThat(tested.status()).as(SummaryText.render(tested)).isEqualTo(SummaryStatus.PASSED);
        assertThat(tested.details())
                .filteredOn(d -> d.check() == CheckKind.REPRODUCE)
                .extracting(TestDetail::weightsFormat)
                .containsExactly(WeightsFormat.TORCHSCRIPT, WeightsFormat.ONNX);

        // and through the command line, whose default backend is not yet connected to the prediction pipeline
        CliRun test = CliRun.of("test", "--json", "--offline", zip.toString());
        JsonNode summary = JsonMapper.builder().build().readTree(test.out());
        assertThat(summary.get("status").asString())
                .as(test.out())
                .isIn(
                        ModelTests.defaultBackend()
                                        .unavailableReason(model, WeightsFormat.TORCHSCRIPT)
                                        .isPresent()
                                ? List.of("valid-format")
                                : List.of("passed"));

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

    /** The test API's backend over the prediction pipeline, one weights format at a time. */
    private static final class PipelineBackend implements InferenceBackend {
        @Override
        public Optional<String> unavailableReason(ModelDescr model, WeightsFormat format) {
            return PredictionOptions.DEFAULT_PRIORITY.contains(format)
                    ? Optional.empty()
                    : Optional.of(format.id() + " cannot run in Java");
        }

        @Override
        public Session open(ModelDescr model, ResourceRoot root, WeightsFormat format) throws IOException {
            PredictionPipeline pipeline;
            try {
                pipeline = PredictionPipeline.create(
                        model,
                        root,
                        PredictionOptions.builder()
                                .weightsPriority(List.of(format))
                                .build());
            } catch (UnsupportedWeightsException e) {
                throw new IOException(e.getMessage(), e);
            }
            return new Session() {
                @Override
                public Map<String, Tensor> predict(Map<String, Tensor> inputs) throws IOException {
                    try {
                        return pipeline.predict(inputs);
                    } catch (InferenceException e) {
                        throw new IOException(e.getMessage(), e);
                    }
                }

                @Override
                public void close() {
                    pipeline.close();
                }
            };
        }
    }
}
