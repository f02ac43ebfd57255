package eu.riscale.modelhub.core.upload;

import java.net.URI;
import java.util.Objects;

/**
 * What an upload did.
 *
 * @param artifactId the staged draft on the hub, for example {@code bioimage-io/affable-shark}
 * @param description where the staged description can be read once the hub has processed it
 * @param resumed whether an earlier, interrupted upload of the same package was continued instead of a new draft
 * @param filesSent how many files were sent by this run
 * @param filesSkipped how many files an earlier run had sent already
 * @param reviewRequested whether the draft's status asks for review ({@code in-review}) rather than {@code draft}
 */
public record UploadResult(
        String artifactId, URI description, boolean resumed, int filesSent, int filesSkipped, boolean reviewRequested) {
    /** Checks presence. */
    public UploadResult {
        Objects.requireNonNull(artifactId, "artifactId");
        Objects.requireNonNull(description, "description");
    }
}
