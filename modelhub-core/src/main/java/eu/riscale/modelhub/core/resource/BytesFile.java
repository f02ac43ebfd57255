package eu.riscale.modelhub.core.resource;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/** Content held in memory, such as a description serialised to YAML; made by {@link FileSource#ofBytes}. */
public final class BytesFile implements FileSource {
    private final String fileName;
    private final byte[] bytes;

    BytesFile(String fileName, byte[] bytes) {
        if (fileName.isEmpty() || fileName.contains("/")) {
            throw new IllegalArgumentException(
                    "fileName must be a non-empty name without '/', found '" + fileName + "'");
        }
        this.fileName = fileName;
        this.bytes = bytes.clone();
    }

    /** {@inheritDoc} */
    @Override
    public String location() {
        return "<bytes " + fileName + ">";
    }

    /** {@inheritDoc} */
    @Override
    public String fileName() {
        return fileName;
    }

    /** {@inheritDoc} */
    @Override
    public InputStream open() {
        return new ByteArrayInputStream(bytes);
    }

    /** {@inheritDoc} */
    @Override
    public boolean exists() {
        return true;
    }

    /** {@inheritDoc} */
    @Override
    public long size() {
        return bytes.length;
    }

    /** {@inheritDoc} */
    @Override
    public Sha256 sha256() {
        return Sha256.of(bytes);
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof BytesFile
                && ((BytesFile) o).fileName.equals(fileName)
                && Arrays.equals(((BytesFile) o).bytes, bytes);
    }

    @Override
    public int hashCode() {
        return fileName.hashCode() * 31 + Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return location();
    }
}
