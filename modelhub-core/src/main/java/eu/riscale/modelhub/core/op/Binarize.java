package eu.riscale.modelhub.core.op;

import eu.riscale.modelhub.core.stats.Measure;
import eu.riscale.modelhub.core.stats.Statistics;
import eu.riscale.modelhub.core.tensor.Tensor;
import eu.riscale.modelhub.spec.tensor.DType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * {@code binarize}: {@code y = x > threshold} as a bool tensor (equal values give false; NaN gives false).
 *
 * <p>Scalar form on float32: the threshold is rounded to float32 first (numpy compares a float32 array with a Python
 * float in float32). Along-axis form: one threshold per index of the axis, compared in float64. (The reference
 * broadcasts the list over the last dimension whatever the axis; this SDK uses the named axis.)
 */
public final class Binarize implements Op {
    private final @Nullable String axis;
    private final double[] threshold;

    private Binarize(@Nullable String axis, double[] threshold) {
        this.axis = axis;
        this.threshold = threshold;
    }

    /**
     * The scalar form.
     *
     * @param threshold values above it become true
     * @return the op
     */
    public static Binarize of(double threshold) {
        return new Binarize(null, new double[] {threshold});
    }

    /**
     * The along-axis form.
     *
     * @param axis the axis id
     * @param threshold one threshold per index of the axis
     * @return the op
     */
    public static Binarize alongAxis(String axis, double[] threshold) {
        Objects.requireNonNull(axis, "axis");
        return new Binarize(axis, AlongAxis.copyNonEmpty(threshold, "binarize threshold"));
    }

    /** {@return the axis of the along-axis form, empty for the scalar form} */
    public Optional<String> axis() {
        return Optional.ofNullable(axis);
    }

    /** {@return a copy of the thresholds} */
    public double[] threshold() {
        return threshold.clone();
    }

    /** {@inheritDoc} */
    @Override
    public String id() {
        return "binarize";
    }

    /** {@inheritDoc} */
    @Override
    public Set<Measure> requiredMeasures(String tensorId) {
        return Set.of();
    }

    /** {@inheritDoc} */
    @Override
    public Tensor apply(Tensor input, String tensorId, Statistics statistics) {
        return Pass.run(input, kernels(input, input.dtype(), tensorId), false);
    }

    List<Kernel> kernels(Tensor x, DType in, String tensorId) {
        Runs runs = axis == null ? Runs.scalar(x) : AlongAxis.runs(x, tensorId, axis, threshold.length, "binarize");
        if (in == DType.FLOAT32 && axis == null) {
            float t = (float) threshold[0];
            return List.of(new Kernel(DType.FLOAT32, DType.BOOL, (src, dst, from, to) -> {
                float[] s = (float[]) src;
                byte[] d = (byte[]) dst;
                for (int i = from; i < to; i++) {
                    d[i] = (byte) (s[i] > t ? 1 : 0);
                }
            }));
        }
        int inner = runs.inner;
        int[] index = runs.index;
        if (in == DType.FLOAT32) {
            // compared in float64: the float32 value widened exactly
            return List.of(new Kernel(DType.FLOAT32, DType.BOOL, (src, dst, from, to) -> {
                float[] s = (float[]) src;
                byte[] d = (byte[]) dst;
                int i = from;
                while (i < to) {
                    int end = Kernel.runEnd(i, to, inner);
                    double t = threshold[index[i / inner]];
                    for (; i < end; i++) {
                        d[i] = (byte) (s[i] > t ? 1 : 0);
                    }
                }
            }));
        }
        List<Kernel> ks = new ArrayList<>(2);
        Kernel.toFloat64(in, ks);
        ks.add(new Kernel(DType.FLOAT64, DType.BOOL, (src, dst, from, to) -> {
            double[] s = (double[]) src;
            byte[] d = (byte[]) dst;
            int i = from;
            while (i < to) {
                int end = Kernel.runEnd(i, to, inner);
                double t = threshold[index[i / inner]];
                for (; i < end; i++) {
                    d[i] = (byte) (s[i] > t ? 1 : 0);
                }
            }
        }));
        return ks;
    }

    @Override
    public String toString() {
        return "Binarize[" + (axis == null ? "" : "axis=" + axis + ", ") + "threshold=" + Arrays.toString(threshold)
                + "]";
    }
}
