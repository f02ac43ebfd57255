package eu.riscale.modelhub.core.inference;

import java.util.Map;
import java.util.Objects;

/**
 * How a prediction splits samples into blocks. Blocks carry the halo the outputs declare (converted to input units),
 * are reflect-padded at the sample's borders, and only their inner regions are stitched into the outputs.
 *
 * <ul>
 *   <li>{@link #auto()} (default): whole samples when their sizes are valid for the model, else blocks as large as the
 *       memory budget allows;
 *   <li>{@link #none()}: never split; invalid sizes are an error;
 *   <li>{@link #sizeParameter(int)}: blocks of {@code min + n * step} along every parameterized axis (fixed axes keep
 *       their size), as the reference's {@code blocksize_parameter};
 *   <li>{@link #blockShape(Map)}: explicit block sizes by axis id, applied to every input with that axis.
 * </ul>
 */
public sealed interface Tiling permits Tiling.Auto, Tiling.None, Tiling.SizeParameter, Tiling.BlockShape {
    /** {@return whole samples when they fit, else blocks under the memory budget} */
    static Tiling auto() {
        return Auto.INSTANCE;
    }

    /** {@return never split} */
    static Tiling none() {
        return None.INSTANCE;
    }

    /**
     * Blocks by the size parameter.
     *
     * @param n the parameter, 0 or more
     * @return the tiling
     */
    static Tiling sizeParameter(int n) {
        return new SizeParameter(n);
    }

    /**
     * Blocks of explicit sizes.
     *
     * @param sizes block size by axis id, for example {@code {y=256, x=256}}; axes not given keep the sample's size
     *     when it is valid, else the smallest valid size above it
     * @return the tiling
     */
    static Tiling blockShape(Map<String, Integer> sizes) {
        return new BlockShape(sizes);
    }

    /** Whole samples when valid, else blocks under the memory budget. */
    final class Auto implements Tiling {
        private static final Auto INSTANCE = new Auto();

        private Auto() {}

        @Override
        public String toString() {
            return "auto";
        }
    }

    /** Never split. */
    final class None implements Tiling {
        private static final None INSTANCE = new None();

        private None() {}

        @Override
        public String toString() {
            return "none";
        }
    }

    /**
     * Blocks by size parameter.
     *
     * @param n the size parameter, 0 or more
     */
    record SizeParameter(int n) implements Tiling {
        /** Checks the parameter. */
        public SizeParameter {
            if (n < 0) {
                throw new IllegalArgumentException("n: found " + n + ", expected 0 or more");
            }
        }
    }

    /**
     * Blocks of explicit sizes by axis id.
     *
     * @param sizes the sizes, each positive
     */
    record BlockShape(Map<String, Integer> sizes) implements Tiling {
        /** Checks and copies the sizes. */
        public BlockShape {
            sizes = Map.copyOf(Objects.requireNonNull(sizes, "sizes"));
            sizes.forEach((axis, size) -> {
                if (size < 1) {
                    throw new IllegalArgumentException(
                            "sizes[" + axis + "]: found " + size + ", expected a positive block size");
                }
            });
        }
    }
}
