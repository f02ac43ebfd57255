package eu.riscale.modelhub.core.op;

import eu.riscale.modelhub.core.stats.Measure;
import eu.riscale.modelhub.core.stats.Statistics;
import eu.riscale.modelhub.core.tensor.Tensor;
import java.util.Set;

/**
 * One pre/postprocessing operation of format 0.5, with typed parameters. Ops are immutable and thread-safe.
 *
 * <p>An op declares the statistics it needs ({@link #requiredMeasures}); a {@link ProcessingChain} computes them on the
 * raw sample before any op runs, as the reference implementation does, and passes them to {@link #apply}.
 *
 * <pre>{@code
 * Op op = ScaleLinear.alongAxis("channel", new double[] {2, 3}, new double[] {0, 1});
 * Tensor y = op.apply(x, "raw", Statistics.empty());
 * }</pre>
 */
public sealed interface Op
        permits Binarize,
                Clip,
                EnsureDtype,
                FixedZeroMeanUnitVariance,
                ScaleLinear,
                ScaleMeanVariance,
                ScaleRange,
                Sigmoid,
                Softmax,
                ZeroMeanUnitVariance {

    /** {@return the op's id in descriptions, for example {@code "scale_linear"}} */
    String id();

    /**
     * Returns the statistics this op needs when it processes tensor {@code tensorId}.
     *
     * @param tensorId the id of the tensor the op is applied to
     * @return the measures, empty for ops without statistics
     */
    Set<Measure> requiredMeasures(String tensorId);

    /**
     * Applies the op.
     *
     * @param input the tensor
     * @param tensorId its id (to look up its statistics)
     * @param statistics values of at least {@link #requiredMeasures(String)}
     * @return the result, a new tensor
     * @throws IllegalArgumentException if the tensor does not fit the op (missing axis, wrong length of per-axis
     *     values)
     * @throws IllegalStateException if a required statistic is missing
     */
    Tensor apply(Tensor input, String tensorId, Statistics statistics);
}
