package eu.riscale.modelhub.core.format;

import static org.assertj.core.api.Assertions.assertThat;

import eu.riscale.modelhub.spec.Conformance;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * For every reference conversion in {@code conformance/converted/}, converts the corpus file and compares the trees
 * after dropping 0.5 default values (see {@link V05Defaults}).
 */
class ConvertedCorpusTest {

    /** A difference to the reference that is accepted, with the reason (also listed in docs/formats.md). */
    record KnownDifference(String difference, String reason) {}

    /**
     * Known differences, matched exactly against the rendered difference. Everything else must be equal.
     */
    static final List<KnownDifference> KNOWN_DIFFERENCES = List.of(new KnownDifference(
            "maintainers.0.github_user: \"Constantin Pape\" != expected \"constantinpape\"",
            "the reference's 0.5 github_user validator hot-fixes this one display name into a user name; that is a"
                    + " 0.5 validation quirk, not part of the conversion, and the converter keeps what the file says"));

    static Stream<String> pairs() throws IOException {
        try (Stream<Path> files = Files.list(Conformance.dir().resolve("converted"))) {
            return files
                    .map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".v0_5.yaml"))
                    .sorted()
                    .toList()
                    .stream();
        }
    }

    @ParameterizedTest
    @MethodSource("pairs")
    void conversionMatchesReference(String convertedName) throws IOException {
        String stem = convertedName.substring(0, convertedName.length() - ".v0_5.yaml".length());
        JsonNode original = YamlTrees.read(Conformance.corpus().resolve(stem + ".yaml"));
        JsonNode expected =
                YamlTrees.read(Conformance.dir().resolve("converted").resolve(convertedName));

        ConversionResult result = FormatConversion.toLatest(original);

        assertThat(result.convertedTree()).isPresent();
        ObjectNode actual = V05Defaults.normalise(result.convertedTree().orElseThrow());
        ObjectNode reference = V05Defaults.normalise((ObjectNode) expected);
        List<String> differences = new ArrayList<>(differences(actual, reference, ""));
        differences.removeIf(
                d -> KNOWN_DIFFERENCES.stream().anyMatch(k -> k.difference().equals(d)));
        assertThat(differences)
                .as("differences to the reference conversion of " + stem)
                .isEmpty();
    }

    static List<String> differences(JsonNode actual, JsonNode expected, String path) {
        List<String> out = new ArrayList<>();
        if (actual.isObject() && expected.isObject()) {
            for (String k : expected.propertyNames()) {
                String p = path.isEmpty() ? k : path + "." + k;
                if (!actual.has(k)) {
                    out.add(p + ": missing, expected " + expected.get(k));
                } else {
                    out.addAll(differences(actual.get(k), expected.get(k), p));
                }
            }
            for (String k : actual.propertyNames()) {
                if (!expected.has(k)) {
                    out.add((path.isEmpty() ? k : path + "." + k) + ": unexpected " + actual.get(k));
                }
            }
        } else if (actual.isArray() && expected.isArray() && actual.size() == expected.size()) {
            for (int i = 0; i < actual.size(); i++) {
                out.addAll(differences(actual.get(i), expected.get(i), path + "." + i));
            }
        } else if (!actual.equals(expected)) {
            out.add(path + ": " + actual + " != expected " + expected);
        }
        return out;
    }
}
