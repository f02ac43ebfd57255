/**
 * Where the bytes of a model package come from and where they go: description files in a folder, a zip package read
 * in place or an http(s) URL ({@link eu.riscale.modelhub.core.resource.ResourceRoot}), the files a description refers
 * to ({@link eu.riscale.modelhub.core.resource.FileSource}), a content-addressed download cache with an offline mode
 * ({@link eu.riscale.modelhub.core.resource.DownloadCache}), sha256 values
 * ({@link eu.riscale.modelhub.core.resource.Sha256}) and the primitives that write packages as a zip or a folder
 * ({@link eu.riscale.modelhub.core.resource.PackageWriter}).
 *
 * <p>Every path that comes from a description or an archive is checked before use: references and zip entries may not
 * leave their root, zip packages are read under size and ratio limits, downloads under timeouts, size and redirect
 * limits ({@link eu.riscale.modelhub.core.resource.ResourceSettings}). Failures are
 * {@link eu.riscale.modelhub.core.resource.ResourceException}s naming the file or reference. {@code docs/io.md} in the
 * repository describes sources, the cache, offline mode, the limits and packaging for users.
 *
 * @see eu.riscale.modelhub.core.resource.ResourceRoot
 * @see eu.riscale.modelhub.core.resource.PackageWriter
 */
@NullMarked
package eu.riscale.modelhub.core.resource;

import org.jspecify.annotations.NullMarked;
