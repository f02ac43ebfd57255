package eu.riscale.modelhub.core.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.riscale.modelhub.core.description.Descriptions;
import eu.riscale.modelhub.core.tensor.Npy;
import eu.riscale.modelhub.core.tensor.Tensor;
import eu.riscale.modelhub.spec.Conformance;
import eu.riscale.modelhub.spec.ModelDescr;
import eu.riscale.modelhub.spec.weights.WeightsFormat;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Blocks stacked along the batch axis into one engine call give the outputs of one call per block, with as many
 * blocks per call as the memory budget and the description allow.
 */
class BlockBatchingTest {
    private static final List<String> AXES = List.of("batch", "channel", "y", "x");
    private static final long MIB = 1L << 20;

    /** The engine's float tolerance for a batch of blocks against one block per call (PyTorch and ONNX on CPU). */
    private static final double TOLERANCE = 1e-5;

    @TempDir
    Path tmp;

    private static Path example() {
        return Conformance.buildRoot().resolve("examples/unet2d-nuclei");
    }

    /**
     * The example with its batch axis left free (its rdf.yaml fixes it at 1 for the ONNX export) and only the named
     * weights entry, in a folder with copies of the example's files.
     */
    private Path freeBatchExample(String keepWeights) throws Exception {
        Path src = example();
        String yaml = Files.readString(src.resolve("rdf.yaml"), StandardCharsets.UTF_8);
        String fixed = "        size: 1 # the ONNX weights were exported with a fixed batch size\n";
        assertThat(yaml).contains(fixed);
        yaml = yaml.replace(fixed, "");
        int cut = yaml.indexOf("\nweights:\n") + 1;
        StringBuilder kept = new StringBuilder("weights:\n");
        boolean keep = false;
        for (String line : yaml.substring(cut).split("\n")) {
            if (line.startsWith("  ") && !line.startsWith("   ")) {
                keep = line.equals("  " + keepWeights + ":");
            }
            if (keep) {
                kept.append(line).append('\n');
            }
        }
        yaml = yaml.substring(0, cut) + kept;
        Path dir = Files.createDirectories(tmp.resolve("free-" + keepWeights));
        Files.writeString(dir.resolve("rdf.yaml"), yaml, StandardCharsets.UTF_8);
        for (String f :
                List.of("README.md", "cover.png", "test_input.npy", "test_output.npy", "weights.pt", "weights.onnx")) {
            Files.copy(src.resolve(f), dir.resolve(f));
        }
        return dir;
    }

