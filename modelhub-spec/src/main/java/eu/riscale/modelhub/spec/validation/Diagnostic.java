package eu.riscale.modelhub.spec.validation;

import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One finding about a description, the same type for every stage: a structural problem while reading, a constraint
 * violation, a note of the 0.4 converter, a message of a model test, a finding of the hub-readiness review. It has a
 * severity, a typed {@link Location}, where the text of the file is known a line and column, and optionally a
 * suggestion of what to do about it.
 *
 * @param severity how serious it is
 * @param location where in the description
 * @param message what was found and what was expected
 * @param line the 1-based line in the source text, or {@code -1} when not known
 * @param column the 1-based column in the source text, or {@code -1} when not known
 * @param suggestion what to do about it, or {@code null}
 */
public record Diagnostic(
        Severity severity,
        Location location,
        String message,
        int line,
        int column,
        @Nullable String suggestion) {
    /**
     * Checks that the components are present.
     *
     * @param severity how serious it is
     * @param location where in the description
     * @param message what was found and what was expected
     * @param line the 1-based line in the source text, or {@code -1} when not known
     * @param column the 1-based column in the source text, or {@code -1} when not known
     * @param suggestion what to do about it, or {@code null}
     * @throws NullPointerException if a required component is {@code null}
     */
    public Diagnostic {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(message, "message");
    }

    /**
     * A diagnostic without a suggestion.
     *
     * @param severity how serious it is
     * @param location where in the description
     * @param message what was found and what was expected
     * @param line the 1-based line in the source text, or {@code -1} when not known
     * @param column the 1-based column in the source text, or {@code -1} when not known
     * @throws NullPointerException if a component is {@code null}
     */
    public Diagnostic(Severity severity, Location location, String message, int line, int column) {
        this(severity, location, message, line, column, null);
    }

    /**
     * A diagnostic without a source position.
     *
     * @param severity how serious it is
     * @param location where in the description
     * @param message what was found and what was expected
     * @return the diagnostic
     */
    public static Diagnostic of(Severity severity, Location location, String message) {
        return new Diagnostic(severity, location, message, -1, -1);
    }

    /**
     * An error without a source position.
     *
     * @param location where in the description
     * @param message what was found and what was expected
     * @return the diagnostic
     */
    public static Diagnostic error(Location location, String message) {
        return of(Severity.ERROR, location, message);
    }

    /**
     * A warning without a source position.
     *
     * @param location where in the description
     * @param message what was found
     * @return the diagnostic
     */
    public static Diagnostic warning(Location location, String message) {
        return of(Severity.WARNING, location, message);
    }

    /**
     * The same diagnostic at a position in the source text.
     *
     * @param line the 1-based line
     * @param column the 1-based column
     * @return the diagnostic with its position
     */
    public Diagnostic at(int line, int column) {
        return new Diagnostic(severity, location, message, line, column, suggestion);
    }

    /**
     * The same diagnostic with a suggestion of what to do.
     *
     * @param suggestion what to do about it
     * @return the diagnostic with the suggestion
     */
    public Diagnostic suggesting(String suggestion) {
        return new Diagnostic(
                severity, location, message, line, column, Objects.requireNonNull(suggestion, "suggestion"));
    }

    /** {@return the location in the reference's dotted form, for example {@code inputs.0.axes}} */
    public String loc() {
        return location.toString();
    }

    /** {@return the location and message, for example {@code outputs.0: ...}; the message alone at the root} */
    public String describe() {
        return location.isRoot() ? message : loc() + ": " + message;
    }

    /** {@return whether this is an error (as opposed to a warning or note)} */
    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** {@return whether the line and column are known} */
    public boolean hasPosition() {
        return line > 0;
    }

    /** {@return the severity, location, message and position, for example {@code error at inputs.0: ...}} */
    @Override
    public String toString() {
        String where = location.isRoot() ? "<root>" : loc();
        String text = severity.name().toLowerCase(Locale.ROOT) + " at " + where + ": " + message;
        return hasPosition() ? text + " (line " + line + ", column " + column + ")" : text;
    }
}
