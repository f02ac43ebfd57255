package eu.riscale.modelhub.core.op;

import eu.riscale.modelhub.core.stats.Measure;
import eu.riscale.modelhub.core.stats.Statistics;
import eu.riscale.modelhub.core.tensor.Tensor;
import eu.riscale.modelhub.core.tensor.internal.Parallel;
import eu.riscale.modelhub.core.tensor.internal.Storage;
import eu.riscale.modelhub.spec.tensor.DType;
import java.util.Arrays;
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
        int n = input.size();
        byte[] out = new byte[n];
        Runs runs =
                axis == null ? Runs.scalar(input) : AlongAxis.runs(input, tensorId, axis, threshold.length, "binarize");
        int inner = runs.inner;
        int[] index = runs.index;
        if (input.dtype() == DType.FLOAT32 && axis == null) {
            float[] in = (float[]) Storage.data(input);
            float t = (float) threshold[0];
            Parallel.forRange(n, n, (from, to) -> {
                for (int i = from; i < to; i++) {
                    out[i] = (byte) (in[i] > t ? 1 : 0);
                }
            });
        } else {
            double[] in = input.dtype() == DType.FLOAT64 ? (double[]) Storage.data(input) : input.toDoubleArray();
            for (int r = 0; r < index.length; r++) {
                double t = threshold[index[r]];
                int end = Math.min(n, (r + 1) * inner);
                for (int i = r * inner; i < end; i++) {
                    out[i] = (byte) (in[i] > t ? 1 : 0);
                }
            }
        }
        return Storage.wrap(DType.BOOL, out, input.shape(), input.axes());
    }

    @Override
    public String toString() {
        return "Binarize[" + (axis == null ? "" : "axis=" + axis + ", ") + "threshold=" + Arrays.toString(threshold)
                + "]";
    }
}
