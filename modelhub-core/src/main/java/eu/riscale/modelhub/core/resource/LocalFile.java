package eu.riscale.modelhub.core.resource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A file on the local file system. When it was resolved against a {@link FolderRoot}, every access checks that the
 * real path (symbolic links followed) is still inside that folder, so a link cannot lead a package outside its root.
 */
public final class LocalFile implements FileSource {
    private final Path path;
    private final @Nullable Path root;

    LocalFile(Path path, @Nullable Path root) {
        this.path = path;
        this.root = root;
    }

    /** {@return the absolute, normalised path of the file} */
    public Path path() {
        return path;
    }

    /** {@return the folder this file was resolved against, if any} */
    public Optional<Path> root() {
        return Optional.ofNullable(root);
    }

    /** {@inheritDoc} */
    @Override
    public String location() {
        return path.toString();
    }

    /** {@inheritDoc} */
    @Override
    public String fileName() {
        Path name = path.getFileName();
        return name == null ? path.toString() : name.toString();
    }

    /** {@inheritDoc} */
    @Override
    public InputStream open() throws IOException {
        checkInsideRoot();
        if (!Files.isRegularFile(path)) {
            throw new NoSuchFileException(path.toString(), null, "no such file");
        }
        return Files.newInputStream(path);
    }

    /** {@inheritDoc} */
    @Override
    public boolean exists() throws IOException {
        if (!Files.exists(path)) {
            return false;
        }
        checkInsideRoot();
        return Files.isRegularFile(path);
    }

    /** {@inheritDoc} */
    @Override
    public long size() throws IOException {
        checkInsideRoot();
        return Files.size(path);
    }

    private void checkInsideRoot() throws IOException {
        if (root == null || !Files.exists(path)) {
            return;
        }
        Path realRoot = root.toRealPath();
        Path real = path.toRealPath();
        if (!real.startsWith(realRoot)) {
            throw new UnsafeReferenceException(
                    root.relativize(path).toString(), "leads outside the package root " + root + " (to " + real + ")");
        }
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof LocalFile && ((LocalFile) o).path.equals(path);
    }

    @Override
    public int hashCode() {
        return path.hashCode();
    }

    @Override
    public String toString() {
        return location();
    }
}
