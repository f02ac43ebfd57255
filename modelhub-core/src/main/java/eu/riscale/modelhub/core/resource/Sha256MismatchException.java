package eu.riscale.modelhub.core.resource;

/** The sha256 of a file differs from the value the description declares. */
public final class Sha256MismatchException extends ResourceException {
    private static final long serialVersionUID = 1L;

    /** The file, zip entry or URL that was hashed. */
    private final String location;

    /** The declared value. */
    private final Sha256 expected;

    /** The value of the content. */
    private final Sha256 actual;

    /**
     * Creates an exception.
     *
     * @param location the file, zip entry or URL that was hashed
     * @param expected the declared value
     * @param actual the value computed from the content
     */
    public Sha256MismatchException(String location, Sha256 expected, Sha256 actual) {
        super("sha256 mismatch for " + location + ": expected " + expected + ", found " + actual);
        this.location = location;
        this.expected = expected;
        this.actual = actual;
    }

    /** {@return the file, zip entry or URL that was hashed} */
    public String location() {
        return location;
    }

    /** {@return the declared sha256} */
    public Sha256 expected() {
        return expected;
    }

    /** {@return the sha256 of the actual content} */
    public Sha256 actual() {
        return actual;
    }
}
