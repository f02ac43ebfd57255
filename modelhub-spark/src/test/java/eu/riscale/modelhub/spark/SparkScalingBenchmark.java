package eu.riscale.modelhub.spark;

import eu.riscale.modelhub.core.tensor.Npy;
import eu.riscale.modelhub.core.tensor.Tensor;
import eu.riscale.modelhub.spec.weights.WeightsFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Throughput of {@link SparkPredictor#predict} on {@code local[1]} and {@code local[2]} (or the masters given): a batch
 * of 512 x 512 images through the example package, after one warm-up pass per session (the model load and JIT are
 * not counted). A plain main, not a test: run it by hand (docs/performance.md) and read the numbers with the machine's
 * load in mind.
 *
 * <p>Arguments: {@code [images (default 32)] [runs per master (default 3)] [weights: onnx|torchscript] [masters...]}.
 * The system property {@code modelhub.root} (default: the working directory) locates {@code examples/unet2d-nuclei}.
 */
public final class SparkScalingBenchmark {
    private SparkScalingBenchmark() {}

    /**
     * Runs the benchmark and prints one line per master and run, then a summary.
     *
     * @param args see the class documentation
     * @throws Exception when the example package or the images cannot be read or written
     */
    public static void main(String[] args) throws Exception {
        int images = args.length > 0 ? Integer.parseInt(args[0]) : 32;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        WeightsFormat format = args.length > 2 ? WeightsFormat.fromId(args[2]).orElseThrow() : WeightsFormat.ONNX;
        List<String> masters =
                args.length > 3 ? List.of(args).subList(3, args.length) : List.of("local[1]", "local[2]");
        Path root = Path.of(System.getProperty("modelhub.root", "")).toAbsolutePath();
        Path example = root.resolve("examples/unet2d-nuclei");
        Path dir = Files.createTempDirectory("modelhub-spark-bench");
        float[] src = Npy.read(example.resolve("test_input.npy")).toFloatArray();
        Random random = new Random(20261202);
        for (int i = 0; i < images; i++) {
            // the test input with a random gain, offset and flip: real content, different per image
            float gain = 0.5f + random.nextFloat();
            float offset = random.nextFloat() * 200;
            boolean flip = random.nextBoolean();
            float[] out = new float[512 * 512];
            for (int y = 0; y < 512; y++) {
                for (int x = 0; x < 512; x++) {
                    out[y * 512 + x] = gain * src[(flip ? 511 - y : y) * 512 + x] + offset;
                }
            }
            Npy.write(
                    Tensor.of(out, new int[] {512, 512}, List.of("y", "x")),
                    dir.resolve(String.format("img_%04d.npy", i)));
        }
        SparkPredictor predictor = SparkPredictor.of(
                b -> b.modelPackage(ModelPackage.shared(example.toString())).weightsPriority(List.of(format)));
        System.out.printf(
                Locale.ROOT,
                "%d images of 512x512 float32, %s weights, %d cores available, %d runs per master%n",
                images,
                format,
                Runtime.getRuntime().availableProcessors(),
                runs);
        List<double[]> rates = new ArrayList<>();
        for (String master : masters) {
            SparkSession spark = SparkSession.builder()
                    .master(master)
                    .appName("modelhub-spark-bench")
                    .config("spark.ui.enabled", "false")
                    .config("spark.driver.host", "127.0.0.1")
                    .config("spark.driver.bindAddress", "127.0.0.1")
                    .getOrCreate();
            try {
                int parallelism = spark.sparkContext().defaultParallelism();
                Dataset<Row> samples = spark.read()
                        .format("binaryFile")
                        .load(dir.toString())
                        .repartition(Math.max(parallelism, 1) * 4)
                        .cache();
                samples.count();
                predictor.predict(samples).foreach(r -> {}); // warm-up: model load, JIT
                double[] r = new double[runs];
                for (int run = 0; run < runs; run++) {
                    long t0 = System.nanoTime();
                    long failed = predictor
                            .predict(samples)
                            .filter("error is not null")
                            .count();
                    double s = (System.nanoTime() - t0) / 1e9;
                    if (failed > 0) {
                        throw new IllegalStateException(failed + " samples failed");
                    }
                    r[run] = images / s;
                    System.out.printf(Locale.ROOT, "%s run %d: %.2f s, %.2f images/s%n", master, run + 1, s, r[run]);
                }
                rates.add(r);
                Runtime rt = Runtime.getRuntime();
                System.out.printf(
                        Locale.ROOT,
                        "%s memory after the runs: resident %s MiB, heap used %d MiB of %d MiB%n",
                        master,
                        residentMiB(),
                        (rt.totalMemory() - rt.freeMemory()) >> 20,
                        rt.maxMemory() >> 20);
            } finally {
                spark.stop();
            }
        }
        for (int m = 0; m < masters.size(); m++) {
            double best = 0;
            double sum = 0;
            for (double v : rates.get(m)) {
                best = Math.max(best, v);
                sum += v;
            }
            System.out.printf(
                    Locale.ROOT,
                    "%s: mean %.2f images/s, best %.2f images/s, scaling vs %s (mean) %.2fx%n",
                    masters.get(m),
                    sum / runs,
                    best,
                    masters.get(0),
                    (sum / runs) / mean(rates.get(0)));
        }
        ExecutorModels.closeAll();
    }

    /** {@return the JVM process's resident set size from /proc (Linux), or "?"} */
    private static String residentMiB() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.toString(Long.parseLong(line.replaceAll("[^0-9]", "")) >> 10);
                }
            }
        } catch (java.io.IOException | NumberFormatException e) {
            // not Linux
        }
        return "?";
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }
}
