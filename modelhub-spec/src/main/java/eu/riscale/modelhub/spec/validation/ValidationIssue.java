package eu.riscale.modelhub.spec.validation;

import java.util.Objects;

/**
 * One finding of a validation.
 *
 * @param severity how serious it is
 * @param loc where it is: a dotted path into the document such as {@code inputs.0.axes.2.size}; empty for the root
 * @param msg what is wrong and what was expected
 */
public record ValidationIssue(Severity severity, String loc, String msg) {
    /** Checks that no component is null. */
    public ValidationIssue {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(loc, "loc");
        Objects.requireNonNull(msg, "msg");
    }

    /** {@return whether this issue makes the description invalid} */
    public boolean isError() {
        return severity == Severity.ERROR;
    }

    @Override
    public String toString() {
        return severity.name().toLowerCase(java.util.Locale.ROOT) + " at " + (loc.isEmpty() ? "<root>" : loc) + ": "
                + msg;
    }
}
