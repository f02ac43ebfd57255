/**
 * Prediction on Apache Spark clusters: {@link eu.riscale.modelhub.spark.SparkPredictor} predicts a {@code Dataset}
 * of samples (file paths or file bytes plus a sample id) with a model package, one loaded model per executor JVM, and
 * returns the outputs as rows or writes them as files; {@link
 * eu.riscale.modelhub.spark.SparkPredictor#predictTiled} splits one large sample into blocks with the model's halo,
 * predicts the blocks across the cluster and stitches them. {@link eu.riscale.modelhub.spark.ModelPackage} says how
 * executors find the package. See {@code docs/spark.md}.
 *
 * <p>This module has no {@code module-info}: Spark's jars have names that are not valid automatic module names
 * ({@code spark-sql_2.13}), so it runs on the class path, as Spark applications do.
 *
 * @see eu.riscale.modelhub.core.inference.PredictionPipeline
 * @see eu.riscale.modelhub.core.inference.TiledPrediction
 */
@NullMarked
package eu.riscale.modelhub.spark;

import org.jspecify.annotations.NullMarked;
