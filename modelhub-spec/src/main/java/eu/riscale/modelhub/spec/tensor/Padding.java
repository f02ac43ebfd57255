package eu.riscale.modelhub.spec.tensor;

/**
 * How an input tensor is padded when a whole sample is predicted at a size the model does not accept ({@code
 * inputs[].pad}, format 0.5.10). The modes are numpy's pad modes. In YAML the variants are told apart by {@code mode};
 * a mapping without {@code mode} is {@link Constant} (its default), see docs/formats.md.
 *
 * <p>The width is not part of the description: it is whatever brings the axis to the next valid size.
 */
public sealed interface Padding permits Padding.Constant, Padding.Edge, Padding.Reflect, Padding.Symmetric {
    /** {@return the mode as written in YAML, for example {@code "reflect"}} */
    String mode();

    /**
     * Pads with a constant value.
     *
     * @param value the value written into the padded band (default 0)
     */
    record Constant(double value) implements Padding {
        /** Padding with zeros, the default of {@code {mode: constant}}. */
        public static final Constant ZERO = new Constant(0);

        /** {@inheritDoc} */
        @Override
        public String mode() {
            return "constant";
        }
    }

    /** Repeats the edge value. */
    record Edge() implements Padding {
        /** {@inheritDoc} */
        @Override
        public String mode() {
            return "edge";
        }
    }

    /** Mirrors at the edge without repeating it ({@code dcb|abcd|cba}). */
    record Reflect() implements Padding {
        /** {@inheritDoc} */
        @Override
        public String mode() {
            return "reflect";
        }
    }

    /** Mirrors at the edge, repeating it ({@code cba|abcd|dcb}). */
    record Symmetric() implements Padding {
        /** {@inheritDoc} */
        @Override
        public String mode() {
            return "symmetric";
        }
    }
}
