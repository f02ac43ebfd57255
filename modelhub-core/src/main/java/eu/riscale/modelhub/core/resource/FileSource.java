package eu.riscale.modelhub.core.resource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * One file of a package: a local file, an entry of a zip package, a remote file behind an http(s) URL, or bytes in
 * memory. {@link ResourceRoot#resolve(String)} gives the file a description refers to; {@link #of(Path)} and
 * {@link #ofBytes(String, byte[])} make sources for {@link PackageWriter}.
 *
 * <p>Remote files are fetched through the {@link DownloadCache} the first time their content is needed; in offline
 * mode that fails with {@link OfflineException} unless they are cached. {@link #sha256()} and {@link #verify(Sha256)}
 * stream, so large weights are never held in memory.
 *
 * <p>Implementations are immutable and may be used from several threads; a zip entry can only be read while its
 * {@link ZipRoot} is open.
 */
public sealed interface FileSource permits LocalFile, ZipEntryFile, RemoteFile, BytesFile {
    /**
     * Makes a source of a local file, for example one to put into a package.
     *
     * @param file the file
     * @return the source
     */
    static FileSource of(Path file) {
        return new LocalFile(file.toAbsolutePath().normalize(), null);
    }

    /**
     * Makes a source of bytes, for example a description serialised to YAML.
     *
     * @param fileName the file name the bytes would have, used to plan package names and in messages
     * @param bytes the content, copied
     * @return the source
     */
    static FileSource ofBytes(String fileName, byte[] bytes) {
        return new BytesFile(fileName, bytes);
    }

    /** {@return where the file is, for messages: a path, {@code package.zip!/entry}, or a URL} */
    String location();

    /** {@return the file name, the last segment of the path or URL} */
    String fileName();

    /**
     * Opens the content. A remote file is downloaded into the cache first (or served from it).
     *
     * @return a stream the caller closes
     * @throws IOException when the file does not exist or cannot be read; a {@link ResourceException} for the cases
     *     that have one (offline, unsafe, download failures)
     */
    InputStream open() throws IOException;

    /**
     * Tells whether the file exists. For a remote file this fetches it through the cache (404 and 410 mean absent).
     *
     * @return whether the file exists
     * @throws IOException when this cannot be told, for example {@link OfflineException} for an uncached remote file
     *     in offline mode
     */
    boolean exists() throws IOException;

    /**
     * Gives the size of the content.
     *
     * @return the size in bytes
     * @throws IOException when the file does not exist or cannot be read
     */
    long size() throws IOException;

    /**
     * Computes the sha256 of the content, streaming.
     *
     * @return the sha256
     * @throws IOException when the file cannot be read
     */
    default Sha256 sha256() throws IOException {
        try (InputStream in = open()) {
            return Sha256.of(in);
        }
    }

    /**
     * Computes the sha256 and compares it with the declared value, if any — the check behind a description's
     * {@code sha256} fields and behind {@code update-hashes} (which calls this with {@code null} to get the value).
     *
     * @param expected the declared sha256, or {@code null} when none is declared
     * @return the actual sha256
     * @throws Sha256MismatchException when a declared value differs, naming both values and the file
     * @throws IOException when the file cannot be read
     */
    default Sha256 verify(@Nullable Sha256 expected) throws IOException {
        Sha256 actual = sha256();
        if (expected != null && !expected.equals(actual)) {
            throw new Sha256MismatchException(location(), expected, actual);
        }
        return actual;
    }

    /**
     * Opens the content after checking it against the declared sha256: a file that fails its check is never read. A
     * remote file serves the very bytes that were verified (see {@link RemoteFile#openVerified}); local files and zip
     * entries are hashed first and then opened.
     *
     * @param expected the declared sha256, or {@code null} to open without a check
     * @return a stream the caller closes
     * @throws Sha256MismatchException when the content differs from {@code expected}
     * @throws IOException when the file cannot be read
     */
    default InputStream openVerified(@Nullable Sha256 expected) throws IOException {
        verify(expected);
        return open();
    }
}
