package eu.riscale.modelhub.bench;

import org.openjdk.jmh.annotations.Fork;

/**
 * {@link SoftmaxBenchmark} on a JVM with {@code --add-modules jdk.incubator.vector}: the float32 kernel with SIMD {@code
 * exp} (opt-in, see docs/performance.md).
 */
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms4g", "-Xmx4g", "--add-modules=jdk.incubator.vector"})
public class SoftmaxVectorBenchmark extends SoftmaxBenchmark {}
