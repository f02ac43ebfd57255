package eu.riscale.modelhub.core.description;

import eu.riscale.modelhub.core.description.codec.ModelCodec;
import eu.riscale.modelhub.core.description.internal.BindResult;
import eu.riscale.modelhub.core.description.internal.YamlIo;
import eu.riscale.modelhub.core.format.ConversionResult;
import eu.riscale.modelhub.core.format.FormatConversion;
import eu.riscale.modelhub.core.resource.AtomicFiles;
import eu.riscale.modelhub.spec.ModelDescr;
import eu.riscale.modelhub.spec.validation.Diagnostic;
import eu.riscale.modelhub.spec.validation.Location;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Reads and writes model descriptions ({@code bioimageio.yaml}, {@code rdf.yaml}) of format 0.5.
 *
 * <pre>{@code
 * ModelDescr model = Descriptions.read(Path.of("bioimageio.yaml"));
 * Descriptions.write(model, Path.of("copy.bioimageio.yaml"));
 * }</pre>
 *
 * <p>Reading checks structure only (keys, types, {@code type}/{@code id} tags); value rules such as ranges and
 * cross-references are the validator's job. Files of format 0.5.x load as 0.5 and keep the declared version. The
 * parser is bounded (see {@link YamlIo}), so hostile input fails fast. All methods are thread-safe.
 */
public final class Descriptions {
    private static final Pattern VERSION = Pattern.compile("(\\d+)\\.(\\d+)(?:\\.(\\d+))?.*");

    private Descriptions() {}

