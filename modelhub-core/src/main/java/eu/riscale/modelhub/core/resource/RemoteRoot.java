package eu.riscale.modelhub.core.resource;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * A description behind an http(s) URL: relative references resolve against the URL's folder, and every file is
 * fetched through the {@link DownloadCache}.
 */
public final class RemoteRoot implements ResourceRoot {
    private final URI descriptionUri;
    private final URI base;
    private final DownloadCache cache;

    RemoteRoot(URI descriptionUri, DownloadCache cache) {
        this.descriptionUri = descriptionUri;
        this.base = descriptionUri.resolve(".");
        this.cache = cache;
    }

    /** {@return the URL against which relative references resolve, ending in {@code /}} */
    public URI base() {
        return base;
    }

    /** {@inheritDoc} */
    @Override
    public RemoteFile description() {
        return new RemoteFile(descriptionUri, cache);
    }

    /** {@inheritDoc} */
    @Override
    public FileSource resolve(String reference) throws UnsafeReferenceException {
        FileSource remote = References.remote(reference, cache);
        if (remote != null) {
            return remote;
        }
        PackagePath path = PackagePath.of(reference);
        try {
            URI relative = new URI(null, null, path.value(), null);
            return new RemoteFile(base.resolve(relative), cache);
        } catch (URISyntaxException e) {
            throw new UnsafeReferenceException(reference, "cannot be made into a URL: " + e.getMessage());
        }
    }

    /** {@inheritDoc} */
    @Override
    public String location() {
        return descriptionUri.toString();
    }

    /** {@inheritDoc} */
    @Override
    public DownloadCache cache() {
        return cache;
    }

    /** Does nothing: downloads live in the cache. */
    @Override
    public void close() {}

    @Override
    public String toString() {
        return "RemoteRoot[" + descriptionUri + "]";
    }
}
