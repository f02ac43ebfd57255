package eu.riscale.modelhub.core.validation;

import eu.riscale.modelhub.core.resource.ResourceSettings;
import java.util.List;
import java.util.Objects;

/**
 * How {@link SourceValidation} validates.
 *
 * <pre>{@code
 * ValidationOptions formatOnly = ValidationOptions.defaults().withIoChecks(false);   // like --no-io
 * }</pre>
 *
 * @param ioChecks whether the {@link #checks() I/O checks} run after the format rules; off means the description file is
 *     the only file read, like the reference's format validation
 * @param checks the I/O checks to run when {@code ioChecks} is on
 * @param settings limits, cache and offline mode for opening sources and their files
 */
public record ValidationOptions(boolean ioChecks, List<IoCheck> checks, ResourceSettings settings) {
    /** Copies the list and checks that no component is null. */
    public ValidationOptions {
        checks = List.copyOf(Objects.requireNonNull(checks, "checks"));
        Objects.requireNonNull(settings, "settings");
    }

    /** {@return I/O checks on with {@link IoCheck#defaults()} and the default resource settings} */
    public static ValidationOptions defaults() {
        return new ValidationOptions(true, IoCheck.defaults(), ResourceSettings.defaults());
    }

    /**
     * Switches the I/O checks on or off.
     *
     * @param on whether they run
     * @return options with that choice
     */
    public ValidationOptions withIoChecks(boolean on) {
        return new ValidationOptions(on, checks, settings);
    }

    /**
     * Replaces the I/O checks.
     *
     * @param newChecks the checks to run when I/O checks are on
     * @return options with those checks
     */
    public ValidationOptions withChecks(List<IoCheck> newChecks) {
        return new ValidationOptions(ioChecks, newChecks, settings);
    }

    /**
     * Replaces the resource settings.
     *
     * @param newSettings limits, cache and offline mode
     * @return options with those settings
     */
    public ValidationOptions withSettings(ResourceSettings newSettings) {
        return new ValidationOptions(ioChecks, checks, newSettings);
    }
}
