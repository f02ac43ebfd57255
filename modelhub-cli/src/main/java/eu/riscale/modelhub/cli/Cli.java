package eu.riscale.modelhub.cli;

import eu.riscale.modelhub.core.resource.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;

/** What the commands share: messages of exceptions, sizes for people and atomic file writes. */
final class Cli {
    private Cli() {}

    /** {@return a one-line message for an exception, naming the file for the JDK's bare file exceptions} */
    static String message(Throwable e) {
        if (e instanceof NoSuchFileException n) {
            return "no such file or folder: " + n.getFile();
        }
        String m = e.getMessage();
        return m == null ? e.getClass().getSimpleName() : m;
    }

    /** {@return a size as people read it: {@code 950 B}, {@code 2.8 kB}, {@code 1.8 MB}, {@code 4.3 GB}} */
    static String size(long bytes) {
        if (bytes < 1000) {
            return bytes + " B";
        }
        String[] units = {"kB", "MB", "GB", "TB"};
        double value = bytes;
        int unit = -1;
        while (value >= 1000 && unit < units.length - 1) {
            value /= 1000;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }

    /** Writes text to a file through a temporary file in the same folder, so the file is never half written. */
    static void writeAtomically(Path file, String text) throws IOException {
        AtomicFiles.write(file, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
    }
}
