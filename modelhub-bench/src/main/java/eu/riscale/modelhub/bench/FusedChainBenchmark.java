package eu.riscale.modelhub.bench;

import eu.riscale.modelhub.core.op.Binarize;
import eu.riscale.modelhub.core.op.Clip;
import eu.riscale.modelhub.core.op.EnsureDtype;
import eu.riscale.modelhub.core.op.Op;
import eu.riscale.modelhub.core.op.ProcessingChain;
import eu.riscale.modelhub.core.op.ScaleLinear;
import eu.riscale.modelhub.core.op.ZeroMeanUnitVariance;
import eu.riscale.modelhub.core.stats.SampleStatistics;
import eu.riscale.modelhub.core.stats.Statistics;
import eu.riscale.modelhub.core.tensor.Sample;
import eu.riscale.modelhub.core.tensor.Tensor;
import eu.riscale.modelhub.spec.tensor.DType;
import java.util.List;
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
 * Chains of several elementwise ops: the fused chain ({@link ProcessingChain#apply}, one pass), the same chain with
 * its result handed back ({@link ProcessingChain#recycle}), and the ops one by one ({@code Op.apply} on each
 * previous result, a new tensor per op: what the chain did before fusing).
 *
 * <ul>
 *   <li>{@code chain=threshold}: float32 input, {@code scale_linear(2.5, -0.5), clip(0.1, 0.9), binarize(0.5)};
 *   <li>{@code chain=normalize}: uint8 input, the example model's preprocessing kind: {@code ensure_dtype(float32),
 *       zero_mean_unit_variance} per channel, {@code ensure_dtype(float32)} (statistics included).
 * </ul>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class FusedChainBenchmark {
    /** The input shape. */
    @Param({"1x1x2048x2048", "1x3x2048x2048", "1x1x64x1024x1024"})
    public String shape;

    /** The chain. */
    @Param({"threshold", "normalize"})
    public String chain;

    private Sample sample;
    private List<Op> ops;
    private ProcessingChain fused;

    /** Builds the random input and the chain. */
    @Setup
    public void setUp() {
        Tensor x;
        if (chain.equals("threshold")) {
            x = Inputs.random(shape, Inputs.SEED);
            ops = List.of(ScaleLinear.of(2.5, -0.5), Clip.between(0.1, 0.9), Binarize.of(0.5));
        } else if (chain.equals("normalize")) {
            x = Inputs.random(shape, DType.UINT8, Inputs.SEED, 1);
            ops = List.of(
                    EnsureDtype.of(DType.FLOAT32),
                    ZeroMeanUnitVariance.over(Inputs.spatialAxes(Inputs.shape(shape))),
                    EnsureDtype.of(DType.FLOAT32));
        } else {
            throw new IllegalArgumentException("chain: found '" + chain + "', expected threshold or normalize");
        }
        sample = Sample.of(Map.of("raw", x));
        fused = ProcessingChain.builder().add("raw", ops).build();
    }

    /**
     * The chain: statistics, then one pass.
     *
     * @return the processed sample
     */
    @Benchmark
    public Sample fused() {
        return fused.apply(sample);
    }

    /**
     * The chain with its result handed back: the pass writes into the previous result's storage.
     *
     * @return the processed sample (already handed back: only for the black hole)
     */
    @Benchmark
    public Sample fusedRecycled() {
        Sample out = fused.apply(sample);
        fused.recycle(out);
        return out;
    }

    /**
     * The ops one by one, each allocating its result, with the same statistics computed first.
     *
     * @return the last result
     */
    @Benchmark
    public Tensor opByOp() {
        Statistics stats = SampleStatistics.compute(sample, fused.requiredMeasures());
        Tensor t = sample.tensor("raw");
        for (Op op : ops) {
            t = op.apply(t, "raw", stats);
        }
        return t;
    }
}
