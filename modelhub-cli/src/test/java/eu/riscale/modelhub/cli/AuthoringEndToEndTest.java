package eu.riscale.modelhub.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import eu.riscale.modelhub.core.authoring.AuthoringModels;
import eu.riscale.modelhub.core.authoring.CardSection;
import eu.riscale.modelhub.core.authoring.Covers;
import eu.riscale.modelhub.core.authoring.HubReview;
import eu.riscale.modelhub.core.authoring.ModelCard;
import eu.riscale.modelhub.core.description.Descriptions;
import eu.riscale.modelhub.core.modeltest.CheckKind;
import eu.riscale.modelhub.core.modeltest.DetailStatus;
import eu.riscale.modelhub.core.modeltest.ModelTests;
import eu.riscale.modelhub.core.modeltest.SummaryStatus;
import eu.riscale.modelhub.core.modeltest.SummaryText;
import eu.riscale.modelhub.core.modeltest.TestDetail;
import eu.riscale.modelhub.core.modeltest.TestOptions;
import eu.riscale.modelhub.core.modeltest.TestSummary;
import eu.riscale.modelhub.core.packaging.PackageOptions;
import eu.riscale.modelhub.core.packaging.PackageResult;
import eu.riscale.modelhub.core.packaging.Packager;
import eu.riscale.modelhub.core.resource.ResourceRoot;
import eu.riscale.modelhub.spec.ModelDescr;
import eu.riscale.modelhub.spec.common.FileDescr;
import eu.riscale.modelhub.spec.validation.Diagnostic;
import eu.riscale.modelhub.spec.validation.Severity;
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

    @Test
    void builtInCodeDocumentedPackagedValidatedAndTested() throws Exception {
        // the author's folder: trained weights and test tensors, and the description written in code
        Path work = tmp.resolve("work");
        Files.createDirectories(work);
        Path example = PackagingCommandsTest.model("unet2d_nuclei_broad");
        for (String f : List.of("weights.pt", "weights.onnx", "test_input.npy", "test_output.npy")) {
            Files.copy(example.resolve(f), work.resolve(f));
        }
        ModelDescr model = AuthoringModels.nuclei(false);
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
        assertThat(model.covers()).containsExactly(FileDescr.of("cover.png"));

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

        // and nothing blocks it on the hub; left are hints: the card's placeholders, and the model gives no git_repo
        // and no evaluations (it does name its training data)
        CliRun review = CliRun.of("review", "--offline", "--cache-dir", cache.toString(), zip.toString());
        assertThat(review.exitCode()).as(review.out()).isEqualTo(ExitCodes.OK);
        try (ResourceRoot root = ResourceRoot.open(zip)) {
            ModelDescr packaged = Descriptions.read(root.description().open(), "rdf.yaml");
            List<Diagnostic> findings = HubReview.review(packaged, root);
            assertThat(findings).extracting(Diagnostic::severity).doesNotContain(Severity.ERROR);
            assertThat(findings)
                    .extracting(Diagnostic::loc)
                    .containsOnly("documentation", "git_repo", "config.bioimageio.evaluations");
        }
        assertThat(CardSection.values()).allSatisfy(s -> assertThat(card).contains(s.heading()));
    }
}
