package eu.riscale.modelhub.cli;

import eu.riscale.modelhub.core.resource.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** What the commands share: messages of exceptions and atomic file writes. */
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

    /** Writes text to a file through a temporary file in the same folder, so the file is never half written. */
    static void writeAtomically(Path file, String text) throws IOException {
        AtomicFiles.write(file, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
    }
}
