package eu.riscale.modelhub.spec.op;

import eu.riscale.modelhub.spec.constraint.Identifier;
import java.util.Objects;

/**
 * Arguments of {@code softmax}.
 *
 * @param axis the axis to normalize along (default {@code channel})
 */
public record SoftmaxKwargs(
        @Identifier(lowerCase = true, maxLength = 16) String axis) {
    /** The description with every field at its default. */
    /** The axis when none is given. */
    public static final String DEFAULT_AXIS = "channel";

    /** The arguments when none are given. */
    public static final SoftmaxKwargs DEFAULT = new SoftmaxKwargs(DEFAULT_AXIS);

    /**
     * Checks that required components are present and copies collections.
     *
     * @param axis the axis to normalize along (default {@code channel})
     * @throws NullPointerException if a required component is {@code null}
     */
    public SoftmaxKwargs {
        Objects.requireNonNull(axis, "axis");
    }
}
