package eu.riscale.modelhub.spark;

import eu.riscale.modelhub.core.image.Images;
import eu.riscale.modelhub.core.inference.InferenceException;
import eu.riscale.modelhub.core.inference.PredictionOptions;
import eu.riscale.modelhub.core.inference.PredictionPipeline;
import eu.riscale.modelhub.core.inference.TiledPrediction;
import eu.riscale.modelhub.core.resource.AtomicFiles;
import eu.riscale.modelhub.core.tensor.Npy;
import eu.riscale.modelhub.core.tensor.Tensor;
import eu.riscale.modelhub.spec.ModelDescr;
import eu.riscale.modelhub.spec.tensor.OutputTensorDescr;
import eu.riscale.modelhub.spec.weights.WeightsFormat;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.function.Consumer;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.jspecify.annotations.Nullable;

/**
 * Predicts samples of a Spark {@code Dataset} with a model package, on the executors.
 *
 * <pre>{@code
 * SparkPredictor predictor = SparkPredictor.of(b -> b
 *         .modelPackage(ModelPackage.distributed(spark, Path.of("nuclei.zip")))
 *         .weightsPriority(List.of(WeightsFormat.ONNX)));
 * Dataset<Row> images = spark.read().format("binaryFile").load("/data/screen/*.tif"); // path, content, ...
 * Dataset<Row> outputs = predictor.predict(images);          // sample_id, output_id, axes, shape, dtype, npy, error
 * Dataset<Row> written = predictor.write(images, "/data/out/{sample_id}_{output_id}.npy", false);
 * }</pre>
 *
 * <p><b>Samples.</b> One row per sample. Each model input comes from a column named after its id, holding a path
 * (string; local or mounted storage, plain or {@code file:}) or the file's bytes (binary); a model with one input also
 * takes the column {@code content} (bytes, as Spark's {@code binaryFile} source gives) or {@code path}. Files are
 * {@code .npy} (dimensions take the input's axis ids in order; with fewer, its batch and single channel axes are left
 * out first), TIFF or PNG ({@code [z,] [channel,] y, x}). The sample id is the column {@code sample_id}, or else the
 * file name in {@code path} up to its first dot.
 *
 * <p><b>Executors.</b> Each executor JVM loads the model once, on the first task that needs it, and shares it across
 * its tasks and threads; it is closed when the JVM exits. Samples larger than the model's valid sizes, or than the
 * memory budget, are tiled inside their task; one sample too large for one task goes through {@link #predictTiled}.
 *
 * <p><b>Failures.</b> A sample that cannot be read or predicted gives a row with its {@code error} and no outputs; the
 * job goes on. A package that cannot be loaded fails the tasks with a {@link ModelLoadException}.
 *
 * <p>Immutable and serializable (it travels to the executors inside the tasks).
 */
public final class SparkPredictor implements Serializable {
    private static final long serialVersionUID = 1L;

    /**
     * The rows of {@link #predict}: {@code sample_id} string, {@code output_id} string, {@code axes} array of string,
     * {@code shape} array of int, {@code dtype} string ({@code float32}, ...), {@code npy} binary (the output as
     * {@code .npy} file bytes), {@code error} string (null on success; on failure the other columns but {@code
     * sample_id} are null).
     */
    public static final StructType OUTPUT_SCHEMA = new StructType()
            .add("sample_id", DataTypes.StringType, false)
            .add("output_id", DataTypes.StringType, true)
            .add("axes", DataTypes.createArrayType(DataTypes.StringType, false), true)
            .add("shape", DataTypes.createArrayType(DataTypes.IntegerType, false), true)
            .add("dtype", DataTypes.StringType, true)
            .add("npy", DataTypes.BinaryType, true)
            .add("error", DataTypes.StringType, true);

    /**
     * The rows of {@link #write}: {@code sample_id}, {@code output_id} (null when the sample failed before its
     * outputs were known), {@code path} (the file), {@code status} ({@code written}, {@code skipped} when all of the
     * sample's files existed, {@code failed}) and {@code error} (null unless failed).
     */
    public static final StructType WRITE_SCHEMA = new StructType()
            .add("sample_id", DataTypes.StringType, false)
            .add("output_id", DataTypes.StringType, true)
            .add("path", DataTypes.StringType, true)
            .add("status", DataTypes.StringType, false)
            .add("error", DataTypes.StringType, true);

    private final ModelPackage modelPackage;
    private final PipelineSettings settings;

    private SparkPredictor(Builder b) {
        this.modelPackage = b.modelPackage;
        this.settings = new PipelineSettings(b.weightsPriority, b.blockShape, b.memoryBudget, b.gpu);
    }

