package eu.riscale.modelhub.core.inference;

import java.util.ArrayList;
import java.util.List;

/**
 * One block along one axis: the inner region {@code [innerStart, innerEnd)} it contributes, and where its block of
 * {@code size} elements starts ({@code outerStart}, negative or past the end where it is padded).
 */
record Segment(int innerStart, int innerEnd, int outerStart, int size) {
    /**
     * Splits an axis like the reference's {@code split_shape_into_blocks}: inner size {@code block - 2 halo}, blocks
     * at multiples of it, the last shifted back to end at the border; a sample smaller than the inner size gets one
     * block starting {@code halo} before it. Inner regions do not overlap: where the last block was shifted back, the
     * block before it contributes up to the last one's start (what writing the blocks in order would leave), so blocks
     * can be stitched in any order.
     */
    static List<Segment> split(int sampleSize, int block, int halo) {
        int inner = block - 2 * halo;
        List<Segment> out = new ArrayList<>();
        if (sampleSize <= inner) {
            out.add(new Segment(0, sampleSize, -halo, block));
            return out;
        }
        for (int p = 0; p < sampleSize; p += inner) {
            int start = Math.min(p, sampleSize - inner);
            int end = Math.min(p + inner, sampleSize);
            if (!out.isEmpty() && out.get(out.size() - 1).innerEnd() > start) {
                Segment before = out.remove(out.size() - 1);
                out.add(new Segment(before.innerStart(), start, before.outerStart(), before.size()));
            }
            out.add(new Segment(start, end, start - halo, block));
        }
        return out;
    }

    /** {@return whether the block is exactly the whole axis} */
    boolean whole(int sampleSize) {
        return outerStart == 0 && size == sampleSize;
    }
}
