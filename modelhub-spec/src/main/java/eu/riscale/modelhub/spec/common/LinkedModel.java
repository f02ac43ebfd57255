package eu.riscale.modelhub.spec.common;

import eu.riscale.modelhub.spec.constraint.ResourceId;
import eu.riscale.modelhub.spec.constraint.Version;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A reference to another model on bioimage.io (the parent of a fine-tuned model).
 *
 * @param version the version of the linked model, or {@code null} for the latest
 * @param id the bioimage.io id of the linked model
 */
public record LinkedModel(
        @Version @Nullable String version, @ResourceId String id) {
    /**
     * Checks that required components are present and copies collections.
     *
     * @param version the version of the linked model, or {@code null} for the latest
     * @param id the bioimage.io id of the linked model
     * @throws NullPointerException if a required component is {@code null}
     */
    public LinkedModel {
        Objects.requireNonNull(id, "id");
    }
}
