package eu.riscale.modelhub.core.op;

import eu.riscale.modelhub.core.stats.Measure;
import eu.riscale.modelhub.core.stats.Statistics;
import eu.riscale.modelhub.core.tensor.Tensor;
import eu.riscale.modelhub.core.tensor.internal.Parallel;
import eu.riscale.modelhub.core.tensor.internal.Storage;
import eu.riscale.modelhub.spec.tensor.DType;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * {@code scale_mean_variance} (postprocessing): {@code y = (x - mean(x)) / (std(x) + eps) * (std(ref) + eps) +
 * mean(ref)}, statistics over {@code axes}. float32 tensors with per-sample statistics are computed in float32 as the
 * reference does; otherwise in float64, rounded to the float result type.
 *
 * <p>As in the reference, statistics are per sample when {@code axes} is {@code null} (all axes) or lacks {@code
 * batch}, and per dataset when it contains {@code batch}.
 */
public final class ScaleMeanVariance implements Op {
    private final String referenceTensor;
    private final @Nullable Set<String> axes;
    private final double eps;

    private ScaleMeanVariance(String referenceTensor, @Nullable Set<String> axes, double eps) {
        if (!(eps > 0 && eps <= 0.1)) {
            throw new IllegalArgumentException(
                    "scale_mean_variance eps: found " + eps + ", expected a value in (0, 0.1]");
        }
        this.referenceTensor = Objects.requireNonNull(referenceTensor, "referenceTensor");
        this.axes = axes == null ? null : Set.copyOf(axes);
        this.eps = eps;
    }

    /**
     * Creates the op.
     *
     * @param referenceTensor the id of the tensor whose mean and std are matched
     * @param axes the reduced axes, {@code null} for all
     * @param eps in (0, 0.1], 1e-6 by default in the spec
     * @return the op
     */
    public static ScaleMeanVariance of(String referenceTensor, @Nullable Set<String> axes, double eps) {
        return new ScaleMeanVariance(referenceTensor, axes, eps);
    }

    private Measure.Scope scope() {
        return axes == null || !axes.contains("batch") ? Measure.Scope.SAMPLE : Measure.Scope.DATASET;
    }

    private Measure measure(Measure.Kind kind, String tensorId) {
        return Measure.of(kind, scope(), tensorId, axes);
    }

    /** {@inheritDoc} */
    @Override
    public String id() {
        return "scale_mean_variance";
    }

    /** {@inheritDoc} */
    @Override
    public Set<Measure> requiredMeasures(String tensorId) {
        return Set.of(
                measure(Measure.Kind.MEAN, tensorId),
                measure(Measure.Kind.STD, tensorId),
                measure(Measure.Kind.MEAN, referenceTensor),
                measure(Measure.Kind.STD, referenceTensor));
    }

    /** {@inheritDoc} */
    @Override
    public Tensor apply(Tensor input, String tensorId, Statistics statistics) {
        String what = "scale_mean_variance of tensor '" + tensorId + "'";
        Tensor[] stats = {
            statistics.value(measure(Measure.Kind.MEAN, tensorId)),
            statistics.value(measure(Measure.Kind.STD, tensorId)),
            statistics.value(measure(Measure.Kind.MEAN, referenceTensor)),
            statistics.value(measure(Measure.Kind.STD, referenceTensor))
        };
        Runs[] runs = new Runs[4];
        double[][] values = new double[4][];
        for (int k = 0; k < 4; k++) {
            runs[k] = Affine.runsOf(input, stats[k], what);
            values[k] = Affine.values(stats[k]);
        }
        // One run length that divides every statistic's run length (their greatest common divisor); scalar statistics
        // (one value) fit any run length.
        int inner = 0;
        for (int k = 0; k < 4; k++) {
            if (stats[k].ndim() > 0) {
                inner = gcd(inner, runs[k].inner);
            }
        }
        if (inner == 0) {
            inner = runs[0].inner;
        }
        int runCount = (input.size() + inner - 1) / inner;
        int[][] index = new int[4][];
        for (int k = 0; k < 4; k++) {
            index[k] = stats[k].ndim() == 0 ? new int[runCount] : refine(runs[k], inner, runCount);
        }
        return apply(input, inner, index, values);
    }

