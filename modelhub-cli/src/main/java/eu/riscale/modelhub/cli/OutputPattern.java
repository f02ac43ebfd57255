package eu.riscale.modelhub.cli;

import eu.riscale.modelhub.core.resource.TargetPaths;
import eu.riscale.modelhub.core.resource.UnsafeReferenceException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where {@code predict} writes each output of each sample: a path relative to {@code --output-dir} with the
 * placeholders {@code {sample_id}} and {@code {output_id}}, as the reference's {@code bioimageio predict --outputs};
 * the ending ({@code .npy}, {@code .tif}, {@code .tiff}, {@code .png}) picks the file format. Each placeholder's value
 * must be one plain file name, and the resolved path must stay inside the output folder, so neither a hostile output id
 * nor a file name can place a file elsewhere.
 */
final class OutputPattern {
    static final String SAMPLE_ID = "{sample_id}";
    static final String OUTPUT_ID = "{output_id}";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{[^}]*}");

    private final String pattern;
    private final Path dir;
    private final String extension;

    private OutputPattern(String pattern, Path dir, String extension) {
        this.pattern = pattern;
        this.dir = dir;
        this.extension = extension;
    }

    /**
     * Checks a pattern.
     *
     * @param pattern the pattern
     * @param dir the output folder
     * @return the pattern
     * @throws IllegalArgumentException naming what is wrong: an absolute path, an unknown placeholder, a missing or
     *     unknown ending
     */
    static OutputPattern of(String pattern, Path dir) {
        if (pattern.startsWith("/")
                || pattern.startsWith("\\")
                || Path.of(pattern).isAbsolute()) {
            throw new IllegalArgumentException(
                    "--outputs: found absolute path " + pattern + ", expected a path relative to --output-dir");
        }
        Matcher m = PLACEHOLDER.matcher(pattern);
        while (m.find()) {
            if (!m.group().equals(SAMPLE_ID) && !m.group().equals(OUTPUT_ID)) {
                throw new IllegalArgumentException("--outputs: unknown placeholder " + m.group() + " in " + pattern
                        + ", expected " + SAMPLE_ID + " or " + OUTPUT_ID);
            }
        }
        String lower = pattern.toLowerCase(Locale.ROOT);
        String ext = null;
        for (String e : List.of("npy", "tif", "tiff", "png")) {
            if (lower.endsWith("." + e)) {
                ext = e.equals("tiff") ? "tif" : e;
            }
        }
        if (ext == null) {
            throw new IllegalArgumentException(
                    "--outputs: " + pattern + " has no known ending; expected .npy, .tif, .tiff or .png");
        }
        return new OutputPattern(pattern, dir.toAbsolutePath().normalize(), ext);
    }

    /** {@return the format: npy, tif or png} */
    String extension() {
        return extension;
    }

    /** {@return the pattern as given} */
    String pattern() {
        return pattern;
    }

    /**
     * Checks that the outputs of different samples and outputs get different files.
     *
     * @throws IllegalArgumentException when a placeholder that tells them apart is missing
     */
    void checkDistinct(int samples, int outputs) {
        if (samples > 1 && !pattern.contains(SAMPLE_ID)) {
            throw new IllegalArgumentException("--outputs: " + pattern + " has no " + SAMPLE_ID + ", so the outputs"
                    + " of the " + samples + " samples would overwrite each other");
        }
        if (outputs > 1 && !pattern.contains(OUTPUT_ID)) {
            throw new IllegalArgumentException("--outputs: " + pattern + " has no " + OUTPUT_ID + ", so the model's "
                    + outputs + " outputs would overwrite each other");
        }
    }

    /**
     * Resolves the file of one output of one sample.
     *
     * @throws UnsafeReferenceException when a value is not a plain file name or the path leaves the output folder
     */
    Path resolve(String sampleId, String outputId) throws UnsafeReferenceException {
        // each value with the ending must be one plain file name, wherever the pattern puts it
        TargetPaths.fileIn(dir, sampleId + "." + extension, "sample id '" + sampleId + "'");
        TargetPaths.fileIn(dir, outputId + "." + extension, "output id '" + outputId + "'");
        String relative = pattern.replace(SAMPLE_ID, sampleId).replace(OUTPUT_ID, outputId);
        Path file = dir.resolve(relative).normalize();
        if (!file.startsWith(dir) || file.equals(dir)) {
            throw new UnsafeReferenceException(
                    relative, "(from --outputs " + pattern + ") does not stay inside the output folder " + dir);
        }
        return file;
    }
}
