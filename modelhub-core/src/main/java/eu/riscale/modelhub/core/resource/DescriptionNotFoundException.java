package eu.riscale.modelhub.core.resource;

import java.util.List;

/**
 * A folder or zip package has no description file, or more than one candidate and no rule to choose between them. The
 * message and {@link #candidates()} list what was found.
 */
public final class DescriptionNotFoundException extends ResourceException {
    private static final long serialVersionUID = 1L;

    /** The description file names found. */
    private final List<String> candidates;

    /**
     * Creates an exception.
     *
     * @param message what was searched and what was found
     * @param candidates the description file names found (empty when none)
     */
    public DescriptionNotFoundException(String message, List<String> candidates) {
        super(message);
        this.candidates = List.copyOf(candidates);
    }

    /** {@return the candidate description file names that were found, empty when none} */
    public List<String> candidates() {
        return candidates;
    }
}
