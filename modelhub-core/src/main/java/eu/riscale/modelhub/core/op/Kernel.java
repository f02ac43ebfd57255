package eu.riscale.modelhub.core.op;

import eu.riscale.modelhub.core.tensor.internal.Storage;
import eu.riscale.modelhub.spec.tensor.DType;

/**
 * One elementwise step of an op: reads elements of type {@code in} and writes elements of type {@code out}, one
 * output per input at the same position. The ops' {@code apply} and the fused passes of a {@link ProcessingChain} run
 * the same kernels (see {@link Pass}), so a fused chain gives the values of the op-by-op chain.
 *
 * @param in the data type read
 * @param out the data type written
 * @param body the loop
 */
record Kernel(DType in, DType out, Body body) {
    /** The loop of a kernel. */
    @FunctionalInterface
    interface Body {
        /**
         * Computes {@code dst[i] = f(src[i])} for the tensor's elements {@code i} in {@code [from, to)}. {@code src}
         * and {@code dst} may be the same array. One index for both arrays, not an offset each: OpenJDK 17's
         * auto-vectoriser vectorises such loops only when source and target are indexed alike (with an offset each,
         * even equal ones, fixed {@code clip} measured 4x slower).
         */
        void run(Object src, Object dst, int from, int to);
    }

    /** numpy's {@code astype} from {@code from} to {@code to} ({@link eu.riscale.modelhub.core.tensor.Tensor#cast}). */
    static Kernel cast(DType from, DType to) {
        return new Kernel(from, to, (src, dst, lo, hi) -> Storage.cast(from, src, to, dst, lo, hi));
    }

    /** The float64 widening that the ops apply to inputs other than float32 and float64, as a list. */
    static void toFloat64(DType in, java.util.List<Kernel> into) {
        if (in != DType.FLOAT32 && in != DType.FLOAT64) {
            into.add(cast(in, DType.FLOAT64));
        }
    }

    /** The end (exclusive) of the run of length {@code inner} that element {@code i} is in, at most {@code to}. */
    static int runEnd(int i, int to, int inner) {
        long end = ((long) i / inner + 1) * inner;
        return (int) Math.min(end, to);
    }
}
