package eu.riscale.modelhub.core.resource;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * Builds the paths of files the SDK writes from names that come from data (a tensor id in a description, a weights
 * format), so that a hostile name can never lead a write outside its target folder.
 *
 * <pre>{@code
 * Path file = TargetPaths.fileIn(outputDir, output.id() + ".npy", "output id '" + output.id() + "'");
 * }</pre>
 *
 * <p>A name is accepted when it is one plain file name: not empty, not {@code .} or {@code ..}, no {@code /} or
 * {@code \}, no {@code :} (a Windows drive or stream), no control characters, and the resolved path is a direct child
 * of the folder. Thread-safe and without side effects: nothing is created.
 */
public final class TargetPaths {
    private TargetPaths() {}

    /**
     * Resolves a file name inside a folder, refusing names that would leave it.
     *
     * @param folder the target folder
     * @param fileName the file name, built from data
     * @param what what the name was built from, for the message, for example {@code output id '../x'}
     * @return the path of the file, a direct child of {@code folder}
     * @throws UnsafeReferenceException when the name is not one plain file name, naming it and the folder
     */
    public static Path fileIn(Path folder, String fileName, String what) throws UnsafeReferenceException {
        String problem = problem(fileName);
        Path base = folder.toAbsolutePath().normalize();
        if (problem == null) {
            Path file = base.resolve(fileName).normalize();
            if (base.equals(file.getParent())) {
                return file;
            }
            problem = "does not stay inside the folder";
        }
        throw new UnsafeReferenceException(
                fileName,
                "(from " + what + ") cannot be a file name in " + base + ": it " + problem
                        + "; expected one plain file name without / \\ : or ..");
    }

    /**
     * Checks that a name built from data is one plain file name, for callers that put it into a path themselves (a
     * file name pattern, a zip entry). The rule is the one {@link #fileIn} applies.
     *
     * <pre>{@code
     * String name = TargetPaths.plainName(sampleId, "sample id '" + sampleId + "'");
     * }</pre>
     *
     * @param name the name, built from data
     * @param what what the name was built from, for the message
     * @return {@code name}
     * @throws UnsafeReferenceException when the name is not one plain file name, saying why
     */
    public static String plainName(String name, String what) throws UnsafeReferenceException {
        String problem = problem(name);
        if (problem != null) {
            throw new UnsafeReferenceException(
                    name,
                    "(from " + what + ") cannot be a file name: it " + problem
                            + "; expected one plain file name without / \\ : or ..");
        }
        return name;
    }

    private static @Nullable String problem(String name) {
        if (name.isEmpty()) {
            return "is empty";
        }
        if (name.equals(".") || name.startsWith("..")) {
            return "starts with ..";
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '/' || c == '\\') {
                return "contains a path separator";
            }
            if (c == ':') {
                return "contains ':'";
            }
            if (c < 0x20 || c == 0x7f) {
                return "contains a control character";
            }
        }
        return null;
    }
}
