package eu.riscale.modelhub.spec.op;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The arguments of {@link StardistPostprocessingDescr} (format 0.5.9 and later): {@link TwoD} or {@link ThreeD}. In
 * YAML the 3D variant is the one with {@code anisotropy} (required there, unknown in 2D).
 */
public sealed interface StardistKwargs permits StardistKwargs.TwoD, StardistKwargs.ThreeD {
    /** {@return the probability threshold for selecting object candidates} */
    double probThreshold();

    /** {@return the IoU threshold of the non-maximum suppression} */
    double nmsThreshold();

    /** {@return the number of rays from an object's centre to its boundary} */
    int nRays();

    /** {@return the grid (subsampling) of the network's predictions, one entry per spatial axis} */
    List<Integer> grid();

    /** {@return the border band in which object probability is set to zero} */
    Border b();

    /** {@return the number of spatial axes: 2 or 3} */
    int dimensions();

    /**
     * The 2D variant.
     *
     * @param probThreshold the probability threshold for selecting object candidates
     * @param nmsThreshold the IoU threshold of the non-maximum suppression
     * @param nRays the number of rays
     * @param grid the prediction grid, 2 entries
     * @param b the border band
     */
    record TwoD(
            double probThreshold,
            double nmsThreshold,
            int nRays,

            @Size(min = 2, max = 2, message = "2D grid needs 2 entries")
            List<Integer> grid,

            @Valid Border b)
            implements StardistKwargs {
        /**
         * Checks that required components are present and copies collections.
         *
         * @param probThreshold the probability threshold for selecting object candidates
         * @param nmsThreshold the IoU threshold of the non-maximum suppression
         * @param nRays the number of rays
         * @param grid the prediction grid, 2 entries
         * @param b the border band
         * @throws NullPointerException if a required component is {@code null}
         */
        public TwoD {
            grid = List.copyOf(Objects.requireNonNull(grid, "grid"));
            Objects.requireNonNull(b, "b");
        }

        /** {@inheritDoc} */
        @Override
        public int dimensions() {
            return 2;
        }
    }

    /**
     * The 3D variant.
     *
     * @param probThreshold the probability threshold for selecting object candidates
     * @param nmsThreshold the IoU threshold of the non-maximum suppression
     * @param nRays the number of rays
     * @param grid the prediction grid, 3 entries
     * @param b the border band
     * @param anisotropy the physical pixel size along each spatial axis, 3 entries
     * @param overlapLabel the label given to areas where objects overlap, or {@code null}
     */
    record ThreeD(
            double probThreshold,
            double nmsThreshold,
            int nRays,

            @Size(min = 3, max = 3, message = "3D grid needs 3 entries")
            List<Integer> grid,

            @Valid Border b,

            @Size(min = 3, max = 3, message = "anisotropy needs 3 entries")
            List<Double> anisotropy,

            @Nullable Integer overlapLabel)
            implements StardistKwargs {
        /**
         * Checks that required components are present and copies collections.
         *
         * @param probThreshold the probability threshold for selecting object candidates
         * @param nmsThreshold the IoU threshold of the non-maximum suppression
         * @param nRays the number of rays
         * @param grid the prediction grid, 3 entries
         * @param b the border band
         * @param anisotropy the physical pixel size along each spatial axis, 3 entries
         * @param overlapLabel the label given to areas where objects overlap, or {@code null}
         * @throws NullPointerException if a required component is {@code null}
         */
        public ThreeD {
            grid = List.copyOf(Objects.requireNonNull(grid, "grid"));
            Objects.requireNonNull(b, "b");
            anisotropy = List.copyOf(Objects.requireNonNull(anisotropy, "anisotropy"));
        }

        /** {@inheritDoc} */
        @Override
        public int dimensions() {
            return 3;
        }
    }

    /**
     * The border band {@code b}: one width for every side ({@link Uniform}) or a {@code [before, after]} pair per
     * spatial axis ({@link PerAxis}).
     */
    sealed interface Border permits Border.Uniform, Border.PerAxis {
        /**
         * The same width on every side.
         *
         * @param width the width in pixels
         */
        record Uniform(int width) implements Border {}

        /**
         * A {@code [before, after]} pair per spatial axis.
         *
         * @param pairs one {@code [before, after]} pair per spatial axis
         */
        record PerAxis(List<List<Integer>> pairs) implements Border {
            /**
             * Copies the pairs.
             *
             * @param pairs one pair per spatial axis
             * @throws NullPointerException if {@code pairs} is {@code null}
             */
            public PerAxis {
                pairs = Objects.requireNonNull(pairs, "pairs").stream()
                        .map(List::copyOf)
                        .toList();
            }
        }
    }
}
