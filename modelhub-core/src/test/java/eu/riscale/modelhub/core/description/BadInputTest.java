package eu.riscale.modelhub.core.description;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import eu.riscale.modelhub.core.description.internal.YamlIo;
import eu.riscale.modelhub.spec.Conformance;
import eu.riscale.modelhub.spec.validation.Diagnostic;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each kind of bad input gives a {@link DescriptionException} whose problems name the path and what was expected. */
class BadInputTest {
    /** A minimal valid description; tests break one thing in it. */
    static final String VALID = """
            format_version: 0.5.4
            type: model
            name: minimal model
            inputs:
              - id: raw
                axes:
                  - type: batch
                  - type: space
                    id: x
                    size: 64
            outputs:
              - id: out
                axes:
                  - type: batch
                  - type: space
                    id: x
                    size: {tensor_id: raw, axis_id: x}
            weights:
              torchscript:
                source: weights.pt
                pytorch_version: 2.5.1
            """;

    static DescriptionException failure(String yaml) {
        return catchThrowableOfType(DescriptionException.class, () -> Descriptions.parse(yaml));
    }

    static List<String> locs(DescriptionException e) {
        return e.problems().stream().map(Diagnostic::loc).toList();
    }

    @Test
    void minimalDescriptionLoads() throws Exception {
        assertThat(Descriptions.parse(VALID).name()).isEqualTo("minimal model");
    }

