package eu.riscale.modelhub.core.resource;

/**
 * A file reference (from a description, a zip entry name or a package entry name) is not allowed: it leaves its root
 * ({@code ../}), is absolute, uses a scheme other than http/https, or is otherwise malformed.
 */
public final class UnsafeReferenceException extends ResourceException {
    private static final long serialVersionUID = 1L;

    /** The refused reference, as written. */
    private final String reference;

    /**
     * Creates an exception for one reference.
     *
     * @param reference the reference as written
     * @param reason why it is refused, for example "leaves the package root"
     */
    public UnsafeReferenceException(String reference, String reason) {
        super("file reference '" + reference + "' " + reason);
        this.reference = reference;
    }

    /** {@return the refused reference, as written} */
    public String reference() {
        return reference;
    }
}
