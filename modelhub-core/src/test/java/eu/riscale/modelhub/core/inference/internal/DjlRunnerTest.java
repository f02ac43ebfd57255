package eu.riscale.modelhub.core.inference.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.riscale.modelhub.spec.Conformance;
import eu.riscale.modelhub.spec.tensor.DType;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DjlRunnerTest {
    private static NativeArray zeros(long... shape) {
        long n = 1;
        for (long s : shape) {
            n *= s;
        }
        return new NativeArray(
                DType.FLOAT32, shape, ByteBuffer.allocate((int) n * 4).order(ByteOrder.LITTLE_ENDIAN));
    }

    @Test
    void torchscriptRunsOfflineFromClasspathNatives() throws IOException {
        Path weights = Conformance.model("unet2d_nuclei_broad").resolve("weights.pt");
        try (DjlRunner runner = DjlRunner.load(weights, NativeEngine.PYTORCH, false)) {
            List<NativeArray> out = runner.predict(List.of(zeros(1, 1, 64, 64)));
            assertThat(out).hasSize(1);
            assertThat(out.get(0).shape()).containsExactly(1, 1, 64, 64);
            assertThat(out.get(0).dtype()).isEqualTo(DType.FLOAT32);
            assertThat(runner.device()).isEqualTo("cpu()");
        }
    }

    @Test
    void onnxRuns() throws IOException {
        Path weights = Conformance.model("unet2d_nuclei_broad").resolve("weights.onnx");
        try (DjlRunner runner = DjlRunner.load(weights, NativeEngine.ONNX_RUNTIME, false)) {
            List<NativeArray> out = runner.predict(List.of(zeros(1, 1, 512, 512)));
            assertThat(out.get(0).shape()).containsExactly(1, 1, 512, 512);
            assertThatThrownBy(() -> runner.predict(List.of(zeros(1, 1, 64, 64))))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("Got invalid dimensions for input")
                    .hasMessageContaining("index: 2 Got: 64 Expected: 512");
        }
    }

    @Test
    void wrongInputRankIsAnIOExceptionNamingTheEngine() throws IOException {
        Path weights = Conformance.model("unet2d_nuclei_broad").resolve("weights.pt");
        try (DjlRunner runner = DjlRunner.load(weights, NativeEngine.PYTORCH, false)) {
            assertThatThrownBy(() -> runner.predict(List.of(zeros(64, 64))))
                    .isInstanceOf(IOException.class)
                    .hasMessageStartingWith("inference failed in PyTorch: ");
        }
    }

    @Test
    void missingWeightsFileIsNamed(@TempDir Path dir) {
        assertThatThrownBy(() -> DjlRunner.load(dir.resolve("nope.pt"), NativeEngine.PYTORCH, false))
                .isInstanceOf(IOException.class)
                .hasMessage("weights file not found: " + dir.resolve("nope.pt"));
    }

    @Test
    void garbageWeightsAreACleanError(@TempDir Path dir) throws IOException {
        Path bad = Files.writeString(dir.resolve("bad.pt"), "not a model");
        assertThatThrownBy(() -> DjlRunner.load(bad, NativeEngine.PYTORCH, false))
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith("cannot load bad.pt with PyTorch: ");
    }

    @Test
    void bufferMustMatchShape() {
        assertThatThrownBy(() -> new NativeArray(DType.FLOAT32, new long[] {2, 2}, ByteBuffer.allocate(12)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("buffer of 12 bytes does not hold shape [2, 2] of float32");
    }

    @Test
    void onnxReadsHeapBuffersLikeDirectOnes() throws IOException {
        Path weights = Conformance.model("unet2d_nuclei_broad").resolve("weights.onnx");
        int n = 512 * 512;
        ByteBuffer heap = ByteBuffer.allocate(n * 4).order(ByteOrder.LITTLE_ENDIAN);
        ByteBuffer direct = ByteBuffer.allocateDirect(n * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < n; i++) {
            float v = (float) Math.sin(i * 0.001);
            heap.putFloat(v);
            direct.putFloat(v);
        }
        heap.flip();
        direct.flip();
        long[] shape = {1, 1, 512, 512};
        try (DjlRunner runner = DjlRunner.load(weights, NativeEngine.ONNX_RUNTIME, false)) {
            NativeArray fromHeap = runner.predict(List.of(new NativeArray(DType.FLOAT32, shape, heap)))
                    .get(0);
            NativeArray fromDirect = runner.predict(List.of(new NativeArray(DType.FLOAT32, shape, direct)))
                    .get(0);
            assertThat(fromHeap).isEqualTo(fromDirect);
            assertThat(Float.isNaN(fromHeap.data().getFloat(0))).isFalse();
        }
    }
}
