package eu.riscale.modelhub.core.inference;

import static org.assertj.core.api.Assertions.assertThat;

import eu.riscale.modelhub.spec.weights.WeightsFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The device-aware default weights order and how options override it. */
class WeightsOrderTest {
    @Test
    void cpuPrefersOnnxAndGpuTorchscript() {
        assertThat(WeightsOrder.fastestFirst(WeightsOrder.Device.CPU))
                .containsExactly(WeightsFormat.ONNX, WeightsFormat.TORCHSCRIPT);
        assertThat(WeightsOrder.fastestFirst(WeightsOrder.Device.GPU))
                .containsExactly(WeightsFormat.TORCHSCRIPT, WeightsFormat.ONNX);
    }

    @Test
    void gpuOnlyWhenRequestedAndReported() {
        assertThat(WeightsOrder.device(false, () -> {
                    throw new AssertionError("the engine is not asked when no GPU was requested");
                }))
                .isEqualTo(WeightsOrder.Device.CPU);
        assertThat(WeightsOrder.device(true, () -> 0)).isEqualTo(WeightsOrder.Device.CPU);
        assertThat(WeightsOrder.device(true, () -> 2)).isEqualTo(WeightsOrder.Device.GPU);
    }

    @Test
    void optionsUseTheDeviceOrderUnlessAPriorityIsSet() {
        PredictionOptions defaults = PredictionOptions.defaults();
        assertThat(defaults.weightsPriorityIsSet()).isFalse();
        assertThat(defaults.weightsPriority()).containsExactly(WeightsFormat.ONNX, WeightsFormat.TORCHSCRIPT);
        PredictionOptions gpu = PredictionOptions.of(b -> b.gpu(true));
        assertThat(gpu.weightsPriority()).containsExactly(WeightsFormat.TORCHSCRIPT, WeightsFormat.ONNX);
        assertThat(gpu.toBuilder().gpu(false).build().weightsPriority())
                .as("the default stays a default through toBuilder")
                .containsExactly(WeightsFormat.ONNX, WeightsFormat.TORCHSCRIPT);
        PredictionOptions forced = PredictionOptions.of(b -> b.weightsPriority(List.of(WeightsFormat.TORCHSCRIPT)));
        assertThat(forced.weightsPriorityIsSet()).isTrue();
        assertThat(forced.toBuilder().gpu(true).build().weightsPriority()).containsExactly(WeightsFormat.TORCHSCRIPT);
    }
}
