package eu.riscale.modelhub.core.resource;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;

/**
 * A content-addressed disk cache of http(s) downloads, and the only place the SDK opens network connections.
 *
 * <p>Layout under {@link ResourceSettings#cacheDir()}: {@code sha256/<hex>} holds each content once, named by its
 * sha256; {@code urls/<sha256 of the URL>} records which content a URL gave; {@code tmp/} holds downloads in progress,
 * which are moved into place atomically once complete and verified. A file is served from the cache without a request
 * when its declared sha256 is in the cache, or when the URL was fetched before.
 *
 * <p>What the cache guarantees: content is served only after its own bytes were hashed again and found equal to the
 * name it is stored under (a cache file changed on disk is deleted and fetched again); a body that fails its declared
 * sha256, ends before its declared length, or breaks off is never stored; a body whose end only the closing connection
 * marked (no length, not chunked) is stored by its hash but never recorded as the URL's content unless a declared
 * sha256 confirmed it. Leftovers of killed processes in {@code tmp/} are removed once they have not changed for an hour.
 *
 * <p>Downloads follow at most {@link ResourceSettings#maxRedirects()} redirects (only to http and https), give up when
 * connecting or waiting for data takes longer than the timeouts or the whole download longer than
 * {@link ResourceSettings#downloadTimeout()}, and stop reading past {@link ResourceSettings#maxDownloadBytes()}. In
 * offline mode no connection is opened: uncached files fail with {@link OfflineException} and are listed by
 * {@link #skipped()}.
 *
 * <p>Thread-safe; several processes may share one cache directory.
 */
public final class DownloadCache {
    /** What to do when the network cannot be reached, appended to such messages. */
    static final String OFFLINE_HINT = "run with --offline (or MODELHUB_OFFLINE=1) to skip remote files";

    private final ResourceSettings settings;
    private static final Duration STALE = Duration.ofHours(1);

    private final Set<URI> skipped = ConcurrentHashMap.newKeySet();
    private final Map<URI, CachedFile> unindexed = new ConcurrentHashMap<>();
    private volatile @Nullable HttpClient client;

    private DownloadCache(ResourceSettings settings) {
        this.settings = settings;
    }

    /**
     * Creates a cache; nothing is created on disk or network until the first fetch.
     *
     * @param settings the cache directory, offline flag and limits
     * @return the cache
     */
    public static DownloadCache create(ResourceSettings settings) {
        return new DownloadCache(settings);
    }

    /** {@return the settings of this cache} */
    public ResourceSettings settings() {
        return settings;
    }

    /** {@return the remote files that offline mode skipped so far, in no particular order} */
    public Set<URI> skipped() {
        return Set.copyOf(skipped);
    }

    /**
     * A file in the cache.
     *
     * @param uri the URL it was fetched from
     * @param path the cached content; do not modify it
     * @param sha256 the sha256 of the content
     * @param size the size in bytes
     */
    public record CachedFile(URI uri, Path path, Sha256 sha256, long size) {}

