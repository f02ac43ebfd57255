package eu.riscale.modelhub.core.modeltest;

import eu.riscale.modelhub.core.tensor.Tensor;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * How a reproduced output deviates from its test output: the mismatch count under a {@link Tolerance}, and the largest
 * absolute and relative deviations with their positions.
 *
 * <p>Values are compared in float32, as the reference does. The relative deviation of an element is {@code |actual -
 * expected| / (|expected| + 1e-6)}. NaN in exactly one of the two tensors counts as a mismatch (the reference lets it
 * pass); NaN in both is a match. Deviations involving NaN or infinities are left out of the maxima.
 *
 * @param outputId the output tensor id
 * @param axes the axis ids, naming the positions
 * @param elements how many elements were compared
 * @param mismatched how many elements are mismatched under the tolerance
 * @param tolerance the tolerance used
 * @param maxAbsolute the largest absolute deviation {@code |actual - expected|}
 * @param maxAbsoluteIndex where it is (one index per axis)
 * @param maxRelative the largest relative deviation
 * @param maxRelativeIndex where it is (one index per axis)
 */
public record Deviation(
        String outputId,
        List<String> axes,
        long elements,
        long mismatched,
        Tolerance tolerance,
        double maxAbsolute,
        List<Integer> maxAbsoluteIndex,
        double maxRelative,
        List<Integer> maxRelativeIndex) {
    /** The term added to {@code |expected|} in the relative deviation so that zeros do not divide. */
    public static final double RELATIVE_EPSILON = 1e-6;

    /** Checks presence and copies the lists. */
    public Deviation {
        Objects.requireNonNull(outputId, "outputId");
        axes = List.copyOf(axes);
        Objects.requireNonNull(tolerance, "tolerance");
        maxAbsoluteIndex = List.copyOf(maxAbsoluteIndex);
        maxRelativeIndex = List.copyOf(maxRelativeIndex);
    }

    /**
     * Compares a reproduced output with its test output; both must have the same shape.
     *
     * @param outputId the output tensor id, for messages
     * @param actual the reproduced output
     * @param expected the test output
     * @param tolerance the tolerance
     * @return the deviation figures
     * @throws IllegalArgumentException when the shapes differ, naming both
     */
    public static Deviation compare(String outputId, Tensor actual, Tensor expected, Tolerance tolerance) {
        if (!Arrays.equals(actual.shape(), expected.shape())) {
            throw new IllegalArgumentException("output '" + outputId + "' has shape " + Arrays.toString(actual.shape())
                    + ", expected " + Arrays.toString(expected.shape()));
        }
        float[] a = actual.toFloatArray();
        float[] e = expected.toFloatArray();
        long mismatched = 0;
        double maxAbs = 0;
        double maxRel = 0;
        int absAt = 0;
        int relAt = 0;
        for (int i = 0; i < a.length; i++) {
            double x = a[i];
            double y = e[i];
            if (tolerance.mismatched(x, y)) {
                mismatched++;
            }
            double abs = Math.abs(x - y);
            if (!Double.isFinite(abs)) {
                continue;
            }
            if (abs > maxAbs) {
                maxAbs = abs;
                absAt = i;
            }
            double rel = abs / (Math.abs(y) + RELATIVE_EPSILON);
            if (rel > maxRel) {
                maxRel = rel;
                relAt = i;
            }
        }
        int[] shape = expected.shape();
        return new Deviation(
                outputId,
                expected.axes(),
                a.length,
                mismatched,
                tolerance,
                maxAbs,
                unravel(absAt, shape),
                maxRel,
                unravel(relAt, shape));
    }

    static List<Integer> unravel(int flat, int[] shape) {
        Integer[] index = new Integer[shape.length];
        int rest = flat;
        for (int d = shape.length - 1; d >= 0; d--) {
            int n = Math.max(shape[d], 1);
            index[d] = rest % n;
            rest /= n;
        }
        return List.of(index);
    }

    /** {@return mismatched elements per million compared elements} */
    public double mismatchedPerMillion() {
        return elements == 0 ? 0 : 1e6 * mismatched / elements;
    }

    /** {@return whether more elements are mismatched than the tolerance allows} */
    public boolean exceedsTolerance() {
        return mismatchedPerMillion() > tolerance.mismatchedPerMillion();
    }

    /** {@return a one-line summary: counts, the maxima and where they are} */
    public String describe() {
        return String.format(
                java.util.Locale.ROOT,
                "output '%s': %d of %d elements mismatched (%.1f ppm, allowed %d; rtol %.1e, atol %.1e);"
                        + " max absolute deviation %.3e at %s; max relative deviation %.3e at %s",
                outputId,
                mismatched,
                elements,
                mismatchedPerMillion(),
                tolerance.mismatchedPerMillion(),
                tolerance.relative(),
                tolerance.absolute(),
                maxAbsolute,
                where(maxAbsoluteIndex),
                maxRelative,
                where(maxRelativeIndex));
    }

    private String where(List<Integer> index) {
        StringBuilder b = new StringBuilder("{");
        for (int i = 0; i < index.size(); i++) {
            b.append(i == 0 ? "" : ", ")
                    .append(i < axes.size() ? axes.get(i) : "dim" + i)
                    .append('=')
                    .append(index.get(i));
        }
        return b.append('}').toString();
    }
}
