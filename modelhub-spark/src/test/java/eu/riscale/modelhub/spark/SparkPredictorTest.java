package eu.riscale.modelhub.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import eu.riscale.modelhub.core.description.Descriptions;
import eu.riscale.modelhub.core.inference.PredictionOptions;
import eu.riscale.modelhub.core.inference.PredictionPipeline;
import eu.riscale.modelhub.core.inference.Tiling;
import eu.riscale.modelhub.core.tensor.Npy;
import eu.riscale.modelhub.core.tensor.Tensor;
import eu.riscale.modelhub.spec.Conformance;
import eu.riscale.modelhub.spec.ModelDescr;
import eu.riscale.modelhub.spec.weights.WeightsFormat;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The example package on a local[2] Spark: batches of samples, a large sample in blocks across tasks, files. */
class SparkPredictorTest {
    private static final List<String> AXES = List.of("batch", "channel", "y", "x");
    private static final List<WeightsFormat> ONNX = List.of(WeightsFormat.ONNX);

    @TempDir
    static Path tmp;

    private static SparkSession spark;
    private static Path example;
    private static ModelDescr model;
    /** The single-machine reference: the same description and weights, in this JVM, without Spark. */
    private static PredictionPipeline local;

    private static Path samples;
    private static Map<String, Tensor> images;

    @BeforeAll
    static void start() throws Exception {
        example = Conformance.buildRoot().resolve("examples/unet2d-nuclei");
        model = Descriptions.read(example.resolve("rdf.yaml"));
        local = PredictionPipeline.create(model, example, PredictionOptions.of(b -> b.weightsPriority(ONNX)));
        spark = SparkSession.builder()
                .master("local[2]")
                .appName("modelhub-spark-test")
                .config("spark.ui.enabled", "false")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.sql.shuffle.partitions", "2")
                .getOrCreate();
        samples = Files.createDirectories(tmp.resolve("samples"));
        images = new HashMap<>();
        Tensor input = Npy.read(example.resolve("test_input.npy"), AXES);
        float[] src = input.toFloatArray();
        // the test input itself, and variants of it: flipped along y, along x, brighter
        for (int v = 0; v < 4; v++) {
            float[] out = new float[512 * 512];
            for (int y = 0; y < 512; y++) {
                for (int x = 0; x < 512; x++) {
                    int sy = v == 1 ? 511 - y : y;
                    int sx = v == 2 ? 511 - x : x;
                    float value = src[sy * 512 + sx];
                    out[y * 512 + x] = v == 3 ? 2 * value + 100 : value;
                }
            }
            Tensor t = Tensor.of(out, new int[] {512, 512}, List.of("y", "x"));
            String id = "field_" + v;
            images.put(id, t);
            Npy.write(t, samples.resolve(id + ".npy"));
        }
    }

    @AfterAll
    static void stop() {
        if (spark != null) {
            spark.stop();
        }
        if (local != null) {
            local.close();
        }
        ExecutorModels.closeAll();
    }

    private static SparkPredictor shared() {
        return SparkPredictor.of(
                b -> b.modelPackage(ModelPackage.shared(example.toString())).weightsPriority(ONNX));
    }

    private static final Map<String, Tensor> EXPECTED = new HashMap<>();

    /** {@return the single-machine prediction of one sample, computed once} */
    private static Tensor expected(String sampleId) throws Exception {
        Tensor t = EXPECTED.get(sampleId);
        if (t == null) {
            t = local.predict(Map.of("raw", images.get(sampleId))).get("probability");
            EXPECTED.put(sampleId, t);
        }
        return t;
    }

    private static Dataset<Row> binaryFiles() {
        return spark.read().format("binaryFile").load(samples.toString()).repartition(2);
    }

    private static void assertClose(Tensor actual, Tensor expected, double tolerance) {
        assertThat(actual.shape()).containsExactly(expected.shape());
        assertThat(actual.axes()).isEqualTo(expected.axes());
        double[] a = actual.toDoubleArray();
        double[] e = expected.toDoubleArray();
        double max = 0;
        for (int i = 0; i < a.length; i++) {
            max = Math.max(max, Math.abs(a[i] - e[i]));
        }
        assertThat(max).isCloseTo(0, within(tolerance));
    }

    @Test
    void predictsABatchOfFilesWithOneModelPerExecutor() throws Exception {
        ExecutorModels.closeAll();
        int before = ExecutorModels.loads();
        SparkPredictor predictor = shared();
        List<Row> rows = predictor.predict(binaryFiles()).collectAsList();
        // a second action reuses the executor's model: nothing is loaded again
        long again = predictor
                .predict(binaryFiles().filter("path like '%field_1.npy'"))
                .count();

        assertThat(again).isEqualTo(1);
        assertThat(ExecutorModels.loads() - before).isEqualTo(1);
        assertThat(rows).hasSize(4);
        for (Row row : rows) {
            assertThat(row.<String>getAs("error")).isNull();
            assertThat(row.<String>getAs("output_id")).isEqualTo("probability");
            assertThat(row.<String>getAs("dtype")).isEqualTo("float32");
            assertThat(row.getList(row.fieldIndex("shape"))).containsExactly(1, 1, 512, 512);
            String id = row.getAs("sample_id");
            assertClose(SparkPredictor.tensor(row), expected(id), 1e-6);
        }
        // the unchanged test input reproduces the package's test output (the reference's tolerance)
        Row first = rows.stream()
                .filter(r -> r.getAs("sample_id").equals("field_0"))
                .findFirst()
                .orElseThrow();
        assertClose(SparkPredictor.tensor(first), Npy.read(example.resolve("test_output.npy"), AXES), 1e-4);
    }

