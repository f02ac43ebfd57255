package eu.riscale.modelhub.core.inference.internal;

import ai.djl.engine.Engine;
import java.io.IOException;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What the test API does to DJL's engines for reproducible outputs: seeding, and single-threaded execution where DJL
 * allows it. The settings used were checked against DJL 0.36's source: {@code PtEngine.newInstance} reads the system
 * properties {@code ai.djl.pytorch.num_threads} and {@code ai.djl.pytorch.num_interop_threads} once, when PyTorch
 * starts, and only switches cuDNN benchmarking on (never off) from {@code ai.djl.pytorch.cudnn_benchmark};
 * {@code OrtModel.load} takes {@code interOpNumThreads}, {@code intraOpNumThreads} and {@code executionMode} per
 * session; {@code PtEngine.setRandomSeed} also seeds PyTorch's generator.
 */
public final class EngineDeterminism {
    /** The seed, the reference's. */
    public static final int SEED = 0;

    private static final String PT_THREADS = "ai.djl.pytorch.num_threads";
    private static final String PT_INTEROP = "ai.djl.pytorch.num_interop_threads";
    private static final String PT_CUDNN_BENCHMARK = "ai.djl.pytorch.cudnn_benchmark";
    private static final Map<String, String> ORT_SESSION =
            Map.of("interOpNumThreads", "1", "intraOpNumThreads", "1", "executionMode", "SEQUENTIAL");
    private static final ThreadLocal<Boolean> SINGLE_THREADED = ThreadLocal.withInitial(() -> false);

    private EngineDeterminism() {}

    /**
     * Asks for one PyTorch thread of each kind, through the system properties DJL reads when PyTorch starts; a
     * property already set is left as it is. Has an effect only when PyTorch has not started in this JVM yet, which
     * {@link #pytorchThreads()} tells afterwards.
     */
    public static void requestSingleThreadedPyTorch() {
        if (System.getProperty(PT_THREADS) == null) {
            System.setProperty(PT_THREADS, "1");
        }
        if (System.getProperty(PT_INTEROP) == null) {
            System.setProperty(PT_INTEROP, "1");
        }
    }

    /** {@return whether cuDNN benchmarking was switched on through {@code ai.djl.pytorch.cudnn_benchmark}} */
    public static boolean cudnnBenchmark() {
        return Boolean.getBoolean(PT_CUDNN_BENCHMARK);
    }

    /**
     * Runs {@code load} with weights loaded on this thread single-threaded (OnnxRuntime sessions: one intra-op and
     * one inter-op thread, sequential execution) or not.
     *
     * @param singleThreaded whether to
     * @param load what loads the weights
     * @param <T> what it gives
     * @return what it gave
     * @throws IOException what it threw
     */
    public static <T> T loading(boolean singleThreaded, Load<T> load) throws IOException {
        boolean before = SINGLE_THREADED.get();
        SINGLE_THREADED.set(singleThreaded);
        try {
            return load.call();
        } finally {
            SINGLE_THREADED.set(before);
        }
    }

    /**
     * What {@link #loading} runs.
     *
     * @param <T> what it gives
     */
    @FunctionalInterface
    public interface Load<T> {
        /**
         * Runs.
         *
         * @return the result
         * @throws IOException on failure
         */
        T call() throws IOException;
    }

    /** {@return the session options for loading weights of an engine on this thread, {@code null} for DJL's} */
    static @Nullable Map<String, String> loadOptions(NativeEngine engine) {
        return SINGLE_THREADED.get() && engine == NativeEngine.ONNX_RUNTIME ? ORT_SESSION : null;
    }

    /**
     * Seeds an engine's random generators with {@link #SEED}.
     *
     * @param djlName DJL's name of the engine, for example {@code PyTorch}
     * @return whether an engine of that name was seeded
     */
    public static boolean seed(String djlName) {
        for (NativeEngine e : NativeEngine.values()) {
            if (e.djlName().equals(djlName)) {
                try {
                    Engine engine = e.engine();
                    engine.setRandomSeed(SEED);
                    return true;
                } catch (IllegalStateException notAvailable) {
                    return false;
                }
            }
        }
        return false;
    }

    /**
     * Reads the thread counts PyTorch runs with from DJL's PyTorch bindings (a class of the engine, which this module
     * does not compile against).
     *
     * @return {intra-op, inter-op}, empty when they cannot be read
     */
    public static Optional<int[]> pytorchThreads() {
        try {
            Class<?> jni = Class.forName("ai.djl.pytorch.jni.JniUtils");
            Method intra = jni.getMethod("getNumThreads");
            Method inter = jni.getMethod("getNumInteropThreads");
            return Optional.of(new int[] {(Integer) intra.invoke(null), (Integer) inter.invoke(null)});
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            return Optional.empty();
        }
    }
}
