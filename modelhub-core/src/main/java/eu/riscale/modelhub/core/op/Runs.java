package eu.riscale.modelhub.core.op;

import eu.riscale.modelhub.core.tensor.Tensor;
import java.util.List;

/**
 * Broadcasting of a parameter tensor over a subset of a tensor's axes, by axis name: the tensor is split into runs of
 * {@code inner} consecutive elements that share one parameter index ({@code index[run]}). Runs are at most a few
 * thousand elements long where the shape allows, so that loops over runs split well over the cores; run lengths of
 * different parameters of one tensor need not divide each other.
 */
final class Runs {
    final int inner;
    final int[] index;

    private Runs(int inner, int[] index) {
        this.inner = inner;
        this.index = index;
    }

    private static final int BLOCK = 1 << 13;
    private static final int MIN_PIECE = 1 << 10;

    /** A scalar parameter: blocks of {@value #BLOCK} elements that all use parameter index 0 (the last is shorter). */
    static Runs scalar(Tensor x) {
        return new Runs(BLOCK, new int[(x.size() + BLOCK - 1) / BLOCK]);
    }

    /**
     * Maps {@code param} (axes a subset of {@code x}'s, any order, equal sizes or size 1) onto {@code x}.
     *
     * @param what a description for error messages, for example {@code "scale_linear gain"}
     */
    static Runs of(Tensor x, List<String> paramAxes, int[] paramShape, String what) {
        List<String> axes = x.axes();
        int[] shape = x.shape();
        int nd = shape.length;
        int[] pstride = new int[nd];
        int s = 1;
        for (int i = paramAxes.size() - 1; i >= 0; i--) {
            String a = paramAxes.get(i);
            int k = axes.indexOf(a);
            if (k < 0) {
                throw new IllegalArgumentException(what + ": axis '" + a + "' not found in the tensor's axes " + axes);
            }
            if (paramShape[i] != shape[k] && paramShape[i] != 1) {
                throw new IllegalArgumentException(what + ": found " + paramShape[i] + " values along axis '" + a
                        + "', expected " + shape[k] + " (the size of that axis)");
            }
            pstride[k] = paramShape[i] == 1 ? 0 : s;
            s *= paramShape[i];
        }
        int split = nd;
        int inner = 1;
        while (split > 0 && pstride[split - 1] == 0) {
            split--;
            inner *= shape[split];
        }
        int runs = inner == 0 ? 0 : x.size() / inner;
        int[] index = new int[runs];
        if (runs > 0) {
            int[] idx = new int[split];
            int p = 0;
            for (int r = 0; r < runs; r++) {
                index[r] = p;
                for (int d = split - 1; d >= 0; d--) {
                    idx[d]++;
                    p += pstride[d];
                    if (idx[d] < shape[d]) {
                        break;
                    }
                    p -= pstride[d] * shape[d];
                    idx[d] = 0;
                }
            }
        }
        return split(Math.max(inner, 1), index);
    }

    /**
     * Cuts runs longer than {@value #BLOCK} elements into equal pieces (so that a tensor with one run per channel is
     * still split over the cores), unless the run length has no divisor that leaves pieces of a useful size.
     */
    private static Runs split(int inner, int[] index) {
        if (inner <= BLOCK) {
            return new Runs(inner, index);
        }
        int pieces = (inner + BLOCK - 1) / BLOCK;
        int mostPieces = inner / MIN_PIECE;
        while (inner % pieces != 0 && pieces <= mostPieces) {
            pieces++;
        }
        if (inner % pieces != 0 || pieces > mostPieces) {
            return new Runs(inner, index);
        }
        int length = inner / pieces;
        int[] split = new int[index.length * pieces];
        for (int r = 0; r < split.length; r++) {
            split[r] = index[r / pieces];
        }
        return new Runs(length, split);
    }

    /** A parameter vector along one axis of {@code x}. */
    static Runs along(Tensor x, String axis, int length, String what) {
        return of(x, List.of(axis), new int[] {length}, what);
    }
}