    @Test
    void largeSampleInBlocksAcrossTasksEqualsTheSingleMachineTiledPrediction() throws Exception {
        // 900 x 600 from the test input mirrored at its borders: blocks of 512 with halo 32 (inner 448), 3 x 2 blocks
        float[] src = Npy.read(example.resolve("test_input.npy"), AXES).toFloatArray();
        int h = 900;
        int w = 600;
        float[] big = new float[h * w];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int sy = y < 512 ? y : 1022 - y;
                int sx = x < 512 ? x : 1022 - x;
                big[y * w + x] = src[sy * 512 + sx];
            }
        }
        Tensor image = Tensor.of(big, new int[] {h, w}, List.of("y", "x"));
        Map<String, Integer> blocks = Map.of("y", 512, "x", 512);
        Tensor expected;
        List<int[]> progress = new ArrayList<>();
        try (PredictionPipeline p = PredictionPipeline.create(
                model,
                example,
                PredictionOptions.of(b -> b.weightsPriority(ONNX)
                        .tiling(Tiling.blockShape(blocks))
                        .progress((done, total) -> progress.add(new int[] {done, total}))))) {
            expected = p.predict(Map.of("raw", image)).get("probability");
        }
        assertThat(progress).hasSize(6);

        SparkPredictor predictor = SparkPredictor.of(b -> b.modelPackage(ModelPackage.shared(example.toString()))
                .weightsPriority(ONNX)
                .blockShape(blocks));
        Tensor stitched = predictor.predictTiled(spark, Map.of("raw", image), 2).get("probability");

        assertThat(stitched.shape()).containsExactly(1, 1, 900, 600);
        assertClose(stitched, expected, 1e-6);
    }

    @Test
    void writesFilesSkipsDoneSamplesAndReportsBadOnes() throws Exception {
        Path bad = Files.writeString(tmp.resolve("broken.npy"), "not an npy file");
        StructType schema =
                new StructType().add("sample_id", DataTypes.StringType).add("raw", DataTypes.StringType);
        List<Row> list = List.of(
                RowFactory.create("a", samples.resolve("field_1.npy").toString()),
                RowFactory.create("b", samples.resolve("field_3.npy").toUri().toString()),
                RowFactory.create("c", bad.toString()));
        Dataset<Row> input = spark.createDataFrame(list, schema).repartition(2);
        Path out = tmp.resolve("out");
        String pattern = out + "/{sample_id}/{output_id}.npy";
        SparkPredictor predictor = shared();

        Map<String, Row> first = bySample(predictor.write(input, pattern, false).collectAsList());
        assertThat(first.get("a").<String>getAs("status")).isEqualTo("written");
        assertThat(first.get("b").<String>getAs("status")).isEqualTo("written");
        assertThat(first.get("c").<String>getAs("status")).isEqualTo("failed");
        assertThat(first.get("c").<String>getAs("error")).contains("input 'raw'", "broken.npy");
        assertThat(out.resolve("c")).doesNotExist();
        assertClose(Npy.read(out.resolve("a/probability.npy"), AXES), expected("field_1"), 1e-6);
        assertClose(Npy.read(out.resolve("b/probability.npy"), AXES), expected("field_3"), 1e-6);

        // a rerun skips what is done (the file is not touched) and retries what failed
        long modified =
                Files.getLastModifiedTime(out.resolve("a/probability.npy")).toMillis();
        Files.setLastModifiedTime(out.resolve("a/probability.npy"), java.nio.file.attribute.FileTime.fromMillis(1000));
        Map<String, Row> second =
                bySample(predictor.write(input, pattern, false).collectAsList());
        assertThat(second.get("a").<String>getAs("status")).isEqualTo("skipped");
        assertThat(second.get("b").<String>getAs("status")).isEqualTo("skipped");
        assertThat(second.get("c").<String>getAs("status")).isEqualTo("failed");
        assertThat(Files.getLastModifiedTime(out.resolve("a/probability.npy")).toMillis())
                .isEqualTo(1000)
                .isNotEqualTo(modified);
        Map<String, Row> third = bySample(predictor.write(input, pattern, true).collectAsList());
        assertThat(third.get("a").<String>getAs("status")).isEqualTo("written");
        assertThat(Files.getLastModifiedTime(out.resolve("a/probability.npy")).toMillis())
                .isNotEqualTo(1000);
    }

    private static Map<String, Row> bySample(List<Row> rows) {
        Map<String, Row> m = new HashMap<>();
        for (Row r : rows) {
            assertThat(m.put(r.getAs("sample_id"), r)).as("one row per sample").isNull();
        }
        return m;
    }

    @Test
    void zippedPackageShippedWithAddFile() throws Exception {
        Path zip = tmp.resolve("unet2d-nuclei.zip");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(zip));
                Stream<Path> files = Files.list(example)) {
            for (Path f : files.sorted().toList()) {
                z.putNextEntry(new ZipEntry(f.getFileName().toString()));
                Files.copy(f, (OutputStream) z);
                z.closeEntry();
            }
        }
        SparkPredictor predictor = SparkPredictor.of(
                b -> b.modelPackage(ModelPackage.distributed(spark, zip)).weightsPriority(ONNX));
        assertThat(predictor.modelPackage()).isEqualTo(ModelPackage.added("unet2d-nuclei.zip"));
        Dataset<Row> two = binaryFiles().filter("path like '%field_1.npy' or path like '%field_2.npy'");
        List<Row> rows = predictor.predict(two).collectAsList();
        assertThat(rows).hasSize(2);
        for (Row row : rows) {
            assertThat(row.<String>getAs("error")).isNull();
            assertClose(SparkPredictor.tensor(row), expected(row.getAs("sample_id")), 1e-6);
        }
    }

    @Test
    void misfitColumnsAndPatternsAreNamedBeforeAnythingRuns() throws IOException {
        SparkPredictor predictor = shared();
        Dataset<Row> noInput = spark.createDataFrame(
                List.of(RowFactory.create("a", 1)),
                new StructType().add("sample_id", DataTypes.StringType).add("image", DataTypes.IntegerType));
        assertThatThrownBy(() -> predictor.predict(noInput))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("samples: no column for input 'raw'; expected a column 'raw' (a path, or the file's bytes),"
                        + " 'content' (bytes) or 'path'; found columns [sample_id, image]");
        Dataset<Row> wrongType = spark.createDataFrame(
                List.of(RowFactory.create("a", 1)),
                new StructType().add("sample_id", DataTypes.StringType).add("raw", DataTypes.IntegerType));
        assertThatThrownBy(() -> predictor.predict(wrongType))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("samples: column 'raw' of input 'raw': found int, expected string (a path) or binary (the"
                        + " file's bytes)");
        assertThatThrownBy(() ->
                        predictor.write(binaryFiles(), tmp.resolve("x.npy").toString(), false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expected {sample_id} in it");
        assertThatThrownBy(() -> predictor.write(binaryFiles(), tmp + "/{sample_id}.jpg", false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expected it to end in .npy, .tif, .tiff or .png");
        assertThatThrownBy(() -> ModelPackage.distributed(spark, example))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expected a package zip file");
        assertThatThrownBy(() -> SparkPredictor.builder().build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("modelPackage is required");
    }

    @Test
    void predictFilesApplicationWritesAndResumes() {
        String pattern = tmp.resolve("app") + "/{sample_id}_{output_id}.tif";
        String[] args = {example.toString(), samples.toString(), pattern, "--weights", "onnx"};
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        assertThat(PredictFiles.run(
                        spark, args, new java.io.PrintStream(out, true), new java.io.PrintStream(err, true)))
                .isZero();
        assertThat(out.toString()).isEqualTo("4 files written, 0 skipped (already there), 0 failed\n");
        assertThat(tmp.resolve("app/field_0_probability.tif")).isRegularFile();
        out.reset();
        assertThat(PredictFiles.run(
                        spark, args, new java.io.PrintStream(out, true), new java.io.PrintStream(err, true)))
                .isZero();
        assertThat(out.toString()).isEqualTo("0 files written, 4 skipped (already there), 0 failed\n");
        String[] wrong = {example.toString(), samples.toString(), pattern, "--weights", "keras"};
        assertThat(PredictFiles.run(
                        spark, wrong, new java.io.PrintStream(out, true), new java.io.PrintStream(err, true)))
                .isEqualTo(2);
        assertThat(err.toString()).contains("--weights: found keras, expected onnx or torchscript");
    }

    @Test
    void hostileSampleIdsCannotLeaveTheOutputFolder() {
        Dataset<Row> input = spark.createDataFrame(
                List.of(RowFactory.create(
                        "../escape", samples.resolve("field_0.npy").toString())),
                new StructType().add("sample_id", DataTypes.StringType).add("raw", DataTypes.StringType));
        List<Row> rows = shared().write(input, tmp.resolve("safe") + "/{sample_id}.npy", false)
                .collectAsList();
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).<String>getAs("status")).isEqualTo("failed");
        assertThat(rows.get(0).<String>getAs("error"))
                .contains("file reference '../escape' (from sample_id) cannot be a file name");
        assertThat(tmp.resolve("escape.npy")).doesNotExist();
    }
}
