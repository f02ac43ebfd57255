package eu.riscale.modelhub.bench;

import eu.riscale.modelhub.core.tensor.Npy;
import eu.riscale.modelhub.core.tensor.Tensor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@code .npy} reading and writing of a float32 tensor, through a file in a temporary folder (by default under
 * {@code java.io.tmpdir}). The file stays in the page cache between iterations, so this measures parsing, conversion and
 * copying, not the disk.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class NpyBenchmark {
    /** The input shape. */
    @Param({"1x1x2048x2048", "1x3x2048x2048", "1x1x64x1024x1024"})
    public String shape;

    private Tensor tensor;
    private Path dir;
    private Path readFile;
    private Path writeFile;

    /**
     * Builds the random tensor and writes the file that {@link #npyRead} reads.
     *
     * @throws IOException if the temporary folder cannot be written
     */
    @Setup
    public void setUp() throws IOException {
        tensor = Inputs.random(shape, Inputs.SEED);
        dir = Files.createTempDirectory("modelhub-bench-npy");
        readFile = dir.resolve("read.npy");
        writeFile = dir.resolve("write.npy");
        Npy.write(tensor, readFile);
    }

    /**
     * Deletes the temporary files.
     *
     * @throws IOException if they cannot be deleted
     */
    @TearDown
    public void tearDown() throws IOException {
        Files.deleteIfExists(readFile);
        Files.deleteIfExists(writeFile);
        Files.deleteIfExists(dir);
    }

    /**
     * Reads the file into a tensor.
     *
     * @return the tensor
     * @throws IOException if reading fails
     */
    @Benchmark
    public Tensor npyRead() throws IOException {
        return Npy.read(readFile);
    }

    /**
     * Writes the tensor (replacing the file).
     *
     * @return the file
     * @throws IOException if writing fails
     */
    @Benchmark
    public Path npyWrite() throws IOException {
        Npy.write(tensor, writeFile);
        return writeFile;
    }
}
