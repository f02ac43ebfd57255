package eu.riscale.modelhub.core.upload;

import eu.riscale.modelhub.core.resource.Sha256;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * What {@link HubUpload#upload} would send: the package (validated, tested unless told not to, and written to a
 * temporary zip), the manifest, every file with size and sha256, and the requests in order. {@link #close()} deletes
 * the temporary zip. Made by {@link HubUpload#plan}; not thread-safe to close while uploading.
 */
public final class UploadPlan implements AutoCloseable {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * One file of the package.
     *
     * @param path its path in the package, as uploaded
     * @param size its size in bytes
     * @param sha256 the sha256 of its bytes, recorded in the finished draft's {@code file_sha256}
     * @param weights whether it is a weights file (the hub counts downloads of those)
     */
    public record PlannedFile(String path, long size, Sha256 sha256, boolean weights) {
        /** Checks presence. */
        public PlannedFile {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(sha256, "sha256");
        }
    }

    private final String source;
    private final Path packageFile;
    private final ObjectNode manifest;
    private final List<PlannedFile> files;
    private final Sha256 key;
    private final String testStatus;

    UploadPlan(
            String source,
            Path packageFile,
            ObjectNode manifest,
            List<PlannedFile> files,
            Sha256 key,
            String testStatus) {
        this.source = source;
        this.packageFile = packageFile;
        this.manifest = manifest.deepCopy();
        this.files = List.copyOf(files);
        this.key = key;
        this.testStatus = testStatus;
    }

    /** {@return the source as given} */
    public String source() {
        return source;
    }

    /** {@return the package written from the source, a temporary zip that {@link #close()} deletes} */
    public Path packageFile() {
        return packageFile;
    }

    /** {@return the manifest sent to the hub: the packaged description as JSON, app-only keys stripped} */
    ObjectNode manifestTree() {
        return manifest.deepCopy();
    }

    /** {@return the manifest as indented JSON} */
    public String manifestJson() {
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(manifest);
    }

    /** {@return every file of the package, the description ({@code rdf.yaml}) first} */
    public List<PlannedFile> files() {
        return files;
    }

    /** {@return the total size of the files in bytes} */
    public long totalBytes() {
        return files.stream().mapToLong(PlannedFile::size).sum();
    }

    /**
     * {@return what identifies this package's content: the sha256 over every file's path and sha256; an interrupted
     * upload is resumed only for the same key}
     */
    public Sha256 key() {
        return key;
    }

    /** {@return how the local test went: {@code passed}, or {@code not run}} */
    public String testStatus() {
        return testStatus;
    }

    /**
     * {@return the requests an upload makes, in order, one line each, for {@code endpoint}; presigned URLs are named
     * but not known before the hub returns them}
     *
     * @param options the options naming the endpoint and whether review is requested
     */
    public List<String> requests(UploadOptions options) {
        String base = options.endpoint().toString();
        return List.of(
                "POST " + base + "/create (a staged draft in " + options.parentId() + ", status draft)",
                "POST " + base + "/put_file, then PUT to the presigned URL it returns, for each of the " + files.size()
                        + " files",
                "POST " + base + "/edit (stage: true, file_sha256, status "
                        + (options.requestReview() ? "in-review" : "draft") + "); never commit, never publish");
    }

    /** Deletes the temporary package; idempotent. */
    @Override
    public void close() {
        try {
            Files.deleteIfExists(packageFile);
        } catch (IOException e) {
            // a temporary file in the cache's uploads folder; left for the next cache clear
        }
    }
}
