package eu.riscale.modelhub.spec.validation;

import eu.riscale.modelhub.spec.constraint.WarningLevel;
import jakarta.validation.Payload;
import java.util.Set;

/** How serious a validation issue is; only {@link #ERROR} makes a description invalid. */
public enum Severity {
    /** Informational (reference level INFO, 20). */
    INFO(20),
    /** A warning (reference level WARNING, 30). */
    WARNING(30),
    /** An alert, such as a field needed for FAIR compliance (reference level ALERT, 35). */
    ALERT(35),
    /** An error: the description is invalid (reference level ERROR, 50). */
    ERROR(50);

    private final int level;

    Severity(int level) {
        this.level = level;
    }

    /** {@return the reference's numeric warning level} */
    public int level() {
        return level;
    }

    /**
     * The severity that a constraint's payload declares; no {@link WarningLevel} payload means {@link #ERROR}.
     *
     * @param payload the payload classes of a constraint
     * @return the severity
     */
    public static Severity ofPayload(Set<Class<? extends Payload>> payload) {
        if (payload.contains(WarningLevel.Info.class)) {
            return INFO;
        }
        if (payload.contains(WarningLevel.Warning.class)) {
            return WARNING;
        }
        if (payload.contains(WarningLevel.Alert.class)) {
            return ALERT;
        }
        return ERROR;
    }
}
