package eu.riscale.modelhub.spec.constraint;

import jakarta.validation.Payload;

/**
 * Payloads that lower a constraint violation from an error to a warning, with the reference's warning levels. A
 * constraint without one of these payloads is an error: it makes a description invalid.
 */
public final class WarningLevel {
    private WarningLevel() {}

    /** Informational (reference level INFO, 20). */
    public interface Info extends Payload {}

    /** A warning (reference level WARNING, 30). */
    public interface Warning extends Payload {}

    /** An alert, such as a field needed for FAIR compliance (reference level ALERT, 35). */
    public interface Alert extends Payload {}
}
