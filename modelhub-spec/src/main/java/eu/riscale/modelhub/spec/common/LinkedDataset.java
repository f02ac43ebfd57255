package eu.riscale.modelhub.spec.common;

import eu.riscale.modelhub.spec.constraint.ResourceId;
import eu.riscale.modelhub.spec.constraint.Version;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A reference to a dataset on bioimage.io.
 *
 * @param version the version of the linked dataset, or {@code null} for the latest
 * @param id the bioimage.io id of the dataset
 */
public record LinkedDataset(
        @Version @Nullable String version, @ResourceId String id) implements TrainingData {
    /**
     * Checks that required components are present and copies collections.
     *
     * @param version the version of the linked dataset, or {@code null} for the latest
     * @param id the bioimage.io id of the dataset
     * @throws NullPointerException if a required component is {@code null}
     */
    public LinkedDataset {
        Objects.requireNonNull(id, "id");
    }
}
