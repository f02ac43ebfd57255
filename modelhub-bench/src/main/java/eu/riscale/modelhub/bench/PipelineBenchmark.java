package eu.riscale.modelhub.bench;

import eu.riscale.modelhub.core.description.DescriptionException;
import eu.riscale.modelhub.core.description.Descriptions;
import eu.riscale.modelhub.core.inference.InferenceException;
import eu.riscale.modelhub.core.inference.PredictionOptions;
import eu.riscale.modelhub.core.inference.PredictionPipeline;
import eu.riscale.modelhub.core.inference.Tiling;
import eu.riscale.modelhub.core.inference.internal.DjlRunner;
import eu.riscale.modelhub.core.inference.internal.NativeArray;
import eu.riscale.modelhub.core.inference.internal.NativeEngine;
import eu.riscale.modelhub.core.tensor.Npy;
import eu.riscale.modelhub.core.tensor.PadMode;
import eu.riscale.modelhub.core.tensor.Tensor;
import eu.riscale.modelhub.spec.ModelDescr;
import eu.riscale.modelhub.spec.tensor.DType;
import eu.riscale.modelhub.spec.weights.WeightsFormat;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
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
 * The prediction pipeline's own cost for {@code unet2d_nuclei_broad} (TorchScript on the CPU). {@link #predict} is a
 * whole {@link PredictionPipeline#predict} call on the model's 1x1x512x512 test input, {@link #nativeInference} one
 * bare native call on the same block through the engine runner the pipeline uses, so the pipeline's overhead
 * (arranging the input, preprocessing with its statistics, the tensor conversions, postprocessing) is their
 * difference. {@link #predictTiled} predicts a 1024 x 1024 input (the test image mirrored), which the pipeline splits
 * into 3 x 3 blocks of 512 with a halo of 32 (reflect-padded at the borders) and stitches: its overhead is its time
 * minus 9 native calls.
 *
 * <p>The native time varies from run to run (the engine's own threads compete with everything else on the machine), so
 * a difference of two separately measured averages is noisy. {@link #splitPredict} and {@link #splitPredictTiled}
 * therefore time the pipeline call and the bare native calls alternately in the same invocation and report both
 * totals as secondary results ({@link Split}): their ratio is the overhead with the drift cancelled.
 *
 * <p>The package is looked for at {@code ../shared/conformance/models/unet2d_nuclei_broad} relative to the working
 * directory (the repository root); {@code -p model=<folder>} points elsewhere.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-Dai.djl.offline=true"})
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 4, time = 2)
public class PipelineBenchmark {
    /** The folder of the {@code unet2d_nuclei_broad} package. */
    @Param({"../shared/conformance/models/unet2d_nuclei_broad"})
    public String model;

    private PredictionPipeline pipeline;
    private PredictionPipeline tiled;
    private DjlRunner runner;
    private Map<String, Tensor> input;
    private Map<String, Tensor> large;
    private List<NativeArray> block;

    /**
     * Loads the model three times (the pipeline, one with forced 512 x 512 blocks, a bare runner) and builds the input.
     *
     * @throws IOException if the package cannot be read
     * @throws DescriptionException if its description is invalid
     * @throws InferenceException if the weights cannot be loaded
     */
    @Setup
    public void setUp() throws IOException, DescriptionException, InferenceException {
        Path dir = Path.of(model).toAbsolutePath().normalize();
        if (!Files.isRegularFile(dir.resolve("bioimageio.yaml"))) {
            throw new IOException("model: found no bioimageio.yaml in " + dir
                    + ", expected the unet2d_nuclei_broad package (run from the repository root or pass -p model=)");
        }
        ModelDescr descr = Descriptions.read(dir.resolve("bioimageio.yaml"));
        pipeline = PredictionPipeline.create(
                descr,
                dir,
                PredictionOptions.builder()
                        .weightsPriority(List.of(WeightsFormat.TORCHSCRIPT))
                        .tiling(Tiling.auto())
                        .build());
        // automatic tiling would take the 1024 x 1024 input whole (it fits the memory budget): blocks of 512 forced
        tiled = PredictionPipeline.create(
                descr,
                dir,
                PredictionOptions.builder()
                        .weightsPriority(List.of(WeightsFormat.TORCHSCRIPT))
                        .tiling(Tiling.blockShape(Map.of("y", 512, "x", 512)))
                        .build());
        runner = DjlRunner.load(dir.resolve("weights.pt"), NativeEngine.PYTORCH, false);
        List<String> axes = List.of("batch", "channel", "y", "x");
        Tensor test = Npy.read(dir.resolve("test_input.npy"), axes);
        input = Map.of("raw", test);
        // the test image mirrored to 1024 x 1024: realistic content in every block
        large = Map.of("raw", test.pad("y", 0, 512, PadMode.SYMMETRIC, 0).pad("x", 0, 512, PadMode.SYMMETRIC, 0));
        float[] values = test.cast(DType.FLOAT32).toFloatArray();
        ByteBuffer bytes = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asFloatBuffer().put(values);
        block = List.of(new NativeArray(DType.FLOAT32, new long[] {1, 1, 512, 512}, bytes));
    }

    /** Frees the native models. */
    @TearDown
    public void tearDown() {
        pipeline.close();
        tiled.close();
        runner.close();
    }

    /**
     * One prediction through the pipeline.
     *
     * @return the outputs
     * @throws InferenceException if the prediction fails
     */
    @Benchmark
    public Map<String, Tensor> predict() throws InferenceException {
        return pipeline.predict(input);
    }

    /**
     * One prediction of a 1024 x 1024 input, split into 3 x 3 blocks with halo and stitched.
     *
     * @return the outputs
     * @throws InferenceException if the prediction fails
     */
    @Benchmark
    public Map<String, Tensor> predictTiled() throws InferenceException {
        return tiled.predict(large);
    }

    /**
     * One native call on the 512 x 512 test input.
     *
     * @return the outputs
     * @throws IOException if the network rejects the input
     */
    @Benchmark
    public List<NativeArray> nativeInference() throws IOException {
        return runner.predict(block);
    }

    /** Nanoseconds spent in the pipeline call and in the bare native calls of the same invocations. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Split {
        /** Time in {@link PredictionPipeline#predict}, in nanoseconds. */
        public long pipelineNanos;

        /** Time in the bare native calls, in nanoseconds. */
        public long nativeNanos;

        /** Starts each iteration from zero. */
        @Setup(Level.Iteration)
        public void reset() {
            pipelineNanos = 0;
            nativeNanos = 0;
        }
    }

    private Map<String, Tensor> alternate(PredictionPipeline p, Map<String, Tensor> in, int blocks, Split split)
            throws InferenceException, IOException {
        long t0 = System.nanoTime();
        Map<String, Tensor> out = p.predict(in);
        long t1 = System.nanoTime();
        for (int i = 0; i < blocks; i++) {
            runner.predict(block);
        }
        long t2 = System.nanoTime();
        split.pipelineNanos += t1 - t0;
        split.nativeNanos += t2 - t1;
        return out;
    }

    /**
     * One prediction of the test input, then one bare native call; the times go to {@code split}.
     *
     * @param split the time totals
     * @return the outputs
     * @throws InferenceException if the prediction fails
     * @throws IOException if the network rejects the input
     */
    @Benchmark
    public Map<String, Tensor> splitPredict(Split split) throws InferenceException, IOException {
        return alternate(pipeline, input, 1, split);
    }

    /**
     * One tiled prediction of the 1024 x 1024 input (9 blocks), then nine bare native calls; the times go to {@code
     * split}.
     *
     * @param split the time totals
     * @return the outputs
     * @throws InferenceException if the prediction fails
     * @throws IOException if the network rejects the input
     */
    @Benchmark
    public Map<String, Tensor> splitPredictTiled(Split split) throws InferenceException, IOException {
        return alternate(tiled, large, 9, split);
    }
}
