package eu.riscale.modelhub.core.upload;

/**
 * Hears how an upload goes, for a progress display. Called on the uploading thread; the default methods do nothing.
 */
public interface UploadListener {
    /** A listener that ignores everything. */
    UploadListener NONE = new UploadListener() {};

    /**
     * A step starts or ends: {@code created draft bioimage-io/affable-shark}, {@code skipped weights.pt (uploaded
     * before)}. Never contains the token or a presigned URL.
     *
     * @param message one line
     */
    default void step(String message) {}

    /**
     * Bytes of a file went out; called at least at the start and the end of every file.
     *
     * @param path the file's path in the package
     * @param sent bytes sent so far
     * @param total the file's size
     */
    default void progress(String path, long sent, long total) {}
}
