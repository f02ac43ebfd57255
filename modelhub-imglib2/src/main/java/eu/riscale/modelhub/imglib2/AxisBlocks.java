package eu.riscale.modelhub.imglib2;

import java.util.ArrayList;
import java.util.List;

/**
 * How one input axis is split: the SDK's blocks ({@code PredictionPipeline}'s tiling: inner size {@code block - 2
 * halo}, blocks at multiples of it, the last shifted back to end at the border) and the regular cells of the lazy image
 * over them. Each position belongs to the last block whose inner region starts at or before it, as in the SDK's
 * stitching, where later blocks overwrite earlier ones.
 *
 * @param size the image size along the axis
 * @param block the block size
 * @param halo the halo on each side
 * @param segments the blocks, in order
 * @param cellSize the cell size: the inner size, or the whole axis when it is one block
 */
record AxisBlocks(int size, int block, int halo, List<Segment> segments, int cellSize) {
    /**
     * One block along the axis.
     *
     * @param innerStart where the region it contributes starts
     * @param innerEnd where that region ends (exclusive)
     * @param outerStart where the block starts (negative or past the end where it is reflect-padded)
     */
    record Segment(int innerStart, int innerEnd, int outerStart) {}

    /**
     * The part of a cell that one block supplies.
     *
     * @param segment the block's index
     * @param start the first position
     * @param end the end (exclusive)
     */
    record Piece(int segment, int start, int end) {}

    static AxisBlocks of(int size, int block, int halo) {
        int inner = block - 2 * halo;
        List<Segment> s = new ArrayList<>();
        if (size <= inner) {
            s.add(new Segment(0, size, -halo));
            return new AxisBlocks(size, block, halo, List.copyOf(s), size);
        }
        for (int p = 0; p < size; p += inner) {
            int start = Math.min(p, size - inner);
            s.add(new Segment(start, Math.min(p + inner, size), start - halo));
        }
        return new AxisBlocks(size, block, halo, List.copyOf(s), inner);
    }

    /** {@return the number of cells (equal to the number of blocks)} */
    int cells() {
        return segments.size();
    }

    /** {@return whether the axis is one block that is exactly the whole axis, so outputs need no stitching} */
    boolean whole() {
        return segments.size() == 1 && segments.get(0).outerStart() == 0 && block == size;
    }

    int cellStart(int c) {
        return c * cellSize;
    }

    int cellEnd(int c) {
        return Math.min((c + 1) * cellSize, size);
    }

    /** {@return the blocks supplying a cell, with the part each supplies: one, or two before a shifted last block} */
    List<Piece> pieces(int c) {
        int lo = cellStart(c);
        int hi = cellEnd(c);
        List<Piece> out = new ArrayList<>(2);
        for (int j = 0; j < segments.size(); j++) {
            int ownStart = segments.get(j).innerStart();
            int ownEnd = j + 1 < segments.size() ? segments.get(j + 1).innerStart() : size;
            int a = Math.max(lo, ownStart);
            int b = Math.min(hi, ownEnd);
            if (a < b) {
                out.add(new Piece(j, a, b));
            }
        }
        return out;
    }
}
