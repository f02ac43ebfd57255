package eu.riscale.modelhub.core.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.riscale.modelhub.core.description.Descriptions;
import eu.riscale.modelhub.core.tensor.Npy;
import eu.riscale.modelhub.core.tensor.Tensor;
import eu.riscale.modelhub.spec.Conformance;
import eu.riscale.modelhub.spec.ModelDescr;
import eu.riscale.modelhub.spec.weights.WeightsFormat;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The tiled prediction taken apart into steps, as a cluster runs it: blocks in any order, on another pipeline. */
class TiledPredictionTest {
    private static final List<String> AXES = List.of("batch", "channel", "y", "x");
    private static ModelDescr model;
    private static Path dir;
    private static PredictionPipeline pipeline;

    @BeforeAll
    static void load() throws Exception {
        dir = Conformance.buildRoot().resolve("examples/unet2d-nuclei");
        model = Descriptions.read(dir.resolve("rdf.yaml"));
        pipeline = PredictionPipeline.create(
                model, dir, PredictionOptions.of(b -> b.weightsPriority(List.of(WeightsFormat.ONNX))));
    }

    @AfterAll
    static void close() {
        pipeline.close();
    }

    /** 600 x 700 cut from the 512 x 512 test input mirrored: 2 x 2 blocks of 512 (inner 448, halo 32). */
    private static Tensor image() throws Exception {
        Tensor t = Npy.read(dir.resolve("test_input.npy"), AXES);
        float[] src = t.toFloatArray();
        int h = 600;
        int w = 700;
        float[] out = new float[h * w];
        for (int y = 0; y < h; y++) {
            int sy = y < 512 ? y : 1022 - y;
            for (int x = 0; x < w; x++) {
                int sx = x < 512 ? x : 1022 - x;
                out[y * w + x] = src[sy * 512 + sx];
            }
        }
        return Tensor.of(out, new int[] {1, 1, h, w}, AXES);
    }

    @Test
    void blocksInAnyOrderGiveThePipelinesTiledPrediction() throws Exception {
        Tensor image = image();
        Tensor whole = pipeline.predict(Map.of("raw", image)).get("probability");

        TiledPrediction t = pipeline.tile(Map.of("raw", image));
        assertThat(t.blockCount()).isEqualTo(4);
        List<Integer> order = new ArrayList<>(List.of(0, 1, 2, 3));
        Collections.reverse(order);
        try (PredictionPipeline other = PredictionPipeline.create(
                model, dir, PredictionOptions.of(b -> b.weightsPriority(List.of(WeightsFormat.ONNX))))) {
            for (int k : order) {
                Map<String, Tensor> in = t.blockInputs(k);
                assertThat(in.get("raw").shape()).containsExactly(1, 1, 512, 512);
                t.putBlockOutputs(k, other.predictBlock(in));
            }
        }
        assertThat(t.blocksDone()).isEqualTo(4);
        Tensor stitched = t.finish().get("probability");
        assertThat(stitched.shape()).containsExactly(1, 1, 600, 700);
        float[] a = stitched.toFloatArray();
        float[] e = whole.toFloatArray();
        double max = 0;
        for (int i = 0; i < a.length; i++) {
            max = Math.max(max, Math.abs(a[i] - e[i]));
        }
        assertThat(max)
                .as("largest difference to the pipeline's own tiled prediction")
                .isLessThanOrEqualTo(1e-6);
    }

    @Test
    void finishNeedsEveryBlockOnce() throws Exception {
        TiledPrediction t = pipeline.tile(Map.of("raw", image()));
        Map<String, Tensor> out = pipeline.predictBlock(t.blockInputs(2));
        t.putBlockOutputs(2, out);
        assertThatThrownBy(() -> t.putBlockOutputs(2, out))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("block 2 was already put");
        assertThatThrownBy(t::finish)
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("finish: 3 of 4 blocks have no outputs yet, the first is block 0");
        assertThatThrownBy(() -> t.putBlockOutputs(4, out)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> t.putBlockOutputs(0, Map.of()))
                .isInstanceOf(InferenceException.class)
                .hasMessageContaining("output 'probability' is missing");
    }

    @Test
    void predictBlockTakesTheModelsAxesOnly() {
        Tensor yx = Tensor.of(new float[512 * 512], new int[] {512, 512}, List.of("y", "x"));
        assertThatThrownBy(() -> pipeline.predictBlock(Map.of("raw", yx)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("block of input 'raw': found axes [y, x], expected [batch, channel, y, x]");
        assertThatThrownBy(() -> pipeline.predictBlock(Map.of("nope", yx)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("unknown input 'nope'");
    }

    @Test
    void noTilingIsRefused() throws Exception {
        try (PredictionPipeline p = PredictionPipeline.create(
                model,
                dir,
                PredictionOptions.of(
                        b -> b.weightsPriority(List.of(WeightsFormat.ONNX)).tiling(Tiling.none())))) {
            assertThatThrownBy(() -> p.tile(Map.of("raw", image())))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("Tiling.none()");
        }
    }
}
