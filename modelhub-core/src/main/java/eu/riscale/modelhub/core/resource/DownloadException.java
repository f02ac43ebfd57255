package eu.riscale.modelhub.core.resource;

import java.net.URI;
import org.jspecify.annotations.Nullable;

/** An http(s) download failed; {@link #reason()} says how. */
public final class DownloadException extends ResourceException {
    private static final long serialVersionUID = 1L;

    /** How a download failed. */
    public enum Reason {
        /** Connecting, waiting for the response or waiting for more body bytes took longer than the timeout. */
        TIMEOUT,
        /** The body (declared or streamed) exceeds {@link ResourceSettings#maxDownloadBytes()}. */
        TOO_LARGE,
        /** More redirects than {@link ResourceSettings#maxRedirects()}. */
        TOO_MANY_REDIRECTS,
        /** A redirect without a location or to a scheme other than http/https. */
        BAD_REDIRECT,
        /** The server answered 404 or 410. */
        NOT_FOUND,
        /** The server answered another non-success status. */
        HTTP_STATUS,
        /**
         * The connection failed or broke: the host is unknown (no network?), the connection was refused, or it broke
         * off; the message says which.
         */
        CONNECTION,
        /** The body ended before the length the server declared: a partial download, never cached. */
        TRUNCATED,
        /** The server sent slower than {@link ResourceSettings#minTransferRate()} over a whole read timeout. */
        TOO_SLOW
    }

    /** The URL whose download failed. */
    private final URI uri;

    /** How it failed. */
    private final Reason reason;

    /** What happened, without the URL. */
    private final String detail;

    /**
     * Creates an exception.
     *
     * @param uri the URL being downloaded
     * @param reason how it failed
     * @param detail what happened, for the message
     * @param cause the underlying failure, or {@code null}
     */
    public DownloadException(URI uri, Reason reason, String detail, @Nullable Throwable cause) {
        super("download of " + uri + " failed: " + detail, cause);
        this.uri = uri;
        this.reason = reason;
        this.detail = detail;
    }

    /** {@return the URL whose download failed} */
    public URI uri() {
        return uri;
    }

    /** {@return how the download failed} */
    public Reason reason() {
        return reason;
    }

    /**
     * {@return what happened, without the URL: for example {@code host 'example.org' not found (no network?); run with
     * --offline (or MODELHUB_OFFLINE=1) to skip remote files}, for callers that name the URL themselves}
     */
    public String detail() {
        return detail;
    }
}
