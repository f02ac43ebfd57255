package eu.riscale.modelhub.core.stats;

import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * A statistic an op needs: what (mean, var, std or a quantile), of which tensor, reduced over which axes, per sample or
 * per dataset. Values are looked up in {@link Statistics} by this key.
 *
 * @param kind the statistic
 * @param scope per sample or per dataset
 * @param tensorId the tensor the statistic is computed on
 * @param axes the axes reduced (jointly); {@code null} means all axes of the tensor
 * @param q the quantile in [0, 1] for {@link Kind#QUANTILE}, 0 otherwise
 * @param method the quantile method for {@link Kind#QUANTILE} ({@link QuantileMethod#LINEAR} for dataset quantiles),
 *     {@code null} otherwise
 */
public record Measure(
        Kind kind,
        Scope scope,
        String tensorId,
        @Nullable Set<String> axes,
        double q,
        @Nullable QuantileMethod method) {

    /** The statistic computed. */
    public enum Kind {
        /** Arithmetic mean. */
        MEAN,
        /** Population variance (ddof 0). */
        VAR,
        /** Population standard deviation (ddof 0). */
        STD,
        /** Quantile. */
        QUANTILE
    }

    /** Whether a statistic belongs to one sample or to a whole dataset. */
    public enum Scope {
        /** Recomputed for every sample. */
        SAMPLE,
        /** Over all samples of a dataset (given up front, or running over the samples processed so far). */
        DATASET
    }

    /** Checks the components: quantile fields only with {@link Kind#QUANTILE}, {@code q} in [0, 1]. */
    public Measure {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(tensorId, "tensorId");
        axes = axes == null ? null : java.util.Collections.unmodifiableSet(new TreeSet<>(axes));
        if (kind == Kind.QUANTILE) {
            if (!(q >= 0 && q <= 1)) {
                throw new IllegalArgumentException("q: found " + q + ", expected a value in [0, 1]");
            }
            Objects.requireNonNull(method, "method");
        } else if (q != 0 || method != null) {
            throw new IllegalArgumentException("q and method: only for quantiles, found kind " + kind);
        }
    }

    /**
     * A mean, variance or standard deviation.
     *
     * @param kind {@link Kind#MEAN}, {@link Kind#VAR} or {@link Kind#STD}
     * @param scope sample or dataset
     * @param tensorId the tensor
     * @param axes the reduced axes, {@code null} for all
     * @return the measure
     */
    public static Measure of(Kind kind, Scope scope, String tensorId, @Nullable Set<String> axes) {
        return new Measure(kind, scope, tensorId, axes, 0, null);
    }

    /**
     * A quantile.
     *
     * @param scope sample or dataset
     * @param tensorId the tensor
     * @param axes the reduced axes, {@code null} for all
     * @param q the quantile in [0, 1]
     * @param method the method (dataset quantiles are always estimated from {@link QuantileMethod#LINEAR} sample
     *     quantiles)
     * @return the measure
     */
    public static Measure quantile(
            Scope scope, String tensorId, @Nullable Set<String> axes, double q, QuantileMethod method) {
        return new Measure(Kind.QUANTILE, scope, tensorId, axes, q, method);
    }

    /**
     * The scope the reference implementation gives an op's statistics: dataset when {@code axes} is {@code null} or
     * contains {@code batch}, otherwise sample.
     *
     * @param axes the reduced axes of the op, {@code null} for all
     * @return the scope
     */
    public static Scope scopeFor(@Nullable Set<String> axes) {
        return axes == null || axes.contains("batch") ? Scope.DATASET : Scope.SAMPLE;
    }

    /** {@return a readable key, for example {@code sample.mean(raw, axes=[x, y])}} */
    @Override
    public String toString() {
        String k = kind == Kind.QUANTILE
                ? "quantile(q=" + q + ", " + method.name().toLowerCase(java.util.Locale.ROOT) + ", "
                : kind.name().toLowerCase(java.util.Locale.ROOT) + "(";
        return scope.name().toLowerCase(java.util.Locale.ROOT) + "." + k + tensorId + ", axes="
                + (axes == null ? "all" : axes.toString()) + ")";
    }
}
