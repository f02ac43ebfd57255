package eu.riscale.modelhub.core.op;

import eu.riscale.modelhub.core.stats.Measure;
import eu.riscale.modelhub.core.stats.Statistics;
import eu.riscale.modelhub.core.tensor.Tensor;
import eu.riscale.modelhub.spec.tensor.DType;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * {@code fixed_zero_mean_unit_variance}: {@code y = (x - mean) / (std + 1e-6)} with given mean and std, scalar or one
 * pair per index along an axis ({@code eps = 1e-6} is fixed, as in the reference).
 *
 * <p>Scalar form on float32: {@code x - mean} in float32 with {@code mean} and {@code std + eps} rounded to float32
 * (numpy with Python floats). Along-axis form: float64, rounded to float32.
 */
public final class FixedZeroMeanUnitVariance implements Op {
    /** The constant added to the standard deviation. */
    public static final double EPS = 1e-6;

    private final @Nullable String axis;
    private final double[] mean;
    private final double[] std;

    private FixedZeroMeanUnitVariance(@Nullable String axis, double[] mean, double[] std) {
        this.axis = axis;
        this.mean = mean;
        this.std = std;
    }

    /**
     * The scalar form.
     *
     * @param mean the mean subtracted
     * @param std the standard deviation divided by (after adding {@link #EPS})
     * @return the op
     */
    public static FixedZeroMeanUnitVariance of(double mean, double std) {
        return new FixedZeroMeanUnitVariance(null, new double[] {mean}, new double[] {std});
    }

    /**
     * The along-axis form.
     *
     * @param axis the axis id
     * @param mean one mean per index of the axis
     * @param std one standard deviation per index of the axis
     * @return the op
     * @throws IllegalArgumentException if a list is empty or the lengths differ
     */
    public static FixedZeroMeanUnitVariance alongAxis(String axis, double[] mean, double[] std) {
        Objects.requireNonNull(axis, "axis");
        double[] m = AlongAxis.copyNonEmpty(mean, "fixed_zero_mean_unit_variance mean");
        double[] s = AlongAxis.copyNonEmpty(std, "fixed_zero_mean_unit_variance std");
        if (m.length != s.length) {
            throw new IllegalArgumentException("fixed_zero_mean_unit_variance: found " + m.length + " means and "
                    + s.length + " stds, expected equal lengths");
        }
        return new FixedZeroMeanUnitVariance(axis, m, s);
    }

    /** {@return the axis of the along-axis form, empty for the scalar form} */
    public Optional<String> axis() {
        return Optional.ofNullable(axis);
    }

    /** {@return a copy of the means} */
    public double[] mean() {
        return mean.clone();
    }

    /** {@return a copy of the standard deviations} */
    public double[] std() {
        return std.clone();
    }

    /** {@inheritDoc} */
    @Override
    public String id() {
        return "fixed_zero_mean_unit_variance";
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
        double[] divisor = new double[std.length];
        for (int i = 0; i < divisor.length; i++) {
            divisor[i] = std[i] + EPS;
        }
        if (axis == null) {
            return Affine.kernels(in, Affine.Form.SUB_DIV, Runs.scalar(x), mean, divisor, true);
        }
        Runs runs = AlongAxis.runs(x, tensorId, axis, mean.length, "fixed_zero_mean_unit_variance");
        return Affine.kernels(in, Affine.Form.SUB_DIV, runs, mean, divisor, false);
    }

    @Override
    public String toString() {
        return "FixedZeroMeanUnitVariance[" + (axis == null ? "" : "axis=" + axis + ", ") + "mean="
                + Arrays.toString(mean) + ", std=" + Arrays.toString(std) + "]";
    }
}
