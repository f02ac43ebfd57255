package eu.riscale.modelhub.core.validation;

import eu.riscale.modelhub.spec.ModelDescr;
import eu.riscale.modelhub.spec.validation.Diagnostic;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The verdict on one source: its status, every issue with severity, location and message, and the typed model when
 * the document could be bound.
 *
 * @param source the source as given (path or URL)
 * @param status valid, invalid, or error when the source is not a readable description
 * @param declaredFormatVersion the {@code format_version} as written, or {@code null} when missing or not a string
 * @param declaredType the {@code type} as written, or {@code null} when missing or not a string
 * @param issues every issue, errors and warnings, loading issues first
 * @param model the format 0.5 model, or {@code null} when the document could not be bound
 * @param readable whether the source could be opened and read at all; {@code false} for a missing file, a folder
 *     without a description, a refused zip or a failed download (then {@code status} is {@link Status#ERROR})
 */
public record SourceReport(
        String source,
        Status status,
        @Nullable String declaredFormatVersion,
        @Nullable String declaredType,
        List<Diagnostic> issues,
        @Nullable ModelDescr model,
        boolean readable) {
    /** The overall verdict, as the reference names it. */
    public enum Status {
        /** No error (warnings allowed). */
        VALID,
        /** At least one error. */
        INVALID,
        /** Not a readable description: the source cannot be read, is not YAML, or has no {@code format_version}. */
        ERROR;

        /** {@return the lower-case name used in JSON output: valid, invalid or error} */
        public String jsonName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** Copies the issues and checks that required components are present. */
    public SourceReport {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(status, "status");
        issues = List.copyOf(Objects.requireNonNull(issues, "issues"));
    }

    /** {@return whether the source is a valid description} */
    public boolean isValid() {
        return status == Status.VALID;
    }

    /** {@return the issues that make the description invalid} */
    public List<Diagnostic> errors() {
        return issues.stream().filter(Diagnostic::isError).toList();
    }

    /** {@return the warnings, alerts and infos} */
    public List<Diagnostic> warnings() {
        return issues.stream().filter(i -> !i.isError()).toList();
    }

    /** {@return the format 0.5 model, empty when the document could not be bound} */
    public Optional<ModelDescr> modelIfBound() {
        return Optional.ofNullable(model);
    }
}
