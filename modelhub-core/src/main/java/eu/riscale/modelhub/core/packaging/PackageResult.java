package eu.riscale.modelhub.core.packaging;

import eu.riscale.modelhub.core.resource.PackageEntry;
import eu.riscale.modelhub.spec.ModelDescr;
import eu.riscale.modelhub.spec.validation.ValidationReport;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What {@link Packager} wrote.
 *
 * @param target the zip file or folder written
 * @param description the description as written into the package (sources rewritten, sha256 filled in)
 * @param entries every file of the package, the description ({@code rdf.yaml}) first, with sha256 and size
 * @param report the validation of the written package (format and I/O checks); valid, but possibly with warnings
 */
public record PackageResult(Path target, ModelDescr description, List<PackageEntry> entries, ValidationReport report) {
    /**
     * Checks and copies the components.
     *
     * @param target the zip file or folder written
     * @param description the description as written into the package
     * @param entries every file of the package, the description first
     * @param report the validation of the written package
     * @throws NullPointerException if a component is {@code null}
     */
    public PackageResult {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(description, "description");
        entries = List.copyOf(Objects.requireNonNull(entries, "entries"));
        Objects.requireNonNull(report, "report");
    }
}
