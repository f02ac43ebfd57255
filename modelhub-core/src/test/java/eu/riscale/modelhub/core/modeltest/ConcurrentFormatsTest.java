package eu.riscale.modelhub.core.modeltest;

import static org.assertj.core.api.Assertions.assertThat;

import eu.riscale.modelhub.core.inference.InferenceBackend;
import eu.riscale.modelhub.core.resource.ResourceRoot;
import eu.riscale.modelhub.core.resource.ResourceSettings;
import eu.riscale.modelhub.core.tensor.Tensor;
import eu.riscale.modelhub.spec.Conformance;
import eu.riscale.modelhub.spec.ModelDescr;
import eu.riscale.modelhub.spec.weights.WeightsFormat;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The inference checks of different weights formats at the same time ({@link TestOptions#concurrentFormats()}). */
class ConcurrentFormatsTest {
    private static final List<String> PYTORCH_THREADS =
            List.of("ai.djl.pytorch.num_threads", "ai.djl.pytorch.num_interop_threads");

    @TempDir
    Path tmp;

    private final Map<String, String> before = new java.util.HashMap<>();

    @BeforeEach
    void rememberThePyTorchThreadProperties() {
        PYTORCH_THREADS.forEach(p -> before.put(p, System.getProperty(p)));
    }

    /** {@link Determinism#FULL} sets them for PyTorch started later; tests after this one get them back unset. */
    @AfterEach
    void restoreThePyTorchThreadProperties() {
        for (String p : PYTORCH_THREADS) {
            if (before.get(p) == null) {
                System.clearProperty(p);
            } else {
                System.setProperty(p, before.get(p));
            }
        }
    }

    /** Records on which thread each format predicts, and how many sessions are open. */
    private static final class Recording implements InferenceBackend {
        final FakeBackend fake;
        final Map<WeightsFormat, Set<String>> threads = new ConcurrentHashMap<>();
        final AtomicInteger open = new AtomicInteger();
        final AtomicInteger opened = new AtomicInteger();
        /** Counted down by the first ONNX prediction; a TorchScript prediction waits for it when {@link #meet}. */
        final CountDownLatch onnxPredicted = new CountDownLatch(1);

        boolean meet;
        volatile boolean torchscriptSawOnnx;

        Recording(UnaryOperator<Tensor> change) {
            fake = new FakeBackend(Set.of(WeightsFormat.TORCHSCRIPT, WeightsFormat.ONNX), change);
        }

        @Override
        public Optional<String> unavailableReason(ModelDescr model, WeightsFormat format) {
            return fake.unavailableReason(model, format);
        }

        @Override
        public Session open(ModelDescr model, ResourceRoot root, WeightsFormat format) throws IOException {
            Session s = fake.open(model, root, format);
            open.incrementAndGet();
            opened.incrementAndGet();
            return new Session() {
                @Override
                public Map<String, Tensor> predict(Map<String, Tensor> inputs) throws IOException {
                    threads.computeIfAbsent(format, f -> ConcurrentHashMap.newKeySet())
                            .add(Thread.currentThread().getName());
                    if (format == WeightsFormat.ONNX) {
                        onnxPredicted.countDown();
                    } else if (meet) {
                        try {
                            torchscriptSawOnnx = onnxPredicted.await(30, TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                    return s.predict(inputs);
                }

                @Override
                public void close() {
                    open.decrementAndGet();
                }
            };
        }
    }

    private TestOptions options(InferenceBackend backend, List<String> listened) {
        ResourceSettings offline = ResourceSettings.builder()
                .cacheDir(tmp.resolve("cache"))
                .offline(true)
                .build();
        return TestOptions.builder()
                .resources(offline)
                .backend(backend)
                .determinism(Determinism.FULL)
                .listener(d -> listened.add(Thread.currentThread().getName() + " " + d.name()))
                .build();
    }

    private static Path nuclei() {
        return Conformance.model("unet2d_nuclei_broad");
    }

    private static List<String> outline(TestSummary s) {
        return s.details().stream()
                .map(d -> d.check().id() + " " + d.status().id() + " " + d.weightsFormat())
                .toList();
    }

    @Test
    void theSecondFormatRunsOnItsOwnThreadWhileTheFirstRunsWithTheSameSummary() throws IOException {
        Recording concurrent = new Recording(UnaryOperator.identity());
        // the TorchScript reproduction waits for an ONNX prediction: only a run ahead can give it one
        concurrent.meet = true;
        List<String> heard = new CopyOnWriteArrayList<>();
        TestSummary together = ModelTests.test(nuclei(), options(concurrent, heard));

        Recording sequential = new Recording(UnaryOperator.identity());
        List<String> heardSequential = new CopyOnWriteArrayList<>();
        TestSummary oneByOne =
                ModelTests.test(nuclei(), options(sequential, heardSequential).with(b -> b.concurrentFormats(false)));

        assertThat(Runtime.getRuntime().availableProcessors())
                .as("concurrent formats take effect with more than one core")
                .isGreaterThan(1);
        assertThat(concurrent.torchscriptSawOnnx).isTrue();
        String caller = Thread.currentThread().getName();
        assertThat(concurrent.threads.get(WeightsFormat.TORCHSCRIPT)).containsExactly(caller);
        assertThat(concurrent.threads.get(WeightsFormat.ONNX)).containsExactly("modelhub-test-onnx");
        assertThat(sequential.threads.get(WeightsFormat.ONNX)).containsExactly(caller);

        assertThat(together.status()).isEqualTo(SummaryStatus.PASSED);
        assertThat(outline(together)).isEqualTo(outline(oneByOne));
        assertThat(together.env()).isEqualTo(oneByOne.env());
        // the listener hears every detail on the caller's thread, in the summary's order
        assertThat(heard).isEqualTo(heardSequential);
        assertThat(heard).allMatch(h -> h.startsWith(caller + " "));
        assertThat(concurrent.opened).hasValue(2);
        assertThat(concurrent.open).hasValue(0);
    }

    @Test
    void withTheEnginesOnAllCoresTheFormatsRunOneAfterTheOther() throws IOException {
        Recording backend = new Recording(UnaryOperator.identity());
        List<String> heard = new CopyOnWriteArrayList<>();
        TestSummary s =
                ModelTests.test(nuclei(), options(backend, heard).with(b -> b.determinism(Determinism.SEED_ONLY)));
        assertThat(s.status()).isEqualTo(SummaryStatus.PASSED);
        assertThat(backend.threads.get(WeightsFormat.ONNX))
                .containsExactly(Thread.currentThread().getName());
    }

    @Test
    void stoppingEarlyWaitsForTheFormatRunningAheadAndClosesItsWeights() throws IOException {
        // every output deviates: the first reproduction fails and the run stops while ONNX may be running ahead
        Recording backend = new Recording(ModelTestsTest::perturb);
        List<String> heard = new CopyOnWriteArrayList<>();
        TestSummary s = ModelTests.test(nuclei(), options(backend, heard).with(b -> b.stopEarly(true)));
        assertThat(outline(s)).containsExactly("format passed null", "io passed null", "reproduce failed torchscript");
        assertThat(heard).hasSize(3);
        // whatever the ONNX checks had done, they are finished and their weights closed when test returns
        assertThat(backend.open).hasValue(0);
    }
}