    /** 600 x 700 from the example's test input mirrored at its borders: 2 x 2 blocks of 512 (halo 32). */
    private static Tensor image() throws Exception {
        Tensor t = Npy.read(example().resolve("test_input.npy"), AXES);
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

    /** Runs a tiled prediction through {@link BlockBatching} and records the batch size of each engine call. */
    private static Map<String, Tensor> batched(
            PredictionPipeline p, Map<String, Tensor> inputs, int max, long budget, List<Integer> calls)
            throws Exception {
        TiledPrediction t = p.tile(inputs);
        List<Integer> progress = new ArrayList<>();
        BlockBatching.run(
                t,
                in -> {
                    calls.add(in.values().iterator().next().size("batch"));
                    return p.predictBlock(in);
                },
                max,
                budget,
                new BlockBatching.Steps() {
                    @Override
                    public void before(int done, int total) {}

                    @Override
                    public void blockDone(int done, int total) {
                        progress.add(done);
                    }
                });
        List<Integer> expected = new ArrayList<>();
        for (int k = 1; k <= t.blockCount(); k++) {
            expected.add(k);
        }
        assertThat(progress).as("progress after each block").isEqualTo(expected);
        return t.finish();
    }

    private static double maxDiff(Tensor a, Tensor b) {
        assertThat(a.shape()).isEqualTo(b.shape());
        float[] x = a.toFloatArray();
        float[] y = b.toFloatArray();
        double max = 0;
        for (int i = 0; i < x.length; i++) {
            max = Math.max(max, Math.abs(x[i] - y[i]));
        }
        return max;
    }

    @Test
    void torchScriptBatchOfBlocksEqualsOneCallPerBlock() throws Exception {
        Path dir = freeBatchExample("torchscript");
        ModelDescr model = Descriptions.read(dir.resolve("rdf.yaml"));
        Map<String, Tensor> in = Map.of("raw", image());
        try (PredictionPipeline one = PredictionPipeline.create(
                        model,
                        dir,
                        PredictionOptions.of(b -> b.weightsPriority(List.of(WeightsFormat.TORCHSCRIPT))
                                .blockBatch(1)));
                PredictionPipeline many = PredictionPipeline.create(
                        model,
                        dir,
                        PredictionOptions.of(b -> b.weightsPriority(List.of(WeightsFormat.TORCHSCRIPT))
                                .blockBatch(3)))) {
            Tensor expected = one.predict(in).get("probability");
            List<Integer> calls = new ArrayList<>();
            // 4 blocks, 1 MiB in and 1 MiB out each: 64 MiB allows 16, the option 3
            Tensor got = batched(many, in, 3, PredictionOptions.DEFAULT_MEMORY_BUDGET, calls)
                    .get("probability");
            assertThat(calls).containsExactly(1, 3);
            assertThat(maxDiff(got, expected)).isLessThanOrEqualTo(TOLERANCE);
            // the pipeline's own predict batches the same way
            assertThat(maxDiff(many.predict(in).get("probability"), expected)).isLessThanOrEqualTo(TOLERANCE);
        }
    }

    @Test
    void theMemoryBudgetBoundsTheBatch() throws Exception {
        Path dir = freeBatchExample("torchscript");
        ModelDescr model = Descriptions.read(dir.resolve("rdf.yaml"));
        Map<String, Tensor> in = Map.of("raw", image());
        try (PredictionPipeline p = PredictionPipeline.create(
                model, dir, PredictionOptions.of(b -> b.weightsPriority(List.of(WeightsFormat.TORCHSCRIPT))))) {
            List<Integer> calls = new ArrayList<>();
            // a block is 1 MiB in and 1 MiB out; 2 * 2 MiB per block: 9 MiB holds 2 blocks per call
            batched(p, in, 8, 9 * MIB, calls);
            assertThat(calls).containsExactly(1, 2, 1);
            calls.clear();
            // below one block's share, still one block per call
            batched(p, in, 8, MIB, calls);
            assertThat(calls).containsExactly(1, 1, 1, 1);
        }
    }

    @Test
    void aFixedBatchAxisRunsOneBlockPerCall() throws Exception {
        Path dir = example();
        ModelDescr model = Descriptions.read(dir.resolve("rdf.yaml"));
        assertThat(BlockBatching.allowed(model, Set.of("raw"))).isFalse();
        try (PredictionPipeline p = PredictionPipeline.create(
                model, dir, PredictionOptions.of(b -> b.weightsPriority(List.of(WeightsFormat.ONNX))))) {
            List<Integer> calls = new ArrayList<>();
            batched(p, Map.of("raw", image()), 8, PredictionOptions.DEFAULT_MEMORY_BUDGET, calls);
            assertThat(calls).containsExactly(1, 1, 1, 1);
        }
    }

    @Test
    void weightsThatRefuseABatchFallBackToOneBlockPerCall() throws Exception {
        // the ONNX export takes batch 1 only, although this variant of the description leaves the batch free
        Path dir = freeBatchExample("onnx");
        ModelDescr model = Descriptions.read(dir.resolve("rdf.yaml"));
        assertThat(BlockBatching.allowed(model, Set.of("raw"))).isTrue();
        Map<String, Tensor> in = Map.of("raw", image());
        try (PredictionPipeline p = PredictionPipeline.create(
                        model, dir, PredictionOptions.of(b -> b.weightsPriority(List.of(WeightsFormat.ONNX))));
                PredictionPipeline one = PredictionPipeline.create(
                        model,
                        dir,
                        PredictionOptions.of(b ->
                                b.weightsPriority(List.of(WeightsFormat.ONNX)).blockBatch(1)))) {
            List<Integer> calls = new ArrayList<>();
            Tensor got = batched(p, in, 8, PredictionOptions.DEFAULT_MEMORY_BUDGET, calls)
                    .get("probability");
            assertThat(calls).containsExactly(1, 3, 1, 1, 1);
            assertThat(maxDiff(got, one.predict(in).get("probability"))).isZero();
        }
    }

    @Test
    void twoInputsWithFreeBatchAxesAreStackedAlike() throws Exception {
        Path dir = Conformance.model("unet2d_multi_tensor");
        ModelDescr model = Descriptions.read(dir.resolve("bioimageio.yaml"));
        assertThat(BlockBatching.allowed(model, Set.of("input0", "input1"))).isTrue();
        Random random = new Random(18);
        Map<String, Tensor> in = Map.of("input0", noise(random, 96, 112), "input1", noise(random, 96, 112));
        PredictionOptions options = PredictionOptions.of(b -> b.tiling(Tiling.blockShape(Map.of("y", 64, "x", 64))));
        try (PredictionPipeline p = PredictionPipeline.create(model, dir, options);
                PredictionPipeline one = PredictionPipeline.create(
                        model, dir, options.toBuilder().blockBatch(1).build())) {
            List<Integer> calls = new ArrayList<>();
            Map<String, Tensor> got = batched(p, in, 8, PredictionOptions.DEFAULT_MEMORY_BUDGET, calls);
            assertThat(calls).containsExactly(1, 3);
            Map<String, Tensor> expected = one.predict(in);
            for (String id : List.of("output0", "output1")) {
                assertThat(maxDiff(got.get(id), expected.get(id))).as(id).isLessThanOrEqualTo(TOLERANCE);
            }
        }
    }

    private static Tensor noise(Random random, int h, int w) {
        float[] v = new float[h * w];
        for (int i = 0; i < v.length; i++) {
            v[i] = random.nextFloat();
        }
        return Tensor.of(v, new int[] {1, 1, h, w}, AXES);
    }

    @Test
    void inputsWhoseBatchAxesDifferAreNotStacked() throws Exception {
        Path src = Conformance.model("unet2d_multi_tensor");
        String yaml = Files.readString(src.resolve("bioimageio.yaml"), StandardCharsets.UTF_8)
                .replace("\r\n", "\n");
        // input1's batch axis gets a fixed size: its first axis line is the second "- type: batch" of the file
        int first = yaml.indexOf("      - type: batch\n");
        int second = yaml.indexOf("      - type: batch\n", first + 1);
        String variant = yaml.substring(0, second) + "      - type: batch\n        size: 1\n"
                + yaml.substring(second + "      - type: batch\n".length());
        Path dir = Files.createDirectories(tmp.resolve("fixed-input1"));
        Files.writeString(dir.resolve("bioimageio.yaml"), variant, StandardCharsets.UTF_8);
        ModelDescr model = Descriptions.read(dir.resolve("bioimageio.yaml"));
        assertThat(model.inputs().get(1).axes().get(0))
                .isEqualTo(new eu.riscale.modelhub.spec.axis.BatchAxis("batch", "", 1));
        assertThat(BlockBatching.allowed(model, Set.of("input0", "input1"))).isFalse();
        // without the fixed input (were it optional) the free one alone could stack
        assertThat(BlockBatching.allowed(model, Set.of("input0"))).isTrue();
    }

    @Test
    void batchSizeFromTheBudget() {
        // 2 MiB in and out per block, times 2 for the engine: 4 MiB per block
        assertThat(BlockBatching.size(2 * MIB, 64 * MIB, 100)).isEqualTo(16);
        assertThat(BlockBatching.size(2 * MIB, 64 * MIB, 8)).isEqualTo(8);
        assertThat(BlockBatching.size(2 * MIB, 15 * MIB, 8)).isEqualTo(3);
        assertThat(BlockBatching.size(2 * MIB, 3 * MIB, 8)).isEqualTo(1);
        assertThat(BlockBatching.size(Long.MAX_VALUE, Long.MAX_VALUE, 8)).isEqualTo(1);
    }

    @Test
    void blockBatchMustBePositive() {
        assertThatThrownBy(() -> PredictionOptions.builder().blockBatch(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("blockBatch: found 0, expected 1 or more");
        assertThat(PredictionOptions.defaults().blockBatch()).isEqualTo(PredictionOptions.DEFAULT_BLOCK_BATCH);
        assertThat(PredictionOptions.defaults().toBuilder()
                        .blockBatch(3)
                        .build()
                        .blockBatch())
                .isEqualTo(3);
    }
}
