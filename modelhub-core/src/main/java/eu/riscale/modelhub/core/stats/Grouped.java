package eu.riscale.modelhub.core.stats;

import eu.riscale.modelhub.core.tensor.Tensor;
import eu.riscale.modelhub.core.tensor.internal.Parallel;
import eu.riscale.modelhub.core.tensor.internal.Storage;
import eu.riscale.modelhub.spec.tensor.DType;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A tensor's values arranged so that each group of a reduction is contiguous: group {@code g} is {@code [g * groupSize,
 * (g + 1) * groupSize)} of {@link #floats} (float32 tensors) or {@link #doubles()} (all others); groups are ordered
 * row-major over the kept axes. When the reduced axes are already the trailing ones the tensor's own storage is used
 * without copying, so the arrays must not be modified.
 */
final class Grouped {
    final float @Nullable [] floats;
    private double @Nullable [] doubles;
    private final @Nullable Tensor integers;
    final int groups;
    final int groupSize;
    final int[] keptShape;
    final List<String> keptAxes;

    private Grouped(
            float @Nullable [] floats,
            double @Nullable [] doubles,
            @Nullable Tensor integers,
            int groups,
            int groupSize,
            int[] keptShape,
            List<String> keptAxes) {
        this.floats = floats;
        this.doubles = doubles;
        this.integers = integers;
        this.groups = groups;
        this.groupSize = groupSize;
        this.keptShape = keptShape;
        this.keptAxes = keptAxes;
    }

    static Grouped of(Tensor t, @Nullable Set<String> axes, String tensorId) {
        List<String> kept = new ArrayList<>();
        List<String> reduced = new ArrayList<>();
        if (axes != null) {
            for (String a : axes) {
                if (!t.axes().contains(a)) {
                    throw new IllegalArgumentException("statistics of tensor '" + tensorId + "': axis '" + a
                            + "' not found, expected axes among " + t.axes());
                }
            }
        }
        for (String a : t.axes()) {
            if (axes == null || axes.contains(a)) {
                reduced.add(a);
            } else {
                kept.add(a);
            }
        }
        List<String> order = new ArrayList<>(kept);
        order.addAll(reduced);
        Tensor arranged = t.transpose(order);
        int[] keptShape = new int[kept.size()];
        int groups = 1;
        for (int i = 0; i < keptShape.length; i++) {
            keptShape[i] = t.size(kept.get(i));
            groups *= keptShape[i];
        }
        int groupSize = groups == 0 ? 0 : t.size() / groups;
        if (arranged.dtype() == DType.FLOAT32) {
            return new Grouped(
                    (float[]) Storage.data(arranged), null, null, groups, groupSize, keptShape, List.copyOf(kept));
        }
        if (arranged.dtype() == DType.FLOAT64) {
            return new Grouped(
                    null, (double[]) Storage.data(arranged), null, groups, groupSize, keptShape, List.copyOf(kept));
        }
        return new Grouped(null, null, arranged, groups, groupSize, keptShape, List.copyOf(kept));
    }

    /** The values as float64 (converted once, on first use, for integer and bool tensors). */
    double[] doubles() {
        if (doubles == null) {
            doubles = integers.toDoubleArray();
        }
        return doubles;
    }

    /**
     * The integer tensor's values as bin indices for a counting histogram (value minus the type's minimum), or {@code
     * null} when the type has too many values for one (32 and 64 bits, floats).
     */
    int @Nullable [] histogramBins() {
        if (integers == null) {
            return null;
        }
        switch (integers.dtype()) {
            case BOOL:
            case UINT8:
            case INT8:
                return new int[256];
            case UINT16:
            case INT16:
                return new int[65536];
            default:
                return null;
        }
    }

    /** Counts group {@code [from, from + n)} into {@code bins} (index = value - min of the type), split over the cores. */
    void count(int from, int n, int[] bins) {
        int[][] parts = Parallel.map(
                n,
                n,
                (a, b) -> {
                    int[] part = new int[bins.length];
                    countRange(from + a, from + b, part);
                    return part;
                },
                int[][]::new);
        for (int[] part : parts) {
            for (int i = 0; i < bins.length; i++) {
                bins[i] += part[i];
            }
        }
    }

    private void countRange(int start, int end, int[] bins) {
        Object data = Storage.data(integers);
        DType t = integers.dtype();
        if (data instanceof byte[]) {
            byte[] b = (byte[]) data;
            int shift = t == DType.INT8 ? 128 : 0;
            int mask = t == DType.INT8 ? -1 : 0xFF;
            for (int i = start; i < end; i++) {
                bins[(b[i] & mask) + shift]++;
            }
        } else {
            short[] b = (short[]) data;
            int shift = t == DType.INT16 ? 32768 : 0;
            int mask = t == DType.INT16 ? -1 : 0xFFFF;
            for (int i = start; i < end; i++) {
                bins[(b[i] & mask) + shift]++;
            }
        }
    }

    /** The value of bin {@code index}. */
    double binValue(int index) {
        DType t = integers.dtype();
        return t == DType.INT8 ? index - 128 : t == DType.INT16 ? index - 32768 : index;
    }

    Tensor result(double[] perGroup) {
        return Tensor.of(perGroup, keptShape, keptAxes);
    }
}