    /**
     * Finds a file in the cache without touching the network.
     *
     * @param uri the URL
     * @param expected the declared sha256, or {@code null}
     * @return the cached file, or empty when neither the hash nor the URL is cached
     * @throws IOException when the cache cannot be read
     */
    public Optional<CachedFile> cached(URI uri, @Nullable Sha256 expected) throws IOException {
        if (expected != null) {
            Optional<CachedFile> byHash = content(uri, expected);
            if (byHash.isPresent()) {
                return byHash;
            }
        }
        CachedFile session = unindexed.get(uri);
        if (session != null) {
            Optional<CachedFile> again = content(uri, session.sha256());
            if (again.isPresent()) {
                return again;
            }
            unindexed.remove(uri);
        }
        Path index = indexPath(uri);
        if (!Files.isRegularFile(index)) {
            return Optional.empty();
        }
        String line = Files.readString(index, StandardCharsets.UTF_8)
                .lines()
                .findFirst()
                .orElse("");
        Sha256 hash;
        try {
            hash = Sha256.parse(line);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return content(uri, hash);
    }

    /**
     * The cached content with a hash, after its bytes were hashed again: a file that no longer matches its name (changed
     * on disk, a shared cache written by someone else) is deleted and not served.
     */
    private Optional<CachedFile> content(URI uri, Sha256 hash) throws IOException {
        Path content = contentPath(hash);
        if (!Files.isRegularFile(content)) {
            return Optional.empty();
        }
        Sha256 actual;
        try (InputStream in = Files.newInputStream(content)) {
            actual = Sha256.of(in);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        if (!actual.equals(hash)) {
            Files.deleteIfExists(content);
            return Optional.empty();
        }
        return Optional.of(new CachedFile(uri, content, hash, Files.size(content)));
    }

    /**
     * Copies a file into the cache, hashing it while it is copied: for files an engine needs on disk under their own
     * name that are not files yet (an entry of a zip package). The copy goes to {@code files/<sha256>/<file name>} and
     * is kept only when its sha256 equals {@code expected} (when given); later calls with that hash reuse it after
     * hashing it again.
     *
     * @param source the file to copy
     * @param expected the declared sha256, or {@code null}
     * @return the cached copy
     * @throws Sha256MismatchException when the content differs from {@code expected}; nothing is kept
     * @throws IOException when the file cannot be read or the cache cannot be written
     */
    public CachedFile copyIn(FileSource source, @Nullable Sha256 expected) throws IOException {
        URI label = URI.create("modelhub-copy:"
                + Sha256.of(source.location().getBytes(StandardCharsets.UTF_8)).hex());
        String name = source.fileName();
        if (expected != null) {
            Path hit = copyPath(expected, name);
            if (Files.isRegularFile(hit)) {
                Sha256 actual;
                try (InputStream in = Files.newInputStream(hit)) {
                    actual = Sha256.of(in);
                }
                if (actual.equals(expected)) {
                    return new CachedFile(label, hit, expected, Files.size(hit));
                }
                Files.deleteIfExists(hit);
            }
        }
        Path part = Files.createTempFile(tmpDir(), "copy-", ".part");
        try {
            MessageDigest digest = Sha256.newDigest();
            long size;
            try (InputStream in = new DigestInputStream(source.open(), digest)) {
                size = Files.copy(in, part, StandardCopyOption.REPLACE_EXISTING);
            }
            Sha256 actual = Sha256.fromDigest(digest.digest());
            if (expected != null && !expected.equals(actual)) {
                throw new Sha256MismatchException(source.location(), expected, actual);
            }
            Path target = copyPath(actual, name);
            Files.createDirectories(target.getParent());
            moveAtomically(part, target);
            return new CachedFile(label, target, actual, size);
        } finally {
            Files.deleteIfExists(part);
        }
    }

    private Path copyPath(Sha256 hash, String fileName) throws UnsafeReferenceException {
        Path folder = settings.cacheDir().resolve("files").resolve(hash.hex());
        return TargetPaths.fileIn(folder, fileName, "the name of " + fileName);
    }

    /**
     * Creates an empty file in the cache's work folder ({@code tmp/}), for a copy a reader needs on disk under its own
     * extension (an image read from a zip package). Delete it when done; left behind by a killed process, it is removed
     * by a later run once it has not changed for an hour. Unlike the system's temporary folder this never fills up
     * with leftovers.
     *
     * @param suffix the end of the file name, for example {@code .png}
     * @return the new file
     * @throws IOException when the cache cannot be written
     */
    public Path temporaryFile(String suffix) throws IOException {
        return Files.createTempFile(tmpDir(), "file-", ".part" + suffix);
    }

    /** The folder of work in progress, created when needed; leftovers of killed processes are removed. */
    private Path tmpDir() throws IOException {
        Path tmpDir = settings.cacheDir().resolve("tmp");
        Files.createDirectories(tmpDir);
        long now = System.currentTimeMillis();
        try (DirectoryStream<Path> parts = Files.newDirectoryStream(tmpDir, "*.part*")) {
            for (Path p : parts) {
                try {
                    if (now - Files.getLastModifiedTime(p).toMillis() > STALE.toMillis()) {
                        Files.deleteIfExists(p);
                    }
                } catch (IOException e) {
                    // another process removed it or is still using it; it is cleaned up on a later run
                }
            }
        }
        return tmpDir;
    }

    /**
     * Gives a remote file from the cache, downloading it when it is not there.
     *
     * <p>With a declared sha256, the content is verified before it is stored; a cached copy of the URL with a
     * different hash is fetched again (online) or reported as a mismatch (offline).
     *
     * @param uri an http or https URL
     * @param expected the declared sha256, or {@code null}
     * @return the cached file
     * @throws UnsafeReferenceException when the URL is not http or https
     * @throws OfflineException in offline mode when the file is not cached
     * @throws Sha256MismatchException when the content differs from {@code expected}
     * @throws DownloadException when the download fails (timeout, overall time limit, too large, redirects, status)
     * @throws IOException when the cache cannot be written
     */
    public CachedFile fetch(URI uri, @Nullable Sha256 expected) throws IOException {
        checkScheme(uri.toString(), uri);
        Optional<CachedFile> hit = cached(uri, expected);
        if (hit.isPresent() && (expected == null || hit.get().sha256().equals(expected))) {
            return hit.get();
        }
        if (settings.offline()) {
            skipped.add(uri);
            if (hit.isPresent()) {
                throw new Sha256MismatchException(
                        uri + " (cached copy)", expected, hit.get().sha256());
            }
            throw new OfflineException(uri);
        }
        return download(uri, expected);
    }

    static void checkScheme(String reference, URI uri) throws UnsafeReferenceException {
        String scheme = uri.getScheme();
        if (scheme == null
                || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                || uri.getHost() == null) {
            throw new UnsafeReferenceException(
                    reference,
                    "is not an http or https URL" + (scheme == null ? "" : " (scheme '" + scheme + "')")
                            + "; only http and https downloads are supported");
        }
    }

    private Path contentPath(Sha256 hash) {
        return settings.cacheDir().resolve("sha256").resolve(hash.hex());
    }

    private Path indexPath(URI uri) {
        return settings.cacheDir()
                .resolve("urls")
                .resolve(Sha256.of(uri.toString().getBytes(StandardCharsets.UTF_8))
                        .hex());
    }

    private HttpClient client() {
        HttpClient c = client;
        if (c == null) {
            synchronized (this) {
                c = client;
                if (c == null) {
                    c = HttpClient.newBuilder()
                            .version(HttpClient.Version.HTTP_1_1)
                            .followRedirects(HttpClient.Redirect.NEVER)
                            .connectTimeout(settings.connectTimeout())
                            .build();
                    client = c;
                }
            }
        }
        return c;
    }

    private CachedFile download(URI uri, @Nullable Sha256 expected) throws IOException {
        Path tmpDir = tmpDir();
        List<URI> hops = new ArrayList<>();
        long deadline = System.nanoTime() + settings.downloadTimeout().toNanos();
        URI current = uri;
        while (true) {
            hops.add(current);
            Path part = Files.createTempFile(tmpDir, "download-", ".part");
            try {
                BodyToFile.Result result = exchange(uri, current, part, deadline);
                if (result.status() / 100 == 2) {
                    if (result.declaredLength() >= 0 && result.size() != result.declaredLength()) {
                        throw new DownloadException(
                                uri,
                                DownloadException.Reason.TRUNCATED,
                                "the body ended after " + result.size() + " of the " + result.declaredLength()
                                        + " bytes the server declared (a partial download, not cached)",
                                null);
                    }
                    if (expected != null && !expected.equals(result.sha256())) {
                        throw new Sha256MismatchException(uri.toString(), expected, result.sha256());
                    }
                    // only the closing connection marked the end: a cut connection looks the same, so the body is
                    // not recorded as the URL's content unless its declared sha256 confirmed it
                    return store(uri, part, result, expected != null || !result.closeDelimited());
                }
                if (isRedirect(result.status())) {
                    if (hops.size() > settings.maxRedirects()) {
                        throw new DownloadException(
                                uri,
                                DownloadException.Reason.TOO_MANY_REDIRECTS,
                                "more than " + settings.maxRedirects() + " redirects (last to " + current + ")",
                                null);
                    }
                    current = redirectTarget(uri, current, result.location());
                    continue;
                }
                DownloadException.Reason reason = result.status() == 404 || result.status() == 410
                        ? DownloadException.Reason.NOT_FOUND
                        : DownloadException.Reason.HTTP_STATUS;
                throw new DownloadException(
                        uri,
                        reason,
                        "HTTP status " + result.status() + (current.equals(uri) ? "" : " from " + current),
                        null);
            } finally {
                Files.deleteIfExists(part);
            }
        }
    }

    private static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    private static URI redirectTarget(URI uri, URI current, @Nullable String location) throws DownloadException {
        if (location == null || location.isBlank()) {
            throw new DownloadException(
                    uri, DownloadException.Reason.BAD_REDIRECT, "redirect without a Location from " + current, null);
        }
        URI target;
        try {
            target = current.resolve(new URI(location.strip()));
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new DownloadException(
                    uri, DownloadException.Reason.BAD_REDIRECT, "invalid redirect Location '" + location + "'", e);
        }
        String scheme = target.getScheme() == null ? "" : target.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || target.getHost() == null) {
            throw new DownloadException(
                    uri,
                    DownloadException.Reason.BAD_REDIRECT,
                    "redirect to '" + location + "', expected an http or https URL",
                    null);
        }
        return target;
    }

    private BodyToFile.Result exchange(URI uri, URI current, Path part, long deadline) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(current)
                .timeout(settings.readTimeout())
                .header("User-Agent", "modelhub-java")
                .GET()
                .build();
        BodyToFile body = new BodyToFile(part, settings.maxDownloadBytes());
        CompletableFuture<HttpResponse<BodyToFile.Result>> future = client().sendAsync(request, body);
        long idleNanos = settings.readTimeout().toNanos();
        long connectNanos = settings.connectTimeout().toNanos();
        long pollMillis = Math.max(10, Math.min(250, settings.readTimeout().toMillis() / 4));
        // the transfer rate is measured over windows of one read timeout, from the response on
        long windowStart = -1;
        long windowBytes = 0;
        long minPerWindow = (long) Math.min(
                Long.MAX_VALUE,
                settings.minTransferRate() * (settings.readTimeout().toMillis() / 1000.0));
        try {
            while (true) {
                // the window opens with the first body byte: before it, and whenever nothing comes, the read timeout
                // below reports a stall; the rate check cuts off a server that keeps trickling
                if (body.responded() && body.received() > 0) {
                    long now = System.nanoTime();
                    if (windowStart < 0) {
                        windowStart = now;
                        windowBytes = body.received();
                    } else if (now - windowStart >= idleNanos) {
                        long got = body.received() - windowBytes;
                        // no byte at all is a stall, reported by the read timeout below; a trickle is cut off here
                        boolean trickling = now - body.lastProgressNanos() < idleNanos / 2;
                        if (got > 0 && got < minPerWindow && trickling && !future.isDone()) {
                            body.cancel();
                            future.cancel(true);
                            throw new DownloadException(
                                    uri,
                                    DownloadException.Reason.TOO_SLOW,
                                    "only " + got + " bytes in "
                                            + settings.readTimeout().toMillis() + " ms from "
                                            + current + ", slower than the minimum of " + settings.minTransferRate()
                                            + " bytes/s (--min-download-rate)",
                                    null);
                        }
                        windowStart = now;
                        windowBytes = body.received();
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0 && !future.isDone()) {
                    body.cancel();
                    future.cancel(true);
                    throw new DownloadException(
                            uri,
                            DownloadException.Reason.TIMEOUT,
                            "not finished within " + readable(settings.downloadTimeout())
                                    + ", the limit for one download (" + body.received() + " bytes received so far"
                                    + (current.equals(uri) ? "" : " from " + current) + ")",
                            null);
                }
                try {
                    long wait = left <= 0 ? 0 : Math.max(1, Math.min(pollMillis, TimeUnit.NANOSECONDS.toMillis(left)));
                    return future.get(wait, TimeUnit.MILLISECONDS).body();
                } catch (TimeoutException e) {
                    // before the response, connecting may take its own timeout on top of the wait for headers
                    long limit = body.responded() ? idleNanos : idleNanos + connectNanos;
                    if (System.nanoTime() - body.lastProgressNanos() > limit) {
                        body.cancel();
                        future.cancel(true);
                        throw new DownloadException(
                                uri,
                                DownloadException.Reason.TIMEOUT,
                                (body.responded()
                                                ? "no data from " + current + " for "
                                                : "no response from " + current + " within ")
                                        + settings.readTimeout().toMillis() + " ms",
                                null);
                    }
                }
            }
        } catch (InterruptedException e) {
            body.cancel();
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while downloading " + uri);
        } catch (CancellationException e) {
            throw new DownloadException(uri, DownloadException.Reason.CONNECTION, "cancelled", e);
        } catch (ExecutionException e) {
            throw failure(uri, current, e.getCause() == null ? e : e.getCause());
        }
    }

    /**
     * Turns a failed exchange into a {@link DownloadException} that says in words what happened. The JDK client reports
     * an unknown host as a {@code ConnectException} without a message caused by {@code UnresolvedAddressException}, and
     * a refused or unroutable connection as a {@code ConnectException} without a message either.
     */
    DownloadException failure(URI uri, URI current, Throwable cause) {
        BodyToFile.TooLarge tooLarge = find(cause, BodyToFile.TooLarge.class);
        if (tooLarge != null) {
            return new DownloadException(
                    uri,
                    DownloadException.Reason.TOO_LARGE,
                    tooLarge.getMessage() + ", the limit is " + settings.maxDownloadBytes() + " bytes",
                    null);
        }
        if (find(cause, HttpConnectTimeoutException.class) != null) {
            return new DownloadException(
                    uri,
                    DownloadException.Reason.TIMEOUT,
                    "no connection to " + current + " within "
                            + settings.connectTimeout().toMillis() + " ms (server down or no network?); "
                            + OFFLINE_HINT,
                    cause);
        }
        if (find(cause, HttpTimeoutException.class) != null) {
            return new DownloadException(
                    uri,
                    DownloadException.Reason.TIMEOUT,
                    "no response from " + current + " within "
                            + settings.readTimeout().toMillis() + " ms",
                    cause);
        }
        if (find(cause, UnresolvedAddressException.class) != null || find(cause, UnknownHostException.class) != null) {
            return new DownloadException(
                    uri,
                    DownloadException.Reason.CONNECTION,
                    "host '" + current.getHost() + "' not found (no network?); " + OFFLINE_HINT,
                    cause);
        }
        ConnectException connect = find(cause, ConnectException.class);
        if (connect != null) {
            String what = connect.getMessage() == null ? "connection refused or no route" : connect.getMessage();
            return new DownloadException(
                    uri,
                    DownloadException.Reason.CONNECTION,
                    "cannot connect to " + hostAndPort(current) + ": " + what + " (server down or no network?); "
                            + OFFLINE_HINT,
                    cause);
        }
        Throwable root = cause;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return new DownloadException(
                uri, DownloadException.Reason.CONNECTION, "connection to " + current + " failed: " + root, cause);
    }

    /** {@return a duration as people write it: {@code 30 min}, {@code 90 s}, {@code 500 ms}} */
    private static String readable(Duration d) {
        long ms = d.toMillis();
        if (ms % 60_000 == 0) {
            return ms / 60_000 + " min";
        }
        return ms % 1000 == 0 ? ms / 1000 + " s" : ms + " ms";
    }

    private static <T extends Throwable> @Nullable T find(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static String hostAndPort(URI uri) {
        int port = uri.getPort();
        if (port < 0) {
            port = "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
        }
        return uri.getHost() + ":" + port;
    }

    private CachedFile store(URI uri, Path part, BodyToFile.Result result, boolean index) throws IOException {
        Path content = contentPath(result.sha256());
        Files.createDirectories(content.getParent());
        if (!Files.exists(content)) {
            moveAtomically(part, content);
        }
        CachedFile stored = new CachedFile(uri, content, result.sha256(), result.size());
        if (!index) {
            unindexed.put(uri, stored);
            return stored;
        }
        return index(uri, stored);
    }

    private CachedFile index(URI uri, CachedFile stored) throws IOException {
        Path index = indexPath(uri);
        Files.createDirectories(index.getParent());
        Path indexPart = Files.createTempFile(settings.cacheDir().resolve("tmp"), "url-", ".part");
        try {
            Files.writeString(indexPart, stored.sha256().hex() + "\n" + uri + "\n", StandardCharsets.UTF_8);
            moveAtomically(indexPart, index);
        } finally {
            Files.deleteIfExists(indexPart);
        }
        return stored;
    }

    private static void moveAtomically(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            try {
                Files.move(from, to);
            } catch (FileAlreadyExistsException ignored) {
                // another process stored the same content first
            }
        }
    }

    /**
     * Downloads a URL again even when it is cached, for content that changes under the same URL such as the collection
     * index; in offline mode it gives the cached copy without opening a connection.
     *
     * @param uri an http or https URL
     * @return the cached file, now the latest content online
     * @throws UnsafeReferenceException when the URL is not http or https
     * @throws OfflineException in offline mode when the URL is not cached
     * @throws DownloadException when the download fails (the cached copy, if any, is left as it was)
     * @throws IOException when the cache cannot be written
     */
    public CachedFile refresh(URI uri) throws IOException {
        checkScheme(uri.toString(), uri);
        if (settings.offline()) {
            Optional<CachedFile> hit = cached(uri, null);
            if (hit.isEmpty()) {
                skipped.add(uri);
                throw new OfflineException(uri);
            }
            return hit.get();
        }
        return download(uri, null);
    }

    /**
     * Lists the URLs in the cache, in no particular order; downloads in progress and contents whose URL record is gone
     * are left out.
     *
     * @return the cached files
     * @throws IOException when the cache cannot be read
     */
    public List<CachedFile> entries() throws IOException {
        Path urls = settings.cacheDir().resolve("urls");
        List<CachedFile> files = new ArrayList<>();
        if (!Files.isDirectory(urls)) {
            return files;
        }
        try (var stream = Files.newDirectoryStream(urls)) {
            for (Path index : stream) {
                List<String> lines = Files.readAllLines(index, StandardCharsets.UTF_8);
                if (lines.size() < 2) {
                    continue;
                }
                URI uri;
                Sha256 hash;
                try {
                    hash = Sha256.parse(lines.get(0));
                    uri = new URI(lines.get(1));
                } catch (IllegalArgumentException | URISyntaxException e) {
                    continue;
                }
                Path content = contentPath(hash);
                if (Files.isRegularFile(content)) {
                    files.add(new CachedFile(uri, content, hash, Files.size(content)));
                }
            }
        }
        return files;
    }

    /**
     * Empties the cache: removes the contents, the URL records and downloads in progress, and nothing else in the cache
     * directory.
     *
     * @return the number of bytes of content removed
     * @throws IOException when a file cannot be removed
     */
    public long clear() throws IOException {
        long freed = 0;
        for (String dir : List.of("urls", "sha256", "tmp")) {
            Path folder = settings.cacheDir().resolve(dir);
            if (!Files.isDirectory(folder)) {
                continue;
            }
            try (var stream = Files.newDirectoryStream(folder)) {
                for (Path file : stream) {
                    if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) && dir.equals("sha256")) {
                        freed += Files.size(file);
                    }
                    Files.deleteIfExists(file);
                }
            }
        }
        return freed;
    }
}
