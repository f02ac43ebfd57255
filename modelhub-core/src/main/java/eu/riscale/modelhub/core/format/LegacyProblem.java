package eu.riscale.modelhub.core.format;

import java.util.Objects;

/**
 * A violation of the rules of an older format (0.3/0.4), or a description that cannot be read at all.
 *
 * @param severity whether the problem makes the description invalid
 * @param location dotted path into the original document in the notation of the reference validator, for example
 *     {@code inputs.0.axes}; the empty string is the document root
 * @param message what was found and what was expected
 */
public record LegacyProblem(Severity severity, String location, String message) {
    /** How serious a {@link LegacyProblem} is. */
    public enum Severity {
        /** The description violates a rule of its format and is invalid. */
        ERROR,
        /** The description is valid but something should be fixed (for example a missing framework version). */
        WARNING
    }

    /**
     * Checks that all components are present.
     *
     * @param severity whether the problem makes the description invalid
     * @param location dotted path into the original document
     * @param message what was found and what was expected
     */
    public LegacyProblem {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(message, "message");
    }

    /** {@return whether this problem makes the description invalid} */
    public boolean isError() {
        return severity == Severity.ERROR;
    }

    @Override
    public String toString() {
        return severity + " " + (location.isEmpty() ? "<root>" : location) + ": " + message;
    }
}