    @Test
    void unknownKeyIsReportedWithItsPath() {
        DescriptionException e = failure(VALID.replace(
                "      - type: space\n        id: x\n        size: 64",
                "      - type: space\n        id: x\n        size: 64\n        colour: red"));
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.loc()).isEqualTo("inputs.0.axes.1.colour");
            assertThat(p.message()).contains("Extra inputs are not permitted").contains("'colour'");
        });
        assertThat(e.getMessage()).contains("<string>").contains("inputs.0.axes.1.colour");
    }

    @Test
    void unknownKeyAtTheTopIsAnError() {
        assertThat(locs(failure(VALID + "colour: red\n"))).containsExactly("colour");
    }

    @Test
    void unknownConfigKeysAreKeptNotRejected() throws Exception {
        assertThat(Descriptions.parse(VALID + "config: {colour: red}\n")
                        .config()
                        .extra())
                .containsEntry("colour", "red");
    }

    @Test
    void missingRequiredFieldsAreAllReported() {
        DescriptionException e =
                failure(VALID.replace("name: minimal model\n", "").replace("    source: weights.pt\n", ""));
        assertThat(locs(e)).containsExactly("name", "weights.torchscript.source");
        assertThat(e.problems()).allSatisfy(p -> assertThat(p.message()).startsWith("Field required"));
    }

    @Test
    void wrongTypeNamesTheExpectedType() {
        DescriptionException e =
                failure(VALID.replace("size: 64", "size: sixty-four").replace("name: minimal model", "name: [a, b]"));
        assertThat(locs(e)).containsExactly("name", "inputs.0.axes.1.size");
        assertThat(e.problems().get(0).message()).isEqualTo("Input should be a valid string, found a list");
        assertThat(e.problems().get(1).message())
                .startsWith("Input should be an integer, a parameterized size")
                .endsWith("found 'sixty-four'");
    }

    @Test
    void explicitNullIsNotTheDefault() throws Exception {
        DescriptionException e = failure(VALID + "description: null\ncovers: null\n");
        assertThat(locs(e)).containsExactly("description", "covers");
        assertThat(e.problems().get(0).message()).isEqualTo("Input should be a valid string, found null");
        assertThat(e.problems().get(1).message()).isEqualTo("Input should be a valid list, found null");
        // optional values without a default may be null
        assertThat(Descriptions.parse(VALID + "icon: null\ntraining_data: null\n")
                        .icon())
                .isNull();
    }

    @Test
    void unknownAxisTypeListsTheKnownTypes() {
        DescriptionException e = failure(VALID.replace(
                "      - type: space\n        id: x\n        size: 64",
                "      - type: spaec\n        id: x\n        size: 64"));
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.loc()).isEqualTo("inputs.0.axes.1.type");
            assertThat(p.message()).contains("'spaec'").contains("'batch', 'channel', 'index', 'time', 'space'");
        });
    }

    @Test
    void missingAxisTypeIsReportedOnTheAxis() {
        DescriptionException e = failure(VALID.replace(
                "      - type: space\n        id: x\n        size: 64", "      - id: x\n        size: 64"));
        assertThat(locs(e)).containsExactly("inputs.0.axes.1");
        assertThat(e.problems().get(0).message()).contains("discriminator 'type'");
    }

    @Test
    void unknownOpIdListsTheKnownIds() {
        DescriptionException e = failure(VALID.replace(
                "        size: 64\n",
                "        size: 64\n    preprocessing:\n      - id: scale_mean_variance\n"
                        + "        kwargs: {reference_tensor: raw}\n"));
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.loc()).isEqualTo("inputs.0.preprocessing.0.id");
            // scale_mean_variance is a postprocessing-only operation
            assertThat(p.message())
                    .contains("'scale_mean_variance'")
                    .contains("'zero_mean_unit_variance'")
                    .doesNotContain("does not match any of the expected tags: 'binarize', 'clip', 'ensure_dtype',"
                            + " 'fixed_zero_mean_unit_variance', 'scale_linear', 'scale_range', 'sigmoid', 'softmax',"
                            + " 'zero_mean_unit_variance', 'scale_mean_variance'");
        });
    }

    @Test
    void haloOnAnOutputAxisNeedsASizeReference() {
        DescriptionException e =
                failure(VALID.replace("size: {tensor_id: raw, axis_id: x}", "size: 64\n        halo: 8"));
        assertThat(locs(e)).containsExactly("outputs.0.axes.1.size");
    }

    @Test
    void malformedYamlGivesLineAndColumn() {
        DescriptionException e = failure("format_version: 0.5.4\ntype: model\nname: [unclosed\ninputs: x\n");
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.message()).startsWith("malformed YAML");
            assertThat(p.line()).isEqualTo(4);
            assertThat(p.column()).isPositive();
        });
        assertThat(e.getMessage()).contains("line 4, column");
    }

    @Test
    void documentThatIsNotAMappingIsRejected() {
        assertThat(failure("- a\n- b\n").problems()).singleElement().satisfies(p -> {
            assertThat(p.loc()).isEmpty();
            assertThat(p.message()).isEqualTo("expected a YAML mapping at the top level, found a list");
        });
        assertThat(failure("just text\n").problems().get(0).message()).endsWith("found a scalar");
        assertThat(failure("").problems().get(0).message()).endsWith("found an empty document");
    }

    @Test
    void missingFormatVersionAndTypeAreNamed() {
        DescriptionException e = failure("name: no header\n");
        assertThat(locs(e)).containsExactly("type", "format_version");
        assertThat(e.problems().get(0).message()).contains("'type'");
        assertThat(e.problems().get(1).message()).contains("'format_version'");
    }

    @Test
    void otherResourceTypesAreRejected() {
        DescriptionException e = failure(VALID.replace("type: model", "type: dataset"));
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.loc()).isEqualTo("type");
            assertThat(p.message()).contains("expected 'model', found 'dataset'");
        });
    }

    @Test
    void olderFormatsAreReadConverted() throws Exception {
        Path folder = Conformance.model("unet2d_nuclei_broad");
        var v04 = Descriptions.read(folder.resolve("v0_4_9.bioimageio.yaml"));
        var v05 = Descriptions.read(folder.resolve("bioimageio.yaml"));
        assertThat(v04.formatVersion()).startsWith("0.5");
        assertThat(v04.inputs().get(0).id()).isEqualTo(v05.inputs().get(0).id());
        assertThat(v04.weights().onnx()).isNotNull();
    }

    @Test
    void packageFoldersAndZipsAreReadByPathAndAZipStreamSaysWhatToCall() throws Exception {
        Path example = Conformance.buildRoot().resolve("examples/unet2d-nuclei");
        Path zip = Files.createTempFile("example", ".zip");
        try {
            try (var out = new java.util.zip.ZipOutputStream(Files.newOutputStream(zip))) {
                out.putNextEntry(new java.util.zip.ZipEntry("rdf.yaml"));
                Files.copy(example.resolve("rdf.yaml"), out);
                out.closeEntry();
            }
            assertThat(Descriptions.read(example).name()).isEqualTo("UNet2D nuclei example");
            assertThat(Descriptions.read(zip).name()).isEqualTo("UNet2D nuclei example");
            DescriptionException e;
            try (var in = Files.newInputStream(zip)) {
                e = catchThrowableOfType(DescriptionException.class, () -> Descriptions.read(in, "model.zip"));
            }
            assertThat(e.getMessage()).contains("zip package").contains("Descriptions.read(Path)");
        } finally {
            Files.delete(zip);
        }
    }

    @Test
    void unsupportedFormatVersionsSayWhatIsRead() {
        DescriptionException e = failure(VALID.replace("0.5.4", "0.6.0"));
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.loc()).isEqualTo("format_version");
            assertThat(p.message()).contains("'0.6.0'").contains("0.3, 0.4").contains("Descriptions.load");
        });
    }

    @Test
    void newerPatchVersionsOfFormat05LoadAndKeepTheDeclaredVersion() throws Exception {
        assertThat(Descriptions.parse(VALID.replace("0.5.4", "0.5.12")).formatVersion())
                .isEqualTo("0.5.12");
    }

    @Test
    void aliasesAreExpandedLikeTheReferenceDoes() throws Exception {
        var model = Descriptions.parse(VALID.replace("name: minimal model", "name: &n minimal model\ndescription: *n")
                        .replace("tags: []", "")
                + "tags: &t [a, b]\nlinks: *t\n");
        assertThat(model.description()).isEqualTo("minimal model");
        assertThat(model.links()).containsExactly("a", "b");
        assertThat(locs(failure(VALID + "description: *nowhere\n"))).containsExactly("");
    }

    @Test
    void aliasBombFailsFastWithAClearMessage() {
        StringBuilder yaml = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (int i = 1; i < 30; i++) {
            String p = "*a" + (i - 1);
            yaml.append("a")
                    .append(i)
                    .append(": &a")
                    .append(i)
                    .append(" [")
                    .append(String.join(", ", java.util.Collections.nCopies(10, p)))
                    .append("]\n");
        }
        long start = System.nanoTime();
        DescriptionException e = failure(yaml.toString());
        assertThat(System.nanoTime() - start).isLessThan(5_000_000_000L);
        assertThat(e.problems())
                .singleElement()
                .satisfies(p ->
                        assertThat(p.message()).startsWith("malformed YAML").containsIgnoringCase("alias"));
    }

    @Test
    void deepNestingFailsWithAClearMessage() {
        String yaml = "config:\n  deep: " + "[".repeat(500) + "]".repeat(500) + "\n";
        DescriptionException e = failure(yaml);
        assertThat(e.problems())
                .singleElement()
                .satisfies(p ->
                        assertThat(p.message()).startsWith("malformed YAML").containsIgnoringCase("nesting depth"));
    }

    @Test
    void hugeStringFailsWithAClearMessage() {
        String yaml = VALID + "description: " + "x".repeat(YamlIo.MAX_STRING_CHARS + 1) + "\n";
        DescriptionException e = failure(yaml);
        assertThat(e.problems())
                .singleElement()
                .satisfies(p ->
                        assertThat(p.message()).startsWith("malformed YAML").containsIgnoringCase("string"));
    }

    @Test
    void hugeDocumentFailsWithAClearMessage() throws Exception {
        StringBuilder text = new StringBuilder("config:\n");
        for (int i = 0; i < 20_000; i++) {
            text.append("  k").append(i).append(": ").append("y".repeat(1000)).append('\n');
        }
        byte[] yaml = text.toString().getBytes(StandardCharsets.UTF_8);
        DescriptionException e = catchThrowableOfType(
                DescriptionException.class, () -> Descriptions.read(new ByteArrayInputStream(yaml), "big.yaml"));
        assertThat(e.source()).isEqualTo("big.yaml");
        assertThat(e.problems())
                .singleElement()
                .satisfies(p ->
                        assertThat(p.message()).startsWith("malformed YAML").containsIgnoringCase("document"));
    }

    @Test
    void readErrorsAreIoExceptionsNotProblems() {
        InputStream broken = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("disk on fire");
            }
        };
        assertThatIOException()
                .isThrownBy(() -> Descriptions.read(broken, "broken.yaml"))
                .withMessage("disk on fire");
    }

    @Test
    void writeReplacesTheTargetAtomically(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("bioimageio.yaml");
        Files.writeString(target, "old");
        Descriptions.write(Descriptions.parse(VALID), target);
        assertThat(Descriptions.read(target)).isEqualTo(Descriptions.parse(VALID));
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(target);
        }
    }
}