    /** {@return a builder} */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Builds a predictor in one expression.
     *
     * @param spec fills the builder
     * @return the predictor
     * @throws IllegalStateException when no package was given
     */
    public static SparkPredictor of(Consumer<Builder> spec) {
        Builder b = builder();
        spec.accept(b);
        return b.build();
    }

    /** {@return where executors find the package} */
    public ModelPackage modelPackage() {
        return modelPackage;
    }

    /** {@return the options each executor's pipeline is created with} */
    public PredictionOptions options() {
        return settings.options();
    }

    /**
     * Predicts every sample; lazy, like any Dataset transformation (nothing runs until an action).
     *
     * @param samples one row per sample (see the class documentation for the columns)
     * @return one row per sample and output ({@link #OUTPUT_SCHEMA}); one row with the error for a failed sample
     * @throws IllegalArgumentException when the columns do not fit the model, naming the column
     * @throws ModelLoadException when the driver cannot read the package's description
     */
    public Dataset<Row> predict(Dataset<Row> samples) {
        InputColumns columns = InputColumns.plan(samples.schema(), ExecutorModels.description(modelPackage));
        ModelPackage pkg = modelPackage;
        PipelineSettings s = settings;
        return samples.mapPartitions(
                (MapPartitionsFunction<Row, Row>)
                        rows -> new SampleRows(rows, row -> predictRows(pkg, s, columns, row)),
                Encoders.row(OUTPUT_SCHEMA));
    }

    /**
     * Predicts every sample and writes each output as a file on storage the executors share; lazy. Samples whose files
     * all exist are skipped unless {@code overwrite}, so a job that was interrupted resumes where it stopped. Files
     * are written to a temporary name and moved into place: a file that exists is complete.
     *
     * @param samples one row per sample (see the class documentation for the columns)
     * @param pattern the file of each output, with {@code {sample_id}} and {@code {output_id}}, ending in {@code .npy},
     *     {@code .tif}, {@code .tiff} or {@code .png}; for example {@code /data/out/{sample_id}/{output_id}.npy}
     * @param overwrite whether to predict and replace samples whose files exist
     * @return one row per sample and output ({@link #WRITE_SCHEMA})
     * @throws IllegalArgumentException when the pattern lacks {@code {sample_id}} or has another extension, or the
     *     columns do not fit the model
     * @throws ModelLoadException when the driver cannot read the package's description
     */
    public Dataset<Row> write(Dataset<Row> samples, String pattern, boolean overwrite) {
        ModelDescr model = ExecutorModels.description(modelPackage);
        OutputFiles files = OutputFiles.of(pattern, model.outputs().size());
        InputColumns columns = InputColumns.plan(samples.schema(), model);
        ModelPackage pkg = modelPackage;
        PipelineSettings s = settings;
        return samples.mapPartitions(
                (MapPartitionsFunction<Row, Row>)
                        rows -> new SampleRows(rows, row -> writeRows(pkg, s, columns, files, overwrite, row)),
                Encoders.row(WRITE_SCHEMA));
    }

