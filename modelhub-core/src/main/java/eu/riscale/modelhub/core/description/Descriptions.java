package eu.riscale.modelhub.core.description;

import eu.riscale.modelhub.core.description.internal.BindResult;
import eu.riscale.modelhub.core.description.internal.ModelBinder;
import eu.riscale.modelhub.core.description.internal.ModelWriter;
import eu.riscale.modelhub.core.description.internal.YamlIo;
import eu.riscale.modelhub.spec.ModelDescr;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
        return YamlIo.write(ModelWriter.toTree(Objects.requireNonNull(model, "model")));
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
        Path target = file.toAbsolutePath();
        Path tmp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
        try {
            Files.write(tmp, bytes);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static ModelDescr bind(JsonNode root, String source) throws DescriptionException {
        if (!root.isObject()) {
            String found = root.isMissingNode() ? "an empty document" : root.isArray() ? "a list" : "a scalar";
            throw new DescriptionException(
                    source, List.of(Problem.at("", "expected a YAML mapping at the top level, found " + found)));
        }
        List<Problem> header = new java.util.ArrayList<>();
        JsonNode type = root.get("type");
        if (type == null || type.isNull()) {
            header.add(Problem.at("type", "Field required: a description needs a 'type' key, expected 'model'"));
        } else if (!type.isString() || !type.stringValue().equals(ModelDescr.TYPE)) {
            header.add(Problem.at(
                    "type",
                    "only model descriptions are supported: expected 'model', found "
                            + (type.isString() ? "'" + type.stringValue() + "'" : type.toString())));
        }
        JsonNode fv = root.get("format_version");
        if (fv == null || fv.isNull()) {
            header.add(Problem.at("format_version", "Field required: a description needs a 'format_version' key"));
        } else if (!fv.isString()) {
            header.add(Problem.at("format_version", "expected a version string such as '0.5.4', found " + fv));
        } else {
            Matcher m = VERSION.matcher(fv.stringValue());
            if (!m.matches()) {
                header.add(Problem.at(
                        "format_version", "expected a version such as '0.5.4', found '" + fv.stringValue() + "'"));
            } else if (!(m.group(1).equals("0") && m.group(2).equals("5"))) {
                boolean older = m.group(1).equals("0") && Integer.parseInt(m.group(2)) < 5;
                header.add(Problem.at(
                        "format_version",
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
        BindResult result = ModelBinder.bind(root);
        if (result.model() == null) {
            throw new DescriptionException(source, result.problems());
        }
        return result.model();
    }
}
