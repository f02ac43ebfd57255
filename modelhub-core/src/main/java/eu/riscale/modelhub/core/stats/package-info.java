/**
 * Statistics used by pre/postprocessing: {@link eu.riscale.modelhub.core.stats.Measure measures} (mean, var, std,
 * quantile over given axes, per sample or per dataset), their computed values ({@link
 * eu.riscale.modelhub.core.stats.Statistics}), per-sample computation ({@link
 * eu.riscale.modelhub.core.stats.SampleStatistics}) and running dataset statistics merged in float64 ({@link
 * eu.riscale.modelhub.core.stats.DatasetStatistics}), saved and loaded as JSON.
 *
 * @see eu.riscale.modelhub.core.op
 */
@NullMarked
package eu.riscale.modelhub.core.stats;

import org.jspecify.annotations.NullMarked;
