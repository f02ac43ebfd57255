package eu.riscale.modelhub.core.inference;

import eu.riscale.modelhub.spec.weights.WeightsFormat;
import java.util.List;
import java.util.function.IntSupplier;

/**
 * The default order in which a {@link PredictionPipeline} tries weights formats: the fastest first where the model
 * runs. It applies only when {@link PredictionOptions.Builder#weightsPriority(List)} was not set; a priority set
 * there (or {@code --weight-format} on the command line) always wins.
 *
 * <p>On a CPU, ONNX first: DJL's ONNX Runtime predicted the example model's 2048 x 2048 image in blocks of 512 about
 * 6.5x faster than DJL PyTorch running the TorchScript weights, with outputs equal within 3e-7 (see
 * docs/performance.md). On a GPU, TorchScript first: the ONNX Runtime build the SDK ships runs on the CPU only, while
 * PyTorch uses CUDA when a CUDA build of its natives is on the classpath.
 *
 * <pre>{@code
 * List<WeightsFormat> order = WeightsOrder.fastestFirst(WeightsOrder.Device.CPU); // [ONNX, TORCHSCRIPT]
 * }</pre>
 */
public final class WeightsOrder {
    /** Where a model runs. */
    public enum Device {
        /** The host processor. */
        CPU,
        /** The first GPU an engine reports. */
        GPU
    }

    private static final List<WeightsFormat> CPU_ORDER = List.of(WeightsFormat.ONNX, WeightsFormat.TORCHSCRIPT);
    private static final List<WeightsFormat> GPU_ORDER = List.of(WeightsFormat.TORCHSCRIPT, WeightsFormat.ONNX);

    private WeightsOrder() {}

    /**
     * The formats with a Java engine, the fastest on this kind of device first.
     *
     * @param device where the model runs
     * @return CPU: ONNX, TorchScript; GPU: TorchScript, ONNX
     */
    public static List<WeightsFormat> fastestFirst(Device device) {
        return device == Device.GPU ? GPU_ORDER : CPU_ORDER;
    }

    /**
     * Where a model runs: on a GPU only when one was asked for and the GPU engine reports one.
     *
     * @param gpuRequested {@link PredictionOptions#gpu()}
     * @param gpus counts the GPUs of the engine that runs on them; asked only when a GPU was requested
     * @return the device kind
     */
    static Device device(boolean gpuRequested, IntSupplier gpus) {
        return gpuRequested && gpus.getAsInt() > 0 ? Device.GPU : Device.CPU;
    }
}
