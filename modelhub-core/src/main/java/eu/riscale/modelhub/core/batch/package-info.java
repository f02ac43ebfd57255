/**
 * Predicting many samples: {@link eu.riscale.modelhub.core.batch.BatchPrediction} overlaps reading, prediction and
 * writing in a bounded pipeline (a fixed number of samples in memory whatever the number of inputs), records a
 * {@link eu.riscale.modelhub.core.batch.SampleFailure} per failed sample instead of stopping at the first, and reports
 * {@link eu.riscale.modelhub.core.batch.BatchProgress} after each sample. The {@code modelhub predict} command runs its
 * batch mode on it (see {@code docs/inference.md#batch-prediction}).
 *
 * @see eu.riscale.modelhub.core.inference.PredictionPipeline
 */
@NullMarked
package eu.riscale.modelhub.core.batch;

import org.jspecify.annotations.NullMarked;
