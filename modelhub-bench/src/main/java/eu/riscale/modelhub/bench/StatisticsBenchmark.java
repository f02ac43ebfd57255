package eu.riscale.modelhub.bench;

import eu.riscale.modelhub.core.stats.Measure;
import eu.riscale.modelhub.core.stats.QuantileMethod;
import eu.riscale.modelhub.core.stats.SampleStatistics;
import eu.riscale.modelhub.core.stats.Statistics;
import eu.riscale.modelhub.core.tensor.Sample;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Sample statistics per channel (reducing the spatial axes): mean with std, and the 1st and 99.8th percentiles with
 * numpy's {@code linear} and {@code inverted_cdf} methods (two quantiles of one group share one selection).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class StatisticsBenchmark {
    /** The input shape. */
    @Param({"1x1x2048x2048", "1x3x2048x2048", "1x1x64x1024x1024"})
    public String shape;

    private Sample sample;
    private Set<Measure> moments;
    private Set<Measure> linear;
    private Set<Measure> invertedCdf;

    /** Builds the random input and the measures. */
    @Setup
    public void setUp() {
        sample = Sample.of(Map.of("raw", Inputs.random(shape, Inputs.SEED)));
        Set<String> axes = Inputs.spatialAxes(Inputs.shape(shape));
        moments = Set.of(
                Measure.of(Measure.Kind.MEAN, Measure.Scope.SAMPLE, "raw", axes),
                Measure.of(Measure.Kind.STD, Measure.Scope.SAMPLE, "raw", axes));
        linear = quantiles(axes, QuantileMethod.LINEAR);
        invertedCdf = quantiles(axes, QuantileMethod.INVERTED_CDF);
    }

    private static Set<Measure> quantiles(Set<String> axes, QuantileMethod method) {
        return Set.of(
                Measure.quantile(Measure.Scope.SAMPLE, "raw", axes, 0.01, method),
                Measure.quantile(Measure.Scope.SAMPLE, "raw", axes, 0.998, method));
    }

    /**
     * Mean and standard deviation.
     *
     * @return the values
     */
    @Benchmark
    public Statistics meanStd() {
        return SampleStatistics.compute(sample, moments);
    }

    /**
     * Two {@code linear} quantiles.
     *
     * @return the values
     */
    @Benchmark
    public Statistics quantilesLinear() {
        return SampleStatistics.compute(sample, linear);
    }

    /**
     * Two {@code inverted_cdf} quantiles.
     *
     * @return the values
     */
    @Benchmark
    public Statistics quantilesInvertedCdf() {
        return SampleStatistics.compute(sample, invertedCdf);
    }
}
