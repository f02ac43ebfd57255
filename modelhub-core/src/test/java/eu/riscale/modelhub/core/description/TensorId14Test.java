package eu.riscale.modelhub.core.description;

import static org.assertj.core.api.Assertions.assertThat;

import eu.riscale.modelhub.core.validation.SourceValidation;
import eu.riscale.modelhub.spec.Conformance;
import eu.riscale.modelhub.spec.validation.Diagnostic;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 14: a tensor id must be lower case as the reference's {@code LowerCaseIdentifier} has it ({@code
 * str.islower()}), so {@code _1} is rejected. Starts from a corpus file the reference calls valid and renames its input
 * tensor (the id and the size references to it).
 */
class TensorId14Test {
    private static final String FILE =
            "bioimage-io_spec-bioimage-io__example_descriptions__models__unet2d_nuclei_broad__bioimageio.yaml";

    private static String renamed(String id) throws Exception {
        Path file = Conformance.corpus().resolve(FILE);
        // the reference's verdict on the unchanged file
        assertThat(Files.readAllLines(Conformance.dir().resolve("expected.jsonl")))
                .filteredOn(l -> l.contains("\"file\": \"" + FILE + "\""))
                .singleElement()
                .asString()
                .contains("\"status\": \"valid\"");
        return Files.readString(file)
                .replace("\r\n", "\n") // the file has CRLF line ends
                .replace("  - id: raw\n", "  - id: " + id + "\n")
                .replace("tensor_id: raw\n", "tensor_id: " + id + "\n");
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
    void anIdWithoutALetterIsRejectedAtTheId() throws Exception {
        assertThat(errors(renamed("raw"))).isEmpty();
        assertThat(errors(renamed("a_1"))).isEmpty();
        assertThat(errors(renamed("_1")))
                .containsExactly("inputs.0.id", "outputs.0.axes.2.size.tensor_id", "outputs.0.axes.3.size.tensor_id");
    }
}
