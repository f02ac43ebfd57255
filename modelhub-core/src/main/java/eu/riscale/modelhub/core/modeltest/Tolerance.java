package eu.riscale.modelhub.core.modeltest;

import eu.riscale.modelhub.spec.config.BioimageioConfig;
import eu.riscale.modelhub.spec.config.ReproducibilityTolerance;
import eu.riscale.modelhub.spec.weights.WeightsFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How far reproduced outputs may deviate from the test outputs: an element is <em>mismatched</em> when {@code |actual
 * - expected| > absolute + relative * |expected|}, and the check fails when more than {@code mismatchedPerMillion}
 * elements per million are mismatched.
 *
 * @param relative the relative tolerance, at least 0
 * @param absolute the absolute tolerance, at least 0
 * @param mismatchedPerMillion how many mismatched elements per million are allowed, at least 0
 */
public record Tolerance(double relative, double absolute, int mismatchedPerMillion) {
    /** The defaults of format 0.5: relative 1e-3, absolute 1e-3, 100 mismatched elements per million. */
    public static final Tolerance DEFAULT = new Tolerance(1e-3, 1e-3, 100);

    /**
     * Checks the ranges.
     *
     * @throws IllegalArgumentException when a value is negative or not a number, naming it
     */
    public Tolerance {
        if (!(relative >= 0)) {
            throw new IllegalArgumentException("relative tolerance must be >= 0, found " + relative);
        }
        if (!(absolute >= 0)) {
            throw new IllegalArgumentException("absolute tolerance must be >= 0, found " + absolute);
        }
        if (mismatchedPerMillion < 0) {
            throw new IllegalArgumentException("mismatchedPerMillion must be >= 0, found " + mismatchedPerMillion);
        }
    }

    /**
     * Selects the tolerance for one floating-point output; see {@link #select(BioimageioConfig, String, boolean,
     * WeightsFormat)}.
     *
     * @param config the {@code config.bioimageio} section of the description
     * @param outputId the output tensor id
     * @param format the weights format being tested
     * @return the tolerance that applies
     */
    public static Tolerance select(BioimageioConfig config, String outputId, WeightsFormat format) {
        return select(config, outputId, false, format);
    }

    /**
     * Selects the tolerance for one output and weights format, as the reference implementation does: the first entry
     * of {@code config.bioimageio.reproducibility_tolerance} that {@link ReproducibilityTolerance#appliesTo applies};
     * else the legacy {@code config.bioimageio.test_kwargs.<format>} ({@code relative_tolerance}, {@code
     * absolute_tolerance}, each 1e-3 when absent, with the default per-million limit); else, when the list is empty,
     * the format 0.5.14 defaults ({@link ReproducibilityTolerance#DEFAULTS}: 1e-3/1e-3/100 for a floating-point output,
     * exact with 1000 mismatched elements per million for an integer or bool output); else {@link #DEFAULT}.
     *
     * @param config the {@code config.bioimageio} section of the description
     * @param outputId the output tensor id
     * @param discrete whether the output's data type is an integer type or bool
     * @param format the weights format being tested
     * @return the tolerance that applies
     */
    public static Tolerance select(BioimageioConfig config, String outputId, boolean discrete, WeightsFormat format) {
        Objects.requireNonNull(outputId, "outputId");
        Objects.requireNonNull(format, "format");
        for (ReproducibilityTolerance t : config.reproducibilityTolerance()) {
            if (t.appliesTo(outputId, discrete, format)) {
                return of(t);
            }
        }
        if (config.extra().get("test_kwargs") instanceof Map<?, ?> kwargs
                && kwargs.get(format.id()) instanceof Map<?, ?> entry) {
            return new Tolerance(
                    number(entry.get("relative_tolerance"), DEFAULT.relative),
                    number(entry.get("absolute_tolerance"), DEFAULT.absolute),
                    DEFAULT.mismatchedPerMillion);
        }
        if (config.reproducibilityTolerance().isEmpty()) {
            return ReproducibilityTolerance.select(List.of(), outputId, discrete, format)
                    .map(Tolerance::of)
                    .orElse(DEFAULT);
        }
        return DEFAULT;
    }

    private static Tolerance of(ReproducibilityTolerance t) {
        return new Tolerance(t.relativeTolerance(), t.absoluteTolerance(), t.mismatchedElementsPerMillion());
    }

    private static double number(@Nullable Object value, double fallback) {
        return value instanceof Number n ? n.doubleValue() : fallback;
    }

    /**
     * Tells whether one element is mismatched.
     *
     * @param actual the reproduced value
     * @param expected the test output value
     * @return whether {@code |actual - expected| > absolute + relative * |expected|}, or exactly one of them is NaN
     */
    public boolean mismatched(double actual, double expected) {
        if (Double.isNaN(actual) || Double.isNaN(expected)) {
            return Double.isNaN(actual) != Double.isNaN(expected);
        }
        if (actual == expected) {
            return false; // also equal infinities
        }
        return Math.abs(actual - expected) > absolute + relative * Math.abs(expected);
    }
}