    /**
     * Reads a description file.
     *
     * @param file the YAML file
     * @return the model description
     * @throws DescriptionException if the file is not a structurally valid format-0.5 model description
     * @throws IOException if the file cannot be read
     */
    public static ModelDescr read(Path file) throws DescriptionException, IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        }
    }

    /**
     * Reads a description from a stream of UTF-8 YAML.
     *
     * @param stream the YAML text; not closed
     * @param sourceName a label for messages, for example the file name
     * @return the model description
     * @throws DescriptionException if the text is not a structurally valid format-0.5 model description
     * @throws IOException if the stream cannot be read
     */
    public static ModelDescr read(InputStream stream, String sourceName) throws DescriptionException, IOException {
        Objects.requireNonNull(stream, "stream");
        JsonNode root;
        try {
            root = YamlIo.parse(stream);
        } catch (YamlIo.YamlSyntaxException e) {
            throw new DescriptionException(sourceName, List.of(e.problem()));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return bind(root, sourceName);
    }

    /**
     * Parses a description from YAML text.
     *
     * @param yaml the YAML text
     * @return the model description
     * @throws DescriptionException if the text is not a structurally valid format-0.5 model description
     */
    public static ModelDescr parse(String yaml) throws DescriptionException {
        Objects.requireNonNull(yaml, "yaml");
        JsonNode root;
        try {
            root = YamlIo.parse(yaml);
        } catch (YamlIo.YamlSyntaxException e) {
            throw new DescriptionException("<string>", List.of(e.problem()));
        }
        return bind(root, "<string>");
    }

    /**
     * Writes a description as YAML text, keys in the spec's order and values equal to the spec's defaults left out.
     *
     * @param model the description
     * @return the YAML text
     */
    public static String toYaml(ModelDescr model) {
        return YamlIo.write(ModelCodec.toTree(Objects.requireNonNull(model, "model")));
    }

    /**
     * Writes a description to a file atomically: a temporary file next to the target is written and then moved over
     * it, so the target is never left half written.
     *
     * @param model the description
     * @param file the target file
     * @throws IOException if the file cannot be written
     */
    public static void write(ModelDescr model, Path file) throws IOException {
        byte[] bytes = toYaml(model).getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(file, out -> out.write(bytes));
    }

    /**
     * Loads a description file of any supported format version (0.3, 0.4, 0.5) as a format 0.5 model: older formats
     * are checked against their own rules and converted (see {@link FormatConversion}); 0.5.x files are bound as they
     * are and keep their declared version. Never throws for bad content: every problem is in the result.
     *
     * @param file the YAML file
     * @return the model or the problems, with the declared version and the conversion notes
     * @throws IOException if the file cannot be read
     */
    public static LoadResult load(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return load(in, file.toString());
        }
    }

    /**
     * Loads a description of any supported format version from a stream of UTF-8 YAML; see {@link #load(Path)}.
     *
     * @param stream the YAML text; not closed
     * @param sourceName a label for messages, for example the file name
     * @return the model or the problems
     * @throws IOException if the stream cannot be read
     */
    public static LoadResult load(InputStream stream, String sourceName) throws IOException {
        Objects.requireNonNull(stream, "stream");
        Objects.requireNonNull(sourceName, "sourceName");
        JsonNode root;
        try {
            root = YamlIo.parse(stream);
        } catch (YamlIo.YamlSyntaxException e) {
            if (e.getCause() instanceof UncheckedIOException io) {
                throw io.getCause();
            }
            return new LoadResult(sourceName, null, null, null, List.of(), List.of(e.problem()), List.of());
        }
        return load(root, sourceName);
    }

    /**
     * Loads an already parsed description tree of any supported format version; see {@link #load(Path)}. The tree is
     * not modified.
     *
     * @param root the parsed YAML document
     * @param sourceName a label for messages
     * @return the model or the problems
     */
    public static LoadResult load(JsonNode root, String sourceName) {
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(sourceName, "sourceName");
        String version = textAt(root, "format_version");
        String type = textAt(root, "type");
        if (version != null && version.startsWith("0.5")) {
            List<Diagnostic> warnings = new java.util.ArrayList<>();
            try {
                ModelDescr model = bind(root, sourceName, warnings);
                return new LoadResult(sourceName, version, type, model, List.of(), List.of(), warnings);
            } catch (DescriptionException e) {
                return new LoadResult(sourceName, version, type, null, List.of(), e.problems(), warnings);
            }
        }
        ConversionResult converted = FormatConversion.toLatest(root);
        List<Diagnostic> errors = new java.util.ArrayList<>();
        List<Diagnostic> warnings = new java.util.ArrayList<>();
        for (Diagnostic p : converted.problems()) {
            if (p.isError()) {
                errors.add(Diagnostic.error(p.location(), p.message()));
            } else {
                warnings.add(p);
            }
        }
        ModelDescr model = null;
        if (errors.isEmpty()) {
            if (converted.converted() == null) {
                errors.add(Diagnostic.error(
                        Location.of("format_version"), "the description could not be converted to format 0.5"));
            } else {
                // the converter already wrote full axis ids: no normalisation warning can arise here
                BindResult result = ModelCodec.bind(converted.converted());
                model = result.model();
                errors.addAll(result.problems());
            }
        }
        return new LoadResult(sourceName, version, type, model, converted.notes(), errors, warnings);
    }

    private static @Nullable String textAt(JsonNode root, String key) {
        JsonNode node = root.isObject() ? root.get(key) : null;
        return node != null && node.isString() ? node.stringValue() : null;
    }

    private static ModelDescr bind(JsonNode root, String source) throws DescriptionException {
        return bind(root, source, new java.util.ArrayList<>());
    }

    private static ModelDescr bind(JsonNode root, String source, List<Diagnostic> warnings)
            throws DescriptionException {
        if (!root.isObject()) {
            String found = root.isMissingNode() ? "an empty document" : root.isArray() ? "a list" : "a scalar";
            throw new DescriptionException(
                    source,
                    List.of(Diagnostic.error(
                            Location.ROOT, "expected a YAML mapping at the top level, found " + found)));
        }
        List<Diagnostic> header = new java.util.ArrayList<>();
        JsonNode type = root.get("type");
        if (type == null || type.isNull()) {
            header.add(Diagnostic.error(
                    Location.of("type"), "Field required: a description needs a 'type' key, expected 'model'"));
        } else if (!type.isString() || !type.stringValue().equals(ModelDescr.TYPE)) {
            header.add(Diagnostic.error(
                    Location.of("type"),
                    "only model descriptions are supported: expected 'model', found "
                            + (type.isString() ? "'" + type.stringValue() + "'" : type.toString())));
        }
        JsonNode fv = root.get("format_version");
        if (fv == null || fv.isNull()) {
            header.add(Diagnostic.error(
                    Location.of("format_version"), "Field required: a description needs a 'format_version' key"));
        } else if (!fv.isString()) {
            header.add(Diagnostic.error(
                    Location.of("format_version"), "expected a version string such as '0.5.4', found " + fv));
        } else {
            Matcher m = VERSION.matcher(fv.stringValue());
            if (!m.matches()) {
                header.add(Diagnostic.error(
                        Location.of("format_version"),
                        "expected a version such as '0.5.4', found '" + fv.stringValue() + "'"));
            } else if (!(m.group(1).equals("0") && m.group(2).equals("5"))) {
                boolean older = m.group(1).equals("0") && Integer.parseInt(m.group(2)) < 5;
                header.add(Diagnostic.error(
                        Location.of("format_version"),
                        older
                                ? "format " + fv.stringValue()
                                        + " needs conversion to 0.5, which is not wired into reading"
                                        + " yet; only 0.5.x files can be read"
                                : "unsupported format version '" + fv.stringValue() + "'; only 0.5.x can be read"));
            }
        }
        if (!header.isEmpty()) {
            throw new DescriptionException(source, header);
        }
        BindResult result = ModelCodec.bind(root);
        warnings.addAll(result.warnings());
        if (result.model() == null) {
            throw new DescriptionException(source, result.problems());
        }
        return result.model();
    }
}
