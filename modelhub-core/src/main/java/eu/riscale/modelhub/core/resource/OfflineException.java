package eu.riscale.modelhub.core.resource;

import java.net.URI;

/**
 * A remote file was needed in offline mode and is not in the download cache, so it was skipped without opening a
 * connection. A validator reports it as "not checked: offline" rather than as an error.
 */
public final class OfflineException extends ResourceException {
    private static final long serialVersionUID = 1L;

    /** The skipped remote file. */
    private final URI uri;

    /**
     * Creates an exception for one skipped URL.
     *
     * @param uri the remote file that was not fetched
     */
    public OfflineException(URI uri) {
        super("not checked: offline mode and " + uri + " is not in the download cache");
        this.uri = uri;
    }

    /** {@return the remote file that was skipped} */
    public URI uri() {
        return uri;
    }
}
