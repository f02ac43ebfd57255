package eu.riscale.modelhub.core.tensor;

/**
 * How {@link Tensor#pad} fills the new border, with the meaning of numpy's {@code np.pad} modes of the same name.
 */
public enum PadMode {
    /** A constant value ({@code np.pad(mode="constant")}). */
    CONSTANT,
    /** Repeats the edge value ({@code "edge"}): {@code a a a | a b c}. */
    EDGE,
    /** Mirrors without repeating the edge ({@code "reflect"}): {@code c b | a b c}. */
    REFLECT,
    /** Mirrors including the edge ({@code "symmetric"}): {@code b a | a b c}. */
    SYMMETRIC
}
