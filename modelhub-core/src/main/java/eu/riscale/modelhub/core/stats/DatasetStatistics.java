package eu.riscale.modelhub.core.stats;

import eu.riscale.modelhub.core.tensor.Sample;
import eu.riscale.modelhub.core.tensor.Tensor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Running dataset statistics, updated one sample at a time as the reference implementation does.
 *
 * <p>Mean, variance and standard deviation are merged in float64 with Chan et al.'s parallel formula ({@code n = n_a +
 * n_b}, {@code mean = (n_a mean_a + n_b mean_b) / n}, {@code m2 = m2_a + m2_b + d² n_a n_b / n}), so they are exact up
 * to rounding whatever the number of samples. Dataset quantiles are estimated like the reference without the optional
 * {@code crick} package: the mean of the per-sample {@code linear} quantiles weighted by the number of reduced
 * elements (exact for a single sample, an estimate otherwise).
 *
 * <pre>{@code
 * DatasetStatistics running = DatasetStatistics.accumulating(chain.requiredMeasures());
 * for (Sample s : samples) running.update(s);
 * Statistics stats = running.statistics();
 * }</pre>
 *
 * <p>Not thread-safe.
 */
public final class DatasetStatistics {
    private final Map<SampleStatistics.Key, RunningMoments> moments = new LinkedHashMap<>();
    private final Map<SampleStatistics.Key, QuantileEstimate> quantiles = new LinkedHashMap<>();
    private final Set<Measure> measures;

    private DatasetStatistics(Set<Measure> measures) {
        Set<Measure> ds = new LinkedHashSet<>();
        for (Measure m : measures) {
            if (m.scope() != Measure.Scope.DATASET) {
                continue;
            }
            ds.add(m);
            SampleStatistics.Key key = new SampleStatistics.Key(m.tensorId(), m.axes());
            if (m.kind() == Measure.Kind.QUANTILE) {
                quantiles.computeIfAbsent(key, k -> new QuantileEstimate()).qs.add(m.q());
            } else {
                moments.computeIfAbsent(key, k -> new RunningMoments());
            }
        }
        this.measures = Set.copyOf(ds);
    }

    /**
     * Starts an empty accumulator for the dataset-scope measures of a set (sample-scope ones are ignored).
     *
     * @param measures the measures, for example a chain's {@code requiredMeasures()}
     * @return the accumulator
     */
    public static DatasetStatistics accumulating(Set<Measure> measures) {
        return new DatasetStatistics(measures);
    }

    /**
     * Computes dataset statistics over a set of samples.
     *
     * @param samples the samples
     * @param measures the measures (dataset scope ones are computed)
     * @return the values
     */
    public static Statistics compute(Iterable<Sample> samples, Set<Measure> measures) {
        DatasetStatistics d = accumulating(measures);
        for (Sample s : samples) {
            d.update(s);
        }
        return d.statistics();
    }

    /** {@return the dataset-scope measures accumulated} */
    public Set<Measure> measures() {
        return measures;
    }

    /**
     * Adds one sample; measures of tensors missing from it are not updated.
     *
     * @param sample the raw sample
     * @throws IllegalArgumentException if a measure's axes are not axes of its tensor, or a sample's reduced shape
     *     differs from earlier samples
     */
    public void update(Sample sample) {
        for (Map.Entry<SampleStatistics.Key, RunningMoments> e : moments.entrySet()) {
            Tensor t = sample.tensors().get(e.getKey().tensorId);
            if (t != null) {
                e.getValue().update(Grouped.of(t, e.getKey().axes, e.getKey().tensorId));
            }
        }
        for (Map.Entry<SampleStatistics.Key, QuantileEstimate> e : quantiles.entrySet()) {
            Tensor t = sample.tensors().get(e.getKey().tensorId);
            if (t != null) {
                e.getValue().update(Grouped.of(t, e.getKey().axes, e.getKey().tensorId));
            }
        }
    }

    /** {@return the current values of the measures with at least one sample} */
    public Statistics statistics() {
        Map<Measure, Tensor> out = new LinkedHashMap<>();
        for (Measure m : measures) {
            SampleStatistics.Key key = new SampleStatistics.Key(m.tensorId(), m.axes());
            if (m.kind() == Measure.Kind.QUANTILE) {
                QuantileEstimate q = quantiles.get(key);
                if (q.n > 0) {
                    out.put(m, q.result(m.q()));
                }
            } else {
                RunningMoments mo = moments.get(key);
                if (mo.n > 0) {
                    out.put(m, mo.result(m.kind()));
                }
            }
        }
        return Statistics.of(out);
    }

    private static void checkShape(int[] expected, Grouped g) {
        if (!java.util.Arrays.equals(expected, g.keptShape)) {
            throw new IllegalArgumentException("dataset statistics: found kept axes " + g.keptAxes + " of shape "
                    + java.util.Arrays.toString(g.keptShape) + ", expected shape "
                    + java.util.Arrays.toString(expected) + " as in earlier samples");
        }
    }

    private static final class RunningMoments {
        long n;
        double[] mean;
        double[] m2;
        int[] shape;
        List<String> axes;

        void update(Grouped g) {
            double[][] mv = SampleStatistics.moments(g);
            long nb = g.groupSize;
            double[] meanB = mv[0];
            double[] m2B = mv[2];
            if (n == 0) {
                n = nb;
                mean = meanB;
                m2 = m2B;
                shape = g.keptShape;
                axes = g.keptAxes;
                return;
            }
            checkShape(shape, g);
            long na = n;
            long nn = na + nb;
            for (int i = 0; i < mean.length; i++) {
                double d = meanB[i] - mean[i];
                mean[i] = (na * mean[i] + nb * meanB[i]) / nn;
                m2[i] = m2[i] + m2B[i] + d * d * na * nb / nn;
            }
            n = nn;
        }

        Tensor result(Measure.Kind kind) {
            double[] r = new double[mean.length];
            for (int i = 0; i < r.length; i++) {
                switch (kind) {
                    case MEAN:
                        r[i] = mean[i];
                        break;
                    case VAR:
                        r[i] = m2[i] / n;
                        break;
                    case STD:
                        r[i] = Math.sqrt(m2[i] / n);
                        break;
                    default:
                        throw new AssertionError(kind);
                }
            }
            return Tensor.of(r, shape, axes);
        }
    }

    private static final class QuantileEstimate {
        final Set<Double> qs = new TreeSet<>();
        long n;
        double[][] estimates;
        int[] shape;
        List<String> axes;

        void update(Grouped g) {
            double[] q = qs.stream().mapToDouble(Double::doubleValue).toArray();
            double[][] est = SampleStatistics.quantiles(g, q, QuantileMethod.LINEAR);
            long nb = g.groupSize;
            if (n == 0) {
                estimates = est;
                shape = g.keptShape;
                axes = g.keptAxes;
                n = nb;
                return;
            }
            checkShape(shape, g);
            for (int i = 0; i < est.length; i++) {
                for (int k = 0; k < est[i].length; k++) {
                    estimates[i][k] = (n * estimates[i][k] + nb * est[i][k]) / (n + nb);
                }
            }
            n += nb;
        }

        Tensor result(double q) {
            List<Double> list = new ArrayList<>(qs);
            return Tensor.of(estimates[list.indexOf(q)], shape, axes);
        }
    }
}
