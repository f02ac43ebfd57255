package eu.riscale.modelhub.core.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.riscale.modelhub.core.description.DescriptionException;
import eu.riscale.modelhub.core.resource.ResourceSettings;
import eu.riscale.modelhub.core.tensor.Npy;
import eu.riscale.modelhub.core.tensor.Tensor;
import eu.riscale.modelhub.spec.Conformance;
import eu.riscale.modelhub.spec.config.ReproducibilityTolerance;
import eu.riscale.modelhub.spec.tensor.DType;
import eu.riscale.modelhub.spec.weights.WeightsFormat;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One-call loading of every source kind and format version, prediction from arrays and tensors, sharing. */
class LoadedModelTest {
    private static final List<String> AXES = List.of("batch", "channel", "y", "x");

    @TempDir
    Path temp;

    private ResourceSettings settings() {
        return ResourceSettings.builder()
                .cacheDir(temp.resolve("cache"))
                .offline(true)
                .build();
    }

    private static Path nuclei() {
        return Conformance.model("unet2d_nuclei_broad");
    }

    private static Tensor expected(Path folder) throws IOException {
        return Npy.read(folder.resolve("test_output.npy"), AXES);
    }

    @Test
    void format04DescriptionLoadsConvertedWithItsNotesAndReproducesTheTestOutput() throws Exception {
        Path v04 = nuclei().resolve("v0_4_9.bioimageio.yaml");
        try (LoadedModel model = LoadedModel.open(v04, PredictionOptions.defaults(), settings())) {
            assertThat(model.declaredFormatVersion()).isEqualTo("0.4.9");
            assertThat(model.converted()).isTrue();
            assertThat(model.description().formatVersion()).startsWith("0.5");
            assertThat(model.source()).endsWith("v0_4_9.bioimageio.yaml");
            Tensor out = model.predict(Npy.read(nuclei().resolve("test_input.npy"), AXES));
            Reproduction.assertClose(out, expected(nuclei()), ReproducibilityTolerance.DEFAULT);
        }
    }

    @Test
    void zipOfFormat05PredictsFromAJavaArrayWithEachEngine() throws Exception {
        Path example = Conformance.buildRoot().resolve("examples/unet2d-nuclei");
        Path zip = zip(example, temp.resolve("nuclei.zip"));
        float[] pixels = Npy.read(example.resolve("test_input.npy"), AXES).toFloatArray();
        for (WeightsFormat format : List.of(WeightsFormat.ONNX, WeightsFormat.TORCHSCRIPT)) {
            PredictionOptions options = PredictionOptions.of(b -> b.weightsPriority(List.of(format)));
            try (LoadedModel model = LoadedModel.open(zip, options, settings())) {
                assertThat(model.converted()).isFalse();
                assertThat(model.notes()).isEmpty();
                assertThat(model.weightsFormat()).isEqualTo(format);
                assertThat(model.root().location()).isEqualTo(zip.toString());
                Tensor out = model.predict(pixels, new int[] {512, 512}, List.of("y", "x"));
                Reproduction.assertClose(out, expected(example), ReproducibilityTolerance.DEFAULT);
            }
        }
    }

    @Test
    void folderAndTextSourcesOpenToo() throws Exception {
        try (LoadedModel model = LoadedModel.open(nuclei().toString(), PredictionOptions.defaults(), settings())) {
            assertThat(model.declaredFormatVersion()).isEqualTo("0.5.4");
            assertThat(model.source()).endsWith("bioimageio.yaml");
        }
    }

    @Test
    void tilingChosenPerCallOverridesTheOptions() throws Exception {
        Path folder = nuclei();
        List<Integer> totals = new ArrayList<>();
        PredictionOptions strict =
                PredictionOptions.of(b -> b.tiling(Tiling.none()).progress((done, total) -> totals.add(total)));
        try (LoadedModel model = LoadedModel.open(folder.resolve("bioimageio.yaml"), strict, settings())) {
            Tensor large = Tensor.zeros(DType.FLOAT32, new int[] {1024, 1024}, List.of("y", "x"));
            assertThatThrownBy(() -> model.predict(Map.of("raw", large)))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("1024");
            Tensor out = model.predict(Map.of("raw", large), Tiling.auto()).get("probability");
            assertThat(out.shape()).containsExactly(1, 1, 1024, 1024);
            assertThat(totals).isNotEmpty().allSatisfy(t -> assertThat(t).isGreaterThan(1));
        }
    }

    @Test
    void oneModelIsSharedByConcurrentPredictions() throws Exception {
        Path folder = nuclei();
        try (LoadedModel model = LoadedModel.open(folder, PredictionOptions.defaults(), settings())) {
            Tensor input = Npy.read(folder.resolve("test_input.npy"), AXES);
            Tensor first = model.predict(input);
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<Tensor>> futures = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    futures.add(pool.submit(() -> model.predict(input)));
                }
                for (Future<Tensor> f : futures) {
                    assertThat(f.get()).isEqualTo(first);
                }
            } finally {
                pool.shutdown();
            }
            Reproduction.assertClose(first, expected(folder), ReproducibilityTolerance.DEFAULT);
        }
    }

    @Test
    void singleTensorPredictionOnAModelWithSeveralInputsNamesThem() throws Exception {
        Path folder = Conformance.model("unet2d_multi_tensor");
        try (LoadedModel model = LoadedModel.open(folder, PredictionOptions.defaults(), settings())) {
            Tensor any = Tensor.zeros(DType.FLOAT32, new int[] {64, 64}, List.of("y", "x"));
            assertThatThrownBy(() -> model.predict(any))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("one input and one output")
                    .hasMessageContaining("use predict(Map)");
        }
    }

    @Test
    void closedModelRefusesPredictions() throws Exception {
        LoadedModel model = LoadedModel.open(nuclei(), PredictionOptions.defaults(), settings());
        model.close();
        model.close();
        assertThatThrownBy(() -> model.predict(new float[512 * 512], new int[] {512, 512}, List.of("y", "x")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
    }

    @Test
    void missingSourceAndInvalidDescriptionFailClearly() throws Exception {
        assertThatThrownBy(
                        () -> LoadedModel.open(temp.resolve("nothing.zip"), PredictionOptions.defaults(), settings()))
                .isInstanceOf(NoSuchFileException.class);
        Path broken = temp.resolve("broken");
        Files.createDirectories(broken);
        Files.writeString(broken.resolve("rdf.yaml"), "type: model\nformat_version: 0.4.9\nname: broken\n");
        assertThatThrownBy(() -> LoadedModel.open(broken, PredictionOptions.defaults(), settings()))
                .isInstanceOf(DescriptionException.class)
                .hasMessageContaining("rdf.yaml");
    }

    private static Path zip(Path folder, Path target) throws IOException {
        try (OutputStream out = Files.newOutputStream(target);
                ZipOutputStream zip = new ZipOutputStream(out);
                Stream<Path> files = Files.list(folder)) {
            for (Path f : files.sorted().toList()) {
                zip.putNextEntry(new ZipEntry(f.getFileName().toString()));
                Files.copy(f, zip);
                zip.closeEntry();
            }
        }
        return target;
    }
}
