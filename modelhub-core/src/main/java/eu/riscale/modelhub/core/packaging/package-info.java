/**
 * Saving, packaging and re-hashing model descriptions: {@link eu.riscale.modelhub.core.packaging.Packager} writes a
 * description with every file it refers to as a zip package or a folder (sources rewritten to package-local names,
 * optionally only chosen weights formats, the result re-validated), and
 * {@link eu.riscale.modelhub.core.packaging.HashUpdater} fills in or fixes the sha256 values of a description. Both
 * enumerate files through {@link eu.riscale.modelhub.core.description.FileReferences} and reach them through
 * {@link eu.riscale.modelhub.core.resource.ResourceRoot}; {@code docs/io.md} describes packaging for users.
 *
 * @see eu.riscale.modelhub.core.packaging.Packager
 * @see eu.riscale.modelhub.core.packaging.HashUpdater
 */
@NullMarked
package eu.riscale.modelhub.core.packaging;

import org.jspecify.annotations.NullMarked;
