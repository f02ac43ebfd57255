package eu.riscale.modelhub.core.tensor;

/** Copies a strided view of a primitive array into a contiguous row-major array (transpose, crop). */
final class Strided {
    private Strided() {}

    /**
     * Fills {@code out} (row-major for {@code shape}) from {@code src} at {@code offset + sum(index[d] * strides[d])}.
     * The innermost dimension is copied with {@code System.arraycopy} when its source stride is 1.
     */
    static void gather(Object src, Object out, int[] shape, int[] strides, int offset) {
        int nd = shape.length;
        int total = 1;
        for (int s : shape) {
            total *= s;
        }
        if (total == 0) {
            return;
        }
        if (nd == 0) {
            System.arraycopy(src, offset, out, 0, 1);
            return;
        }
        int last = shape[nd - 1];
        int lastStride = strides[nd - 1];
        int[] idx = new int[nd];
        int base = offset;
        int dst = 0;
        while (dst < total) {
            if (lastStride == 1) {
                System.arraycopy(src, base, out, dst, last);
            } else {
                copyStrided(src, base, lastStride, out, dst, last);
            }
            dst += last;
            // odometer over dimensions 0..nd-2
            int d = nd - 2;
            while (d >= 0) {
                idx[d]++;
                base += strides[d];
                if (idx[d] < shape[d]) {
                    break;
                }
                base -= strides[d] * shape[d];
                idx[d] = 0;
                d--;
            }
        }
    }

    private static void copyStrided(Object src, int base, int stride, Object out, int dst, int n) {
        if (src instanceof float[]) {
            float[] s = (float[]) src;
            float[] o = (float[]) out;
            for (int i = 0; i < n; i++) {
                o[dst + i] = s[base + i * stride];
            }
        } else if (src instanceof double[]) {
            double[] s = (double[]) src;
            double[] o = (double[]) out;
            for (int i = 0; i < n; i++) {
                o[dst + i] = s[base + i * stride];
            }
        } else if (src instanceof byte[]) {
            byte[] s = (byte[]) src;
            byte[] o = (byte[]) out;
            for (int i = 0; i < n; i++) {
                o[dst + i] = s[base + i * stride];
            }
        } else if (src instanceof short[]) {
            short[] s = (short[]) src;
            short[] o = (short[]) out;
            for (int i = 0; i < n; i++) {
                o[dst + i] = s[base + i * stride];
            }
        } else if (src instanceof int[]) {
            int[] s = (int[]) src;
            int[] o = (int[]) out;
            for (int i = 0; i < n; i++) {
                o[dst + i] = s[base + i * stride];
            }
        } else if (src instanceof long[]) {
            long[] s = (long[]) src;
            long[] o = (long[]) out;
            for (int i = 0; i < n; i++) {
                o[dst + i] = s[base + i * stride];
            }
        } else {
            throw new AssertionError(src.getClass());
        }
    }
}
