package eu.riscale.modelhub.core.stats;

import eu.riscale.modelhub.core.tensor.Tensor;
import eu.riscale.modelhub.core.tensor.internal.Storage;
import eu.riscale.modelhub.spec.tensor.DType;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A tensor's values arranged so that each group of a reduction is contiguous: group {@code g} is {@code [g * groupSize,
 * (g + 1) * groupSize)} of {@link #floats} (float32 tensors) or {@link #doubles} (all others); groups are ordered
 * row-major over the kept axes. When the reduced axes are already the trailing ones the tensor's own storage is used
 * without copying, so the arrays must not be modified.
 */
final class Grouped {
    final float @Nullable [] floats;
    final double @Nullable [] doubles;
    final int groups;
    final int groupSize;
    final int[] keptShape;
    final List<String> keptAxes;

    private Grouped(
            float @Nullable [] floats,
            double @Nullable [] doubles,
            int groups,
            int groupSize,
            int[] keptShape,
            List<String> keptAxes) {
        this.floats = floats;
        this.doubles = doubles;
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
            return new Grouped((float[]) Storage.data(arranged), null, groups, groupSize, keptShape, List.copyOf(kept));
        }
        double[] d = arranged.dtype() == DType.FLOAT64 ? (double[]) Storage.data(arranged) : arranged.toDoubleArray();
        return new Grouped(null, d, groups, groupSize, keptShape, List.copyOf(kept));
    }

    double get(int i) {
        return floats != null ? floats[i] : doubles[i];
    }

    Tensor result(double[] perGroup) {
        return Tensor.of(perGroup, keptShape, keptAxes);
    }
}
