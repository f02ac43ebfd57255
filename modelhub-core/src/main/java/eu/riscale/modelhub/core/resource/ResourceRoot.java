package eu.riscale.modelhub.core.resource;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Where a description and the files it refers to live: a folder ({@link FolderRoot}), a zip package read in place
 * ({@link ZipRoot}) or a base URL ({@link RemoteRoot}).
 *
 * <p>Open a root from a description file, a folder, a {@code .zip} or an http(s) URL; then read the
 * {@link #description()} and {@link #resolve(String)} the references it contains:
 *
 * <pre>{@code
 * try (ResourceRoot root = ResourceRoot.open(Path.of("my-model.zip"), ResourceSettings.defaults())) {
 *     byte[] yaml = root.description().open().readAllBytes();
 *     FileSource weights = root.resolve("weights.pt");
 *     weights.verify(Sha256.parse(declaredSha256));
 * }
 * }</pre>
 *
 * <p>Relative references may not leave the root, and references with a scheme must be http(s) URLs; both rules are
 * checked by {@link #resolve(String)}, which names the refused reference. A root must be closed (a zip package keeps
 * its file open); closing is idempotent. Roots may be shared between threads.
 */
public sealed interface ResourceRoot extends AutoCloseable permits FolderRoot, ZipRoot, RemoteRoot {
    /**
     * Opens a local source with the {@link ResourceSettings#defaults() default settings}.
     *
     * @param source a description file, a folder or a zip package
     * @return the root
     * @throws IOException as {@link #open(Path, DownloadCache)}
     */
    static ResourceRoot open(Path source) throws IOException {
        return open(source, DownloadCache.create(ResourceSettings.defaults()));
    }

    /**
     * Opens a local source.
     *
     * @param source a description file, a folder or a zip package
     * @param settings limits and the cache for remote references
     * @return the root
     * @throws IOException as {@link #open(Path, DownloadCache)}
     */
    static ResourceRoot open(Path source, ResourceSettings settings) throws IOException {
        return open(source, DownloadCache.create(settings));
    }

    /**
     * Opens a local source: a folder (its description file is found by name), a zip package (recognised by its
     * content, read in place) or a description file (its folder is the root).
     *
     * @param source a description file, a folder or a zip package
     * @param cache the cache for http(s) references, whose settings also give the zip limits
     * @return the root
     * @throws NoSuchFileException when the source does not exist
     * @throws DescriptionNotFoundException when a folder or zip has no description file or several
     * @throws UnsafeArchiveException when a zip package is refused
     * @throws IOException when reading fails
     */
    static ResourceRoot open(Path source, DownloadCache cache) throws IOException {
        Path path = source.toAbsolutePath().normalize();
        if (Files.isDirectory(path)) {
            return FolderRoot.open(path, null, cache);
        }
        if (!Files.isRegularFile(path)) {
            throw new NoSuchFileException(path.toString(), null, "no such file or folder");
        }
        if (ZipRoot.looksLikeZip(path)) {
            return ZipRoot.open(path, path.toString(), cache);
        }
        if (path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".zip")) {
            throw new UnsafeArchiveException("zip package " + path + " is not a zip file (it does not start with PK)");
        }
        Path parent = path.getParent();
        return FolderRoot.open(
                parent == null ? path.getRoot() : parent, path.getFileName().toString(), cache);
    }

    /**
     * Opens an http(s) source with its own cache.
     *
     * @param source the URL of a description file or a zip package
     * @param settings cache, offline mode and limits
     * @return the root
     * @throws IOException as {@link #open(URI, DownloadCache)}
     */
    static ResourceRoot open(URI source, ResourceSettings settings) throws IOException {
        return open(source, DownloadCache.create(settings));
    }

    /**
     * Opens an http(s) source. The URL is fetched through the cache at once; a zip package (by content) is then read
     * in place from the cache, a description's references resolve against the URL's folder.
     *
     * @param source the URL of a description file or a zip package
     * @param cache the download cache
     * @return the root
     * @throws UnsafeReferenceException when the URL is not http(s)
     * @throws OfflineException in offline mode when the URL is not cached
     * @throws DownloadException when the download fails
     * @throws IOException when reading fails
     */
    static ResourceRoot open(URI source, DownloadCache cache) throws IOException {
        DownloadCache.checkScheme(source.toString(), source);
        DownloadCache.CachedFile file = cache.fetch(source, null);
        if (ZipRoot.looksLikeZip(file.path())) {
            return ZipRoot.open(file.path(), source.toString(), cache);
        }
        return new RemoteRoot(source, cache);
    }

    /**
     * Opens a source given as text, as on a command line: an http(s) URL, a local path, or a published id
     * ({@code affable-shark}, {@code affable-shark/1.2}, a DOI) when no such file exists and the text
     * {@link CollectionIndex#looksLikeId looks like one}. Other schemes ({@code file:}, {@code ftp:}) are refused.
     *
     * @param source a URL, a path or a published id
     * @param settings limits, cache, offline mode and the collection index
     * @return the root
     * @throws UnsafeReferenceException for a URL with a scheme other than http or https
     * @throws UnknownIdException for an id the collection index does not list, naming the closest known ids
     * @throws IOException as the other {@code open} methods and {@link #openId}
     */
    static ResourceRoot open(String source, ResourceSettings settings) throws IOException {
        if (References.hasScheme(source)) {
            return open(References.toUri(source), settings);
        }
        Path path = Path.of(source);
        if (!Files.exists(path) && CollectionIndex.looksLikeId(source)) {
            try {
                return openId(source, DownloadCache.create(settings));
            } catch (DownloadException e) {
                throw new ResourceException(
                        "no such file or folder: " + path.toAbsolutePath()
                                + ", and looking it up as a published id failed: " + e.getMessage(),
                        e);
            }
        }
        return open(path, settings);
    }

    /**
     * Opens a published model by its id: the id is looked up in the {@link CollectionIndex} at
     * {@link ResourceSettings#collectionUrl()}, and the description it stands for is downloaded into the cache
     * (checked against the index's sha256) and opened as a URL. Once cached, this works offline.
     *
     * @param id an id as the hub publishes them: {@code affable-shark}, {@code affable-shark/1.2}, a DOI
     * @param cache the download cache
     * @return the root
     * @throws UnknownIdException when the index does not list the id, naming the closest known ids
     * @throws ResourceException offline when the index or the description is not in the cache
     * @throws IOException as {@link #open(URI, DownloadCache)}
     */
    static ResourceRoot openId(String id, DownloadCache cache) throws IOException {
        CollectionIndex.Entry entry = CollectionIndex.load(cache).resolve(id);
        try {
            cache.fetch(entry.source(), entry.sha256());
        } catch (OfflineException e) {
            throw new ResourceException("offline mode and '" + id + "' (" + entry.source()
                    + ") is not in the download cache; run once without --offline to download it");
        }
        return open(entry.source(), cache);
    }

    /** {@return the description file of this package} */
    FileSource description();

    /**
     * Reads the description file, refusing one larger than {@link ResourceSettings#maxDescriptionBytes()} of this
     * root's cache before any of it is parsed: the size is checked first where it is known, and reading stops one byte
     * past the limit (a zip entry that inflates without end, a file that grows).
     *
     * @return the bytes of the description
     * @throws DescriptionTooLargeException when the description exceeds the limit
     * @throws IOException when it cannot be read
     */
    default byte[] readDescription() throws IOException {
        return DescriptionFiles.read(description(), cache().settings().maxDescriptionBytes());
    }

    /**
     * Resolves a file reference as written in the description: a path relative to the root, or an http(s) URL.
     *
     * @param reference the reference
     * @return the file, which need not exist
     * @throws UnsafeReferenceException when the reference leaves the root, is absolute, or has a scheme other than
     *     http(s), naming the reference
     */
    FileSource resolve(String reference) throws UnsafeReferenceException;

    /** {@return where this root is, for messages: a folder, a zip file or a URL} */
    String location();

    /** {@return the cache through which remote references are fetched} */
    DownloadCache cache();

    /** Releases the root's resources; idempotent, and a no-op for folders and URLs. */
    @Override
    void close();
}
