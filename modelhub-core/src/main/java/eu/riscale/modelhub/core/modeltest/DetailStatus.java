package eu.riscale.modelhub.core.modeltest;

import java.util.Locale;

/** The outcome of one {@link TestDetail}. */
public enum DetailStatus {
    /** The check ran and found no error. */
    PASSED,
    /** The check ran and found at least one error. */
    FAILED,
    /** The check could not run here (for example a weights format without an engine); the reason says why. */
    SKIPPED;

    /** {@return the wire id: {@code passed}, {@code failed} or {@code skipped}} */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
