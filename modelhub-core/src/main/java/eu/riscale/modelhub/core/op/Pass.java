package eu.riscale.modelhub.core.op;

import eu.riscale.modelhub.core.stats.Statistics;
import eu.riscale.modelhub.core.tensor.Tensor;
import eu.riscale.modelhub.core.tensor.internal.Parallel;
import eu.riscale.modelhub.core.tensor.internal.Storage;
import eu.riscale.modelhub.spec.tensor.DType;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Runs a list of {@link Kernel kernels} over a tensor: the tensor is split over the cores as the single ops are
 * ({@link Parallel#forRange}), and each core runs every kernel over its part in turn, each one in place in the
 * previous one's result when that result is not the caller's and has the same storage type. One new array per change
 * of storage type instead of one per op.
 *
 * <p>Not in blocks through a small buffer: a kernel whose source and target offsets differ (a block buffer at 0, the
 * tensor at the block's start) measured 2.5x slower than the same loop with equal offsets on OpenJDK 17, whose
 * auto-vectoriser does not align the two (docs/performance.md).
 */
final class Pass {
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
        Kernel[] ks = kernels.toArray(new Kernel[0]);
        // step j writes arrays[j]: into the previous step's array when it is ours and of the same storage type
        Object[] arrays = new Object[ks.length];
        Object previous = in;
        boolean ours = inPlace;
        for (int j = 0; j < ks.length; j++) {
            DType t = ks[j].out();
            arrays[j] = ours && Tensor.storageType(t) == previous.getClass()
                    ? previous
                    : buffers != null ? buffers.take(t, n) : Storage.allocate(t, n);
            previous = arrays[j];
            ours = true;
        }
        Object out = arrays[ks.length - 1];
        Parallel.forRange(n, n, (from, to) -> {
            Object src = in;
            for (int j = 0; j < ks.length; j++) {
                ks[j].body().run(src, arrays[j], from, to);
                src = arrays[j];
            }
        });
        return buffers != null
                ? buffers.result(outType, out, x.shape(), x.axes())
                : Storage.wrap(outType, out, x.shape(), x.axes());
    }
}
