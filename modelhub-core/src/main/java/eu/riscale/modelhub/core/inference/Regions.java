package eu.riscale.modelhub.core.inference;

/** Copies rectangular regions between row-major primitive arrays of the same type. */
final class Regions {
    private Regions() {}

    /**
     * Copies {@code count} elements per dimension from {@code src} at {@code srcStart} to {@code dst} at {@code
     * dstStart}.
     */
    static void copy(
            Object src, int[] srcShape, int[] srcStart, Object dst, int[] dstShape, int[] dstStart, int[] count) {
        int nd = count.length;
        for (int c : count) {
            if (c == 0) {
                return;
            }
        }
        if (nd == 0) {
            System.arraycopy(src, 0, dst, 0, 1);
            return;
        }
        int[] srcStrides = strides(srcShape);
        int[] dstStrides = strides(dstShape);
        int[] idx = new int[nd - 1];
        int run = count[nd - 1];
        while (true) {
            int s = srcStart[nd - 1];
            int d = dstStart[nd - 1];
            for (int k = 0; k < nd - 1; k++) {
                s += (srcStart[k] + idx[k]) * srcStrides[k];
                d += (dstStart[k] + idx[k]) * dstStrides[k];
            }
            System.arraycopy(src, s, dst, d, run);
            int k = nd - 2;
            while (k >= 0) {
                if (++idx[k] < count[k]) {
                    break;
                }
                idx[k] = 0;
                k--;
            }
            if (k < 0) {
                return;
            }
        }
    }

    private static int[] strides(int[] shape) {
        int[] st = new int[shape.length];
        int s = 1;
        for (int i = shape.length - 1; i >= 0; i--) {
            st[i] = s;
            s *= shape[i];
        }
        return st;
    }
}
