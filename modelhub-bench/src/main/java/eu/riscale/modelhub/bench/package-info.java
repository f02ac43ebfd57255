/**
 * JMH benchmarks of modelhub: {@link eu.riscale.modelhub.bench.LoadValidateBenchmark} measures load + validate
 * throughput over the conformance corpus.
 */
@NullMarked
package eu.riscale.modelhub.bench;

import org.jspecify.annotations.NullMarked;
