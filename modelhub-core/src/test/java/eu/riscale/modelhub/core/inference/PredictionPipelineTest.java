package eu.riscale.modelhub.core.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.riscale.modelhub.core.description.Descriptions;
import eu.riscale.modelhub.core.tensor.Npy;
import eu.riscale.modelhub.core.tensor.Tensor;
import eu.riscale.modelhub.spec.Conformance;
import eu.riscale.modelhub.spec.ModelDescr;
import eu.riscale.modelhub.spec.weights.WeightsDescr;
import eu.riscale.modelhub.spec.weights.WeightsFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Input checks, weights selection, progress, cancellation and sharing of one pipeline. */
class PredictionPipelineTest {
    private static final List<String> AXES = List.of("batch", "channel", "y", "x");
    private static Path nucleiDir;
    private static ModelDescr nuclei;
    private static PredictionPipeline nucleiStrict;
    private static Path multiDir;
    private static ModelDescr multi;
    private static PredictionPipeline multiStrict;

    @BeforeAll
    static void load() throws Exception {
        nucleiDir = Conformance.model("unet2d_nuclei_broad");
        nuclei = Descriptions.read(nucleiDir.resolve("bioimageio.yaml"));
        nucleiStrict = PredictionPipeline.create(nuclei, nucleiDir, PredictionOptions.of(b -> b.tiling(Tiling.none())));
        multiDir = Conformance.model("unet2d_multi_tensor");
        multi = Descriptions.read(multiDir.resolve("bioimageio.yaml"));
        multiStrict = PredictionPipeline.create(multi, multiDir, PredictionOptions.of(b -> b.tiling(Tiling.none())));
    }

    @AfterAll
    static void close() {
        if (nucleiStrict != null) {
            nucleiStrict.close();
        }
        if (multiStrict != null) {
            multiStrict.close();
        }
    }

    private static Tensor zeros(int... shape) {
        return Tensor.zeros(eu.riscale.modelhub.spec.tensor.DType.FLOAT32, shape, AXES.subList(4 - shape.length, 4));
    }

    private static Tensor testInput() throws Exception {
        return Npy.read(nucleiDir.resolve("test_input.npy"), AXES);
    }

    @Test
    void axesInAnyOrderAndLeftOutSingletonsAreArranged() throws Exception {
        Tensor standard = testInput();
        Tensor yx = standard.removeAxis("batch").removeAxis("channel").transpose(List.of("x", "y"));
        Tensor expected = nucleiStrict.predict(Map.of("raw", standard)).get("probability");
        Tensor actual =
                nucleiStrict.predict(Map.of("raw", yx.insertAxis(0, "z"))).get("probability");
        assertThat(actual).isEqualTo(expected);
        assertThat(actual.axes()).isEqualTo(AXES);
    }

    @Test
    void unknownInputIsNamed() {
        assertThatThrownBy(() -> nucleiStrict.predict(Map.of("raw", zeros(512, 512), "mask", zeros(512, 512))))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("unknown input 'mask'; the model's inputs are [raw]");
    }

    @Test
    void missingInputIsNamed() {
        assertThatThrownBy(() -> multiStrict.predict(Map.of("input0", zeros(64, 64))))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("missing input 'input1'; the model needs [input0, input1] and was given [input0]")
                .extracting(e -> ((InvalidInputException) e).tensorId())
                .isEqualTo(java.util.Optional.of("input1"));
    }

