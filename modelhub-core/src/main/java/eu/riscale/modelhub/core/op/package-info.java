/**
 * The pre/postprocessing operations of format 0.5 with typed parameters ({@link eu.riscale.modelhub.core.op.Op} and
 * its implementations), and {@link eu.riscale.modelhub.core.op.ProcessingChain}, which applies a list of ops per tensor
 * to a {@link eu.riscale.modelhub.core.tensor.Sample} after computing the statistics the ops need on the raw sample.
 * Formulas, float semantics and NaN handling are documented in {@code docs/processing.md}.
 *
 * @see eu.riscale.modelhub.core.stats
 */
@NullMarked
package eu.riscale.modelhub.core.op;

import org.jspecify.annotations.NullMarked;
