package eu.riscale.modelhub.imglib2;

/** Copies a whole row-major array into a region of a larger row-major array of the same type. */
final class Regions {
    private Regions() {}

    static void copy(Object src, int[] srcShape, Object dst, int[] dstShape, int[] dstStart) {
        int nd = srcShape.length;
        for (int c : srcShape) {
            if (c == 0) {
                return;
            }
        }
        if (nd == 0) {
            System.arraycopy(src, 0, dst, 0, 1);
            return;
        }
        int[] dstStrides = new int[nd];
        int st = 1;
        for (int i = nd - 1; i >= 0; i--) {
            dstStrides[i] = st;
            st *= dstShape[i];
        }
        int[] idx = new int[nd - 1];
        int run = srcShape[nd - 1];
        int s = 0;
        while (true) {
            int d = dstStart[nd - 1];
            for (int k = 0; k < nd - 1; k++) {
                d += (dstStart[k] + idx[k]) * dstStrides[k];
            }
            System.arraycopy(src, s, dst, d, run);
            s += run;
            int k = nd - 2;
            while (k >= 0) {
                if (++idx[k] < srcShape[k]) {
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
}
