package eu.riscale.modelhub.core.modeltest;

import static org.assertj.core.api.Assertions.assertThat;

import eu.riscale.modelhub.core.inference.internal.EngineDeterminism;
import eu.riscale.modelhub.core.resource.ResourceSettings;
import eu.riscale.modelhub.spec.Conformance;
import eu.riscale.modelhub.spec.weights.WeightsFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 16: {@code --determinism seed_only|full} with real inference (DJL PyTorch and OnnxRuntime, CPU). */
class DeterminismTest {
    private static final Path EXAMPLE = Conformance.buildRoot().resolve("examples/unet2d-nuclei");

    @TempDir
    Path tmp;

    private TestOptions options(Determinism determinism, Path saveOutputs) {
        return TestOptions.builder()
                .resources(ResourceSettings.builder()
                        .cacheDir(tmp.resolve("cache"))
                        .offline(true)
                        .build())
                .determinism(determinism)
                .saveOutputs(saveOutputs)
                .build();
    }

    private static EnvironmentEntry determinismEntry(TestSummary s) {
        return s.env().stream()
                .filter(e -> e.name().equals(EnvironmentEntry.DETERMINISM))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void theDefaultIsSeedOnlyAndTheIdsAreTheReferences() {
        assertThat(TestOptions.defaults().determinism()).isEqualTo(Determinism.SEED_ONLY);
        assertThat(TestOptions.defaults()
                        .with(b -> b.determinism(Determinism.FULL))
                        .determinism())
                .isEqualTo(Determinism.FULL);
        assertThat(Determinism.fromId("seed_only")).contains(Determinism.SEED_ONLY);
        assertThat(Determinism.fromId("full")).contains(Determinism.FULL);
        assertThat(Determinism.fromId("FULL")).isEmpty();
    }

    @Test
    void seedOnlyRunsGiveIdenticalOutputsTwiceAndSayHowTheyWereMade() throws IOException {
        Path first = tmp.resolve("first");
        Path second = tmp.resolve("second");
        TestSummary a = ModelTests.test(EXAMPLE, options(Determinism.SEED_ONLY, first));
        TestSummary b = ModelTests.test(EXAMPLE, options(Determinism.SEED_ONLY, second));
        assertThat(a.status()).isEqualTo(SummaryStatus.PASSED);
        assertThat(b.status()).isEqualTo(SummaryStatus.PASSED);
        List<Path> saved;
        try (Stream<Path> files = Files.list(first)) {
            saved = files.sorted().toList();
        }
        assertThat(saved)
                .extracting(p -> p.getFileName().toString())
                .containsExactly("actual_output_probability_onnx.npy", "actual_output_probability_torchscript.npy");
        for (Path p : saved) {
            assertThat(Files.readAllBytes(second.resolve(p.getFileName())))
                    .as(p.getFileName().toString())
                    .isEqualTo(Files.readAllBytes(p));
        }
        assertThat(determinismEntry(a)).isEqualTo(new EnvironmentEntry("determinism", "seed_only", "seed 0"));
    }

    @Test
    void fullRecordsTheSettingsItAppliedOrWarnsWherePyTorchWasAlreadyStarted() throws IOException {
        TestSummary s = ModelTests.test(EXAMPLE, options(Determinism.FULL, null));
        assertThat(s.status()).isEqualTo(SummaryStatus.PASSED);
        EnvironmentEntry entry = determinismEntry(s);
        assertThat(entry.version()).isEqualTo("full");
        assertThat(entry.build())
                .startsWith("seed 0")
                .contains("OnnxRuntime sessions 1 intra-op and 1 inter-op thread, sequential");
        // whether PyTorch could still be made single-threaded depends on whether an earlier test in this JVM
        // started it; the summary must say which it is, read from the engine itself
        Optional<int[]> threads = EngineDeterminism.pytorchThreads();
        assertThat(threads).isPresent();
        boolean single = threads.get()[0] == 1 && threads.get()[1] == 1;
        List<String> warnings = s.details().stream()
                .filter(d -> d.check() == CheckKind.REPRODUCE && d.weightsFormat() == WeightsFormat.TORCHSCRIPT)
                .flatMap(d -> d.warnings().stream())
                .map(w -> w.loc() + ": " + w.message())
                .toList();
        if (single) {
            assertThat(entry.build()).contains("PyTorch 1 intra-op and 1 inter-op thread");
            assertThat(warnings).noneMatch(w -> w.contains("determinism full"));
        } else {
            assertThat(entry.build()).doesNotContain("PyTorch");
            assertThat(warnings)
                    .anyMatch(w -> w.startsWith("weights.torchscript: determinism full not applied: PyTorch runs with "
                            + threads.get()[0] + " intra-op and " + threads.get()[1] + " inter-op threads"));
        }
    }
}
