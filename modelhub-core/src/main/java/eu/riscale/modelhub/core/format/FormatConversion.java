package eu.riscale.modelhub.core.format;

import eu.riscale.modelhub.core.format.internal.LegacyConverter;
import tools.jackson.databind.JsonNode;

/**
 * Converts model descriptions of any supported format version to a format 0.5 tree.
 *
 * <p>Supported: format 0.5.x (returned as a copy with its declared {@code format_version}, which the 0.5 binder reads
 * natively, every version gate included), 0.4.x and 0.3.x (upgraded to 0.4.10 at the dictionary level, checked against
 * the 0.4 rules, then converted to a {@value #CONVERTED_FORMAT_VERSION} tree as the reference implementation does;
 * see {@code docs/formats.md}). Formats 0.1 and 0.2, documents without a readable {@code format_version} and documents
 * that are not models are reported as a problem at {@code format_version} or {@code type}, with no tree.
 *
 * <pre>{@code
 * JsonNode tree = yamlMapper.readTree(path.toFile());
 * ConversionResult result = FormatConversion.toLatest(tree);
 * result.problems().forEach(System.err::println);
 * ObjectNode v05 = result.convertedTree().orElseThrow();
 * }</pre>
 *
 * <p>The functions are pure: the input tree is not modified, and odd input (a number where a list is expected, and so
 * on) is reported as a problem with its location rather than thrown. Thread-safe.
 */
public final class FormatConversion {
    /**
     * The format version of the tree that {@link #toLatest} produces from a 0.3/0.4 description: the one the
     * reference's converter writes (the 86 reference conversions of the conformance material are 0.5.7), so that its
     * conversions compare field by field. Reading it is the same path as reading any 0.5.7 file; {@code
     * update-format} and packaging then bring the bound model to {@link eu.riscale.modelhub.spec.ModelDescr#FORMAT_VERSION}
     * with {@code ModelDescr.toLatestFormat()}.
     */
    public static final String CONVERTED_FORMAT_VERSION = "0.5.7";

    private FormatConversion() {}

    /**
     * Converts a parsed description tree to format 0.5: a 0.5.x tree is copied as it is, a 0.3/0.4 tree is converted
     * to {@value #CONVERTED_FORMAT_VERSION}.
     *
     * @param document the parsed YAML document of a model description
     * @return the converted tree (if possible), the declared version, conversion notes and legacy-rule problems
     */
    public static ConversionResult toLatest(JsonNode document) {
        return LegacyConverter.toLatest(document);
    }
}
