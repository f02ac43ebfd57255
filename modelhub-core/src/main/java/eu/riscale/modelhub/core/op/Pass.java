package eu.riscale.modelhub.core.op;

import eu.riscale.modelhub.core.stats.Statistics;
import eu.riscale.modelhub.core.tensor.Tensor;
import eu.riscale.modelhub.core.tensor.internal.Parallel;
import eu.riscale.modelhub.core.tensor.internal.Storage;
import eu.riscale.modelhub.spec.tensor.DType;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Runs a list of {@link Kernel kernels} over a tensor in one pass: the tensor is split over the cores as the single
 * ops are ({@link Parallel#forRange}), and each part is processed in blocks of {@value #BLOCK} elements that go
 * through every kernel in a small per-thread buffer before the last kernel writes them out, so the data is read and
 * written once whatever the number of kernels.
 */
final class Pass {
    /**
     * Elements per block: the buffers stay in the first-level caches, and a multiple of every SIMD vector length, so
     * the vector kernels split a part the same way with and without fusing.
     */
    static final int BLOCK = 4096;

    private Pass() {}

    /**
     * The kernels of an op on an input of type {@code in}, or null when the op is not elementwise (it then runs on its
     * own).
     *
     * @param x a tensor of the shape and axes the op sees (its data type may differ from {@code in})
     */
    static @Nullable List<Kernel> kernels(Op op, Tensor x, DType in, String tensorId, Statistics statistics) {
        if (op instanceof ScaleLinear) {
            return ((ScaleLinear) op).kernels(x, in, tensorId);
        } else if (op instanceof FixedZeroMeanUnitVariance) {
            return ((FixedZeroMeanUnitVariance) op).kernels(x, in, tensorId);
        } else if (op instanceof ZeroMeanUnitVariance) {
            return ((ZeroMeanUnitVariance) op).kernels(x, in, tensorId, statistics);
        } else if (op instanceof ScaleRange) {
            return ((ScaleRange) op).kernels(x, in, tensorId, statistics);
        } else if (op instanceof Clip) {
            return ((Clip) op).kernels(x, in, tensorId, statistics);
        } else if (op instanceof Binarize) {
            return ((Binarize) op).kernels(x, in, tensorId);
        } else if (op instanceof Sigmoid) {
            return Sigmoid.kernels(in);
        } else if (op instanceof EnsureDtype) {
            return ((EnsureDtype) op).kernels(in);
        }
        return null;
    }

    /**
     * Runs the kernels over {@code x}.
     *
     * @param kernels the first reads {@code x.dtype()}, each next one reads what the one before writes
     * @param inPlace whether {@code x} may be overwritten (it belongs to the caller and is not used afterwards): the
     *     result is then written into its storage when the storage types match
     * @return the result, {@code x} itself for an empty list
     */
    static Tensor run(Tensor x, List<Kernel> kernels, boolean inPlace) {
        return run(x, kernels, inPlace, null);
    }

    /**
     * Runs the kernels over {@code x}, taking a new output array from {@code buffers} (when given).
     *
     * @see #run(Tensor, List, boolean)
     */
    static Tensor run(Tensor x, List<Kernel> kernels, boolean inPlace, @Nullable Buffers buffers) {
        if (kernels.isEmpty()) {
            return x;
        }
        if (kernels.get(0).in() != x.dtype()) {
            throw new AssertionError(kernels.get(0) + " on " + x.dtype());
        }
        int n = x.size();
        Object in = Storage.data(x);
        DType outType = kernels.get(kernels.size() - 1).out();
        Object out = inPlace && Tensor.storageType(outType) == in.getClass()
                ? in
                : buffers != null ? buffers.take(outType, n) : Storage.allocate(outType, n);
        Kernel[] ks = kernels.toArray(new Kernel[0]);
        if (ks.length == 1) {
            Kernel.Body body = ks[0].body();
            Parallel.forRange(n, n, (from, to) -> body.run(in, from, out, from, from, to - from));
        } else {
            Parallel.forRange(n, n, (from, to) -> fused(ks, in, out, from, to));
        }
        return Storage.wrap(outType, out, x.shape(), x.axes());
    }

    private static void fused(Kernel[] ks, Object in, Object out, int from, int to) {
        // one buffer per storage type: a kernel that reads and writes the same type works in place in it
        Object[] buffer = new Object[ks.length - 1];
        List<Object> byType = new ArrayList<>(2);
        for (int j = 0; j < buffer.length; j++) {
            Class<?> type = Tensor.storageType(ks[j].out());
            for (Object b : byType) {
                if (b.getClass() == type) {
                    buffer[j] = b;
                }
            }
            if (buffer[j] == null) {
                buffer[j] = Storage.allocate(ks[j].out(), BLOCK);
                byType.add(buffer[j]);
            }
        }
        for (int b = from; b < to; b += BLOCK) {
            int len = Math.min(BLOCK, to - b);
            Object src = in;
            int srcOff = b;
            for (int j = 0; j < ks.length; j++) {
                boolean last = j == ks.length - 1;
                Object dst = last ? out : buffer[j];
                int dstOff = last ? b : 0;
                ks[j].body().run(src, srcOff, dst, dstOff, b, len);
                src = dst;
                srcOff = dstOff;
            }
        }
    }
}
