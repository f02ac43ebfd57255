package eu.riscale.modelhub.core.description;

import eu.riscale.modelhub.spec.validation.Diagnostic;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A description could not be read: the YAML is malformed, too large, or does not have the structure of a model
 * description of format 0.5.
 *
 * <p>{@link #problems()} lists every problem found, each with its path; the message names the source and repeats
 * them, one per line.
 */
public final class DescriptionException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String source;
    private final transient List<Diagnostic> problems;

    /**
     * Creates the exception.
     *
     * @param source the file name or other label of the document
     * @param problems the problems found, at least one
     */
    public DescriptionException(String source, List<Diagnostic> problems) {
        super(render(source, problems));
        this.source = source;
        this.problems = List.copyOf(problems);
    }

    private static String render(String source, List<Diagnostic> problems) {
        return "invalid model description " + source + " (" + problems.size() + " problem"
                + (problems.size() == 1 ? "" : "s") + "):\n"
                + problems.stream().map(p -> "  " + p).collect(Collectors.joining("\n"));
    }

    /** {@return the file name or other label of the document} */
    public String source() {
        return source;
    }

    /** {@return every problem found, in document order where possible} */
    public List<Diagnostic> problems() {
        return problems;
    }
}
