package eu.riscale.modelhub.bench;

import org.openjdk.jmh.annotations.Fork;

/**
 * {@link ZeroMeanUnitVarianceBenchmark} on a JVM with {@code --add-modules jdk.incubator.vector}: mean and variance on float64
 * vector lanes (opt-in, see docs/performance.md).
 */
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms4g", "-Xmx4g", "--add-modules=jdk.incubator.vector"})
public class ZeroMeanUnitVarianceVectorBenchmark extends ZeroMeanUnitVarianceBenchmark {}
