package eu.riscale.modelhub.core.resource;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;

/**
 * A normalised path inside a package root, such as {@code weights.pt} or {@code data/test_input.npy}: the form every
 * relative reference, zip entry name and package entry name takes once checked.
 *
 * <p>{@link #of(String)} removes {@code .} and empty segments and applies {@code ..}, and refuses anything that would
 * leave the root or is absolute: {@code ../x}, {@code a/../../x}, {@code /etc/passwd}, {@code C:/x}, names with
 * {@code \}, NUL or other control characters. The result uses {@code /} and never starts or ends with it.
 *
 * @param value the normalised path, segments separated by {@code /}
 */
public record PackagePath(String value) {
    /**
     * Checks that {@code value} is already normalised.
     *
     * @param value the normalised path
     *
     * @throws IllegalArgumentException when it is not; use {@link #of(String)} for untrusted text
     */
    public PackagePath {
        if (value == null) {
            throw new IllegalArgumentException("package path must not be null");
        }
        String normalised;
        try {
            normalised = normalise(value);
        } catch (UnsafeReferenceException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        if (!normalised.equals(value)) {
            throw new IllegalArgumentException(
                    "package path '" + value + "' is not normalised, expected '" + normalised + "'");
        }
    }

    /**
     * Checks and normalises a reference.
     *
     * @param reference a relative reference as written in a description or archive
     * @return the normalised path
     * @throws UnsafeReferenceException when the reference is empty, absolute, leaves the root or contains characters
     *     that are not allowed, naming the reference
     */
    public static PackagePath of(String reference) throws UnsafeReferenceException {
        return new PackagePath(normalise(reference));
    }

    private static String normalise(String reference) throws UnsafeReferenceException {
        if (reference.isEmpty()) {
            throw new UnsafeReferenceException(reference, "is empty");
        }
        for (int i = 0; i < reference.length(); i++) {
            char c = reference.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                throw new UnsafeReferenceException(reference, "contains a control character at index " + i);
            }
            if (c == '\\') {
                throw new UnsafeReferenceException(reference, "contains '\\'; expected '/' as separator");
            }
        }
        if (reference.startsWith("/")) {
            throw new UnsafeReferenceException(reference, "is absolute; expected a path relative to the package root");
        }
        if (reference.length() >= 2
                && reference.charAt(1) == ':'
                && Character.isLetter(reference.charAt(0))
                && reference.charAt(0) < 0x80) {
            throw new UnsafeReferenceException(
                    reference, "is an absolute Windows path; expected a path relative to the package root");
        }
        Deque<String> segments = new ArrayDeque<>();
        for (String segment : reference.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (segment.equals("..")) {
                if (segments.isEmpty()) {
                    throw new UnsafeReferenceException(reference, "leaves the package root");
                }
                segments.removeLast();
            } else {
                segments.addLast(segment);
            }
        }
        if (segments.isEmpty()) {
            throw new UnsafeReferenceException(reference, "names the package root, not a file");
        }
        return String.join("/", segments);
    }

    /** {@return the last segment, the file name} */
    public String fileName() {
        return value.substring(value.lastIndexOf('/') + 1);
    }

    /**
     * Tells whether this path is a description file name: {@code rdf.yaml}, {@code bioimageio.yaml},
     * {@code model.yaml} or a name ending in {@code .rdf.yaml} or {@code .bioimageio.yaml}. Packages reserve these
     * names for the description; a description may not refer to such a file as an attachment or weights.
     *
     * @return whether the file name is reserved for descriptions
     */
    public boolean isDescriptionName() {
        return isDescriptionName(fileName());
    }

    static boolean isDescriptionName(String fileName) {
        String name = fileName.toLowerCase(Locale.ROOT);
        return name.equals("rdf.yaml")
                || name.equals("bioimageio.yaml")
                || name.equals("model.yaml")
                || name.endsWith(".rdf.yaml")
                || name.endsWith(".bioimageio.yaml");
    }

    /** {@return the normalised path} */
    @Override
    public String toString() {
        return value;
    }
}
