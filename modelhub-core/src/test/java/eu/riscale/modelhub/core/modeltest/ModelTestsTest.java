package eu.riscale.modelhub.core.modeltest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.riscale.modelhub.core.inference.InferenceBackend;
import eu.riscale.modelhub.core.resource.ResourceRoot;
import eu.riscale.modelhub.core.resource.ResourceSettings;
import eu.riscale.modelhub.core.tensor.Npy;
import eu.riscale.modelhub.core.tensor.Tensor;
import eu.riscale.modelhub.spec.Conformance;
import eu.riscale.modelhub.spec.ModelDescr;
import eu.riscale.modelhub.spec.validation.Diagnostic;
import eu.riscale.modelhub.spec.weights.WeightsFormat;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelTestsTest {
    @TempDir
    Path tmp;

    private TestOptions options(InferenceBackend backend) {
        ResourceSettings offline = ResourceSettings.builder()
                .cacheDir(tmp.resolve("cache"))
                .offline(true)
                .build();
        return TestOptions.builder().resources(offline).backend(backend).build();
    }

    private static FakeBackend runs(WeightsFormat... formats) {
        return new FakeBackend(Set.of(formats), UnaryOperator.identity());
    }

    private static Path nuclei() {
        return Conformance.model("unet2d_nuclei_broad");
    }

    @Test
    void theEnginesAreAskedToStartBeforeTheFormatCheckRuns() throws IOException {
        FakeBackend backend = runs(WeightsFormat.ONNX);
        try (ResourceRoot root = ResourceRoot.open(nuclei(), options(backend).resources());
                ModelTestRun run = ModelTests.start("nuclei", root, options(backend))) {
            // nothing has run yet: the hint is every format this SDK runs, the description being still unread
            assertThat(backend.prepared).containsExactly(ModelTests.SDK_FORMATS);
            assertThat(run.next()).map(ModelTestRun.Check::check).contains(CheckKind.FORMAT);
        }
        FakeBackend forced = runs(WeightsFormat.ONNX);
        TestOptions onnxOnly = TestOptions.builder()
                .resources(options(forced).resources())
                .backend(forced)
                .weightsFormat(WeightsFormat.ONNX)
                .build();
        ModelTests.test(nuclei(), onnxOnly);
        assertThat(forced.prepared).containsExactly(Set.of(WeightsFormat.ONNX));
    }

    @Test
    void withoutInferenceTheFormatIsValidAndEveryWeightsFormatIsSkipped() throws IOException {
        TestSummary s = ModelTests.test(nuclei(), options(InferenceBackend.unavailable(ModelTests.NO_INFERENCE)));
        assertThat(s.status()).isEqualTo(SummaryStatus.VALID_FORMAT);
        assertThat(s.details())
                .extracting(d -> d.check().id() + " " + d.status().id() + " " + d.weightsFormat())
                .containsExactly(
                        "format passed null",
                        "io passed null",
                        // WeightsDescr.PRIORITY: torchscript, onnx, pytorch_state_dict, ...
                        "reproduce skipped torchscript",
                        "shapes skipped torchscript",
                        "reproduce skipped onnx",
                        "shapes skipped onnx",
                        "reproduce skipped pytorch_state_dict",
                        "shapes skipped pytorch_state_dict");
        assertThat(s.details().get(2).skipReason()).isEqualTo("inference not available");
    }

    @Test
    void reproducedOutputsPassAndFilesOfUntestedWeightsAreWarnings() throws IOException {
        FakeBackend backend = runs(WeightsFormat.TORCHSCRIPT, WeightsFormat.ONNX);
        TestSummary s = ModelTests.test(nuclei(), options(backend));
        assertThat(s.status()).isEqualTo(SummaryStatus.PASSED);
        TestDetail io = s.details().get(1);
        assertThat(io.status()).isEqualTo(DetailStatus.PASSED);
        // the remote state dict and the absent unet2d.py belong to the untested pytorch_state_dict entry
        assertThat(io.warnings())
                .extracting(Diagnostic::loc)
                .containsExactlyInAnyOrder(
                        "weights.pytorch_state_dict",
                        "weights.pytorch_state_dict.architecture",
                        "weights.pytorch_state_dict.dependencies",
                        "documentation"); // no "# Validation" section in its README
        assertThat(io.warnings().get(0).message()).startsWith("not checked: ");
        TestDetail reproduce = s.details().stream()
                .filter(d -> d.check() == CheckKind.REPRODUCE && d.weightsFormat() == WeightsFormat.ONNX)
                .findFirst()
                .orElseThrow();
        assertThat(reproduce.status()).isEqualTo(DetailStatus.PASSED);
        assertThat(reproduce.deviations()).singleElement().satisfies(d -> {
            assertThat(d.mismatched()).isZero();
            assertThat(d.elements()).isEqualTo(512 * 512);
        });
        // shapes: the batch axis of this model is fixed at 1 and no axis is parameterized: one case per format
        assertThat(s.details())
                .filteredOn(d -> d.check() == CheckKind.SHAPES && d.status() == DetailStatus.PASSED)
                .hasSize(2);
        assertThat(s.details())
                .filteredOn(d -> d.status() == DetailStatus.SKIPPED)
                .extracting(TestDetail::skipReason)
                .containsOnly("no engine for pytorch_state_dict here");
    }

    @Test
    void deviatingOutputsFailWithTheFigures() throws IOException {
        FakeBackend backend = new FakeBackend(Set.of(WeightsFormat.ONNX), ModelTestsTest::perturb);
        TestSummary s = ModelTests.test(
                nuclei(),
                options(backend).with(b -> b.weightsFormat(WeightsFormat.ONNX).saveOutputs(tmp.resolve("out"))));
        assertThat(s.status()).isEqualTo(SummaryStatus.VALID_FORMAT);
        TestDetail reproduce = s.details().get(2);
        assertThat(reproduce.check()).isEqualTo(CheckKind.REPRODUCE);
        assertThat(reproduce.status()).isEqualTo(DetailStatus.FAILED);
        Deviation d = reproduce.deviations().get(0);
        assertThat(d.mismatched()).isEqualTo(200);
        assertThat(d.maxAbsolute()).isEqualTo(0.5, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(d.maxAbsoluteIndex()).containsExactly(0, 0, 0, 199);
        assertThat(reproduce.errors()).singleElement().satisfies(m -> {
            assertThat(m.loc()).isEqualTo("outputs.0");
            assertThat(m.message())
                    .contains("200 of 262144 elements mismatched", "at {batch=0, channel=0, y=0, x=199}");
        });
        Tensor saved = Npy.read(tmp.resolve("out/actual_output_probability_onnx.npy"));
        assertThat(saved.shape()).containsExactly(1, 1, 512, 512);
        assertThat(saved.getDouble(0, 0, 0, 199))
                .isEqualTo(perturbedValue(), org.assertj.core.data.Offset.offset(1e-6));
    }

    private static double perturbedValue() {
        try {
            Tensor t = Npy.read(nuclei().resolve("test_output.npy"));
            return t.getDouble(0, 0, 0, 199) + 0.5;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Adds 0.5 to the first 200 elements, with growing amounts so the largest is at the 200th. */
    static Tensor perturb(Tensor t) {
        float[] data = t.toFloatArray();
        for (int i = 0; i < 200; i++) {
            data[i] += 0.3f + 0.2f * i / 199;
        }
        return Tensor.of(data, t.shape(), t.axes());
    }

    @Test
    void aChangedTestOutputFailsTheIoCheckAndTheSummary() throws IOException {
        Path copy = copyOf(nuclei());
        Tensor t = Npy.read(copy.resolve("test_output.npy"));
        Npy.write(perturb(t.withAxes(List.of("batch", "channel", "y", "x"))), copy.resolve("test_output.npy"));
        TestSummary s = ModelTests.test(copy, options(runs(WeightsFormat.ONNX)));
        assertThat(s.status()).isEqualTo(SummaryStatus.FAILED);
        assertThat(s.details().get(1).errors()).singleElement().satisfies(m -> {
            assertThat(m.loc()).isEqualTo("outputs.0.test_tensor.sha256");
            assertThat(m.message()).contains("39925fb3");
        });
    }

    @Test
    void aMissingWeightsFileOfAFormatTheSdkRunsIsAnErrorEvenWhenItIsNotRun() throws IOException {
        Path copy = copyOf(nuclei());
        Files.delete(copy.resolve("weights.onnx"));
        TestSummary s = ModelTests.test(copy, options(runs(WeightsFormat.TORCHSCRIPT)));
        assertThat(s.status()).isEqualTo(SummaryStatus.FAILED);
        assertThat(s.details().get(1).errors())
                .extracting(Diagnostic::describe)
                .singleElement()
                .asString()
                .startsWith("weights.onnx: file 'weights.onnx' not found");
    }

    @Test
    void filesOfAnUntestedFormatAreCheckedWhenThatFormatIsAskedFor() throws IOException {
        TestSummary s = ModelTests.test(
                Conformance.model("unet2d_multi_tensor"),
                options(InferenceBackend.unavailable("none"))
                        .with(b -> b.weightsFormat(WeightsFormat.PYTORCH_STATE_DICT)));
        assertThat(s.status()).isEqualTo(SummaryStatus.FAILED);
        assertThat(s.details().get(1).errors())
                .extracting(Diagnostic::loc)
                .containsExactly("weights.pytorch_state_dict.architecture");
    }

    @Test
    void weightsThatCannotBeLoadedFailTheirReproduceCheckAndTheOthersStillRun() throws IOException {
        FakeBackend torchscriptOnly = runs(WeightsFormat.TORCHSCRIPT, WeightsFormat.ONNX);
        InferenceBackend failingOnnx = new InferenceBackend() {
            @Override
            public Optional<String> unavailableReason(ModelDescr model, WeightsFormat format) {
                return torchscriptOnly.unavailableReason(model, format);
            }

            @Override
            public Session open(ModelDescr model, ResourceRoot root, WeightsFormat format) throws IOException {
                if (format == WeightsFormat.ONNX) {
                    throw new IOException("not an ONNX model");
                }
                return torchscriptOnly.open(model, root, format);
            }
        };
        TestSummary s = ModelTests.test(nuclei(), options(failingOnnx));
        assertThat(s.status()).isEqualTo(SummaryStatus.VALID_FORMAT);
        List<TestDetail> onnx = s.details().stream()
                .filter(d -> d.weightsFormat() == WeightsFormat.ONNX)
                .toList();
        assertThat(onnx).extracting(TestDetail::check).containsExactly(CheckKind.REPRODUCE, CheckKind.SHAPES);
        assertThat(onnx.get(0).errors())
                .extracting(Diagnostic::describe)
                .containsExactly("weights.onnx: cannot load the weights: not an ONNX model");
        // every planned check has its detail (one dynamic test each): the shapes check says why it did not run
        assertThat(onnx.get(1).skipReason()).isEqualTo("the weights could not be loaded");
        assertThat(s.details())
                .filteredOn(d -> d.weightsFormat() == WeightsFormat.TORCHSCRIPT)
                .extracting(TestDetail::status)
                .containsExactly(DetailStatus.PASSED, DetailStatus.PASSED);
    }

    @Test
    void aMissingCoverIsAnError() throws IOException {
        Path copy = copyOf(nuclei());
        Files.delete(copy.resolve("cover0.png"));
        TestSummary s = ModelTests.test(copy, options(runs(WeightsFormat.ONNX)));
        assertThat(s.status()).isEqualTo(SummaryStatus.FAILED);
        assertThat(s.details().get(1).errors()).extracting(Diagnostic::loc).containsExactly("covers.0");
    }

    @Test
    void brokenYamlFailsTheFormatCheckWithTheLine() throws IOException {
        Path copy = copyOf(nuclei());
        Path yaml = copy.resolve("bioimageio.yaml");
        Files.writeString(yaml, Files.readString(yaml).replace("name: UNet 2D Nuclei Broad", "name: [unclosed"));
        TestSummary s = ModelTests.test(copy, options(runs(WeightsFormat.ONNX)));
        assertThat(s.status()).isEqualTo(SummaryStatus.FAILED);
        assertThat(s.details()).singleElement().satisfies(d -> {
            assertThat(d.check()).isEqualTo(CheckKind.FORMAT);
            assertThat(d.errors().get(0).message()).contains("bioimageio.yaml line ");
        });
    }

    @Test
    void invalidDescriptionFailsWithTheFieldPath() throws IOException {
        Path copy = copyOf(nuclei());
        Path yaml = copy.resolve("bioimageio.yaml");
        Files.writeString(yaml, Files.readString(yaml).replace("tensor_id: raw", "tensor_id: nope"));
        TestSummary s = ModelTests.test(copy, options(runs(WeightsFormat.ONNX)));
        assertThat(s.status()).isEqualTo(SummaryStatus.FAILED);
        assertThat(s.details().get(0).errors())
                .extracting(Diagnostic::describe)
                .anySatisfy(m -> assertThat(m).startsWith("outputs.0.").contains("nope"));
    }

    @Test
    void legacyDescriptionsAreConvertedAndTested() throws IOException {
        TestSummary s =
                ModelTests.test(nuclei().resolve("v0_4_9.bioimageio.yaml"), options(runs(WeightsFormat.TORCHSCRIPT)));
        assertThat(s.formatVersion()).isEqualTo("0.4.9");
        assertThat(s.details().get(0).status()).isEqualTo(DetailStatus.PASSED);
        assertThat(s.status()).isEqualTo(SummaryStatus.PASSED);
    }

    @Test
    void theBlockwiseCheckComparesBlocksWithTheWholeSampleWithinTheTolerance() throws IOException {
        Path multi = Conformance.model("unet2d_multi_tensor");
        FakeBackend same = runs(WeightsFormat.TORCHSCRIPT);
        same.blockChange = UnaryOperator.identity();
        TestSummary s = ModelTests.test(
                multi,
                options(same)
                        .with(b -> b.weightsFormat(WeightsFormat.TORCHSCRIPT).blockwiseCheck(true)));
        TestDetail blockwise = s.details().stream()
                .filter(d -> d.check() == CheckKind.BLOCKWISE)
                .findFirst()
                .orElseThrow();
        assertThat(blockwise.status()).as(blockwise.toString()).isEqualTo(DetailStatus.PASSED);
        assertThat(blockwise.deviations()).hasSize(2); // one per output
        assertThat(same.blockwiseSizeParameter).isEqualTo(10);
        assertThat(s.status()).isEqualTo(SummaryStatus.PASSED);

        // 200 elements off by 0.3 or more in a 4-dimensional output: beyond 100 per million, block artifacts
        FakeBackend artifacts = runs(WeightsFormat.TORCHSCRIPT);
        artifacts.blockChange = ModelTestsTest::perturb;
        s = ModelTests.test(
                multi,
                options(artifacts)
                        .with(b -> b.weightsFormat(WeightsFormat.TORCHSCRIPT).blockwiseCheck(true)));
        blockwise = s.details().stream()
                .filter(d -> d.check() == CheckKind.BLOCKWISE)
                .findFirst()
                .orElseThrow();
        assertThat(blockwise.status()).isEqualTo(DetailStatus.FAILED);
        assertThat(blockwise.errors().get(0).message())
                .startsWith("blockwise vs whole-sample output ")
                .contains("200 of ", "block artifacts");
        assertThat(s.status()).isEqualTo(SummaryStatus.VALID_FORMAT);
    }

    @Test
    void theBlockwiseCheckIsSkippedForFixedSizesAndBackendsWithoutBlocks() throws IOException {
        FakeBackend backend = runs(WeightsFormat.ONNX);
        TestSummary fixed = ModelTests.test(
                nuclei(),
                options(backend).with(b -> b.weightsFormat(WeightsFormat.ONNX).blockwiseCheck(true)));
        assertThat(fixed.details())
                .filteredOn(d -> d.check() == CheckKind.BLOCKWISE)
                .singleElement()
                .satisfies(d -> assertThat(d.skipReason()).startsWith("no input axis is parameterized"));
        TestSummary noBlocks = ModelTests.test(
                Conformance.model("unet2d_multi_tensor"),
                options(runs(WeightsFormat.TORCHSCRIPT))
                        .with(b -> b.weightsFormat(WeightsFormat.TORCHSCRIPT).blockwiseCheck(true)));
        assertThat(noBlocks.details())
                .filteredOn(d -> d.check() == CheckKind.BLOCKWISE)
                .singleElement()
                .satisfies(
                        d -> assertThat(d.skipReason()).isEqualTo("this inference backend does not predict in blocks"));
        // off by default
        assertThat(ModelTests.test(nuclei(), options(backend)).details())
                .noneMatch(d -> d.check() == CheckKind.BLOCKWISE);
    }

    @Test
    void anUnreadableSourceHasAFailedSummaryWithTheBaseEnvironment() {
        TestSummary s = TestSummary.unreadable("nowhere/rdf.yaml", "no such file or folder: nowhere/rdf.yaml");
        assertThat(s.status()).isEqualTo(SummaryStatus.FAILED);
        assertThat(s.details()).singleElement().satisfies(d -> {
            assertThat(d.check()).isEqualTo(CheckKind.FORMAT);
            assertThat(d.errors())
                    .extracting(Diagnostic::message)
                    .containsExactly("cannot read nowhere/rdf.yaml: no such file or folder: nowhere/rdf.yaml");
        });
        assertThat(s.env()).extracting(EnvironmentEntry::name).containsExactly(EnvironmentEntry.SDK, "java", "os");
        assertThat(s.env().get(1).version()).isEqualTo(System.getProperty("java.version"));
    }

    @Test
    void aMissingSourceIsAnIoException() {
        assertThatThrownBy(() -> ModelTests.test(tmp.resolve("nothing-here"), options(runs())))
                .isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void anAskedForFormatThatIsAbsentFails() throws IOException {
        TestSummary s = ModelTests.test(
                Conformance.model("unet2d_multi_tensor"),
                options(runs()).with(b -> b.weightsFormat(WeightsFormat.ONNX)));
        assertThat(s.status()).isEqualTo(SummaryStatus.FAILED);
        assertThat(s.details().get(1).errors().get(0).message()).isEqualTo("no onnx weights entry");
    }

    @Test
    void multiTensorPackageWithoutItsArchitectureFileIsValid() throws IOException {
        TestSummary s = ModelTests.test(
                Conformance.model("unet2d_multi_tensor"), options(InferenceBackend.unavailable("none")));
        assertThat(s.details().get(1).status()).isEqualTo(DetailStatus.PASSED);
        assertThat(s.status()).isEqualTo(SummaryStatus.VALID_FORMAT);
    }

    private Path copyOf(Path dir) throws IOException {
        Path copy = tmp.resolve("copy");
        Files.createDirectories(copy);
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Files.copy(f, copy.resolve(f.getFileName()));
            }
        }
        return copy;
    }

    static String utf8(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
