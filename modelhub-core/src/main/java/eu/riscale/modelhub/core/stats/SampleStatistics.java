package eu.riscale.modelhub.core.stats;

import eu.riscale.modelhub.core.tensor.Sample;
import eu.riscale.modelhub.core.tensor.Tensor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Computes per-sample statistics, in float64: mean, population variance and standard deviation (two passes: mean,
 * then the mean squared deviation) and exact quantiles with numpy's methods (selection, not a full sort).
 *
 * <p>NaN: mean, var and std are NaN when a reduced group holds a NaN; quantiles skip NaN (see {@code
 * docs/processing.md}).
 */
public final class SampleStatistics {
    private SampleStatistics() {}

    /**
     * Computes the sample-scope measures of a set (dataset-scope measures are ignored).
     *
     * @param sample the sample; each measured tensor must be in it
     * @param measures the measures
     * @return their values
     * @throws IllegalArgumentException if a tensor is missing or an axis is not one of its axes
     */
    public static Statistics compute(Sample sample, Set<Measure> measures) {
        Map<Key, List<Measure>> groups = new LinkedHashMap<>();
        for (Measure m : measures) {
            if (m.scope() == Measure.Scope.SAMPLE) {
                groups.computeIfAbsent(new Key(m.tensorId(), m.axes()), k -> new ArrayList<>())
                        .add(m);
            }
        }
        Map<Measure, Tensor> out = new LinkedHashMap<>();
        for (Map.Entry<Key, List<Measure>> e : groups.entrySet()) {
            Key key = e.getKey();
            Tensor t = sample.tensor(key.tensorId);
            Grouped g = Grouped.of(t, key.axes, key.tensorId);
            putMoments(g, e.getValue(), out);
            putQuantiles(g, e.getValue(), out);
        }
        return Statistics.of(out);
    }

    static double[][] moments(Grouped g) {
        double[] mean = new double[g.groups];
        double[] var = new double[g.groups];
        double[] m2 = new double[g.groups];
        int n = g.groupSize;
        for (int k = 0; k < g.groups; k++) {
            int off = k * n;
            double[] mm = g.floats != null ? Moments.of(g.floats, off, n) : Moments.of(g.doubles(), off, n);
            double m = mm[0];
            double ss = mm[1];
            mean[k] = m;
            var[k] = ss / n;
            m2[k] = ss;
        }
        return new double[][] {mean, var, m2};
    }

    private static void putMoments(Grouped g, List<Measure> ms, Map<Measure, Tensor> out) {
        double[][] mv = null;
        for (Measure m : ms) {
            if (m.kind() == Measure.Kind.QUANTILE) {
                continue;
            }
            if (mv == null) {
                mv = moments(g);
            }
            switch (m.kind()) {
                case MEAN:
                    out.put(m, g.result(mv[0]));
                    break;
                case VAR:
                    out.put(m, g.result(mv[1]));
                    break;
                case STD:
                    double[] std = new double[mv[1].length];
                    for (int i = 0; i < std.length; i++) {
                        std[i] = Math.sqrt(mv[1][i]);
                    }
                    out.put(m, g.result(std));
                    break;
                default:
                    throw new AssertionError(m);
            }
        }
    }

    private static void putQuantiles(Grouped g, List<Measure> ms, Map<Measure, Tensor> out) {
        for (QuantileMethod method : QuantileMethod.values()) {
            List<Measure> qs = new ArrayList<>();
            for (Measure m : ms) {
                if (m.kind() == Measure.Kind.QUANTILE && m.method() == method) {
                    qs.add(m);
                }
            }
            if (qs.isEmpty()) {
                continue;
            }
            double[][] r = quantiles(g, qs.stream().mapToDouble(Measure::q).toArray(), method);
            for (int i = 0; i < qs.size(); i++) {
                out.put(qs.get(i), g.result(r[i]));
            }
        }
    }

    /** Quantiles per group: {@code result[qIndex][group]}. */
    static double[][] quantiles(Grouped g, double[] qs, QuantileMethod method) {
        double[][] r = new double[qs.length][g.groups];
        for (int k = 0; k < g.groups; k++) {
            double[] v = Quantiles.compute(g, k * g.groupSize, g.groupSize, qs, method);
            for (int i = 0; i < qs.length; i++) {
                r[i][k] = v[i];
            }
        }
        return r;
    }

    static final class Key {
        final String tensorId;
        final @Nullable Set<String> axes;

        Key(String tensorId, @Nullable Set<String> axes) {
            this.tensorId = tensorId;
            this.axes = axes;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key && ((Key) o).tensorId.equals(tensorId) && Objects.equals(((Key) o).axes, axes);
        }

        @Override
        public int hashCode() {
            return Objects.hash(tensorId, axes);
        }
    }
}
