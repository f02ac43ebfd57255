package eu.riscale.modelhub.core.resource;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Tells URLs from relative paths in file references; shared by the roots. */
final class References {
    /** A scheme of two or more characters, so that a Windows drive {@code C:} is not taken for one. */
    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]+:.*", Pattern.DOTALL);

    private References() {}

    static boolean hasScheme(String reference) {
        return SCHEME.matcher(reference).matches();
    }

    static URI toUri(String reference) throws UnsafeReferenceException {
        URI uri;
        try {
            uri = new URI(reference.strip());
        } catch (URISyntaxException e) {
            throw new UnsafeReferenceException(reference, "is not a valid URL: " + e.getMessage());
        }
        DownloadCache.checkScheme(reference, uri);
        return uri;
    }

    /** {@return the remote file for an http(s) reference, {@code null} for a reference without scheme} */
    static @Nullable FileSource remote(String reference, DownloadCache cache) throws UnsafeReferenceException {
        return hasScheme(reference) ? new RemoteFile(toUri(reference), cache) : null;
    }
}
