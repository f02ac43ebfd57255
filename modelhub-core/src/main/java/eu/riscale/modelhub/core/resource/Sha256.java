package eu.riscale.modelhub.core.resource;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A sha256 value, kept as 64 lower-case hex digits — the one place where the project computes and parses sha256.
 *
 * <p>{@link #parse(String)} accepts the way descriptions write it (surrounding white space and upper case are
 * normalised, as the reference does); the digest methods stream, so files of any size are hashed in constant memory.
 *
 * @param hex the 64 lower-case hex digits
 */
public record Sha256(String hex) implements Serializable {
    private static final long serialVersionUID = 1L;

    private static final int BUFFER = 64 * 1024;

    /**
     * Checks the value.
     *
     * @param hex the 64 lower-case hex digits
     *
     * @throws IllegalArgumentException when {@code hex} is not 64 lower-case hex digits
     */
    public Sha256 {
        if (hex == null) {
            throw new IllegalArgumentException("sha256 must not be null");
        }
        if (hex.length() != 64 || !hex.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
            throw new IllegalArgumentException("sha256 must be 64 lower-case hex digits, found '" + hex + "'");
        }
    }

    /**
     * Parses a sha256 as written in a description: white space is stripped and letters are lower-cased.
     *
     * @param text the written value
     * @return the value
     * @throws IllegalArgumentException when the text is not 64 hex digits, naming the text
     */
    public static Sha256 parse(String text) {
        return new Sha256(text.strip().toLowerCase(java.util.Locale.ROOT));
    }

    /**
     * Hashes bytes.
     *
     * @param bytes the content
     * @return its sha256
     */
    public static Sha256 of(byte[] bytes) {
        MessageDigest digest = newDigest();
        return fromDigest(digest.digest(bytes));
    }

    /**
     * Hashes a file, streaming.
     *
     * @param file the file to read
     * @return its sha256
     * @throws IOException when the file cannot be read
     */
    public static Sha256 of(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return of(in);
        }
    }

    /**
     * Hashes the rest of a stream, streaming; the stream is read to its end but not closed.
     *
     * @param in the content
     * @return its sha256
     * @throws IOException when reading fails
     */
    public static Sha256 of(InputStream in) throws IOException {
        MessageDigest digest = newDigest();
        byte[] buffer = new byte[BUFFER];
        for (int n; (n = in.read(buffer)) != -1; ) {
            digest.update(buffer, 0, n);
        }
        return fromDigest(digest.digest());
    }

    /** {@return a new sha256 message digest} */
    static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /**
     * Wraps a finished digest.
     *
     * @param digest the 32 digest bytes
     * @return the value
     */
    static Sha256 fromDigest(byte[] digest) {
        return new Sha256(HexFormat.of().formatHex(digest));
    }

    /** {@return the 64 lower-case hex digits, as written in descriptions} */
    @Override
    public String toString() {
        return hex;
    }
}
