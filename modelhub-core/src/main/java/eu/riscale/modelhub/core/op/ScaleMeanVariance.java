package eu.riscale.modelhub.core.op;

import eu.riscale.modelhub.core.stats.Measure;
import eu.riscale.modelhub.core.stats.Statistics;
import eu.riscale.modelhub.core.tensor.Tensor;
import eu.riscale.modelhub.core.tensor.internal.Storage;
import eu.riscale.modelhub.spec.tensor.DType;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * {@code scale_mean_variance} (postprocessing): {@code y = (x - mean(x)) / (std(x) + eps) * (std(ref) + eps) +
 * mean(ref)}, statistics over {@code axes}, computed in float64 and rounded to the float result type.
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
        double[] m = expand(input, statistics.value(measure(Measure.Kind.MEAN, tensorId)), what);
        double[] s = expand(input, statistics.value(measure(Measure.Kind.STD, tensorId)), what);
        double[] rm = expand(input, statistics.value(measure(Measure.Kind.MEAN, referenceTensor)), what);
        double[] rs = expand(input, statistics.value(measure(Measure.Kind.STD, referenceTensor)), what);
        double[] in = input.toDoubleArray();
        int n = in.length;
        if (input.dtype() == DType.FLOAT32) {
            float[] out = new float[n];
            for (int i = 0; i < n; i++) {
                out[i] = (float) ((in[i] - m[i]) / (s[i] + eps) * (rs[i] + eps) + rm[i]);
            }
            return Storage.wrap(DType.FLOAT32, out, input.shape(), input.axes());
        }
        for (int i = 0; i < n; i++) {
            in[i] = (in[i] - m[i]) / (s[i] + eps) * (rs[i] + eps) + rm[i];
        }
        return Storage.wrap(DType.FLOAT64, in, input.shape(), input.axes());
    }

    /** Broadcasts a statistic to one value per element of {@code x}. */
    private static double[] expand(Tensor x, Tensor stat, String what) {
        Runs runs = Affine.runsOf(x, stat, what);
        double[] v = Affine.values(stat);
        double[] out = new double[x.size()];
        for (int r = 0; r < runs.index.length; r++) {
            int end = Math.min(out.length, (r + 1) * runs.inner);
            java.util.Arrays.fill(out, r * runs.inner, end, v[runs.index[r]]);
        }
        return out;
    }

    @Override
    public String toString() {
        return "ScaleMeanVariance[reference=" + referenceTensor + ", axes=" + (axes == null ? "all" : axes) + ", eps="
                + eps + "]";
    }
}
