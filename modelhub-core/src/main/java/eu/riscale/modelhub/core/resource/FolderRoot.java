package eu.riscale.modelhub.core.resource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * A package in a local folder: references resolve to files below it, and symbolic links that lead out of it are
 * refused when the file is read.
 */
public final class FolderRoot implements ResourceRoot {
    private final Path folder;
    private final LocalFile description;
    private final DownloadCache cache;

    private FolderRoot(Path folder, String descriptionName, DownloadCache cache) {
        this.folder = folder;
        this.description = new LocalFile(folder.resolve(descriptionName), folder);
        this.cache = cache;
    }

    static FolderRoot open(Path folder, @Nullable String descriptionName, DownloadCache cache) throws IOException {
        String name = descriptionName;
        if (name == null) {
            List<String> names;
            try (Stream<Path> files = Files.list(folder)) {
                names = files.filter(Files::isRegularFile)
                        .map(p -> p.getFileName().toString())
                        .collect(Collectors.toList());
            }
            name = DescriptionFiles.choose(names, "folder " + folder);
        }
        return new FolderRoot(folder, name, cache);
    }

    /** {@return the folder} */
    public Path folder() {
        return folder;
    }

    /** {@inheritDoc} */
    @Override
    public LocalFile description() {
        return description;
    }

    /** {@inheritDoc} */
    @Override
    public FileSource resolve(String reference) throws UnsafeReferenceException {
        FileSource remote = References.remote(reference, cache);
        if (remote != null) {
            return remote;
        }
        PackagePath path = PackagePath.of(reference);
        return new LocalFile(folder.resolve(path.value()), folder);
    }

    /** {@inheritDoc} */
    @Override
    public String location() {
        return folder.toString();
    }

    /** {@inheritDoc} */
    @Override
    public DownloadCache cache() {
        return cache;
    }

    /** Does nothing: a folder holds no resources. */
    @Override
    public void close() {}

    @Override
    public String toString() {
        return "FolderRoot[" + folder + "]";
    }
}
