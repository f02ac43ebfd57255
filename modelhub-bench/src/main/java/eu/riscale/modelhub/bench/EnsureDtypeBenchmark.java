package eu.riscale.modelhub.bench;

import eu.riscale.modelhub.core.op.EnsureDtype;
import eu.riscale.modelhub.core.op.ProcessingChain;
import eu.riscale.modelhub.core.tensor.Sample;
import eu.riscale.modelhub.spec.tensor.DType;
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
 * {@code ensure_dtype} between float32 and uint8: a uint8 input becomes float32 (the usual first preprocessing step of
 * 8-bit images), a float32 input (uniform in [0, 256)) becomes uint8 (truncation, as numpy's {@code astype}).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class EnsureDtypeBenchmark {
    /** The input shape. */
    @Param({"1x1x2048x2048", "1x3x2048x2048", "1x1x64x1024x1024"})
    public String shape;

    /** The input data type; the target is the other one of float32 and uint8. */
    @Param({"float32", "uint8"})
    public String dtype;

    private Sample sample;
    private ProcessingChain chain;

    /** Builds the random input and the one-op chain. */
    @Setup
    public void setUp() {
        DType in = Inputs.dtype(dtype);
        sample = Sample.of(Map.of("raw", Inputs.random(shape, in, Inputs.SEED, 256)));
        DType target = in == DType.UINT8 ? DType.FLOAT32 : DType.UINT8;
        chain = ProcessingChain.builder().add("raw", EnsureDtype.of(target)).build();
    }

    /**
     * Casts the tensor.
     *
     * @return the processed sample
     */
    @Benchmark
    public Sample ensureDtype() {
        return chain.apply(sample);
    }

    /**
     * Casts the tensor into the storage of the previous result ({@link ProcessingChain#recycle}).
     *
     * @return the processed sample (already handed back: only for the black hole)
     */
    @Benchmark
    public Sample ensureDtypeRecycled() {
        Sample out = chain.apply(sample);
        chain.recycle(out);
        return out;
    }
}
