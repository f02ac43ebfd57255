package eu.riscale.modelhub.core.resource;

import java.net.URI;
import java.util.List;

/** A source that looks like a published id is not listed in the collection index; {@link #closest()} says what is. */
public final class UnknownIdException extends ResourceException {
    private static final long serialVersionUID = 1L;

    /** The id as given. */
    private final String id;

    /** The known ids most like it, best first. */
    private final List<String> closest;

    /**
     * Creates the exception.
     *
     * @param id the unknown id
     * @param index the collection index it was looked up in
     * @param closest the known ids most like it, best first; may be empty
     */
    public UnknownIdException(String id, URI index, List<String> closest) {
        super("'" + id + "' is neither a file nor a published id in the collection index " + index
                + (closest.isEmpty()
                        ? "; no known id is close to it"
                        : closest.size() == 1
                                ? "; did you mean '" + closest.get(0) + "'?"
                                : "; did you mean one of " + String.join(", ", closest) + "?"));
        this.id = id;
        this.closest = List.copyOf(closest);
    }

    /** {@return the unknown id as given} */
    public String id() {
        return id;
    }

    /** {@return the known ids most like it, best first; empty when none is close} */
    public List<String> closest() {
        return closest;
    }
}
