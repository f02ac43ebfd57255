package eu.riscale.modelhub.spec.common;

import eu.riscale.modelhub.spec.constraint.FileSource;
import jakarta.validation.constraints.Size;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A file (relative path or URL) with an optional SHA-256 checksum. Also one of the forms of a {@link License} (a
 * custom license file) and of an {@link Icon} (an image file).
 *
 * @param source a relative path, an absolute path or an http(s) URL
 * @param sha256 the SHA-256 of the file in hex, or {@code null}
 */
public record FileDescr(
        @FileSource String source,

        @Size(min = 64, max = 64, message = "a sha256 has 64 hexadecimal digits") @Nullable
        String sha256)
        implements License, Icon {
    /**
     * Checks that required components are present and copies collections.
     *
     * @param source a relative path, an absolute path or an http(s) URL
     * @param sha256 the SHA-256 of the file in hex, or {@code null}
     * @throws NullPointerException if a required component is {@code null}
     */
    public FileDescr {
        Objects.requireNonNull(source, "source");
    }

    /**
     * Creates a file description without a checksum.
     *
     * @param source a relative path, an absolute path or an http(s) URL
     * @return the file description
     */
    public static FileDescr of(String source) {
        return new FileDescr(source, null);
    }

    /**
     * Creates a file description with a checksum.
     *
     * @param source a relative path, an absolute path or an http(s) URL
     * @param sha256 the SHA-256 of the file in hex
     * @return the file description
     */
    public static FileDescr of(String source, String sha256) {
        return new FileDescr(source, sha256);
    }
}