    /**
     * Predicts one large sample across the cluster: the driver preprocesses it whole and splits it into blocks with
     * the model's halo (the predictor's tiling: its block shape, or blocks under the memory budget), executors run the
     * network on the blocks, and the driver stitches them and postprocesses. The result equals {@link
     * PredictionPipeline#predict} with the same tiling on one machine.
     *
     * <p>The driver holds the sample, its preprocessed copy, the blocks' inputs and outputs while they are in flight,
     * and the stitched outputs: give it about five times the sample's size in memory.
     *
     * @param spark the session
     * @param inputs tensors by input id, as {@link PredictionPipeline#predict} takes them
     * @param partitions how many tasks the blocks are spread over (at most one per block)
     * @return the outputs by output id
     * @throws InferenceException when the inputs do not fit the model, or a block fails (naming it)
     * @throws ModelLoadException when the driver or an executor cannot load the package
     */
    public Map<String, Tensor> predictTiled(SparkSession spark, Map<String, Tensor> inputs, int partitions)
            throws InferenceException {
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions: found " + partitions + ", expected 1 or more");
        }
        PredictionPipeline driver = ExecutorModels.pipeline(modelPackage, settings);
        TiledPrediction tiled = driver.tile(inputs);
        int n = tiled.blockCount();
        List<Block> blocks = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            blocks.add(Block.of(k, tiled.blockInputs(k)));
        }
        ModelPackage pkg = modelPackage;
        PipelineSettings s = settings;
        JavaRDD<Block> in =
                JavaSparkContext.fromSparkContext(spark.sparkContext()).parallelize(blocks, Math.min(partitions, n));
        blocks = null; // the RDD holds them now
        List<Block> out = in.map(b -> {
                    PredictionPipeline p = ExecutorModels.pipeline(pkg, s);
                    try {
                        return Block.of(b.index(), p.predictBlock(b.tensors()));
                    } catch (InferenceException e) {
                        return Block.failed(b.index(), e.getMessage());
                    }
                })
                .collect();
        for (Block b : out) {
            if (b.error() != null) {
                throw new InferenceException("block " + b.index() + " of " + n + ": " + b.error());
            }
            tiled.putBlockOutputs(b.index(), b.tensors());
        }
        return tiled.finish();
    }

    private static List<Row> predictRows(ModelPackage pkg, PipelineSettings s, InputColumns columns, Row row) {
        String id;
        try {
            id = SampleReader.sampleId(row, columns);
        } catch (IllegalArgumentException e) {
            return List.of(RowFactory.create("", null, null, null, null, null, e.getMessage()));
        }
        PredictionPipeline p = ExecutorModels.pipeline(pkg, s);
        try {
            Map<String, Tensor> out = p.predict(SampleReader.inputs(row, columns, p.model()));
            List<Row> rows = new ArrayList<>();
            for (Map.Entry<String, Tensor> e : out.entrySet()) {
                Tensor t = e.getValue();
                Integer[] shape = new Integer[t.ndim()];
                for (int i = 0; i < shape.length; i++) {
                    shape[i] = t.shape()[i];
                }
                rows.add(RowFactory.create(
                        id,
                        e.getKey(),
                        t.axes().toArray(new String[0]),
                        shape,
                        t.dtype().toString(),
                        Block.npy(t),
                        null));
            }
            return rows;
        } catch (IOException | InferenceException | RuntimeException e) {
            if (e instanceof ModelLoadException) {
                throw (ModelLoadException) e;
            }
            return List.of(RowFactory.create(id, null, null, null, null, null, message(e)));
        }
    }

    private static List<Row> writeRows(
            ModelPackage pkg, PipelineSettings s, InputColumns columns, OutputFiles files, boolean overwrite, Row row) {
        String id;
        try {
            id = SampleReader.sampleId(row, columns);
        } catch (IllegalArgumentException e) {
            return List.of(RowFactory.create("", null, null, "failed", e.getMessage()));
        }
        PredictionPipeline p = ExecutorModels.pipeline(pkg, s);
        Map<String, Path> targets = new LinkedHashMap<>();
        try {
            for (OutputTensorDescr o : p.model().outputs()) {
                targets.put(o.id(), files.file(id, o.id()));
            }
        } catch (IllegalArgumentException e) {
            return List.of(RowFactory.create(id, null, null, "failed", e.getMessage()));
        }
        List<Row> rows = new ArrayList<>();
        if (!overwrite && targets.values().stream().allMatch(Files::isRegularFile)) {
            targets.forEach((o, f) -> rows.add(RowFactory.create(id, o, f.toString(), "skipped", null)));
            return rows;
        }
        try {
            Map<String, Tensor> out = p.predict(SampleReader.inputs(row, columns, p.model()));
            for (Map.Entry<String, Path> e : targets.entrySet()) {
                Path f = e.getValue();
                Tensor t = out.get(e.getKey());
                Files.createDirectories(f.toAbsolutePath().getParent());
                if (files.npy()) {
                    AtomicFiles.write(f, stream -> Npy.write(t, stream));
                } else {
                    Images.write(t, f);
                }
                rows.add(RowFactory.create(id, e.getKey(), f.toString(), "written", null));
            }
            return rows;
        } catch (IOException | InferenceException | RuntimeException e) {
            if (e instanceof ModelLoadException) {
                throw (ModelLoadException) e;
            }
            rows.clear();
            targets.forEach((o, f) -> rows.add(RowFactory.create(id, o, f.toString(), "failed", message(e))));
            return rows;
        }
    }

    private static String message(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** Samples in, their rows out, one sample at a time (memory stays bounded whatever the partition's size). */
    private static final class SampleRows implements Iterator<Row> {
        private final Iterator<Row> samples;
        private final SerializableRows rowsOf;
        private final Deque<Row> pending = new ArrayDeque<>();

        SampleRows(Iterator<Row> samples, SerializableRows rowsOf) {
            this.samples = samples;
            this.rowsOf = rowsOf;
        }

        @Override
        public boolean hasNext() {
            while (pending.isEmpty() && samples.hasNext()) {
                pending.addAll(rowsOf.rows(samples.next()));
            }
            return !pending.isEmpty();
        }

        @Override
        public Row next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return pending.removeFirst();
        }
    }

    @FunctionalInterface
    private interface SerializableRows extends Serializable {
        List<Row> rows(Row sample);
    }

    /** One block's tensors as {@code .npy} bytes with their axes, or the error that stopped it. */
    record Block(
            int index,
            Map<String, byte[]> npy,
            Map<String, List<String>> axes,
            @Nullable String error) implements Serializable {
        private static final long serialVersionUID = 1L;

        static Block of(int index, Map<String, Tensor> tensors) {
            Map<String, byte[]> npy = new LinkedHashMap<>();
            Map<String, List<String>> axes = new LinkedHashMap<>();
            tensors.forEach((id, t) -> {
                npy.put(id, npy(t));
                axes.put(id, new ArrayList<>(t.axes()));
            });
            return new Block(index, npy, axes, null);
        }

        static Block failed(int index, @Nullable String error) {
            return new Block(index, new LinkedHashMap<>(), new LinkedHashMap<>(), Objects.toString(error, "failed"));
        }

        static byte[] npy(Tensor t) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try {
                Npy.write(t, out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return out.toByteArray();
        }

        Map<String, Tensor> tensors() {
            Map<String, Tensor> out = new LinkedHashMap<>();
            npy.forEach((id, bytes) -> {
                try {
                    out.put(id, Npy.read(new ByteArrayInputStream(bytes), id).withAxes(axes.get(id)));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            return out;
        }
    }

    /**
     * Decodes a row of {@link #OUTPUT_SCHEMA} into a tensor with its axes.
     *
     * @param row a row that {@link #predict} returned, without an error
     * @return the output tensor
     * @throws IllegalArgumentException when the row holds an error instead of an output
     * @throws IOException when its bytes are not a valid {@code .npy} file
     */
    public static Tensor tensor(Row row) throws IOException {
        String error = row.getAs("error");
        if (error != null) {
            throw new IllegalArgumentException("sample '" + row.getAs("sample_id") + "' failed: " + error);
        }
        byte[] npy = row.getAs("npy");
        List<String> axes = row.getList(row.fieldIndex("axes"));
        return Npy.read(new ByteArrayInputStream(npy), row.<String>getAs("output_id"))
                .withAxes(List.copyOf(axes));
    }

    /** Collects a predictor's settings. Not thread-safe. */
    public static final class Builder {
        private @Nullable ModelPackage modelPackage;
        private List<WeightsFormat> weightsPriority = List.of();
        private Map<String, Integer> blockShape = Map.of();
        private long memoryBudget = PredictionOptions.DEFAULT_MEMORY_BUDGET;
        private boolean gpu;

        private Builder() {}

        /**
         * Sets where executors find the package (required).
         *
         * @param modelPackage the package
         * @return this builder
         */
        public Builder modelPackage(ModelPackage modelPackage) {
            this.modelPackage = Objects.requireNonNull(modelPackage, "modelPackage");
            return this;
        }

        /**
         * Sets the weights formats to try, in order (default: the fastest first, as {@link PredictionOptions}).
         *
         * @param weightsPriority at least one format
         * @return this builder
         * @throws IllegalArgumentException when empty or with duplicates
         */
        public Builder weightsPriority(List<WeightsFormat> weightsPriority) {
            PredictionOptions.builder().weightsPriority(weightsPriority); // the same checks
            this.weightsPriority = List.copyOf(weightsPriority);
            return this;
        }

        /**
         * Sets explicit block sizes by axis id for tiled samples (default: automatic tiling under the memory budget).
         *
         * @param blockShape sizes by axis id, for example {@code {y=512, x=512}}
         * @return this builder
         * @throws IllegalArgumentException when a size is not positive
         */
        public Builder blockShape(Map<String, Integer> blockShape) {
            eu.riscale.modelhub.core.inference.Tiling.blockShape(blockShape); // the same checks
            this.blockShape = Map.copyOf(blockShape);
            return this;
        }

        /**
         * Sets the memory budget of automatic tiling.
         *
         * @param memoryBudget bytes of input elements per network call, positive
         * @return this builder
         * @throws IllegalArgumentException when not positive
         */
        public Builder memoryBudget(long memoryBudget) {
            PredictionOptions.builder().memoryBudget(memoryBudget); // the same checks
            this.memoryBudget = memoryBudget;
            return this;
        }

        /**
         * Sets whether executors use their first GPU when the engine reports one (default false).
         *
         * @param gpu true to prefer a GPU
         * @return this builder
         */
        public Builder gpu(boolean gpu) {
            this.gpu = gpu;
            return this;
        }

        /**
         * {@return the predictor}
         *
         * @throws IllegalStateException when no package was given
         */
        public SparkPredictor build() {
            if (modelPackage == null) {
                throw new IllegalStateException("modelPackage is required: ModelPackage.shared(path) or"
                        + " ModelPackage.distributed(spark, zip)");
            }
            return new SparkPredictor(this);
        }
    }
}
