package eu.riscale.modelhub.bench;

import eu.riscale.modelhub.core.op.ProcessingChain;
import eu.riscale.modelhub.core.op.ScaleMeanVariance;
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
 * {@code scale_mean_variance} per sample and channel: mean and std of the tensor and of a reference tensor of the same
 * shape (both reducing the spatial axes), then the affine pass.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class ScaleMeanVarianceBenchmark {
    /** The input shape. */
    @Param({"1x1x2048x2048", "1x3x2048x2048", "1x1x64x1024x1024"})
    public String shape;

    private Sample sample;
    private ProcessingChain chain;

    /** Builds the random input and reference and the one-op chain. */
    @Setup
    public void setUp() {
        sample = Sample.of(Map.of(
                "raw", Inputs.random(shape, Inputs.SEED),
                "ref", Inputs.random(shape, Inputs.SEED + 1)));
        chain = ProcessingChain.builder()
                .add("raw", ScaleMeanVariance.of("ref", Inputs.spatialAxes(Inputs.shape(shape)), 1e-6))
                .build();
    }

    /**
     * Computes both tensors' statistics and scales the tensor.
     *
     * @return the processed sample
     */
    @Benchmark
    public Sample scaleMeanVariance() {
        return chain.apply(sample);
    }
}
