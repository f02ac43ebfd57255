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
         * Computes {@code dst[dstOff + i] = f(src[srcOff + i])} for {@code i} in {@code [0, n)}; the element is
         * element {@code at + i} of the tensor (for per-run parameters). {@code src} and {@code dst} may be the same
         * array at the same offset.
         */
        void run(Object src, int srcOff, Object dst, int dstOff, int at, int n);
    }

    /** numpy's {@code astype} from {@code from} to {@code to} ({@link eu.riscale.modelhub.core.tensor.Tensor#cast}). */
    static Kernel cast(DType from, DType to) {
        return new Kernel(from, to, (src, so, dst, dof, at, n) -> Storage.cast(from, src, so, to, dst, dof, n));
    }

    /** The float64 widening that the ops apply to inputs other than float32 and float64, as a list. */
    static void toFloat64(DType in, java.util.List<Kernel> into) {
        if (in != DType.FLOAT32 && in != DType.FLOAT64) {
            into.add(cast(in, DType.FLOAT64));
        }
    }

    /** The end (exclusive, relative to {@code at}) of the run that element {@code at + i} is in, at most {@code n}. */
    static int runEnd(int at, int i, int n, int inner) {
        long end = ((long) (at + i) / inner + 1) * inner - at;
        return (int) Math.min(end, n);
    }
}
