package eu.riscale.modelhub.bench;

import eu.riscale.modelhub.core.tensor.Tensor;
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
 * The memory-bandwidth baseline: a plain copy of the float32 input array into a new array, on one thread. An
 * elementwise op reads the same bytes and writes a new array of the same size, so this is the time such an op cannot
 * beat on one core; the ops' times are reported relative to it.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class CopyBaseline {
    /** The input shape. */
    @Param({"1x1x2048x2048", "1x3x2048x2048", "1x1x64x1024x1024"})
    public String shape;

    private float[] data;

    /** Builds the random input. */
    @Setup
    public void setUp() {
        Tensor t = Inputs.random(shape, Inputs.SEED);
        data = t.toFloatArray();
    }

    /**
     * Copies the array into a new one ({@code clone}, a JIT intrinsic: allocation plus a vectorised copy).
     *
     * @return the copy
     */
    @Benchmark
    public float[] copy() {
        return data.clone();
    }
}
