package eu.riscale.modelhub.core.modeltest;

import eu.riscale.modelhub.core.inference.EngineVersion;
import eu.riscale.modelhub.core.inference.InferenceBackend;
import eu.riscale.modelhub.core.inference.internal.EngineDeterminism;
import eu.riscale.modelhub.core.inference.internal.NativeEngine;
import eu.riscale.modelhub.core.resource.FileSource;
import eu.riscale.modelhub.core.resource.ResourceRoot;
import eu.riscale.modelhub.core.tensor.Tensor;
import eu.riscale.modelhub.spec.ModelDescr;
import eu.riscale.modelhub.spec.validation.Diagnostic;
import eu.riscale.modelhub.spec.validation.Location;
import eu.riscale.modelhub.spec.weights.WeightsFormat;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One model test as a sequence of named checks, each run on demand: {@link ModelTests#test} runs them all in a loop,
 * {@code modeltest.junit.ModelTestFactory} runs each inside its own JUnit dynamic test (so that every check has its
 * own name and time), a progress display can name a check before it runs. The checks after one are planned once it
 * has run (the weights formats are known after the format check, the files that passed after the I/O check).
 *
 * <pre>{@code
 * try (ModelTestRun run = ModelTests.start(label, root, options)) {
 *     for (Optional<ModelTestRun.Check> c = run.next(); c.isPresent(); c = run.next()) {
 *         System.out.println("running " + c.get().name());
 *         c.get().run();
 *     }
 *     TestSummary summary = run.summary();
 * }
 * }</pre>
 *
 * <p>Not thread-safe: one caller steps through it. Close it to free weights that are still loaded (after a check that
 * was not followed by its shapes check).
 */
public final class ModelTestRun implements AutoCloseable {
    /** A planned check: its kind and name are known before it runs. */
    public final class Check {
        private final CheckKind check;
        private final String name;
        private final Body body;
        private @Nullable TestDetail detail;

        private Check(CheckKind check, String name, Body body) {
            this.check = check;
            this.name = name;
            this.body = body;
        }

        /** {@return the kind of check} */
        public CheckKind check() {
            return check;
        }

        /** {@return the readable name, the one its detail will have} */
        public String name() {
            return name;
        }

        /**
         * Runs the check once (later calls give the same detail) and plans the checks that follow it.
         *
         * @return the check's detail
         * @throws IOException when the description file cannot be read (the format check only)
         */
        public TestDetail run() throws IOException {
            if (detail == null) {
                detail = record(body.run());
            }
            return detail;
        }
    }

    @FunctionalInterface
    private interface Body {
        TestDetail run() throws IOException;
    }

    private final String label;
    private final ResourceRoot root;
    private final TestOptions options;
    private final Deque<Check> pending = new ArrayDeque<>();
    private final List<TestDetail> details = new ArrayList<>();
    private final Set<EnvironmentEntry> engines = new LinkedHashSet<>();
    private final Set<String> devices = new LinkedHashSet<>();
    private final Set<String> determinismApplied = new LinkedHashSet<>();
    private FormatCheck.@Nullable Outcome format;
    private @Nullable ModelDescr model;
    private boolean stopped;
    private InferenceBackend.@Nullable Session session;

    ModelTestRun(String label, ResourceRoot root, TestOptions options) {
        this.label = label;
        this.root = root;
        this.options = options;
        pending.add(new Check(CheckKind.FORMAT, FormatCheck.NAME, this::format));
        if (full()) {
            // before anything asks the backend which formats run: that may start the engines already
            EngineDeterminism.requestSingleThreadedPyTorch();
        }
        // the engines start (natives load) while the format and file checks run; which formats the description has is
        // known only after the format check, so the hint is the forced format or every format this SDK runs
        options.backend().prepare(options.weightsFormat().map(Set::of).orElse(ModelTests.SDK_FORMATS));
    }

    /** {@return the next check, empty when the test is complete (or stopped early)} */
    public Optional<Check> next() {
        return stopped ? Optional.empty() : Optional.ofNullable(pending.pollFirst());
    }

    private TestDetail record(TestDetail detail) {
        details.add(detail);
        options.listener().accept(detail);
        if (detail.status() == DetailStatus.FAILED && options.stopEarly()) {
            stopped = true;
            close();
        }
        return detail;
    }

    private TestDetail format() throws IOException {
        FormatCheck.Outcome outcome = FormatCheck.run(root, options.formatTarget());
        format = outcome;
        ModelDescr m = outcome.model();
        model = m;
        if (m != null) {
            planIo(m);
        }
        return outcome.detail();
    }

    private void planIo(ModelDescr m) {
        List<WeightsFormat> formats = ModelTests.formatsToTest(m, options);
        if (formats.isEmpty()) {
            String asked = options.weightsFormat().map(WeightsFormat::id).orElse("");
            pending.add(new Check(
                    CheckKind.IO,
                    FilesCheck.NAME,
                    () -> TestDetail.ran(
                            CheckKind.IO,
                            FilesCheck.NAME,
                            null,
                            List.of(Diagnostic.error(Location.of("weights"), "no " + asked + " weights entry")),
                            List.of(),
                            List.of(),
                            Duration.ZERO)));
            return;
        }
        InferenceBackend backend = options.backend();
        Set<WeightsFormat> tested = new LinkedHashSet<>();
        for (WeightsFormat f : formats) {
            if (options.weightsFormat().isPresent()
                    || ModelTests.SDK_FORMATS.contains(f)
                    || backend.unavailableReason(m, f).isEmpty()) {
                tested.add(f);
            }
        }
        pending.add(new Check(CheckKind.IO, FilesCheck.NAME, () -> {
            Map<Location, FileSource> verified = new LinkedHashMap<>();
            TestDetail io = FilesCheck.run(m, root, tested, verified);
            planWeights(m, formats, verified, io);
            return io;
        }));
    }

    private void planWeights(
            ModelDescr m, List<WeightsFormat> formats, Map<Location, FileSource> verified, TestDetail io) {
        InferenceBackend backend = options.backend();
        for (WeightsFormat f : formats) {
            // integrity first: a file that failed its check (sha256, missing, unreadable) is never loaded or read
            Optional<String> notRun =
                    backend.unavailableReason(m, f).or(() -> ModelTests.unverified(m, f, verified, io));
            if (notRun.isPresent()) {
                String why = notRun.get();
                skip(CheckKind.REPRODUCE, ModelTests.reproduceName(f), f, why);
                if (options.blockwiseCheck()) {
                    skip(CheckKind.BLOCKWISE, BlockwiseCheck.name(f), f, why);
                }
                skip(CheckKind.SHAPES, ShapesCheck.name(f), f, why);
                continue;
            }
            Map<String, Tensor> whole = new LinkedHashMap<>();
            TestDetail[] reproduced = new TestDetail[1];
            pending.add(new Check(CheckKind.REPRODUCE, ModelTests.reproduceName(f), () -> {
                reproduced[0] = reproduce(m, f, whole);
                return reproduced[0];
            }));
            if (options.blockwiseCheck()) {
                pending.add(new Check(CheckKind.BLOCKWISE, BlockwiseCheck.name(f), () -> {
                    Optional<String> notApplicable = BlockwiseCheck.notApplicable(m);
                    if (notApplicable.isPresent()) {
                        return TestDetail.skipped(CheckKind.BLOCKWISE, BlockwiseCheck.name(f), f, notApplicable.get());
                    }
                    if (reproduced[0] == null || reproduced[0].status() != DetailStatus.PASSED) {
                        return TestDetail.skipped(
                                CheckKind.BLOCKWISE,
                                BlockwiseCheck.name(f),
                                f,
                                "the whole-sample prediction did not reproduce the test outputs");
                    }
                    seed();
                    return EngineDeterminism.loading(full(), () -> BlockwiseCheck.run(m, root, f, whole, backend));
                }));
            }
            pending.add(new Check(CheckKind.SHAPES, ShapesCheck.name(f), () -> {
                InferenceBackend.Session s = session;
                if (s == null) {
                    return TestDetail.skipped(
                            CheckKind.SHAPES, ShapesCheck.name(f), f, "the weights could not be loaded");
                }
                try {
                    seed();
                    return ShapesCheck.run(m, root, f, s);
                } finally {
                    close();
                }
            }));
        }
    }

    private void skip(CheckKind check, String name, WeightsFormat f, String why) {
        pending.add(new Check(check, name, () -> TestDetail.skipped(check, name, f, why)));
    }

    private TestDetail reproduce(ModelDescr m, WeightsFormat f, Map<String, Tensor> whole) {
        InferenceBackend.Session s;
        try {
            s = EngineDeterminism.loading(full(), () -> options.backend().open(m, root, f));
        } catch (IOException | RuntimeException e) {
            return TestDetail.ran(
                    CheckKind.REPRODUCE,
                    ModelTests.reproduceName(f),
                    f,
                    List.of(Diagnostic.error(
                            Location.of("weights", f.id()), "cannot load the weights: " + ModelTests.message(e))),
                    List.of(),
                    List.of(),
                    Duration.ZERO);
        }
        session = s;
        s.engine().ifPresent(e -> engines.add(new EnvironmentEntry(e.name(), e.version(), "")));
        devices.add(s.device());
        List<Diagnostic> engineWarnings =
                new ArrayList<>(EngineVersionCheck.warnings(m.weights().entry(f), s.engine()));
        seed();
        if (full()) {
            s.engine().ifPresent(e -> engineWarnings.addAll(singleThreaded(e, f)));
        }
        return ModelTests.reproduce(m, root, f, s, options, engineWarnings, whole);
    }

    private boolean full() {
        return options.determinism() == Determinism.FULL;
    }

    /** Seeds the engine of the loaded weights, as the reference does before each inference check. */
    private void seed() {
        InferenceBackend.Session s = session;
        if (s != null
                && s.engine().isPresent()
                && EngineDeterminism.seed(s.engine().get().name())) {
            determinismApplied.add("seed " + EngineDeterminism.SEED);
        }
    }

    /** {@return warnings where the engine does not run single-threaded although {@link Determinism#FULL} asks} */
    private List<Diagnostic> singleThreaded(EngineVersion engine, WeightsFormat f) {
        Location loc = Location.of("weights", f.id());
        List<Diagnostic> warnings = new ArrayList<>();
        if (engine.name().equals(NativeEngine.ONNX_RUNTIME.djlName())) {
            determinismApplied.add("OnnxRuntime sessions 1 intra-op and 1 inter-op thread, sequential");
        } else if (engine.name().equals(NativeEngine.PYTORCH.djlName())) {
            Optional<int[]> threads = EngineDeterminism.pytorchThreads();
            if (threads.isEmpty()) {
                warnings.add(Diagnostic.warning(
                        loc, "determinism full: cannot read PyTorch's thread counts; single-threaded not confirmed"));
            } else if (threads.get()[0] != 1 || threads.get()[1] != 1) {
                warnings.add(Diagnostic.warning(
                        loc,
                        "determinism full not applied: PyTorch runs with " + threads.get()[0] + " intra-op and "
                                + threads.get()[1] + " inter-op threads, not 1, because it was started in this JVM"
                                + " before ai.djl.pytorch.num_threads and ai.djl.pytorch.num_interop_threads were set"
                                + " to 1 (DJL reads them once per JVM); outputs may depend on thread scheduling"));
            } else {
                determinismApplied.add("PyTorch 1 intra-op and 1 inter-op thread");
            }
            if (EngineDeterminism.cudnnBenchmark()) {
                warnings.add(Diagnostic.warning(
                        loc, "determinism full: cuDNN benchmarking is on (ai.djl.pytorch.cudnn_benchmark=true)"));
            }
        }
        return warnings;
    }

    /** {@return the summary of the checks run so far} */
    public TestSummary summary() {
        List<EnvironmentEntry> env = new ArrayList<>(EnvironmentEntry.base());
        env.addAll(engines);
        for (String device : devices) {
            env.add(new EnvironmentEntry("device", device, ""));
        }
        env.add(new EnvironmentEntry(
                EnvironmentEntry.DETERMINISM, options.determinism().id(), String.join("; ", determinismApplied)));
        FormatCheck.Outcome f = format;
        ModelDescr m = model;
        return new TestSummary(
                label,
                m == null ? null : m.name(),
                f == null ? null : f.formatVersion(),
                details,
                f == null ? null : f.type(),
                m == null ? null : m.id(),
                env);
    }

    /** Frees the loaded weights, if any; idempotent. */
    @Override
    public void close() {
        InferenceBackend.Session s = session;
        session = null;
        if (s != null) {
            s.close();
        }
    }
}
