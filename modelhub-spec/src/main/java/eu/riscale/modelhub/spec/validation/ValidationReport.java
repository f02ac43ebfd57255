package eu.riscale.modelhub.spec.validation;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The result of validating a description: every issue found, errors and warnings alike.
 *
 * @param issues all issues, sorted by location
 */
public record ValidationReport(List<Diagnostic> issues) {
    private static final Comparator<Diagnostic> ORDER =
            Comparator.comparing(Diagnostic::loc).thenComparing(Diagnostic::message);

    /** Copies and sorts the issues by location. */
    public ValidationReport {
        Objects.requireNonNull(issues, "issues");
        issues = issues.stream().sorted(ORDER).distinct().toList();
    }

    /** {@return whether the description is valid, that is has no error (warnings allowed)} */
    public boolean isValid() {
        return errors().isEmpty();
    }

    /** {@return the issues of severity {@link Severity#ERROR}} */
    public List<Diagnostic> errors() {
        return issues.stream().filter(Diagnostic::isError).toList();
    }

    /** {@return the issues below {@link Severity#ERROR}} */
    public List<Diagnostic> warnings() {
        return issues.stream().filter(i -> !i.isError()).toList();
    }

    /**
     * Combines this report with more issues.
     *
     * @param more issues found by another check
     * @return a report with the issues of both
     */
    public ValidationReport with(List<Diagnostic> more) {
        return new ValidationReport(
                java.util.stream.Stream.concat(issues.stream(), more.stream()).toList());
    }
}
