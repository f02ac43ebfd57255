package eu.riscale.modelhub.core.validation;

import java.util.Locale;
import java.util.Optional;

/**
 * Which rules judge a description of an older format, as the reference's {@code --format-version} of {@code
 * bioimageio test}: the rules of its own format, or those of the latest format after conversion.
 */
public enum FormatTarget {
    /**
     * The declared format's own rules (the default, the reference's {@code discover}): a 0.3/0.4 description is
     * checked against the legacy rules and converted; what the 0.5 rules find in the converted description is a
     * warning.
     */
    DISCOVER,
    /**
     * The latest format's rules (the reference's {@code latest}): a 0.3/0.4 description is converted to 0.5 and what
     * the 0.5 rules find in the result is an error, as for a description written in 0.5. Descriptions already in
     * format 0.5 are judged the same either way.
     */
    LATEST;

    /** {@return the command-line id: {@code discover} or {@code latest}} */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Reads a command-line id.
     *
     * @param id {@code discover} or {@code latest}
     * @return the target, empty for anything else
     */
    public static Optional<FormatTarget> fromId(String id) {
        for (FormatTarget t : values()) {
            if (t.id().equals(id)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
