package eu.riscale.modelhub.core.modeltest.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.riscale.modelhub.core.inference.InferenceBackend;
import eu.riscale.modelhub.core.modeltest.CheckKind;
import eu.riscale.modelhub.core.modeltest.FakeBackend;
import eu.riscale.modelhub.core.modeltest.TestDetail;
import eu.riscale.modelhub.core.modeltest.TestOptions;
import eu.riscale.modelhub.core.modeltest.TestSummary;
import eu.riscale.modelhub.core.resource.ResourceSettings;
import eu.riscale.modelhub.spec.Conformance;
import eu.riscale.modelhub.spec.validation.Diagnostic;
import eu.riscale.modelhub.spec.validation.Location;
import eu.riscale.modelhub.spec.weights.WeightsFormat;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

class ModelTestFactoryTest {
    @Test
    void oneDynamicTestPerDetailThatFailsPassesOrAbortsLikeIt() throws Throwable {
        TestSummary s = new TestSummary(
                "x",
                "n",
                "0.5.7",
                List.of(
                        TestDetail.ran(
                                CheckKind.FORMAT,
                                "Format validation",
                                null,
                                List.of(),
                                List.of(),
                                List.of(),
                                Duration.ZERO),
                        TestDetail.ran(
                                CheckKind.IO,
                                "I/O",
                                null,
                                List.of(Diagnostic.error(Location.of("covers", 0), "file not found")),
                                List.of(),
                                List.of(),
                                Duration.ZERO),
                        TestDetail.skipped(CheckKind.REPRODUCE, "Reproduce (onnx)", WeightsFormat.ONNX, "no engine")));
        List<DynamicTest> tests = ModelTestFactory.dynamicTests(s).toList();
        assertThat(tests)
                .extracting(DynamicTest::getDisplayName)
                .containsExactly("format: Format validation", "io: I/O", "reproduce: Reproduce (onnx)");
        tests.get(0).getExecutable().execute();
        assertThatThrownBy(() -> tests.get(1).getExecutable().execute())
                .isInstanceOf(AssertionFailedError.class)
                .hasMessage("covers.0: file not found");
        assertThatThrownBy(() -> tests.get(2).getExecutable().execute())
                .isInstanceOf(TestAbortedException.class)
                .hasMessageContaining("no engine");
    }

    @TempDir
    Path tmp;

    @Test
    void eachCheckRunsInsideItsOwnDynamicTestNotInTheFactory() throws Throwable {
        // issue 16: the whole run happened in the factory, so every test took 0.0 s in Surefire
        FakeBackend backend = new FakeBackend(Set.of(WeightsFormat.ONNX), UnaryOperator.identity());
        List<String> ran = new ArrayList<>();
        TestOptions options = TestOptions.builder()
                .resources(ResourceSettings.builder()
                        .cacheDir(tmp.resolve("cache"))
                        .offline(true)
                        .build())
                .backend(backend)
                .weightsFormat(WeightsFormat.ONNX)
                .listener(d -> ran.add(d.check().id()))
                .build();
        String nuclei = Conformance.model("unet2d_nuclei_broad").toString();
        try (Stream<DynamicTest> stream = ModelTestFactory.dynamicTests(nuclei, options)) {
            Iterator<DynamicTest> tests = stream.iterator();
            DynamicTest format = tests.next();
            assertThat(format.getDisplayName()).isEqualTo("format: Format validation");
            assertThat(ran).isEmpty();
            format.getExecutable().execute();
            assertThat(ran).containsExactly("format");
            DynamicTest io = tests.next();
            assertThat(io.getDisplayName()).isEqualTo("io: I/O validation (files, sha256, test tensors)");
            io.getExecutable().execute();
            DynamicTest reproduce = tests.next();
            assertThat(reproduce.getDisplayName())
                    .isEqualTo("reproduce: Reproduce test outputs from test inputs (onnx)");
            assertThat(backend.predictions()).isZero();
            reproduce.getExecutable().execute();
            assertThat(backend.predictions()).isEqualTo(1);
            DynamicTest shapes = tests.next();
            assertThat(shapes.getDisplayName()).startsWith("shapes: Run onnx inference at other sizes");
            shapes.getExecutable().execute();
            // this model's sizes are fixed: the one shapes case is the test input, whose reproduced outputs it checks
            assertThat(backend.predictions()).isEqualTo(1);
            assertThat(tests.hasNext()).isFalse();
            assertThat(ran).containsExactly("format", "io", "reproduce", "shapes");
        }
    }

    @Test
    void anUnreadableDescriptionFailsTheFormatTestAndNothingFollows() throws Throwable {
        Path dir = tmp.resolve("model");
        java.nio.file.Files.createDirectories(dir);
        java.nio.file.Files.writeString(dir.resolve("rdf.yaml"), "format_version: 0.5.4\nname: [oops\n");
        List<DynamicTest> tests = ModelTestFactory.dynamicTests(
                        dir.toString(),
                        TestOptions.builder()
                                .backend(InferenceBackend.unavailable("none"))
                                .build())
                .toList();
        assertThat(tests).extracting(DynamicTest::getDisplayName).containsExactly("format: Format validation");
    }
}
