package eu.riscale.modelhub.core.description.internal;

import eu.riscale.modelhub.spec.validation.Diagnostic;
import eu.riscale.modelhub.spec.validation.Location;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
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

    /**
     * Largest document accepted from a stream, in bytes; checked while reading, before the YAML scanner sees any text.
     * Packages are bounded tighter by {@code ResourceSettings.maxDescriptionBytes()}.
     */
    public static final int MAX_DOCUMENT_BYTES = 16 * 1024 * 1024;

    /**
     * The scanner's read buffer, at most: snakeyaml-engine copies its window each time the buffer is refilled inside
     * one token, which is quadratic in the token's length for a small buffer (a 16 MB quoted scalar took a minute with
     * the default 1 KiB); a buffer as large as the text (up to this size) keeps scanning linear.
     */
    private static final int MAX_SCANNER_BUFFER = 4 * 1024 * 1024;

    /** Largest single string value accepted, in characters. */
    public static final int MAX_STRING_CHARS = 1024 * 1024;

    /** Deepest nesting of mappings and lists accepted. */
    public static final int MAX_NESTING_DEPTH = 64;

    /** Most aliases to mappings or lists accepted (guards against "billion laughs"). */
    public static final int MAX_ALIASES = 50;

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
     * @param stream the UTF-8 text, at most {@link #MAX_DOCUMENT_BYTES}
     * @return the root node
     * @throws YamlSyntaxException with a problem carrying line and column, when the text is not acceptable YAML, is
     *     not UTF-8 (the first bad byte's line, column and offset) or is too large
     * @throws java.io.UncheckedIOException if the stream cannot be read
     */
    public static JsonNode parse(InputStream stream) {
        byte[] bytes;
        try {
            bytes = stream.readNBytes(MAX_DOCUMENT_BYTES + 1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (bytes.length > MAX_DOCUMENT_BYTES) {
            throw new YamlSyntaxException(
                    Diagnostic.error(
                            Location.ROOT,
                            "malformed YAML: the document is larger than " + MAX_DOCUMENT_BYTES + " bytes, the limit"),
                    null);
        }
        return parse(Utf8Text.decode(bytes));
    }

    /**
     * Parses YAML text into a tree.
     *
     * @param text the text
     * @return the root node
     * @throws YamlSyntaxException with a problem carrying line and column, when the text is not acceptable YAML
     */
    public static JsonNode parse(String text) {
        if (text.length() > MAX_DOCUMENT_CHARS) {
            throw new YamlSyntaxException(
                    Diagnostic.error(
                            Location.ROOT,
                            "malformed YAML: the document is longer than " + MAX_DOCUMENT_CHARS
                                    + " characters, the limit"),
                    null);
        }
        LoadSettings settings = LoadSettings.builder()
                .setLabel("model description")
                .setMaxAliasesForCollections(MAX_ALIASES)
                .setAllowRecursiveKeys(false)
                .setAllowDuplicateKeys(false)
                .setCodePointLimit(MAX_DOCUMENT_CHARS)
                .setBufferSize(Math.max(1024, Math.min(text.length() + 1, MAX_SCANNER_BUFFER)))
                .build();
        return parse(settings, new StringReader(text));
    }

    private static JsonNode parse(LoadSettings settings, Reader reader) {
        try {
            return new TreeReader(settings, reader).read();
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
