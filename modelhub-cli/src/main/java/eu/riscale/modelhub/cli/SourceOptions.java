package eu.riscale.modelhub.cli;

import eu.riscale.modelhub.core.resource.ResourceSettings;
import java.net.URI;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/**
 * Options shared by commands that read a model package: offline mode, the download cache and the collection index
 * through which published ids are resolved.
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
            if (index != null) {
                b.collectionUrl(index);
            }
        });
    }
}
