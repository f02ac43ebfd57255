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
 * {@code scale_linear}: {@code y = gain * x + offset}, with scalar gain and offset or one pair per index along an
 * axis.
 *
 * <p>Scalar form on float32: computed in float32 with the parameters rounded to float32, as numpy does with Python
 * floats. Along-axis form: computed in float64 (the reference's parameter arrays are float64) and rounded to float32.
 */
public final class ScaleLinear implements Op {
    private final @Nullable String axis;
    private final double[] gain;
    private final double[] offset;

    private ScaleLinear(@Nullable String axis, double[] gain, double[] offset) {
        this.axis = axis;
        this.gain = gain;
        this.offset = offset;
    }

    /**
     * The scalar form.
     *
     * @param gain the factor
     * @param offset the term added
     * @return the op
     */
    public static ScaleLinear of(double gain, double offset) {
        return new ScaleLinear(null, new double[] {gain}, new double[] {offset});
    }

    /**
     * The along-axis form: {@code y[..., i, ...] = gain[i] * x[..., i, ...] + offset[i]} for index {@code i} of
     * {@code axis}.
     *
     * @param axis the axis id
     * @param gain one factor per index (a single value is used for every index)
     * @param offset one term per index (a single value is used for every index)
     * @return the op
     * @throws IllegalArgumentException if a list is empty, or both have more than one value and their lengths differ
     */
    public static ScaleLinear alongAxis(String axis, double[] gain, double[] offset) {
        Objects.requireNonNull(axis, "axis");
        double[] g = AlongAxis.copyNonEmpty(gain, "scale_linear gain");
        double[] o = AlongAxis.copyNonEmpty(offset, "scale_linear offset");
        if (g.length != o.length) {
            if (g.length == 1) {
                g = filled(g[0], o.length);
            } else if (o.length == 1) {
                o = filled(o[0], g.length);
            } else {
                throw new IllegalArgumentException("scale_linear: found " + g.length + " gains and " + o.length
                        + " offsets, expected equal lengths");
            }
        }
        return new ScaleLinear(axis, g, o);
    }

    private static double[] filled(double v, int n) {
        double[] a = new double[n];
        Arrays.fill(a, v);
        return a;
    }

    /** {@return the axis of the along-axis form, empty for the scalar form} */
    public Optional<String> axis() {
        return Optional.ofNullable(axis);
    }

    /** {@return a copy of the gains (one value for the scalar form)} */
    public double[] gain() {
        return gain.clone();
    }

    /** {@return a copy of the offsets (one value for the scalar form)} */
    public double[] offset() {
        return offset.clone();
    }

    /** {@inheritDoc} */
    @Override
    public String id() {
        return "scale_linear";
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
        if (axis == null) {
            return Affine.kernels(in, Affine.Form.MUL_ADD, Runs.scalar(x), gain, offset, true);
        }
        Runs runs = AlongAxis.runs(x, tensorId, axis, gain.length, "scale_linear");
        return Affine.kernels(in, Affine.Form.MUL_ADD, runs, gain, offset, false);
    }

    @Override
    public String toString() {
        return "ScaleLinear[" + (axis == null ? "" : "axis=" + axis + ", ") + "gain=" + Arrays.toString(gain)
                + ", offset=" + Arrays.toString(offset) + "]";
    }
}
