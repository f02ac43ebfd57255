package eu.riscale.modelhub.core.description.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import eu.riscale.modelhub.core.description.Descriptions;
import eu.riscale.modelhub.core.description.FileReference;
import eu.riscale.modelhub.core.description.FileReferences;
import eu.riscale.modelhub.core.validation.SourceValidation;
import eu.riscale.modelhub.spec.ModelDescr;
import eu.riscale.modelhub.spec.common.DatasetDescr;
import eu.riscale.modelhub.spec.common.FileDescr;
import eu.riscale.modelhub.spec.common.License;
import eu.riscale.modelhub.spec.common.LinkedDataset;
import eu.riscale.modelhub.spec.validation.Diagnostic;
import eu.riscale.modelhub.spec.validation.Location;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 14: a model's {@code training_data} may embed a dataset description of format 0.3 (the 0.5.13 JSON schema's
 * {@code bioimageio__spec__dataset__v0_3__DatasetDescr}: 0.3.4 with file descriptors from model format 0.5.11, 0.3.0
 * with plain paths before), besides a link {@code {id, version}}.
 */
class EmbeddedDataset14Test {
    private static final String DATASET = """
            training_data:
              name: Nuclei training set
              description: annotated nuclei
              covers:
                - source: cover.png
              documentation:
                source: data.md
              license:
                source: LICENSE.txt
              tags: [nuclei]
              format_version: 0.3.4
              type: dataset
              source: https://example.org/nuclei.zip
            """;

