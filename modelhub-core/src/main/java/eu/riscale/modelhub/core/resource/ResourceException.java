package eu.riscale.modelhub.core.resource;

import java.io.IOException;

/**
 * A package file could not be read, found, trusted or written; the message names the file, reference or URL and what
 * was expected.
 *
 * <p>The subclasses tell the recoverable cases apart: {@link UnsafeReferenceException}, {@link UnsafeArchiveException},
 * {@link Sha256MismatchException}, {@link OfflineException}, {@link DownloadException} and
 * {@link DescriptionNotFoundException}.
 */
public class ResourceException extends IOException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception with a message.
     *
     * @param message what went wrong, naming the file or reference
     */
    public ResourceException(String message) {
        super(message);
    }

    /**
     * Creates an exception with a message and a cause.
     *
     * @param message what went wrong, naming the file or reference
     * @param cause the underlying failure
     */
    public ResourceException(String message, Throwable cause) {
        super(message, cause);
    }
}
