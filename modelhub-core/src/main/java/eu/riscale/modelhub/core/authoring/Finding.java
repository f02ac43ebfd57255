package eu.riscale.modelhub.core.authoring;

import java.util.Objects;

/**
 * One thing {@link HubReview} found that keeps a description from being ready for the hub.
 *
 * @param loc where: a dotted path into the description as in validation reports ({@code name}, {@code tags},
 *     {@code inputs.0.test_tensor}), or a file such as {@code README.md}
 * @param level how much it matters
 * @param message what is wrong or missing
 * @param suggestion what to do about it
 */
public record Finding(String loc, Level level, String message, String suggestion) {
    /** How much a finding matters for the hub. */
    public enum Level {
        /** The contribution guide asks for it; a reviewer would send the model back. */
        BLOCKER,
        /** Makes the model clearly easier to find, judge or use. */
        IMPROVEMENT,
        /** Nice to have. */
        HINT
    }

    /**
     * Checks that no component is null.
     *
     * @param loc where
     * @param level how much it matters
     * @param message what is wrong or missing
     * @param suggestion what to do about it
     */
    public Finding {
        Objects.requireNonNull(loc, "loc");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(suggestion, "suggestion");
    }

    /** {@return one line: level, location, message and suggestion} */
    @Override
    public String toString() {
        return level + " " + loc + ": " + message + " -> " + suggestion;
    }
}
