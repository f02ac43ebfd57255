package eu.riscale.modelhub.core.resource;

/**
 * A description file is larger than {@link ResourceSettings#maxDescriptionBytes()}: refused before it is parsed, so an
 * oversized {@code rdf.yaml} (or one that inflates from a small zip) cannot exhaust memory or time.
 */
public final class DescriptionTooLargeException extends ResourceException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception.
     *
     * @param location the description file
     * @param limit the limit in bytes
     * @param found the size found, or -1 when only "more than the limit" is known
     */
    public DescriptionTooLargeException(String location, long limit, long found) {
        super("description " + location + " is " + (found < 0 ? "larger than " + limit : found) + " bytes, more than"
                + " the limit of " + limit + " bytes for a description (ResourceSettings.maxDescriptionBytes,"
                + " --max-description-size)");
    }
}
