package eu.riscale.modelhub.spark;

import eu.riscale.modelhub.core.resource.TargetPaths;
import eu.riscale.modelhub.core.resource.UnsafeReferenceException;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The output file pattern of {@link SparkPredictor#write}: {@code {sample_id}} and {@code {output_id}} are replaced
 * by values that must be plain file names by core's rule ({@link TargetPaths#plainName}: no folder separators, not
 * {@code .} or {@code ..}, no {@code :} or control characters), so that data cannot make a file land outside the
 * pattern's folders.
 *
 * @param pattern the pattern
 * @param npy whether the files are {@code .npy} (else TIFF or PNG)
 */
record OutputFiles(String pattern, boolean npy) implements Serializable {
    private static final long serialVersionUID = 1L;
    static final String SAMPLE_ID = "{sample_id}";
    static final String OUTPUT_ID = "{output_id}";

    /**
     * Checks a pattern.
     *
     * @param outputs how many outputs the model has ({@code {output_id}} is needed for more than one)
     * @throws IllegalArgumentException naming what is missing or wrong
     */
    static OutputFiles of(String pattern, int outputs) {
        if (!pattern.contains(SAMPLE_ID)) {
            throw new IllegalArgumentException(
                    "pattern: found '" + pattern + "', expected {sample_id} in it (one file per sample and output)");
        }
        if (outputs > 1 && !pattern.contains(OUTPUT_ID)) {
            throw new IllegalArgumentException("pattern: found '" + pattern + "', expected {output_id} in it: the"
                    + " model has " + outputs + " outputs");
        }
        String lower = pattern.toLowerCase(Locale.ROOT);
        boolean npy = lower.endsWith(".npy");
        if (!npy && !lower.endsWith(".tif") && !lower.endsWith(".tiff") && !lower.endsWith(".png")) {
            throw new IllegalArgumentException(
                    "pattern: found '" + pattern + "', expected it to end in .npy, .tif, .tiff or .png");
        }
        return new OutputFiles(pattern, npy);
    }

    /**
     * {@return the file of one output of one sample}
     *
     * @throws IllegalArgumentException when an id is not a plain name
     */
    Path file(String sampleId, String outputId) {
        return Path.of(pattern.replace(SAMPLE_ID, plain(sampleId, "sample_id"))
                .replace(OUTPUT_ID, plain(outputId, "output id")));
    }

    private static String plain(String value, String what) {
        try {
            return TargetPaths.plainName(value, what);
        } catch (UnsafeReferenceException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }
}