    private static String fixture() throws Exception {
        try (InputStream in = EmbeddedDataset14Test.class.getResourceAsStream(
                "/descriptions/format-0.5.14/stardist-keras3.bioimageio.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("format_version: 0.5.14\n", "format_version: 0.5.13\n");
        }
    }

    private static List<String> errors(String yaml) {
        return SourceValidation.validateFormat(yaml.getBytes(StandardCharsets.UTF_8), "bioimageio.yaml")
                .issues()
                .stream()
                .filter(Diagnostic::isError)
                .map(Diagnostic::loc)
                .toList();
    }

    @Test
    void anEmbeddedDatasetBindsValidatesAndRoundTripsInTheSpecsKeyOrder() throws Exception {
        String yaml = fixture() + DATASET;
        ModelDescr m = Descriptions.parse(yaml);
        DatasetDescr data = (DatasetDescr) m.trainingData();
        assertThat(data.name()).isEqualTo("Nuclei training set");
        assertThat(data.covers()).containsExactly(FileDescr.of("cover.png"));
        assertThat(data.documentation()).isEqualTo(FileDescr.of("data.md"));
        assertThat(data.license()).isEqualTo(FileDescr.of("LICENSE.txt"));
        assertThat(data.formatVersion()).isEqualTo("0.3.4");
        assertThat(errors(yaml)).isEmpty();
        String written = Descriptions.toYaml(m);
        // the schema's property order; defaults (empty lists, null values) are left out
        assertThat(written).contains("""
                training_data:
                  name: Nuclei training set
                  description: annotated nuclei
                  covers:
                    - source: cover.png
                  documentation:
                    source: data.md
                  license:
                    source: LICENSE.txt
                  tags:
                    - nuclei
                  format_version: 0.3.4
                  type: dataset
                  source: https://example.org/nuclei.zip
                """);
        assertThat(Descriptions.parse(written)).isEqualTo(m);
    }

    @Test
    void theBuilderMakesTheSameDescription() throws Exception {
        DatasetDescr built = DatasetDescr.builder("Nuclei training set")
                .description("annotated nuclei")
                .covers(List.of(FileDescr.of("cover.png")))
                .documentation(FileDescr.of("data.md"))
                .license(FileDescr.of("LICENSE.txt"))
                .tags(List.of("nuclei"))
                .source("https://example.org/nuclei.zip")
                .build();
        assertThat(Descriptions.parse(fixture() + DATASET).trainingData()).isEqualTo(built);
    }

    /** Every key of the reference's dataset 0.3.4 description (the 0.5.13 schema's property list), none defaulted. */
    private static final String FULL_DATASET = """
            training_data:
              name: Nuclei training set
              description: annotated nuclei
              covers:
                - source: cover.png
              documentation:
                source: data.md
              id_emoji: 🦠
              authors:
                - name: Ann Author
              attachments:
                - source: notes.txt
              cite:
                - text: the paper
                  doi: 10.1234/5678
              license: CC-BY-4.0
              git_repo: https://github.com/org/nuclei
              icon: 🔬
              links: [ilastik/ilastik]
              uploader:
                email: ann@example.org
              maintainers:
                - github_user: annauthor
              tags: [nuclei]
              version: 1.2.0
              version_comment: more images
              format_version: 0.3.4
              badges:
                - label: Open in Colab
                  icon: https://colab.research.google.com/assets/colab-badge.svg
                  url: https://colab.research.google.com/github/org/nuclei/blob/main/train.ipynb
              config:
                my_tool: {split: 0.8, seeds: [1, 2]}
              type: dataset
              id: org/nuclei-data
              parent: org/nuclei-raw
              source: https://example.org/nuclei.zip
            """;

    @Test
    void badgesAndConfigOfAnEmbeddedDatasetAreAcceptedAsTheReferencesGenericDescriptionHasThem() throws Exception {
        // issue 14: the reference's dataset 0.3 (a GenericDescrBase) declares `badges` and `config`; they were refused
        String yaml = fixture() + FULL_DATASET;
        assertThat(errors(yaml)).isEmpty();
        ModelDescr m = Descriptions.parse(yaml);
        DatasetDescr data = (DatasetDescr) m.trainingData();
        assertThat(data.badges())
                .containsExactly(new eu.riscale.modelhub.spec.common.Badge(
                        "Open in Colab",
                        "https://colab.research.google.com/assets/colab-badge.svg",
                        "https://colab.research.google.com/github/org/nuclei/blob/main/train.ipynb"));
        assertThat(data.config()).containsOnlyKeys("my_tool");
        assertThat(data.config().get("my_tool").toString()).isEqualTo("{split=0.8, seeds=[1, 2]}");
        String written = Descriptions.toYaml(m);
        assertThat(written)
                .contains("  format_version: 0.3.4\n  badges:\n    - label: Open in Colab\n")
                .contains("  config:\n    my_tool:\n");
        assertThat(Descriptions.parse(written)).isEqualTo(m);
        // a badge is checked as the reference's BadgeDescr: label and an http(s) url are required
        assertThat(errors(fixture()
                        + FULL_DATASET.replace("url: https://colab.research.google.com/github", "url: ftp://x")))
                .containsExactly("training_data.badges.0.url");
        assertThat(errors(fixture() + FULL_DATASET.replace("- label: Open in Colab\n      icon:", "- icon:")))
                .containsExactly("training_data.badges.0.label");
        assertThat(errors(fixture() + FULL_DATASET.replace("my_tool: {split: 0.8, seeds: [1, 2]}", "[1, 2]")))
                .containsExactly("training_data.config");
    }

    @Test
    void theBuilderSetsEveryFieldOfTheDatasetDescription() throws Exception {
        // issue 14: the builder set only name, description, covers, documentation, authors, cite, license, tags,
        // version, format_version and source; the others were always empty
        DatasetDescr parsed =
                (DatasetDescr) Descriptions.parse(fixture() + FULL_DATASET).trainingData();
        DatasetDescr built = DatasetDescr.builder("Nuclei training set")
                .description("annotated nuclei")
                .covers(List.of(FileDescr.of("cover.png")))
                .documentation(FileDescr.of("data.md"))
                .idEmoji("🦠")
                .authors(List.of(new eu.riscale.modelhub.spec.common.Author(null, null, null, "Ann Author", null)))
                .attachments(List.of(FileDescr.of("notes.txt")))
                .cite(List.of(new eu.riscale.modelhub.spec.common.CiteEntry("the paper", "10.1234/5678", null)))
                .license(License.of("CC-BY-4.0"))
                .gitRepo("https://github.com/org/nuclei")
                .icon(eu.riscale.modelhub.spec.common.Icon.emoji("🔬"))
                .links(List.of("ilastik/ilastik"))
                .uploader(new eu.riscale.modelhub.spec.common.Uploader("ann@example.org", null))
                .maintainers(
                        List.of(new eu.riscale.modelhub.spec.common.Maintainer(null, null, null, null, "annauthor")))
                .tags(List.of("nuclei"))
                .version("1.2.0")
                .versionComment("more images")
                .formatVersion("0.3.4")
                .badges(List.of(new eu.riscale.modelhub.spec.common.Badge(
                        "Open in Colab",
                        "https://colab.research.google.com/assets/colab-badge.svg",
                        "https://colab.research.google.com/github/org/nuclei/blob/main/train.ipynb")))
                .config(java.util.Map.of("my_tool", java.util.Map.of("split", 0.8, "seeds", List.of(1, 2))))
                .id("org/nuclei-data")
                .parent("org/nuclei-raw")
                .source("https://example.org/nuclei.zip")
                .build();
        assertThat(built).isEqualTo(parsed);
        assertThat(parsed.toBuilder().build()).isEqualTo(parsed);
    }

    @Test
    void aBrokenFieldIsReportedAtItsPathInsideTrainingData() throws Exception {
        assertThat(errors(fixture() + DATASET.replace("name: Nuclei training set", "name: abc")))
                .containsExactly("training_data.name");
        assertThat(errors(fixture() + DATASET.replace("type: dataset", "type: model")))
                .containsExactly("training_data.type");
        assertThat(errors(fixture() + DATASET.replace("  name: Nuclei training set\n", "")))
                .containsExactly("training_data.name");
        // from 0.5.11 a cover is a file descriptor, as the dataset 0.3.4 schema has it
        assertThat(errors(fixture() + DATASET.replace("- source: cover.png", "- cover.png")))
                .containsExactly("training_data.covers.0");
        assertThat(errors(fixture() + DATASET.replace("format_version: 0.3.4", "format_version: 0.3.0")))
                .containsExactly("training_data.format_version");
        assertThat(errors(fixture() + DATASET.replace("source: https://example.org/nuclei.zip", "source: ftp://x")))
                .containsExactly("training_data.source");
    }

    @Test
    void aLinkStaysALink() throws Exception {
        ModelDescr m = Descriptions.parse(fixture() + "training_data: {id: ilastik/covid_if_training_data}\n");
        assertThat(m.trainingData()).isEqualTo(new LinkedDataset(null, "ilastik/covid_if_training_data"));
    }

    @Test
    void a0510FileEmbedsADataset030WithPlainPaths() throws Exception {
        String yaml = fixture()
                        .replace("format_version: 0.5.13\n", "format_version: 0.5.10\n")
                        .replace("license: BSD-3-Clause\n", "license: BSD-3-Clause\n")
                + """
                training_data:
                  name: Nuclei training set
                  covers: [cover.png]
                  documentation: data.md
                  license: CC-BY-4.0
                  format_version: 0.3.0
                  type: dataset
                """;
        ModelDescr m = Descriptions.parse(yaml);
        DatasetDescr data = (DatasetDescr) m.trainingData();
        assertThat(data.covers()).containsExactly(FileDescr.of("cover.png"));
        assertThat(data.documentation()).isEqualTo(FileDescr.of("data.md"));
        assertThat(data.license()).isEqualTo(License.of("CC-BY-4.0"));
        assertThat(data.formatVersion()).isEqualTo("0.3.0");
        assertThat(errors(yaml)).isEmpty();
        // written back as the 0.3.0 plain paths it came with
        assertThat(Descriptions.toYaml(m)).contains("  covers:\n    - cover.png\n  documentation: data.md\n");
        assertThat(Descriptions.parse(Descriptions.toYaml(m))).isEqualTo(m);
        // raised to the newest format, the embedded dataset becomes 0.3.4 and stays valid
        String latest = Descriptions.toYaml(m.toLatestFormat());
        assertThat(latest).contains("  covers:\n    - source: cover.png\n").contains("  format_version: 0.3.4\n");
        assertThat(errors(latest)).isEmpty();
    }

    @Test
    void beforeFormat0511AProblemOfAPlainDatasetPathIsReportedAtThePathItself() throws Exception {
        // a 0.3.0 dataset has no `source` key under a cover or its documentation: the user wrote the path itself there
        String yaml = fixture().replace("format_version: 0.5.13\n", "format_version: 0.5.10\n") + """
                training_data:
                  name: Nuclei training set
                  covers: [cover.png, "https://"]
                  documentation: "https://"
                  format_version: 0.3.0
                  type: dataset
                """;
        assertThat(errors(yaml)).containsExactlyInAnyOrder("training_data.covers.1", "training_data.documentation");
        // from 0.5.11 they are file descriptors, and the problem is at their source
        assertThat(errors(fixture() + DATASET.replace("- source: cover.png", "- source: 'https://'")))
                .containsExactly("training_data.covers.0.source");
    }

    @Test
    void theFilesOfAnEmbeddedDatasetAreFileReferencesThatPackagingRewrites() throws Exception {
        ModelDescr m = Descriptions.parse(fixture() + DATASET);
        List<FileReference> refs = FileReferences.of(m);
        assertThat(refs)
                .filteredOn(r -> r.location().startsWith(Location.of("training_data")))
                .extracting((FileReference r) -> r.location().toString(), FileReference::source)
                .containsExactly(
                        tuple("training_data.documentation", "data.md"),
                        tuple("training_data.covers.0", "cover.png"),
                        tuple("training_data.license", "LICENSE.txt"));
        ModelDescr moved = FileReferences.rewrite(
                m, r -> r.location().startsWith(Location.of("training_data")) ? r.withSource("data/" + r.source()) : r);
        DatasetDescr data = (DatasetDescr) moved.trainingData();
        assertThat(data.covers()).containsExactly(FileDescr.of("data/cover.png"));
        assertThat(data.documentation()).isEqualTo(FileDescr.of("data/data.md"));
        assertThat(data.license()).isEqualTo(FileDescr.of("data/LICENSE.txt"));
        assertThat(data.name()).isEqualTo("Nuclei training set");
        assertThat(moved.covers()).isEqualTo(m.covers());
    }
}
