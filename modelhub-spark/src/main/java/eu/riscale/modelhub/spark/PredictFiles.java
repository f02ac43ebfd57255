package eu.riscale.modelhub.spark;

import eu.riscale.modelhub.spec.weights.WeightsFormat;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * A ready-made Spark application: predicts files with a model package and writes one file per sample and output.
 *
 * <pre>
 * spark-submit --class eu.riscale.modelhub.spark.PredictFiles app.jar \
 *     PACKAGE INPUTS OUTPUT_PATTERN [--weights onnx|torchscript] [--overwrite]
 * </pre>
 *
 * <p>{@code PACKAGE} is a package zip or folder on storage all executors mount, or {@code files:NAME} for a zip given
 * to {@code spark-submit --files}. {@code INPUTS} is anything Spark's {@code binaryFile} source loads (a folder, a glob
 * such as {@code /data/screen/*.tif}, an {@code hdfs:} or {@code s3a:} path). {@code OUTPUT_PATTERN} is a path on
 * shared storage with {@code {sample_id}} and {@code {output_id}}. It prints one line per failed sample and a summary,
 * and exits with 1 when a sample failed (the others are written), 2 for wrong arguments.
 */
public final class PredictFiles {
    private PredictFiles() {}

    /**
     * Runs the application on the session spark-submit configures, then stops it.
     *
     * @param args see the class documentation
     */
    public static void main(String[] args) {
        SparkSession spark = SparkSession.builder().appName("modelhub-predict").getOrCreate();
        int code;
        try {
            code = run(spark, args, System.out, System.err);
        } finally {
            spark.stop();
        }
        System.exit(code);
    }

    /**
     * Runs the prediction on a session.
     *
     * @param spark the session
     * @param args see the class documentation
     * @param out where the summary goes
     * @param err where failed samples and usage errors go
     * @return 0 when every sample was written or skipped, 1 when some failed, 2 for wrong arguments
     */
    static int run(SparkSession spark, String[] args, PrintStream out, PrintStream err) {
        List<String> positional = new ArrayList<>();
        List<WeightsFormat> weights = List.of();
        boolean overwrite = false;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--overwrite")) {
                overwrite = true;
            } else if (a.equals("--weights") && i + 1 < args.length) {
                String id = args[++i];
                WeightsFormat f = WeightsFormat.fromId(id).orElse(null);
                if (f == null) {
                    err.println("error: --weights: found " + id + ", expected onnx or torchscript");
                    return 2;
                }
                weights = List.of(f);
            } else if (a.startsWith("--")) {
                err.println("error: unknown option " + a);
                return 2;
            } else {
                positional.add(a);
            }
        }
        if (positional.size() != 3) {
            err.println("usage: PredictFiles PACKAGE INPUTS OUTPUT_PATTERN [--weights onnx|torchscript]"
                    + " [--overwrite]");
            return 2;
        }
        String source = positional.get(0);
        ModelPackage pkg;
        if (source.startsWith("files:")) {
            pkg = ModelPackage.added(source.substring("files:".length()));
        } else if (!Files.exists(Path.of(source))) {
            err.println("error: PACKAGE: " + source + " does not exist");
            return 2;
        } else {
            pkg = ModelPackage.shared(source);
        }
        List<WeightsFormat> priority = weights;
        SparkPredictor predictor = SparkPredictor.of(b -> {
            b.modelPackage(pkg);
            if (!priority.isEmpty()) {
                b.weightsPriority(priority);
            }
        });
        Dataset<Row> files = spark.read().format("binaryFile").load(positional.get(1));
        Dataset<Row> result;
        try {
            result = predictor.write(files, positional.get(2), overwrite).cache();
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return 2;
        }
        List<Row> failed = result.filter("status = 'failed'").collectAsList();
        long written = result.filter("status = 'written'").count();
        long skipped = result.filter("status = 'skipped'").count();
        for (Row r : failed) {
            err.println("failed: " + r.getAs("sample_id") + ": " + r.getAs("error"));
        }
        out.println(written + " files written, " + skipped + " skipped (already there), " + failed.size() + " failed");
        result.unpersist();
        return failed.isEmpty() ? 0 : 1;
    }
}
