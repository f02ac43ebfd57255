package eu.riscale.modelhub.core.packaging;

import eu.riscale.modelhub.spec.validation.Diagnostic;
import java.util.List;

/**
 * A package could not be written because the description's files are not all usable (missing, outside the package,
 * not downloadable offline, sha256 mismatch) or because the written package does not validate. Nothing is left at the
 * target when this is thrown. {@link #issues()} lists every problem with its location in the description.
 */
public final class PackagingException extends Exception {
    private static final long serialVersionUID = 1L;

    /** The problems; an unmodifiable list of serialisable records. */
    @SuppressWarnings("serial")
    private final List<Diagnostic> issues;

    /**
     * Creates the exception.
     *
     * @param message what could not be done, naming the source or target
     * @param issues the problems found, each with its location
     */
    public PackagingException(String message, List<Diagnostic> issues) {
        super(message + describe(issues));
        this.issues = List.copyOf(issues);
    }

    /** {@return the problems, each with its location in the description} */
    public List<Diagnostic> issues() {
        return issues;
    }

    private static String describe(List<Diagnostic> issues) {
        StringBuilder s = new StringBuilder();
        for (Diagnostic i : issues) {
            if (i.isError()) {
                s.append(System.lineSeparator()).append("  ").append(i);
            }
        }
        return s.toString();
    }
}
