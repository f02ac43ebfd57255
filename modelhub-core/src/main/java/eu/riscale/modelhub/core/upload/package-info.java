/**
 * Uploading a model package to the hub as a staged draft for review: {@link eu.riscale.modelhub.core.upload.HubUpload}
 * plans an upload ({@link eu.riscale.modelhub.core.upload.UploadPlan}: the package validated, tested and written, the
 * manifest, every file with size and sha256, the endpoints) and carries it out over the hub's artifact-manager HTTP
 * service, resuming an interrupted upload instead of creating a second draft. Nothing is ever published.
 *
 * <p>{@code docs/upload.md} in the repository names the protocol version followed and how to run an upload against
 * the real hub.
 *
 * @see eu.riscale.modelhub.core.upload.HubUpload
 */
@NullMarked
package eu.riscale.modelhub.core.upload;

import org.jspecify.annotations.NullMarked;
