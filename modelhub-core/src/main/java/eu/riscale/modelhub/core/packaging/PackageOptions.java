package eu.riscale.modelhub.core.packaging;

import eu.riscale.modelhub.spec.weights.WeightsFormat;
import java.util.List;
import java.util.Objects;

/**
 * How {@link Packager} writes a package.
 *
 * @param weightsPriorityOrder when not empty, only the first of these formats that the model has is packaged, without
 *     its {@code parent} (as the reference's {@code weights_priority_order}); empty keeps every weights entry
 * @param overwrite whether {@link Packager#saveFolder} may replace existing files with other content (a zip target is
 *     always replaced)
 */
public record PackageOptions(List<WeightsFormat> weightsPriorityOrder, boolean overwrite) {
    /** Every weights format, nothing overwritten. */
    public static final PackageOptions DEFAULTS = new PackageOptions(List.of(), false);

    /**
     * Copies the list.
     *
     * @param weightsPriorityOrder the weights formats in order of preference; empty keeps every entry
     * @param overwrite whether {@link Packager#saveFolder} may replace existing files with other content
     * @throws NullPointerException if the list or an element is {@code null}
     */
    public PackageOptions {
        weightsPriorityOrder = List.copyOf(Objects.requireNonNull(weightsPriorityOrder, "weightsPriorityOrder"));
    }

    /**
     * Returns these options keeping only the first present of the given weights formats.
     *
     * @param formats the formats in order of preference; none keeps every entry
     * @return the changed options
     */
    public PackageOptions withWeightsPriorityOrder(WeightsFormat... formats) {
        return new PackageOptions(List.of(formats), overwrite);
    }

    /**
     * Returns these options with another overwrite setting.
     *
     * @param newOverwrite whether existing files with other content may be replaced when saving a folder
     * @return the changed options
     */
    public PackageOptions withOverwrite(boolean newOverwrite) {
        return new PackageOptions(weightsPriorityOrder, newOverwrite);
    }
}
