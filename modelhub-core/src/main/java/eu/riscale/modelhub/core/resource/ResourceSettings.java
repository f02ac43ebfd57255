package eu.riscale.modelhub.core.resource;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Immutable settings for reading packages: where the download cache lives, whether the network may be used, and the
 * limits that protect against hostile servers and archives.
 *
 * <p>{@link #defaults()} reads the environment: {@code MODELHUB_CACHE_DIR} (else {@code ~/.cache/modelhub}),
 * {@code MODELHUB_OFFLINE=1} (also {@code true}/{@code yes}) and {@code MODELHUB_COLLECTION_URL} (else
 * {@link #DEFAULT_COLLECTION_URL}). Anything can be changed through the builder:
 *
 * <pre>{@code
 * ResourceSettings settings = ResourceSettings.defaults().with(b -> b
 *         .offline(true)
 *         .readTimeout(Duration.ofSeconds(10)));
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class ResourceSettings {
    /** Environment variable naming the download cache directory. */
    public static final String CACHE_DIR_ENV = "MODELHUB_CACHE_DIR";

    /** Environment variable that switches offline mode on when {@code 1}, {@code true} or {@code yes}. */
    public static final String OFFLINE_ENV = "MODELHUB_OFFLINE";

    /** Environment variable naming the collection index through which published ids are resolved. */
    public static final String COLLECTION_URL_ENV = "MODELHUB_COLLECTION_URL";

    /** The hub's published id index, the reference's default {@code id_map}. */
    public static final URI DEFAULT_COLLECTION_URL =
            URI.create("https://uk1s3.embassy.ebi.ac.uk/public-datasets/bioimage.io/id_map.json");

    private static final long MIB = 1024L * 1024L;
    private static final long GIB = 1024L * MIB;

    private final Path cacheDir;
    private final boolean offline;
    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final Duration downloadTimeout;
    private final long maxDownloadBytes;
    private final int maxRedirects;
    private final int maxZipEntries;
    private final long maxZipEntryBytes;
    private final long maxZipTotalBytes;
    private final int maxZipCompressionRatio;
    private final long maxDescriptionBytes;
    private final long minTransferRate;
    private final URI collectionUrl;

    private ResourceSettings(Builder b) {
        this.cacheDir = b.cacheDir;
        this.offline = b.offline;
        this.connectTimeout = b.connectTimeout;
        this.readTimeout = b.readTimeout;
        this.downloadTimeout = b.downloadTimeout;
        this.maxDownloadBytes = b.maxDownloadBytes;
        this.maxRedirects = b.maxRedirects;
        this.maxZipEntries = b.maxZipEntries;
        this.maxZipEntryBytes = b.maxZipEntryBytes;
        this.maxZipTotalBytes = b.maxZipTotalBytes;
        this.maxZipCompressionRatio = b.maxZipCompressionRatio;
        this.maxDescriptionBytes = b.maxDescriptionBytes;
        this.minTransferRate = b.minTransferRate;
        this.collectionUrl = b.collectionUrl;
    }

    /** {@return the settings from this process's environment and the built-in limits} */
    public static ResourceSettings defaults() {
        return fromEnvironment(System.getenv(), Path.of(System.getProperty("user.home")));
    }

    /**
     * Builds settings from given environment variables, for tools that pass their own environment.
     *
     * @param environment the variables, read for {@value #CACHE_DIR_ENV} and {@value #OFFLINE_ENV}
     * @param home the user's home directory, under which the default cache {@code .cache/modelhub} lies
     * @return the settings
     */
    public static ResourceSettings fromEnvironment(Map<String, String> environment, Path home) {
        Builder b = new Builder();
        String dir = environment.get(CACHE_DIR_ENV);
        b.cacheDir(dir == null || dir.isBlank() ? home.resolve(".cache").resolve("modelhub") : Path.of(dir));
        String off = environment.get(OFFLINE_ENV);
        b.offline(off != null && (off.equals("1") || off.equalsIgnoreCase("true") || off.equalsIgnoreCase("yes")));
        String collection = environment.get(COLLECTION_URL_ENV);
        if (collection != null && !collection.isBlank()) {
            b.collectionUrl(URI.create(collection.strip()));
        }
        return b.build();
    }

    /** {@return a builder starting from the built-in limits, with the cache under {@code ~/.cache/modelhub}} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return a builder holding these settings} */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /**
     * Returns a copy with some settings changed.
     *
     * @param changes sets the values to change on a builder that holds these settings
     * @return the changed copy
     */
    public ResourceSettings with(Consumer<Builder> changes) {
        Builder b = toBuilder();
        changes.accept(b);
        return b.build();
    }

    /** {@return the download cache directory} */
    public Path cacheDir() {
        return cacheDir;
    }

    /** {@return whether offline mode is on: no connection is ever opened, only cached downloads are served} */
    public boolean offline() {
        return offline;
    }

    /** {@return how long to wait for a connection} */
    public Duration connectTimeout() {
        return connectTimeout;
    }

    /** {@return how long to wait for the response headers, and at most between two chunks of the body} */
    public Duration readTimeout() {
        return readTimeout;
    }

    /**
     * {@return the longest one download may take as a whole, from the request to the last byte, redirects included; a
     * server that keeps sending slowly enough never to trip the {@link #readTimeout()} is cut off here}
     */
    public Duration downloadTimeout() {
        return downloadTimeout;
    }

    /** {@return the largest download accepted, in bytes} */
    public long maxDownloadBytes() {
        return maxDownloadBytes;
    }

    /** {@return how many redirects one download may follow} */
    public int maxRedirects() {
        return maxRedirects;
    }

    /** {@return the most entries a zip package may have} */
    public int maxZipEntries() {
        return maxZipEntries;
    }

    /** {@return the largest uncompressed size of one zip entry, in bytes} */
    public long maxZipEntryBytes() {
        return maxZipEntryBytes;
    }

    /** {@return the largest uncompressed size of all entries of one zip package together, in bytes} */
    public long maxZipTotalBytes() {
        return maxZipTotalBytes;
    }

    /**
     * {@return the largest ratio of uncompressed to compressed size of a zip entry, checked continuously on the bytes
     * read so far: an entry may inflate to at most {@value LimitedEntryStream#RATIO_ALLOWANCE} bytes plus this ratio
     * times the compressed bytes consumed, whatever sizes its headers declare}
     */
    public int maxZipCompressionRatio() {
        return maxZipCompressionRatio;
    }

    /**
     * {@return the largest description file ({@code rdf.yaml}) accepted, in bytes; checked before the YAML parser sees
     * the text, so an oversized or inflating description fails at once}
     */
    public long maxDescriptionBytes() {
        return maxDescriptionBytes;
    }

    /**
     * {@return the slowest transfer accepted, in bytes per second, measured over each {@link #readTimeout()}: a server
     * that keeps sending a few bytes at a time (so the read timeout never trips) is cut off after one such period}
     */
    public long minTransferRate() {
        return minTransferRate;
    }

    /**
     * {@return the collection index through which published ids ({@code affable-shark}, {@code affable-shark/1.2}, a
     * DOI) given as sources are resolved, see {@link CollectionIndex}}
     */
    public URI collectionUrl() {
        return collectionUrl;
    }

    @Override
    public boolean equals(@Nullable Object o) {
        if (!(o instanceof ResourceSettings)) {
            return false;
        }
        ResourceSettings s = (ResourceSettings) o;
        return offline == s.offline
                && maxDownloadBytes == s.maxDownloadBytes
                && maxRedirects == s.maxRedirects
                && maxZipEntries == s.maxZipEntries
                && maxZipEntryBytes == s.maxZipEntryBytes
                && maxZipTotalBytes == s.maxZipTotalBytes
                && maxZipCompressionRatio == s.maxZipCompressionRatio
                && maxDescriptionBytes == s.maxDescriptionBytes
                && minTransferRate == s.minTransferRate
                && cacheDir.equals(s.cacheDir)
                && connectTimeout.equals(s.connectTimeout)
                && readTimeout.equals(s.readTimeout)
                && downloadTimeout.equals(s.downloadTimeout)
                && collectionUrl.equals(s.collectionUrl);
    }

    @Override
    public int hashCode() {
        return Objects.hash(
                cacheDir, offline, connectTimeout, readTimeout, downloadTimeout, maxDownloadBytes, maxRedirects);
    }

    @Override
    public String toString() {
        return "ResourceSettings[cacheDir=" + cacheDir + ", offline=" + offline + ", connectTimeout=" + connectTimeout
                + ", readTimeout=" + readTimeout + ", downloadTimeout=" + downloadTimeout + ", maxDownloadBytes="
                + maxDownloadBytes + ", maxRedirects="
                + maxRedirects + ", maxZipEntries=" + maxZipEntries + ", maxZipEntryBytes=" + maxZipEntryBytes
                + ", maxZipTotalBytes=" + maxZipTotalBytes + ", maxZipCompressionRatio=" + maxZipCompressionRatio
                + ", maxDescriptionBytes=" + maxDescriptionBytes + ", minTransferRate=" + minTransferRate
                + ", collectionUrl=" + collectionUrl + "]";
    }

    /** Builds {@link ResourceSettings}; each setter checks its value at once and names it when it is invalid. */
    public static final class Builder {
        private Path cacheDir = Path.of(System.getProperty("user.home"), ".cache", "modelhub");
        private boolean offline;
        private Duration connectTimeout = Duration.ofSeconds(30);
        private Duration readTimeout = Duration.ofSeconds(60);
        private Duration downloadTimeout = Duration.ofMinutes(30);
        private long maxDownloadBytes = 4 * GIB;
        private int maxRedirects = 10;
        private int maxZipEntries = 10_000;
        private long maxZipEntryBytes = 4 * GIB;
        private long maxZipTotalBytes = 16 * GIB;
        private int maxZipCompressionRatio = 200;
        private long maxDescriptionBytes = 4 * MIB;
        private long minTransferRate = 1024;
        private URI collectionUrl = DEFAULT_COLLECTION_URL;

        private Builder() {}

        private Builder(ResourceSettings s) {
            cacheDir = s.cacheDir;
            offline = s.offline;
            connectTimeout = s.connectTimeout;
            readTimeout = s.readTimeout;
            downloadTimeout = s.downloadTimeout;
            maxDownloadBytes = s.maxDownloadBytes;
            maxRedirects = s.maxRedirects;
            maxZipEntries = s.maxZipEntries;
            maxZipEntryBytes = s.maxZipEntryBytes;
            maxZipTotalBytes = s.maxZipTotalBytes;
            maxZipCompressionRatio = s.maxZipCompressionRatio;
            maxDescriptionBytes = s.maxDescriptionBytes;
            minTransferRate = s.minTransferRate;
            collectionUrl = s.collectionUrl;
        }

        /**
         * Sets the download cache directory; it is created on first use.
         *
         * @param cacheDir the directory
         * @return this builder
         */
        public Builder cacheDir(Path cacheDir) {
            this.cacheDir = Objects.requireNonNull(cacheDir, "cacheDir").toAbsolutePath();
            return this;
        }

        /**
         * Switches offline mode.
         *
         * @param offline whether to never open a connection
         * @return this builder
         */
        public Builder offline(boolean offline) {
            this.offline = offline;
            return this;
        }

        /**
         * Sets the connect timeout.
         *
         * @param connectTimeout a positive duration
         * @return this builder
         */
        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = positive(connectTimeout, "connectTimeout");
            return this;
        }

        /**
         * Sets the read timeout: for the response headers, and between two chunks of the body.
         *
         * @param readTimeout a positive duration
         * @return this builder
         */
        public Builder readTimeout(Duration readTimeout) {
            this.readTimeout = positive(readTimeout, "readTimeout");
            return this;
        }

        /**
         * Sets the longest one download may take as a whole (default 30 minutes, enough for the largest download
         * allowed by default at about 2.4 MB/s).
         *
         * @param downloadTimeout a positive duration
         * @return this builder
         */
        public Builder downloadTimeout(Duration downloadTimeout) {
            this.downloadTimeout = positive(downloadTimeout, "downloadTimeout");
            return this;
        }

        /**
         * Sets the largest accepted download.
         *
         * @param maxDownloadBytes a positive number of bytes
         * @return this builder
         */
        public Builder maxDownloadBytes(long maxDownloadBytes) {
            this.maxDownloadBytes = positive(maxDownloadBytes, "maxDownloadBytes");
            return this;
        }

        /**
         * Sets how many redirects a download may follow.
         *
         * @param maxRedirects zero or more
         * @return this builder
         */
        public Builder maxRedirects(int maxRedirects) {
            if (maxRedirects < 0) {
                throw new IllegalArgumentException("maxRedirects must be >= 0, found " + maxRedirects);
            }
            this.maxRedirects = maxRedirects;
            return this;
        }

        /**
         * Sets the most entries a zip package may have.
         *
         * @param maxZipEntries a positive count
         * @return this builder
         */
        public Builder maxZipEntries(int maxZipEntries) {
            this.maxZipEntries = (int) positive(maxZipEntries, "maxZipEntries");
            return this;
        }

        /**
         * Sets the largest uncompressed size of one zip entry.
         *
         * @param maxZipEntryBytes a positive number of bytes
         * @return this builder
         */
        public Builder maxZipEntryBytes(long maxZipEntryBytes) {
            this.maxZipEntryBytes = positive(maxZipEntryBytes, "maxZipEntryBytes");
            return this;
        }

        /**
         * Sets the largest uncompressed size of a whole zip package.
         *
         * @param maxZipTotalBytes a positive number of bytes
         * @return this builder
         */
        public Builder maxZipTotalBytes(long maxZipTotalBytes) {
            this.maxZipTotalBytes = positive(maxZipTotalBytes, "maxZipTotalBytes");
            return this;
        }

        /**
         * Sets the largest compression ratio of a zip entry.
         *
         * @param maxZipCompressionRatio a positive ratio, uncompressed to compressed
         * @return this builder
         */
        public Builder maxZipCompressionRatio(int maxZipCompressionRatio) {
            this.maxZipCompressionRatio = (int) positive(maxZipCompressionRatio, "maxZipCompressionRatio");
            return this;
        }

        /**
         * Sets the largest description file accepted (default 4 MiB; the largest real descriptions are tens of KiB).
         *
         * @param maxDescriptionBytes a positive number of bytes
         * @return this builder
         */
        public Builder maxDescriptionBytes(long maxDescriptionBytes) {
            this.maxDescriptionBytes = positive(maxDescriptionBytes, "maxDescriptionBytes");
            return this;
        }

        /**
         * Sets the slowest transfer accepted (default 1024 bytes per second, measured over each read timeout).
         *
         * @param minTransferRate a positive number of bytes per second
         * @return this builder
         */
        public Builder minTransferRate(long minTransferRate) {
            this.minTransferRate = positive(minTransferRate, "minTransferRate");
            return this;
        }

        /**
         * Sets the collection index through which published ids are resolved.
         *
         * @param collectionUrl an http(s) URL of an id map or index JSON
         * @return this builder
         * @throws IllegalArgumentException when it is not an http or https URL
         */
        public Builder collectionUrl(URI collectionUrl) {
            Objects.requireNonNull(collectionUrl, "collectionUrl");
            String scheme = collectionUrl.getScheme();
            if (scheme == null
                    || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                    || collectionUrl.getHost() == null) {
                throw new IllegalArgumentException(
                        "collectionUrl must be an http or https URL, found '" + collectionUrl + "'");
            }
            this.collectionUrl = collectionUrl;
            return this;
        }

        /** {@return the settings} */
        public ResourceSettings build() {
            return new ResourceSettings(this);
        }

        private static long positive(long value, String name) {
            if (value <= 0) {
                throw new IllegalArgumentException(name + " must be positive, found " + value);
            }
            return value;
        }

        private static Duration positive(Duration value, String name) {
            Objects.requireNonNull(value, name);
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException(name + " must be positive, found " + value);
            }
            return value;
        }
    }
}
