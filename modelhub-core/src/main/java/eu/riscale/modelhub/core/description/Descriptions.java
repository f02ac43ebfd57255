package eu.riscale.modelhub.core.description;

import eu.riscale.modelhub.core.description.codec.ModelCodec;
import eu.riscale.modelhub.core.description.internal.TreeLoading;
import eu.riscale.modelhub.core.description.internal.YamlIo;
import eu.riscale.modelhub.core.resource.AtomicFiles;
import eu.riscale.modelhub.core.resource.ResourceRoot;
import eu.riscale.modelhub.spec.ModelDescr;
import eu.riscale.modelhub.spec.validation.Diagnostic;
import eu.riscale.modelhub.spec.validation.Location;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import tools.jackson.databind.JsonNode;

/**
 * Reads and writes model descriptions ({@code bioimageio.yaml}, {@code rdf.yaml}); reads every format version (0.3,
 * 0.4, 0.5.x) as a format 0.5 model, writes format 0.5.
 *
 * <pre>{@code
 * ModelDescr model = Descriptions.read(Path.of("rdf.yaml"));       // a file, a package folder or a zip package
 * Descriptions.write(model, Path.of("copy.bioimageio.yaml"));
 * LoadResult loaded = Descriptions.load(Path.of("rdf.yaml"));      // the same, with the conversion notes
 * }</pre>
 *
 * <p>Reading checks structure only (keys, types, {@code type}/{@code id} tags); value rules such as ranges and
 * cross-references are the validator's job. Files of format 0.5.x load as 0.5 and keep the declared version; files of
 * format 0.3 and 0.4 are converted as the reference converter does (docs/formats.md); {@link #load(Path)} tells what the conversion changed.
 * To run a model, {@code LoadedModel.open} (package {@code inference}) reads and loads it in one call. The parser is
 * bounded (see {@link YamlIo}), so hostile input fails fast. All methods are thread-safe.
 */
public final class Descriptions {
    private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};
    private static final String READ_INSTEAD = "Descriptions.read(Path) reads a package file, folder or zip;"
            + " LoadedModel.open(...) also loads it for prediction";

    private Descriptions() {}

    /**
     * Reads a description of any format version from a description file, a package folder (its description file is
     * found by name) or a zip package, as a format 0.5 model; 0.3 and 0.4 are converted ({@link #load(Path)} gives
     * the conversion notes).
     *
     * @param source the YAML file, a folder or a {@code .zip}
     * @return the model description
     * @throws DescriptionException if the source is not a structurally valid model description
     * @throws IOException if the file cannot be read, or a folder or zip has no description file (or several)
     */
    public static ModelDescr read(Path source) throws DescriptionException, IOException {
        if (Files.isDirectory(source) || (Files.isRegularFile(source) && startsWithZipMagic(source))) {
            try (ResourceRoot root = ResourceRoot.open(source)) {
                return read(
                        new ByteArrayInputStream(root.readDescription()),
                        root.description().location());
            }
        }
        try (InputStream in = Files.newInputStream(source)) {
            return read(in, source.toString());
        }
    }

    private static boolean startsWithZipMagic(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return Arrays.equals(in.readNBytes(4), ZIP_MAGIC);
        }
    }

    /**
     * Reads a description of any format version from a stream of UTF-8 YAML, as a format 0.5 model; 0.3 and 0.4 are
     * converted ({@link #load(InputStream, String)} gives the conversion notes).
     *
     * @param stream the YAML text; not closed
     * @param sourceName a label for messages, for example the file name
     * @return the model description
     * @throws DescriptionException if the text is not a structurally valid model description (a zip package is
     *     refused with a pointer to {@link #read(Path)})
     * @throws IOException if the stream cannot be read
     */
    public static ModelDescr read(InputStream stream, String sourceName) throws DescriptionException, IOException {
        Objects.requireNonNull(stream, "stream");
        BufferedInputStream in = new BufferedInputStream(stream);
        in.mark(ZIP_MAGIC.length);
        byte[] head = in.readNBytes(ZIP_MAGIC.length);
        in.reset();
        if (Arrays.equals(head, ZIP_MAGIC)) {
            throw new DescriptionException(
                    sourceName,
                    List.of(Diagnostic.error(
                            Location.ROOT, "this is a zip package, not a YAML description; " + READ_INSTEAD)));
        }
        JsonNode root;
        try {
            root = YamlIo.parse(in);
        } catch (YamlIo.YamlSyntaxException e) {
            throw new DescriptionException(sourceName, List.of(e.problem()));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return TreeLoading.bind(root, sourceName);
    }

    /**
     * Parses a description of any format version from YAML text, as a format 0.5 model (0.3 and 0.4 are converted).
     *
     * @param yaml the YAML text
     * @return the model description
     * @throws DescriptionException if the text is not a structurally valid model description
     */
    public static ModelDescr parse(String yaml) throws DescriptionException {
        Objects.requireNonNull(yaml, "yaml");
        JsonNode root;
        try {
            root = YamlIo.parse(yaml);
        } catch (YamlIo.YamlSyntaxException e) {
            throw new DescriptionException("<string>", List.of(e.problem()));
        }
        return TreeLoading.bind(root, "<string>");
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
     * are checked against their own rules and converted (docs/formats.md); 0.5.x files are bound as they
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
        return TreeLoading.load(root, sourceName);
    }
}
