package eu.riscale.modelhub.bench;

import eu.riscale.modelhub.core.op.Clip;
import eu.riscale.modelhub.core.op.ProcessingChain;
import eu.riscale.modelhub.core.tensor.Sample;
import java.util.Map;
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
 * {@code clip} with fixed bounds (elementwise) and with percentile bounds per sample and channel (the 1st and 99.8th
 * {@code inverted_cdf} percentiles of the spatial axes, then the clip).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class ClipBenchmark {
    /** The input shape. */
    @Param({"1x1x2048x2048", "1x3x2048x2048", "1x1x64x1024x1024"})
    public String shape;

    private Sample sample;
    private ProcessingChain fixed;
    private ProcessingChain percentiles;

    /** Builds the random input and the chains. */
    @Setup
    public void setUp() {
        sample = Sample.of(Map.of("raw", Inputs.random(shape, Inputs.SEED)));
        fixed = ProcessingChain.builder().add("raw", Clip.between(0.1, 0.9)).build();
        percentiles = ProcessingChain.builder()
                .add("raw", Clip.percentiles(1, 99.8, Inputs.spatialAxes(Inputs.shape(shape))))
                .build();
    }

    /**
     * Clips to {@code [0.1, 0.9]}.
     *
     * @return the processed sample
     */
    @Benchmark
    public Sample clipFixed() {
        return fixed.apply(sample);
    }

    /**
     * Computes the percentiles and clips to them.
     *
     * @return the processed sample
     */
    @Benchmark
    public Sample clipPercentiles() {
        return percentiles.apply(sample);
    }

    /**
     * Clips to {@code [0.1, 0.9]} into the storage of the previous result ({@link ProcessingChain#recycle}).
     *
     * @return the processed sample (already handed back: only for the black hole)
     */
    @Benchmark
    public Sample clipFixedRecycled() {
        Sample out = fixed.apply(sample);
        fixed.recycle(out);
        return out;
    }
}
