package eu.riscale.modelhub.cli;

import eu.riscale.modelhub.core.resource.ResourceSettings;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * Options shared by commands that read a model package: offline mode, the download cache, the collection index
 * through which published ids are resolved, and the limits that bound downloads and descriptions (docs/security.md
 * lists every limit and its default).
 */
final class SourceOptions {
    @Option(
            names = "--offline",
            description = "Never connect to the network: cached files are used, other URLs are not checked"
                    + " (also MODELHUB_OFFLINE=1).")
    boolean offline;

    @Option(
            names = "--cache-dir",
            paramLabel = "DIR",
            description = "The download cache (default: $MODELHUB_CACHE_DIR or ~/.cache/modelhub).")
    @Nullable
    Path cacheDir;

    @Option(
            names = "--connect-timeout",
            paramLabel = "SECONDS",
            description = "Give up connecting after this long (default 30).")
    @Nullable
    Long connectTimeout;

    @Option(
            names = "--read-timeout",
            paramLabel = "SECONDS",
            description = "Give up when a server sends nothing for this long; also the window of the minimum rate"
                    + " (default 60).")
    @Nullable
    Long readTimeout;

    @Option(
            names = "--download-timeout",
            paramLabel = "SECONDS",
            description = "Give up on one download after this long in all (default 1800).")
    @Nullable
    Long downloadTimeout;

    @Option(
            names = "--min-download-rate",
            paramLabel = "BYTES",
            converter = SizeConverter.class,
            description = "Give up on a server that sends fewer bytes per second than this over a read timeout"
                    + " (default 1K).")
    @Nullable
    Long minDownloadRate;

    @Option(
            names = "--max-download-size",
            paramLabel = "BYTES",
            converter = SizeConverter.class,
            description = "Refuse downloads larger than this, for example 512M or 8G (default 4G).")
    @Nullable
    Long maxDownloadSize;

    @Option(
            names = "--max-description-size",
            paramLabel = "BYTES",
            converter = SizeConverter.class,
            description = "Refuse description files (rdf.yaml) larger than this (default 4M).")
    @Nullable
    Long maxDescriptionSize;

    @Option(
            names = "--collection",
            paramLabel = "URL",
            description = "The collection index through which published ids such as affable-shark are resolved"
                    + " (default: $MODELHUB_COLLECTION_URL or the hub's id_map.json).")
    @Nullable
    URI collection;

    /** {@return the resource settings: the environment's, changed by the options given} */
    ResourceSettings settings() {
        ResourceSettings defaults = ResourceSettings.defaults();
        Path dir = cacheDir;
        URI index = collection;
        return defaults.with(b -> {
            if (offline) {
                b.offline(true);
            }
            if (dir != null) {
                b.cacheDir(dir);
            }
            if (connectTimeout != null) {
                b.connectTimeout(seconds(connectTimeout, "--connect-timeout"));
            }
            if (readTimeout != null) {
                b.readTimeout(seconds(readTimeout, "--read-timeout"));
            }
            if (downloadTimeout != null) {
                b.downloadTimeout(seconds(downloadTimeout, "--download-timeout"));
            }
            if (minDownloadRate != null) {
                b.minTransferRate(positive(minDownloadRate, "--min-download-rate"));
            }
            if (maxDownloadSize != null) {
                b.maxDownloadBytes(positive(maxDownloadSize, "--max-download-size"));
            }
            if (maxDescriptionSize != null) {
                b.maxDescriptionBytes(positive(maxDescriptionSize, "--max-description-size"));
            }
            if (index != null) {
                b.collectionUrl(index);
            }
        });
    }

    private static Duration seconds(long value, String option) {
        return Duration.ofSeconds(positive(value, option));
    }

    private static long positive(long value, String option) {
        if (value <= 0) {
            throw new IllegalArgumentException(option + ": found " + value + ", expected a positive number");
        }
        return value;
    }

    /** Reads a byte count with an optional binary suffix: {@code 1500}, {@code 64K}, {@code 512M}, {@code 8G}. */
    static final class SizeConverter implements CommandLine.ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            String v = value.strip().toUpperCase(Locale.ROOT);
            long unit = 1;
            if (v.endsWith("B")) {
                v = v.substring(0, v.length() - 1);
            }
            if (v.endsWith("K")) {
                unit = 1L << 10;
            } else if (v.endsWith("M")) {
                unit = 1L << 20;
            } else if (v.endsWith("G")) {
                unit = 1L << 30;
            }
            if (unit > 1) {
                v = v.substring(0, v.length() - 1);
            }
            try {
                return Math.multiplyExact(Long.parseLong(v), unit);
            } catch (NumberFormatException | ArithmeticException e) {
                throw new CommandLine.TypeConversionException(
                        "found '" + value + "', expected a number of bytes such as 1500, 64K, 512M or 8G");
            }
        }
    }
}
