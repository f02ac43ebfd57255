package eu.riscale.modelhub.core.upload;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An upload was refused or failed; {@link #kind()} says how, the message says at which step and what to do. Messages
 * never contain the token.
 */
public final class UploadException extends Exception {
    private static final long serialVersionUID = 1L;

    /** How an upload failed. */
    public enum Kind {
        /** The package is invalid or failed its tests; refused before any request. */
        INVALID_PACKAGE,
        /** No token was given; refused before any request. */
        NO_TOKEN,
        /** The hub answered 401: the token is missing, invalid or expired. */
        UNAUTHORIZED,
        /** The hub answered 403: the token may not do this. */
        FORBIDDEN,
        /** The hub answered 409: the draft or a file conflicts with what is there. */
        CONFLICT,
        /** The hub answered with a 5xx status. */
        SERVER,
        /** The hub answered with another unexpected status (4xx other than the above). */
        HTTP_STATUS,
        /** No answer in time. */
        TIMEOUT,
        /** The connection could not be made or broke. */
        CONNECTION,
        /** The hub answered 2xx with something other than what the protocol says. */
        PROTOCOL
    }

    /** How it failed. */
    private final Kind kind;

    /** The HTTP status, or 0 when there was no answer. */
    private final int status;

    /** For {@link Kind#INVALID_PACKAGE}: every problem, one line each. */
    private final List<String> problems;

    /**
     * Creates an exception.
     *
     * @param kind how it failed
     * @param message what went wrong, at which step, and what to do
     * @param status the HTTP status, or 0
     * @param problems the package's problems, one line each, for {@link Kind#INVALID_PACKAGE}
     * @param cause the underlying failure, or {@code null}
     */
    public UploadException(Kind kind, String message, int status, List<String> problems, @Nullable Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.status = status;
        this.problems = List.copyOf(problems);
    }

    /** {@return how the upload failed} */
    public Kind kind() {
        return kind;
    }

    /** {@return the HTTP status of the failed request, or 0 when there was no answer or no request} */
    public int status() {
        return status;
    }

    /** {@return for an invalid package, every problem, one line each; otherwise empty} */
    public List<String> problems() {
        return problems;
    }
}
