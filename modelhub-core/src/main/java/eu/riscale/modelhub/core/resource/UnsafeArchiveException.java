package eu.riscale.modelhub.core.resource;

/**
 * A zip package is refused: an entry name escapes the package root or is absolute, an entry is a symbolic link, names
 * are duplicated, or the archive exceeds a limit of {@link ResourceSettings} (entry count, entry size, total
 * uncompressed size, compression ratio) — the usual signs of a zip bomb or a path traversal attack.
 */
public final class UnsafeArchiveException extends ResourceException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception.
     *
     * @param message what was refused, naming the archive and the entry
     */
    public UnsafeArchiveException(String message) {
        super(message);
    }
}
