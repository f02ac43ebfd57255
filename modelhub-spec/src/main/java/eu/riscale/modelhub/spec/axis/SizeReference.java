package eu.riscale.modelhub.spec.axis;

import eu.riscale.modelhub.spec.constraint.Identifier;
import java.util.Objects;

/**
 * An axis size derived from another tensor's axis: {@code ref_size * ref_scale / scale + offset}.
 *
 * @param tensorId the id of the referenced tensor
 * @param axisId the id of the referenced axis
 * @param offset the offset added to the scaled reference size (default 0)
 */
public record SizeReference(
        @Identifier(lowerCase = true, maxLength = 32) String tensorId,
        @Identifier(lowerCase = true, maxLength = 16) String axisId,
        int offset)
        implements InputSize, StaticOutputSize {
    /**
     * Checks that required components are present and copies collections.
     *
     * @param tensorId the id of the referenced tensor
     * @param axisId the id of the referenced axis
     * @param offset the offset added to the scaled reference size (default 0)
     * @throws NullPointerException if a required component is {@code null}
     */
    public SizeReference {
        Objects.requireNonNull(tensorId, "tensorId");
        Objects.requireNonNull(axisId, "axisId");
    }

    /**
     * Creates a reference without offset.
     *
     * @param tensorId the id of the referenced tensor
     * @param axisId the id of the referenced axis
     * @return the size reference
     */
    public static SizeReference of(String tensorId, String axisId) {
        return new SizeReference(tensorId, axisId, 0);
    }
}
