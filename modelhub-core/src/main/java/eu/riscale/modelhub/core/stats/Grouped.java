package eu.riscale.modelhub.core.stats;

import eu.riscale.modelhub.core.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A tensor's values rearranged so that each group of a reduction is contiguous: group {@code g} is {@code
 * values[g * groupSize .. (g + 1) * groupSize)}; the groups are ordered row-major over the kept axes.
 */
final class Grouped {
    final double[] values;
    final int groups;
    final int groupSize;
    final int[] keptShape;
    final List<String> keptAxes;

    private Grouped(double[] values, int groups, int groupSize, int[] keptShape, List<String> keptAxes) {
        this.values = values;
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
        return new Grouped(arranged.toDoubleArray(), groups, groupSize, keptShape, List.copyOf(kept));
    }

    Tensor result(double[] perGroup) {
        return Tensor.of(perGroup, keptShape, keptAxes);
    }
}
