package eu.riscale.modelhub.core.resource;

/**
 * One file written by {@link PackageWriter}.
 *
 * @param name the package-local name
 * @param sha256 the sha256 of the bytes written
 * @param size the number of bytes written
 */
public record PackageEntry(PackagePath name, Sha256 sha256, long size) {}
