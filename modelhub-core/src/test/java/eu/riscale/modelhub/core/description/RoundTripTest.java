package eu.riscale.modelhub.core.description;

import static org.assertj.core.api.Assertions.assertThat;

import eu.riscale.modelhub.spec.Conformance;
import eu.riscale.modelhub.spec.ModelDescr;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** Load, save and reload every format-0.5 description the reference calls valid, and the example packages. */
class RoundTripTest {
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    static Stream<Path> validFormat05Files() throws IOException {
        Path dir = Conformance.dir();
        List<Path> files = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve("expected.jsonl"))) {
            JsonNode row = JSON.readTree(line);
            if (row.get("status").stringValue().equals("valid")
                    && row.get("declared_format_version").asString().startsWith("0.5.")) {
                files.add(dir.resolve("corpus").resolve(row.get("file").stringValue()));
            }
        }
        assertThat(files).hasSizeGreaterThan(30);
        return files.stream();
    }

    static Stream<Path> examplePackages() {
        Path nuclei = Conformance.model("unet2d_nuclei_broad");
        return Stream.of(
                nuclei.resolve("bioimageio.yaml"),
                nuclei.resolve("expand_output_shape.bioimageio.yaml"),
                Conformance.model("unet2d_multi_tensor").resolve("bioimageio.yaml"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource({"validFormat05Files", "examplePackages"})
    void loadSaveLoadGivesAnEqualModel(Path file, @TempDir Path tmp) throws Exception {
        ModelDescr first = Descriptions.read(file);
        Path saved = tmp.resolve("saved.bioimageio.yaml");
        Descriptions.write(first, saved);
        ModelDescr second = Descriptions.read(saved);
        assertThat(second).isEqualTo(first);
        assertThat(Descriptions.toYaml(second)).isEqualTo(Files.readString(saved));
    }

    static Stream<Path> wholeCorpus() throws IOException {
        try (Stream<Path> files = Files.list(Conformance.corpus())) {
            return files.sorted().toList().stream();
        }
    }

    /** Any file, valid or not and of any format, either loads or fails with problems: no other exception escapes. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("wholeCorpus")
    void everyCorpusFileLoadsOrReportsProblems(Path file) throws IOException {
        try {
            Descriptions.read(file);
        } catch (DescriptionException e) {
            assertThat(e.problems()).isNotEmpty();
            assertThat(e.problems()).allSatisfy(p -> assertThat(p.message()).isNotBlank());
        }
    }

    @Test
    void savedFileKeepsSpecKeyOrderFormatVersionAndTimestampOffset() throws Exception {
        ModelDescr nuclei =
                Descriptions.read(Conformance.model("unet2d_nuclei_broad").resolve("bioimageio.yaml"));
        String yaml = Descriptions.toYaml(nuclei);
        List<String> topKeys = yaml.lines()
                .filter(l -> !l.isEmpty() && Character.isLetter(l.charAt(0)))
                .map(l -> l.substring(0, l.indexOf(':')))
                .toList();
        // the spec's field order (reference ModelDescr), not the file's order
        assertThat(topKeys)
                .containsExactly(
                        "name",
                        "description",
                        "covers",
                        "authors",
                        "cite",
                        "license",
                        "git_repo",
                        "maintainers",
                        "tags",
                        "format_version",
                        "type",
                        "documentation",
                        "inputs",
                        "outputs",
                        "timestamp",
                        "training_data",
                        "weights");
        assertThat(yaml).contains("format_version: 0.5.4\n");
        assertThat(yaml).contains("timestamp: 2019-12-11T11:22:32+00:00\n");
        assertThat(nuclei.timestamp()).isNotNull();
        assertThat(nuclei.timestamp().getOffset().getTotalSeconds()).isZero();
    }

    @Test
    void nonUtcOffsetAndUnknownConfigKeysSurviveInOrder() throws Exception {
        String yaml = """
                format_version: 0.5.4
                type: model
                name: offset test
                inputs:
                  - id: raw
                    axes: [{type: batch}, {type: space, id: x, size: 8}]
                outputs:
                  - id: out
                    axes: [{type: batch}, {type: space, id: x, size: {tensor_id: raw, axis_id: x}}]
                weights:
                  torchscript: {source: weights.pt, pytorch_version: "2.5"}
                timestamp: 2024-05-01T10:00:00.5+02:00
                config:
                  zeta: 1
                  bioimageio:
                    reproducibility_tolerance: [{absolute_tolerance: 0.01, note: kept}]
                    thumbnails: {cover.png: cover.thumbnail.png}
                  alpha: {b: 2, a: [1, "1e-05", yes]}
                  mid: "0010"
                """;
        ModelDescr model = Descriptions.parse(yaml);
        assertThat(model.config().extra()).containsOnlyKeys("zeta", "alpha", "mid");
        assertThat(List.copyOf(model.config().extra().keySet())).containsExactly("zeta", "alpha", "mid");
        assertThat(model.config().bioimageio().extra()).containsOnlyKeys("thumbnails");
        assertThat(model.config().bioimageio().reproducibilityTolerance().get(0).extra())
                .containsEntry("note", "kept");
        String saved = Descriptions.toYaml(model);
        assertThat(saved).contains("timestamp: 2024-05-01T10:00:00.5+02:00");
        assertThat(saved.indexOf("zeta:")).isLessThan(saved.indexOf("alpha:"));
        assertThat(saved.indexOf("alpha:")).isLessThan(saved.indexOf("mid:"));
        assertThat(saved).contains("alpha:\n    b: 2\n    a:\n");
        ModelDescr reloaded = Descriptions.parse(saved);
        assertThat(reloaded).isEqualTo(model);
        assertThat(reloaded.timestamp()).isEqualTo(model.timestamp());
        assertThat(reloaded.timestamp().getOffset().getTotalSeconds()).isEqualTo(7200);
        // YAML 1.2: "1e-05" and yes stay strings, "0010" stays a string
        assertThat(reloaded.config().extra().get("alpha").toString()).isEqualTo("{b=2, a=[1, 1e-05, yes]}");
        assertThat(reloaded.config().extra().get("mid")).isEqualTo("0010");
    }

    @Test
    void numericVersionsKeepTheirDigits() throws Exception {
        ModelDescr model = Descriptions.parse("""
                format_version: 0.5.4
                type: model
                name: version test
                version: 1.10
                inputs: [{axes: [{type: batch}]}]
                outputs: [{axes: [{type: batch}]}]
                weights: {torchscript: {source: w.pt, pytorch_version: 1.10}}
                """);
        assertThat(model.version()).isEqualTo("1.10");
        assertThat(model.weights().torchscript().pytorchVersion()).isEqualTo("1.10");
        assertThat(Descriptions.parse(Descriptions.toYaml(model))).isEqualTo(model);
    }
}
