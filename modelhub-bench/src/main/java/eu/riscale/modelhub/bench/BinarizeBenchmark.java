package eu.riscale.modelhub.bench;

import eu.riscale.modelhub.core.op.Binarize;
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

/** {@code binarize} with a scalar threshold: a float32 tensor to a bool tensor. */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class BinarizeBenchmark {
    /** The input shape. */
    @Param({"1x1x2048x2048", "1x3x2048x2048", "1x1x64x1024x1024"})
    public String shape;

    private Sample sample;
    private ProcessingChain chain;

    /** Builds the random input and the one-op chain. */
    @Setup
    public void setUp() {
        int[] s = Inputs.shape(shape);
        sample = Sample.of(Map.of("raw", Inputs.random(shape, Inputs.SEED)));
        chain = ProcessingChain.builder().add("raw", Binarize.of(0.5)).build();
    }

    /**
     * Runs the chain: the op's statistics (if any) and the op.
     *
     * @return the processed sample
     */
    @Benchmark
    public Sample binarize() {
        return chain.apply(sample);
    }

    /**
     * Runs the chain and hands the result back ({@link ProcessingChain#recycle}): from the second call on the op
     * writes into the previous result's storage, no new array (the mode of a loop over samples of one shape).
     *
     * @return the processed sample (already handed back: only for the black hole)
     */
    @Benchmark
    public Sample binarizeRecycled() {
        Sample out = chain.apply(sample);
        chain.recycle(out);
        return out;
    }
}