    /**
     * Runs the fused loop: per run of {@code inner} elements one (mean, std, reference mean, reference std). float32
     * input with sample statistics is computed in float32 like the reference, {@code (x - m) / (s + eps) * (rs + eps) +
     * rm} with the statistics rounded to float32. float32 input with float64 dataset statistics: in float64 as {@code (x
     * - m) * ((rs + eps) / (s + eps)) + rm} (the ratio once per run: a multiplication instead of a division per element,
     * equal to the spec's order up to float64 rounding, which the rounding to float32 hides). Other types: float64
     * results with the spec's formula in its order.
     */
    private Tensor apply(Tensor input, int inner, int[][] index, double[][] v) {
        int n = input.size();
        int runCount = index[0].length;
        double e = eps;
        if (input.dtype() == DType.FLOAT32 && scope() == Measure.Scope.SAMPLE) {
            // as the reference: float32 statistics, eps added in float32, the formula in float32 in the spec's order
            float fe = (float) eps;
            float[] in = (float[]) Storage.data(input);
            float[] out = new float[n];
            Parallel.forRange(runCount, n, (from, to) -> {
                for (int r = from; r < to; r++) {
                    float m = (float) v[0][index[0][r]];
                    float s = (float) v[1][index[1][r]] + fe;
                    float rs = (float) v[3][index[3][r]] + fe;
                    float rm = (float) v[2][index[2][r]];
                    int end = Math.min(n, (r + 1) * inner);
                    for (int i = r * inner; i < end; i++) {
                        out[i] = (in[i] - m) / s * rs + rm;
                    }
                }
            });
            return Storage.wrap(DType.FLOAT32, out, input.shape(), input.axes());
        }
        if (input.dtype() == DType.FLOAT32) {
            float[] in = (float[]) Storage.data(input);
            float[] out = new float[n];
            Parallel.forRange(runCount, n, (from, to) -> {
                for (int r = from; r < to; r++) {
                    double m = v[0][index[0][r]];
                    double ratio = (v[3][index[3][r]] + e) / (v[1][index[1][r]] + e);
                    double rm = v[2][index[2][r]];
                    int end = Math.min(n, (r + 1) * inner);
                    for (int i = r * inner; i < end; i++) {
                        out[i] = (float) ((in[i] - m) * ratio + rm);
                    }
                }
            });
            return Storage.wrap(DType.FLOAT32, out, input.shape(), input.axes());
        }
        double[] in = input.dtype() == DType.FLOAT64 ? (double[]) Storage.data(input) : input.toDoubleArray();
        double[] out = new double[n];
        Parallel.forRange(runCount, n, (from, to) -> {
            for (int r = from; r < to; r++) {
                double m = v[0][index[0][r]];
                double s = v[1][index[1][r]] + e;
                double rs = v[3][index[3][r]] + e;
                double rm = v[2][index[2][r]];
                int end = Math.min(n, (r + 1) * inner);
                for (int i = r * inner; i < end; i++) {
                    // float64 results: the spec's formula in its order
                    out[i] = (in[i] - m) / s * rs + rm;
                }
            }
        });
        return Storage.wrap(DType.FLOAT64, out, input.shape(), input.axes());
    }

    private static int gcd(int a, int b) {
        return b == 0 ? a : gcd(b, a % b);
    }

    /** The parameter index of each run of {@code inner} elements ({@code inner} divides {@code runs.inner}). */
    private static int[] refine(Runs runs, int inner, int runCount) {
        if (runs.inner == inner) {
            return runs.index;
        }
        int[] index = new int[runCount];
        for (int r = 0; r < runCount; r++) {
            index[r] = runs.index[(int) ((long) r * inner / runs.inner)];
        }
        return index;
    }

    @Override
    public String toString() {
        return "ScaleMeanVariance[reference=" + referenceTensor + ", axes=" + (axes == null ? "all" : axes) + ", eps="
                + eps + "]";
    }
}