    @Test
    void axisTheModelLacksIsNamed() {
        Tensor zyx = Tensor.zeros(
                eu.riscale.modelhub.spec.tensor.DType.FLOAT32, new int[] {3, 512, 512}, List.of("z", "y", "x"));
        assertThatThrownBy(() -> nucleiStrict.predict(Map.of("raw", zyx)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("input 'raw': axis 'z' (size 3) is not an axis of the model input; expected axes"
                        + " [batch, channel, y, x] in any order");
    }

    @Test
    void missingAxisIsNamed() {
        Tensor x = Tensor.zeros(eu.riscale.modelhub.spec.tensor.DType.FLOAT32, new int[] {512}, List.of("x"));
        assertThatThrownBy(() -> nucleiStrict.predict(Map.of("raw", x)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("input 'raw': missing axis 'y'; found axes [x], expected [batch, channel, y, x] in any"
                        + " order");
    }

    @Test
    void wrongChannelCountIsNamed() {
        assertThatThrownBy(() -> nucleiStrict.predict(Map.of("raw", zeros(1, 2, 512, 512))))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("input 'raw' axis 'channel': found 2 channels, expected 1 [raw_intensity]");
    }

    @Test
    void wrongFixedSizeIsNamedWithoutTiling() {
        assertThatThrownBy(() -> nucleiStrict.predict(Map.of("raw", zeros(1, 1, 500, 512))))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("input 'raw' axis 'y': found size 500, expected 512");
    }

    @Test
    void fixedBatchSizeIsChecked() {
        assertThatThrownBy(() -> nucleiStrict.predict(Map.of("raw", zeros(2, 1, 512, 512))))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("input 'raw' axis 'batch': found size 2, expected 1");
    }

    @Test
    void sizeOffTheParameterGridIsNamed() {
        assertThatThrownBy(() -> multiStrict.predict(Map.of("input0", zeros(100, 96), "input1", zeros(96, 96))))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("input 'input0' axis 'y': found size 100, expected min + n*step = 32 + n*16 (for example"
                        + " 96 or 112)");
    }

    @Test
    void blockSizeOffTheGridIsNamed() throws Exception {
        try (PredictionPipeline p = PredictionPipeline.create(
                multi, multiDir, PredictionOptions.of(b -> b.tiling(Tiling.blockShape(Map.of("x", 50)))))) {
            assertThatThrownBy(() -> p.predict(Map.of("input0", zeros(64, 64), "input1", zeros(64, 64))))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessage("block size of input 'input0' axis 'x': found 50, expected min + n*step = 32 + n*16"
                            + " (for example 48 or 64)");
        }
    }

    @Test
    void blockWithinTheHaloIsRejected() throws Exception {
        try (PredictionPipeline p = PredictionPipeline.create(
                TilingTest.multiTensorWithHalo(32),
                multiDir,
                PredictionOptions.of(b -> b.tiling(Tiling.sizeParameter(0))))) {
            assertThatThrownBy(() -> p.predict(Map.of("input0", zeros(96, 96), "input1", zeros(96, 96))))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessage("block size of input 'input0' axis 'y': found 32, which leaves no inner region inside"
                            + " the halo of 32 on each side; expected more than 64");
        }
    }

    @Test
    void dtypeTheNetworkRejectsIsExplained() throws Exception {
        String yaml = Files.readString(nucleiDir.resolve("bioimageio.yaml"));
        int pre = yaml.indexOf("    preprocessing:");
        int last = yaml.indexOf("dtype: float32", yaml.indexOf("zero_mean_unit_variance", pre));
        String uint8 = yaml.substring(0, last) + "dtype: uint8" + yaml.substring(last + "dtype: float32".length());
        ModelDescr variant = Descriptions.parse(uint8);
        try (PredictionPipeline p = PredictionPipeline.create(variant, nucleiDir, PredictionOptions.defaults())) {
            assertThatThrownBy(() -> p.predict(Map.of("raw", testInput())))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageStartingWith(
                            "the network rejected the inputs (raw: uint8 [1, 1, 512, 512] after preprocessing): ")
                    .hasMessageEndingWith("; input 'raw' reaches the network as uint8 after preprocessing"
                            + " (EnsureDtype[uint8]), most networks need float32: end its preprocessing with"
                            + " ensure_dtype float32");
        }
    }

    @Test
    void weightsWithoutJavaEngineAreListed() {
        ModelDescr stateDictOnly = nuclei.toBuilder()
                .weights(WeightsDescr.builder()
                        .pytorchStateDict(nuclei.weights().pytorchStateDict())
                        .build())
                .build();
        assertThatThrownBy(() -> PredictionPipeline.create(stateDictOnly, nucleiDir, PredictionOptions.defaults()))
                .isInstanceOf(UnsupportedWeightsException.class)
                .hasMessage("none of the weights of model 'UNet 2D Nuclei Broad' can run here: the description offers"
                        + " [pytorch_state_dict]; this SDK runs [torchscript, onnx]; tried in priority order"
                        + " [onnx, torchscript]: onnx: not in the description; torchscript: not in the description");
    }

    @Test
    void defaultsRunTheFastestFormatOfTheCpu() throws Exception {
        // no GPU here: asking for one falls back to the CPU and so to the CPU's order
        for (PredictionOptions options :
                List.of(PredictionOptions.defaults(), PredictionOptions.of(b -> b.gpu(true)))) {
            try (PredictionPipeline p = PredictionPipeline.create(nuclei, nucleiDir, options)) {
                assertThat(p.weightsFormat()).isEqualTo(WeightsFormat.ONNX);
                assertThat(p.device()).isEqualTo("cpu()");
            }
        }
        PredictionOptions forced = PredictionOptions.of(b -> b.weightsPriority(List.of(WeightsFormat.TORCHSCRIPT)));
        try (PredictionPipeline p = PredictionPipeline.create(nuclei, nucleiDir, forced)) {
            assertThat(p.weightsFormat()).isEqualTo(WeightsFormat.TORCHSCRIPT);
        }
    }

    @Test
    void priorityOrderIsFollowedAndFailuresReported() throws Exception {
        PredictionOptions tfFirst = PredictionOptions.of(b -> b.weightsPriority(List.of(
                WeightsFormat.TENSORFLOW_SAVED_MODEL_BUNDLE, WeightsFormat.PYTORCH_STATE_DICT, WeightsFormat.ONNX)));
        try (PredictionPipeline p = PredictionPipeline.create(nuclei, nucleiDir, tfFirst)) {
            assertThat(p.weightsFormat()).isEqualTo(WeightsFormat.ONNX);
            assertThat(p.engineName()).isEqualTo("OnnxRuntime");
        }
        assertThatThrownBy(() -> PredictionPipeline.create(
                        multi, multiDir, PredictionOptions.of(b -> b.weightsPriority(List.of(WeightsFormat.ONNX)))))
                .isInstanceOf(UnsupportedWeightsException.class)
                .hasMessageEndingWith("tried in priority order [onnx]: onnx: not in the description");
    }

    @Test
    void unreadableWeightsFallBackToTheNextFormat(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("weights.onnx"), "not a model");
        Files.copy(nucleiDir.resolve("weights.pt"), dir.resolve("weights.pt"));
        // the junk file does not match the declared sha256: only without the hash check does loading get to it
        PredictionOptions unverified = PredictionOptions.of(b -> b.verifyHashes(false));
        try (PredictionPipeline p = PredictionPipeline.create(nuclei, dir, unverified)) {
            assertThat(p.weightsFormat()).isEqualTo(WeightsFormat.TORCHSCRIPT);
            assertThat(p.skippedWeights())
                    .singleElement()
                    .asString()
                    .startsWith("onnx weights (cannot load weights.onnx with OnnxRuntime: ");
        }
        Files.delete(dir.resolve("weights.pt"));
        assertThatThrownBy(() -> PredictionPipeline.create(nuclei, dir, unverified))
                .isInstanceOf(UnsupportedWeightsException.class)
                .hasMessageContaining("onnx: cannot load weights.onnx with OnnxRuntime: ")
                .hasMessageContaining("torchscript: weights file not found: " + dir.resolve("weights.pt"));
    }

    @Test
    void weightsThatFailTheirSha256AreNeverLoaded(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        // the default order tries ONNX first on a CPU: a tampered ONNX file refuses, it does not fall back
        Files.writeString(dir.resolve("weights.onnx"), "not the pinned file");
        Files.copy(nucleiDir.resolve("weights.pt"), dir.resolve("weights.pt"));
        assertThatThrownBy(() -> PredictionPipeline.create(nuclei, dir, PredictionOptions.defaults()))
                .isInstanceOf(UnsupportedWeightsException.class)
                .hasMessageStartingWith("refusing to load the onnx weights of model '" + nuclei.name()
                        + "': sha256 mismatch for " + dir.resolve("weights.onnx") + ": expected "
                        + nuclei.weights().onnx().sha256())
                .hasMessageContaining("(--no-verify-hashes, or PredictionOptions.verifyHashes(false), runs it anyway)");
    }

    @Test
    void progressAndCancellation() throws Exception {
        Cancellation cancel = Cancellation.create();
        int[] seen = new int[2];
        PredictionOptions options =
                PredictionOptions.of(b -> b.cancellation(cancel).progress((done, total) -> {
                    seen[0] = done;
                    seen[1] = total;
                    if (done == 2) {
                        cancel.cancel();
                    }
                }));
        try (PredictionPipeline p = PredictionPipeline.create(nuclei, nucleiDir, options)) {
            // 1000 pixels with inner blocks of 448: 3 blocks per axis, 9 in all
            assertThatThrownBy(() -> p.predict(Map.of("raw", zeros(1000, 1000))))
                    .isInstanceOf(PredictionCancelledException.class)
                    .hasMessage("prediction cancelled after 2 of 9 blocks");
            assertThat(seen).containsExactly(2, 9);
            assertThatThrownBy(() -> p.predict(Map.of("raw", zeros(512, 512))))
                    .isInstanceOf(PredictionCancelledException.class)
                    .hasMessage("prediction cancelled after 0 of 1 blocks");
        }
    }

    @Test
    void onePipelineServesThreads() throws Exception {
        Tensor in = testInput();
        Tensor expected = nucleiStrict.predict(Map.of("raw", in)).get("probability");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Map<String, Tensor>>> futures = pool.invokeAll(List.of(
                    () -> nucleiStrict.predict(Map.of("raw", in)), () -> nucleiStrict.predict(Map.of("raw", in))));
            for (Future<Map<String, Tensor>> f : futures) {
                assertThat(f.get().get("probability")).isEqualTo(expected);
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void closedPipelineRefusesWork() throws Exception {
        PredictionPipeline p = PredictionPipeline.create(nuclei, nucleiDir, PredictionOptions.defaults());
        p.close();
        p.close();
        assertThatThrownBy(() -> p.predict(Map.of("raw", zeros(512, 512))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("pipeline is closed");
    }
}
