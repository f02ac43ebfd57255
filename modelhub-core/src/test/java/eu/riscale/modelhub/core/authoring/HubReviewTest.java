package eu.riscale.modelhub.core.authoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import eu.riscale.modelhub.core.description.Descriptions;
import eu.riscale.modelhub.core.resource.ResourceRoot;
import eu.riscale.modelhub.spec.Conformance;
import eu.riscale.modelhub.spec.ModelDescr;
import eu.riscale.modelhub.spec.axis.BatchAxis;
import eu.riscale.modelhub.spec.axis.ChannelAxis;
import eu.riscale.modelhub.spec.axis.FixedSize;
import eu.riscale.modelhub.spec.axis.SpaceInputAxis;
import eu.riscale.modelhub.spec.axis.TimeInputAxis;
import eu.riscale.modelhub.spec.common.CiteEntry;
import eu.riscale.modelhub.spec.common.FileDescr;
import eu.riscale.modelhub.spec.common.License;
import eu.riscale.modelhub.spec.validation.Diagnostic;
import eu.riscale.modelhub.spec.validation.Severity;
import eu.riscale.modelhub.spec.weights.WeightsDescr;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HubReviewTest {
    @TempDir
    Path dir;

    private static List<Diagnostic> reviewPackage(String name) throws Exception {
        Path rdf = Conformance.model(name).resolve("bioimageio.yaml");
        ModelDescr model = Descriptions.read(rdf);
        try (ResourceRoot root = ResourceRoot.open(rdf)) {
            return HubReview.review(model, root);
        }
    }

    @Test
    void nucleiExampleNeedsItsArchitectureFileTagsLinksAndACard() throws Exception {
        List<Diagnostic> findings = reviewPackage("unet2d_nuclei_broad");
        // the conformance copy leaves out unet2d.py, which the pytorch_state_dict entry needs
        assertThat(findings)
                .filteredOn(f -> f.isError())
                .extracting(Diagnostic::loc, Diagnostic::message)
                .containsExactly(tuple(
                        "weights.pytorch_state_dict.architecture",
                        "file \"unet2d.py\" is not in the package (" + Conformance.model("unet2d_nuclei_broad") + ")"));
        assertThat(findings)
                .extracting(Diagnostic::loc, Diagnostic::severity, Diagnostic::message, Diagnostic::suggestion)
                .contains(
                        tuple(
                                "name",
                                Severity.WARNING,
                                "the name does not say the application (segmentation, denoising, restoration, ...)",
                                "add the task to the name, such as \"semantic segmentation\""),
                        tuple(
                                "tags",
                                Severity.WARNING,
                                "no tag of the category \"dims\"",
                                "add \"2d\" (derived from the axes of the first input)"),
                        tuple(
                                "tags",
                                Severity.WARNING,
                                "no tag of the category \"software\"",
                                "add \"deepimagej\", \"ilastik\", \"qupath\" (derived from the software that runs the"
                                        + " weights formats)"),
                        tuple(
                                "links",
                                Severity.WARNING,
                                "deepImageJ runs the torchscript, onnx weights, but the links do not point to it",
                                "add \"deepimagej/deepimagej\" to links (after checking that the model runs in it)"),
                        tuple(
                                "cite.1.doi",
                                Severity.INFO,
                                "\"2018 Data Science Bowl\" is cited by URL only",
                                "add its DOI if it has one"));
        assertThat(findings)
                .filteredOn(f -> f.loc().equals("documentation"))
                .singleElement()
                .satisfies(f -> assertThat(f.message())
                        .startsWith("the documentation lacks the model card sections"
                                + " \"Model description\", \"Inputs and outputs\""));
        // the name mentions nuclei, the tags have pytorch: no findings for those
        assertThat(findings)
                .extracting(Diagnostic::message)
                .doesNotContain(
                        "the name does not say the imaging modality or what is imaged (tissue, cells, nuclei, ...)",
                        "no tag of the category \"framework\"");
    }

    @Test
    void multiTensorExampleHasAnIdentifierNameUndescribedTensorsAndASquareCover() throws Exception {
        List<Diagnostic> findings = reviewPackage("unet2d_multi_tensor");
        assertThat(findings)
                .extracting(Diagnostic::loc, Diagnostic::message)
                .contains(
                        tuple("name", "\"Multi-tensor\" looks like an identifier, not a human-readable name"),
                        tuple("description", "the description has only 12 characters"),
                        tuple("inputs.1.description", "tensor \"input1\" is not described"),
                        tuple("covers.0", "cover \"cover.jpg\" is 256 x 256; the hub shows covers at 2:1"),
                        tuple("maintainers", "no maintainers"));
        assertThat(findings)
                .isSortedAccordingTo(
                        java.util.Comparator.comparing(Diagnostic::severity).reversed());
    }

    @Test
    void aBareDescriptionIsBlockedWhereTheGuideAsks() throws Exception {
        ModelDescr nuclei = AuthoringModels.nuclei(false);
        ModelDescr bare = nuclei.toBuilder()
                .license((License) null)
                .cite(List.of())
                .authors(List.of())
                .maintainers(List.of())
                .description("")
                .inputs(nuclei.inputs().get(0).toBuilder().testTensor(null).build())
                .build();
        assertThat(HubReview.review(bare))
                .filteredOn(f -> f.isError())
                .extracting(Diagnostic::loc)
                .containsExactly(
                        "description",
                        "covers",
                        "documentation",
                        "cite",
                        "inputs.0.test_tensor",
                        "authors",
                        "maintainers",
                        "license");
        assertThat(HubReview.review(bare))
                .filteredOn(f -> f.loc().equals("maintainers"))
                .extracting(Diagnostic::message)
                .containsExactly("no maintainers, and no author has a GitHub user");
    }

    @Test
    void anAuthoredModelWithCardAndCoverOnlyLacksTheRepository() throws Exception {
        Path pkg = packageOf(AuthoringModels.nuclei(true));
        ModelDescr model = Descriptions.read(pkg.resolve("bioimageio.yaml"));
        try (ResourceRoot root = ResourceRoot.open(pkg)) {
            assertThat(HubReview.review(model, root))
                    .extracting(Diagnostic::loc, Diagnostic::severity)
                    .containsExactly(tuple("git_repo", Severity.INFO));
        }
    }

    /** Writes the model with the conformance files, a generated card (completed) and a generated cover. */
    private Path packageOf(ModelDescr authored) throws Exception {
        Path pkg = dir.resolve("pkg");
        Files.createDirectories(pkg);
        Path src = Conformance.model("unet2d_nuclei_broad");
        for (String f : List.of("weights.pt", "weights.onnx", "test_input.npy", "test_output.npy")) {
            Files.copy(src.resolve(f), pkg.resolve(f));
        }
        Files.writeString(pkg.resolve("README.md"), ModelCard.generate(authored));
        Files.writeString(pkg.resolve("bioimageio.yaml"), Descriptions.toYaml(authored));
        ModelDescr withCover;
        try (ResourceRoot root = ResourceRoot.open(pkg)) {
            withCover = Covers.record(authored, pkg, Covers.generate(authored, root, pkg));
        }
        ModelDescr done = withCover.toBuilder().documentation("README.md").build();
        Files.writeString(pkg.resolve("bioimageio.yaml"), Descriptions.toYaml(done));
        return pkg;
    }

    @Test
    void everyFileReferenceIsLookedForIncludingIconAndLicenseFiles() throws Exception {
        // review listed the file fields itself and missed the 0.5.11 icon and license files; it now uses FileReferences
        Path pkg = packageOf(AuthoringModels.nuclei(false));
        ModelDescr model = Descriptions.read(pkg.resolve("bioimageio.yaml")).toBuilder()
                .icon(FileDescr.of("icon.png"))
                .license(FileDescr.of("LICENSE.txt"))
                .build();
        try (ResourceRoot root = ResourceRoot.open(pkg)) {
            assertThat(HubReview.review(model, root))
                    .filteredOn(Diagnostic::isError)
                    .extracting(Diagnostic::loc, Diagnostic::message)
                    .contains(
                            tuple("icon", "file \"icon.png\" is not in the package (" + root.location() + ")"),
                            tuple("license", "file \"LICENSE.txt\" is not in the package (" + root.location() + ")"));
        }
    }

    @Test
    void packageFilesAreChecked() throws Exception {
        Path pkg = packageOf(AuthoringModels.nuclei(false));
        Files.delete(pkg.resolve("weights.onnx"));
        // a big, square cover and a README with a placeholder left and bytes that are not UTF-8
        byte[] noise = new byte[600 * 1024];
        new java.util.Random(1).nextBytes(noise);
        java.awt.image.BufferedImage square =
                new java.awt.image.BufferedImage(500, 500, java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.util.Random random = new java.util.Random(2);
        for (int y = 0; y < 500; y++) {
            for (int x = 0; x < 500; x++) {
                square.setRGB(x, y, random.nextInt());
            }
        }
        javax.imageio.ImageIO.write(square, "png", pkg.resolve("big.png").toFile());
        ModelDescr model = Descriptions.read(pkg.resolve("bioimageio.yaml")).toBuilder()
                .covers("big.png", "missing.png")
                .build();
        try (ResourceRoot root = ResourceRoot.open(pkg)) {
            List<Diagnostic> findings = HubReview.review(model, root);
            assertThat(findings)
                    .extracting(Diagnostic::loc, Diagnostic::severity)
                    .contains(
                            tuple("weights.onnx", Severity.ERROR),
                            tuple("covers.1", Severity.ERROR),
                            tuple("covers.0", Severity.WARNING),
                            tuple("covers.0", Severity.INFO),
                            tuple("documentation", Severity.WARNING));
            assertThat(findings)
                    .extracting(Diagnostic::message)
                    .contains(
                            "file \"weights.onnx\" is not in the package (" + root.location() + ")",
                            "cover \"big.png\" is 500 x 500; the hub shows covers at 2:1",
                            "6 paragraph(s) of the model card are still marked \"TO COMPLETE:\"");
        }
        Files.write(pkg.resolve("README.md"), new byte[] {'#', ' ', (byte) 0xff, (byte) 0xfe});
        try (ResourceRoot root = ResourceRoot.open(pkg)) {
            assertThat(HubReview.review(model, root))
                    .extracting(Diagnostic::loc, Diagnostic::message)
                    .contains(tuple("documentation", "the documentation \"README.md\" is not UTF-8 text"));
        }
    }

    @Test
    void suggestedTagsComeFromAxesWeightsAndWords() throws Exception {
        ModelDescr nuclei =
                Descriptions.read(Conformance.model("unet2d_nuclei_broad").resolve("bioimageio.yaml"));
        assertThat(HubReview.suggestedTags(nuclei))
                .containsExactly(
                        "2d",
                        "nuclei",
                        "pytorch",
                        "onnx",
                        "deepimagej",
                        "ilastik",
                        "qupath",
                        "unet",
                        "semantic-segmentation");
        ModelDescr timeLapse3d = nuclei.toBuilder()
                .name("Denoising of cryo electron tomograms")
                .description("Removes noise from 3D time lapses of mitochondria.")
                .tags(List.of())
                .inputs(nuclei.inputs().get(0).toBuilder()
                        .axes(
                                BatchAxis.of(),
                                TimeInputAxis.builder().size(FixedSize.of(4)).build(),
                                ChannelAxis.of("c"),
                                SpaceInputAxis.builder()
                                        .id("z")
                                        .size(FixedSize.of(16))
                                        .build(),
                                SpaceInputAxis.builder()
                                        .id("y")
                                        .size(FixedSize.of(64))
                                        .build(),
                                SpaceInputAxis.builder()
                                        .id("x")
                                        .size(FixedSize.of(64))
                                        .build())
                        .build())
                .weights(WeightsDescr.builder().onnx(nuclei.weights().onnx()).build())
                .build();
        assertThat(HubReview.suggestedTags(timeLapse3d))
                .containsExactly(
                        "cryo-electron-microscopy",
                        "3d-t",
                        "mitochondria",
                        "onnx",
                        "deepimagej",
                        "ilastik",
                        "qupath",
                        "denoising");
    }

    @Test
    void tagsAreNormalisedAndCategoriesCounted() {
        ModelDescr model = AuthoringModels.nuclei(false).toBuilder()
                .tags("Instance segmentation", "2d", "nuclei")
                .build();
        List<Diagnostic> findings = HubReview.review(model);
        assertThat(findings)
                .extracting(Diagnostic::loc, Diagnostic::message, Diagnostic::suggestion)
                .contains(tuple(
                        "tags.0",
                        "tag \"Instance segmentation\" is not lower case and hyphenated like the hub's tags",
                        "write \"instance-segmentation\""));
        assertThat(findings)
                .filteredOn(f -> f.loc().equals("tags"))
                .extracting(Diagnostic::message)
                .containsExactly(
                        "no tag of the category \"modality\"",
                        "no tag of the category \"framework\"",
                        "no tag of the category \"software\"",
                        "no tag of the category \"network\"");
    }

    @Test
    void citationsWithoutDoiAndIdentifierNames() {
        ModelDescr model = AuthoringModels.nuclei(false).toBuilder()
                .name("my_unet_v2")
                .cite(new CiteEntry("Some preprint", null, "https://example.com/preprint"))
                .build();
        assertThat(HubReview.review(model))
                .extracting(Diagnostic::loc, Diagnostic::message)
                .contains(
                        tuple("name", "\"my_unet_v2\" looks like an identifier, not a human-readable name"),
                        tuple(
                                "name",
                                "the name does not say the imaging modality or what is imaged (tissue, cells,"
                                        + " nuclei, ...)"),
                        tuple("cite.0.doi", "\"Some preprint\" is cited by URL only"));
        assertThat(Stream.of(TagCategory.values()).map(TagCategory::id))
                .containsExactly("modality", "dims", "content", "framework", "software", "network", "task");
        assertThat(FileDescr.of("x").source()).isEqualTo("x");
    }
}
