/**
 * JMH benchmarks of the SDK's hot paths: every pre/postprocessing op, the statistics behind them, {@code .npy} I/O, and
 * a plain array copy of the same tensor as the memory-bandwidth baseline. One class per op family, each with a
 * {@code shape} parameter (the 1x1x2048x2048, 1x3x2048x2048 and 1x1x64x1024x1024 float32 tensors) and, where
 * the op's speed depends on it, a {@code dtype} parameter. Inputs are random with a fixed seed, built once per trial.
 *
 * <p>Run with {@code java -jar modelhub-bench/target/benchmarks.jar}; {@code src/main/python/bench_numpy.py} times the
 * same computations with numpy, and {@code docs/performance.md} gives the method and the results. {@link
 * eu.riscale.modelhub.bench.LoadValidateBenchmark} measures load + validate throughput over the conformance corpus.
 */
@NullMarked
package eu.riscale.modelhub.bench;

import org.jspecify.annotations.NullMarked;
