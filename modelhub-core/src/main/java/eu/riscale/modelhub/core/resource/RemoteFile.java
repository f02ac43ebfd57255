package eu.riscale.modelhub.core.resource;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import org.jspecify.annotations.Nullable;

/**
 * A file behind an http(s) URL, fetched through a {@link DownloadCache} when its content is first needed. In offline
 * mode only cached content is served; other access fails with {@link OfflineException}.
 */
public final class RemoteFile implements FileSource {
    private final URI uri;
    private final DownloadCache cache;
    private final @Nullable Sha256 pinned;

    RemoteFile(URI uri, DownloadCache cache) {
        this(uri, cache, null);
    }

    private RemoteFile(URI uri, DownloadCache cache, @Nullable Sha256 pinned) {
        this.uri = uri;
        this.cache = cache;
        this.pinned = pinned;
    }

    /**
     * Returns this file pinned to a sha256: every access ({@link #open()}, {@link #size()}, ...) then gives only content
     * with that hash, downloaded and verified, or cached and hashed again; never the URL's unverified body.
     *
     * @param sha256 the declared sha256
     * @return the pinned file
     */
    public RemoteFile pinned(Sha256 sha256) {
        return new RemoteFile(uri, cache, sha256);
    }

    /** {@return the URL} */
    public URI uri() {
        return uri;
    }

    /** {@inheritDoc} */
    @Override
    public String location() {
        return uri.toString();
    }

    /** {@inheritDoc} */
    @Override
    public String fileName() {
        String path = uri.getPath();
        if (path == null || path.isEmpty() || path.endsWith("/")) {
            return "file";
        }
        String[] segments = path.split("/");
        String last = segments[segments.length - 1];
        if ("zenodo.org".equalsIgnoreCase(uri.getHost())
                && path.startsWith("/api/records/")
                && last.equals("content")
                && segments.length > 2) {
            return segments[segments.length - 2]; // Zenodo serves files as .../files/<name>/content
        }
        return last;
    }

    /**
     * Fetches the file into the cache (or finds it there), checking a known sha256 before it is stored.
     *
     * @param expected the declared sha256, or {@code null}
     * @return the cached file
     * @throws IOException as {@link DownloadCache#fetch(URI, Sha256)}
     */
    public DownloadCache.CachedFile fetch(@Nullable Sha256 expected) throws IOException {
        if (pinned != null && expected != null && !expected.equals(pinned)) {
            throw new Sha256MismatchException(uri + " (pinned to " + pinned + ")", expected, pinned);
        }
        return cache.fetch(uri, expected == null ? pinned : expected);
    }

    /** {@inheritDoc} */
    @Override
    public InputStream open() throws IOException {
        return Files.newInputStream(fetch(null).path());
    }

    /**
     * {@inheritDoc}
     *
     * <p>Serves the content with the declared hash from the cache (verified when it was stored and hashed again when
     * served), so that what is checked is what is read.
     */
    @Override
    public InputStream openVerified(@Nullable Sha256 expected) throws IOException {
        return Files.newInputStream(fetch(expected).path());
    }

    /** {@inheritDoc} */
    @Override
    public boolean exists() throws IOException {
        try {
            fetch(null);
            return true;
        } catch (DownloadException e) {
            if (e.reason() == DownloadException.Reason.NOT_FOUND) {
                return false;
            }
            throw e;
        }
    }

    /** {@inheritDoc} */
    @Override
    public long size() throws IOException {
        return fetch(null).size();
    }

    /** {@inheritDoc} */
    @Override
    public Sha256 sha256() throws IOException {
        return fetch(null).sha256();
    }

    /**
     * {@inheritDoc}
     *
     * <p>The declared value is handed to the cache, so a cached copy with that hash is used without a download.
     */
    @Override
    public Sha256 verify(@Nullable Sha256 expected) throws IOException {
        return fetch(expected).sha256();
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof RemoteFile
                && ((RemoteFile) o).uri.equals(uri)
                && java.util.Objects.equals(((RemoteFile) o).pinned, pinned);
    }

    @Override
    public int hashCode() {
        return uri.hashCode();
    }

    @Override
    public String toString() {
        return location();
    }
}
