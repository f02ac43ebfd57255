package eu.riscale.modelhub.core.inference;

import static org.assertj.core.api.Assertions.assertThat;

import eu.riscale.modelhub.core.description.Descriptions;
import eu.riscale.modelhub.core.inference.internal.DjlRunner;
import eu.riscale.modelhub.core.inference.internal.NativeArray;
import eu.riscale.modelhub.core.inference.internal.NativeEngine;
import eu.riscale.modelhub.core.op.Processing;
import eu.riscale.modelhub.core.tensor.Npy;
import eu.riscale.modelhub.core.tensor.PadMode;
import eu.riscale.modelhub.core.tensor.Sample;
import eu.riscale.modelhub.core.tensor.Tensor;
import eu.riscale.modelhub.spec.Conformance;
import eu.riscale.modelhub.spec.ModelDescr;
import eu.riscale.modelhub.spec.config.ReproducibilityTolerance;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Tiled predictions: blocks with halo, reflect padding at borders, stitched inner regions. */
class TilingTest {
    private static final List<String> AXES = List.of("batch", "channel", "y", "x");

    /** A 2048x2048 image made of mirrored copies of the nuclei test input (real content, not noise). */
    private static Tensor bigNucleiImage(int size) throws Exception {
        Tensor tile = Npy.read(Conformance.model("unet2d_nuclei_broad").resolve("test_input.npy"), AXES);
        float[] src = tile.toFloatArray();
        float[] big = new float[size * size];
        for (int y = 0; y < size; y++) {
            int ty = (y / 512) % 2 == 0 ? y % 512 : 511 - y % 512;
            for (int x = 0; x < size; x++) {
                int tx = (x / 512) % 2 == 0 ? x % 512 : 511 - x % 512;
                big[y * size + x] = src[ty * 512 + tx];
            }
        }
        return Tensor.of(big, new int[] {1, 1, size, size}, AXES);
    }

    @Test
    void nucleiBlocksMatchRunningEachBlockAlone() throws Exception {
        Path dir = Conformance.model("unet2d_nuclei_broad");
        ModelDescr model = Descriptions.read(dir.resolve("bioimageio.yaml"));
        Tensor image = bigNucleiImage(2048);
        List<int[]> progress = new ArrayList<>();
        PredictionOptions options =
                PredictionOptions.of(b -> b.progress((done, total) -> progress.add(new int[] {done, total})));
        Tensor stitched;
        try (PredictionPipeline p = PredictionPipeline.create(model, dir, options)) {
            stitched = p.predict(Map.of("raw", image)).get("probability");
        }
        assertThat(stitched.shape()).containsExactly(1, 1, 2048, 2048);
        // fixed 512 blocks, halo 32: inner 448, ceil(2048 / 448) = 5 blocks per axis
        assertThat(progress).hasSize(25);
        assertThat(progress.get(24)).containsExactly(25, 25);

        // independently: normalise the whole image, reflect-pad it by the halo, cut 512 blocks, run the network
        Tensor norm = Processing.preprocessing(model)
                .apply(Sample.of(Map.of("raw", image)))
                .tensor("raw");
        Tensor padded = norm.pad("y", 32, 32, PadMode.REFLECT, 0).pad("x", 32, 32, PadMode.REFLECT, 0);
        // block starts along each axis: every 448 (the inner size), the last one shifted back to end at the border;
        // each block contributes [its start, the next block's start), the last one up to the border
        int[] starts = {0, 448, 896, 1344, 1600};
        float[] all = stitched.toFloatArray();
        try (DjlRunner runner = DjlRunner.load(dir.resolve("weights.pt"), NativeEngine.PYTORCH, false)) {
            for (int i = 0; i < starts.length; i++) {
                for (int j = 0; j < starts.length; j++) {
                    int by = starts[i];
                    int bx = starts[j];
                    int endY = i + 1 < starts.length ? starts[i + 1] : 2048;
                    int endX = j + 1 < starts.length ? starts[j + 1] : 2048;
                    Tensor block = padded.crop("y", by, by + 512).crop("x", bx, bx + 512);
                    NativeArray out = runner.predict(List.of(NativeTensors.toNative(block)))
                            .get(0);
                    float[] logits = NativeTensors.fromNative(out, AXES).toFloatArray();
                    double worst = 0;
                    String where = "";
                    for (int y = by; y < endY; y++) {
                        for (int x = bx; x < endX; x++) {
                            double expected = 1 / (1 + Math.exp(-logits[(y - by + 32) * 512 + x - bx + 32]));
                            double deviation = Math.abs(all[y * 2048 + x] - expected);
                            if (deviation > worst) {
                                worst = deviation;
                                where = "(" + y + ", " + x + ")";
                            }
                        }
                    }
                    assertThat(worst)
                            .as("block at (%d, %d): largest deviation at %s", by, bx, where)
                            .isLessThanOrEqualTo(1e-5);
                }
            }
        }
    }

