package eu.riscale.modelhub.core.description.internal;

import eu.riscale.modelhub.spec.validation.Diagnostic;
import eu.riscale.modelhub.spec.validation.Location;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;
import org.snakeyaml.engine.v2.api.LoadSettings;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLFactory;
import tools.jackson.dataformat.yaml.YAMLMapper;
import tools.jackson.dataformat.yaml.YAMLWriteFeature;

/**
 * The one place that reads and writes YAML. Reading goes through snakeyaml-engine events (YAML 1.2 core schema:
 * {@code 2019-12-11} and {@code yes} stay strings) into a Jackson tree with bounded resources (see {@link TreeReader}
 * and the limits below). Writing uses one configured Jackson YAML mapper: block style, minimal quotes, and strings that
 * look like numbers stay quoted so that they read back as strings.
 */
public final class YamlIo {
    /** Largest document accepted, in characters (code points). */
    public static final int MAX_DOCUMENT_CHARS = 16 * 1024 * 1024;

    /** Largest single string value accepted, in characters. */
    public static final int MAX_STRING_CHARS = 1024 * 1024;

    /** Deepest nesting of mappings and lists accepted. */
    public static final int MAX_NESTING_DEPTH = 64;

    /** Most aliases to mappings or lists accepted (guards against "billion laughs"). */
    public static final int MAX_ALIASES = 50;

    private static final LoadSettings LOAD = LoadSettings.builder()
            .setLabel("model description")
            .setMaxAliasesForCollections(MAX_ALIASES)
            .setAllowRecursiveKeys(false)
            .setAllowDuplicateKeys(false)
            .setCodePointLimit(MAX_DOCUMENT_CHARS)
            .build();

    private static final YAMLMapper MAPPER = mapper();

    private YamlIo() {}

    private static YAMLMapper mapper() {
        YAMLFactory factory = YAMLFactory.builder()
                .disable(YAMLWriteFeature.WRITE_DOC_START_MARKER)
                .disable(YAMLWriteFeature.USE_NATIVE_TYPE_ID)
                .disable(YAMLWriteFeature.SPLIT_LINES)
                .enable(YAMLWriteFeature.MINIMIZE_QUOTES)
                .enable(YAMLWriteFeature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
                .enable(YAMLWriteFeature.INDENT_ARRAYS_WITH_INDICATOR)
                .build();
        return YAMLMapper.builder(factory).build();
    }

    /**
     * Parses YAML text into a tree.
     *
     * @param stream the UTF-8 text
     * @return the root node
     * @throws YamlSyntaxException with a problem carrying line and column, when the text is not acceptable YAML
     * @throws java.io.UncheckedIOException if the stream cannot be read
     */
    public static JsonNode parse(InputStream stream) {
        return parse(new InputStreamReader(stream, StandardCharsets.UTF_8));
    }

    /**
     * Parses YAML text into a tree.
     *
     * @param text the text
     * @return the root node
     * @throws YamlSyntaxException with a problem carrying line and column, when the text is not acceptable YAML
     */
    public static JsonNode parse(String text) {
        return parse(new StringReader(text));
    }

    private static JsonNode parse(Reader reader) {
        try {
            return new TreeReader(LOAD, reader).read();
        } catch (java.util.NoSuchElementException e) {
            throw new YamlSyntaxException(
                    Diagnostic.error(Location.ROOT, "malformed YAML: unexpected end of the document"), e);
        }
    }

    /**
     * Writes a tree as YAML text.
     *
     * @param tree the tree
     * @return the YAML text
     */
    public static String write(JsonNode tree) {
        return MAPPER.writeValueAsString(tree);
    }

    /** The text could not be parsed; carries the problem with its position. */
    public static final class YamlSyntaxException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        private final transient Diagnostic problem;

        YamlSyntaxException(Diagnostic problem, @Nullable Throwable cause) {
            super(problem.toString(), cause);
            this.problem = problem;
        }

        /** {@return the problem, with line and column where the parser reported them} */
        public Diagnostic problem() {
            return problem;
        }
    }
}