    /** The multi-tensor package with a declared output halo on y and x (project-written variant). */
    static ModelDescr multiTensorWithHalo(int halo) throws Exception {
        String yaml = Files.readString(Conformance.model("unet2d_multi_tensor").resolve("bioimageio.yaml"))
                .replace("\r\n", "\n");
        String withHalo = yaml.replace(
                        "      - id: y\n        size:\n          axis_id: y",
                        "      - id: y\n        halo: " + halo + "\n        size:\n          axis_id: y")
                .replace(
                        "      - size:\n          axis_id: x",
                        "      - halo: " + halo + "\n        size:\n          axis_id: x");
        assertThat(withHalo).as("variant must differ").isNotEqualTo(yaml);
        return Descriptions.parse(withHalo);
    }

    private static Tensor noise(Random random, int h, int w) {
        float[] a = new float[h * w];
        for (int i = 0; i < a.length; i++) {
            a[i] = (float) (random.nextGaussian() + Math.sin(i * 0.01));
        }
        return Tensor.of(a, new int[] {1, 1, h, w}, AXES);
    }

    /**
     * Tiled equals one block covering the whole sample, for random sizes and block shapes. The one-block prediction is
     * the untiled reference: a plain untiled run differs at the sample's borders, where the network zero-pads instead
     * of seeing the reflect padding. Sizes, blocks and the halo are multiples of the model's step 16 so that the
     * blocks stay on the network's pooling grid (2^3 for its three poolings); off-grid blocks change the output of any
     * pooling network, in the reference as well. The halo 64 covers the network's receptive field (about 50 pixels).
     */
    @Test
    void multiTensorTiledEqualsOneBlock() throws Exception {
        int halo = 64;
        ModelDescr model = multiTensorWithHalo(halo);
        Path dir = Conformance.model("unet2d_multi_tensor");
        long seed = 20261123L;
        System.out.println("TilingTest.multiTensorTiledEqualsOneBlock seed " + seed);
        Random random = new Random(seed);
        for (int iteration = 0; iteration < 3; iteration++) {
            int h = 16 * (8 + random.nextInt(9));
            int w = 16 * (8 + random.nextInt(9));
            int by = 160 + 16 * random.nextInt(4);
            int bx = 160 + 16 * random.nextInt(4);
            Map<String, Tensor> in = Map.of("input0", noise(random, h, w), "input1", noise(random, h, w));
            // one block covering the whole sample (with the halo on every side) is the untiled reference
            int oneY = 32 + 16 * (int) Math.ceil((h + 2.0 * halo - 32) / 16);
            int oneX = 32 + 16 * (int) Math.ceil((w + 2.0 * halo - 32) / 16);
            Map<String, Tensor> tiled;
            Map<String, Tensor> whole;
            String what = "sample " + h + "x" + w + ", blocks " + by + "x" + bx + ", seed " + seed;
            try (PredictionPipeline p = PredictionPipeline.create(
                    model, dir, PredictionOptions.of(b -> b.tiling(Tiling.blockShape(Map.of("y", by, "x", bx)))))) {
                tiled = p.predict(in);
            }
            try (PredictionPipeline p = PredictionPipeline.create(
                    model, dir, PredictionOptions.of(b -> b.tiling(Tiling.blockShape(Map.of("y", oneY, "x", oneX)))))) {
                whole = p.predict(in);
            }
            for (String id : List.of("output0", "output1")) {
                assertThat(tiled.get(id).shape()).as(what).containsExactly(1, 1, h, w);
                Reproduction.assertClose(tiled.get(id), whole.get(id), ReproducibilityTolerance.DEFAULT);
            }
        }
    }
}
