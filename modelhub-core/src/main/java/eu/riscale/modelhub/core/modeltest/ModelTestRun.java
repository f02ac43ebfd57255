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
import java.io.InterruptedIOException;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
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
    private final List<Lane> lanes = new ArrayList<>();

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
            Lane lane = new Lane(m, f);
            lanes.add(lane);
            for (int i = 0; i < lane.steps.size(); i++) {
                int step = i;
                Step planned = lane.steps.get(i);
                pending.add(new Check(planned.kind(), planned.name(), () -> lane.result(step)));
            }
        }
        // the first format's checks run on the caller's thread as it steps, the others ahead on their own; only where
        // the engines run single-threaded: otherwise each already uses every core (side by side was slower, measured)
        if (options.concurrentFormats()
                && full()
                && lanes.size() > 1
                && Runtime.getRuntime().availableProcessors() > 1) {
            for (Lane lane : lanes.subList(1, lanes.size())) {
                lane.runAhead();
            }
        }
    }

    private void skip(CheckKind check, String name, WeightsFormat f, String why) {
        pending.add(new Check(check, name, () -> TestDetail.skipped(check, name, f, why)));
    }

    /** A planned check of a {@link Lane}: what it is and what runs it. */
    private record Step(CheckKind kind, String name, Body body) {}

    /**
     * The inference checks of one weights format (reproduce, blockwise, shapes), which share its loaded weights and
     * whole-sample outputs. They run one after the other, on the caller's thread as it steps, or all at once ahead on
     * a thread of their own ({@link TestOptions#concurrentFormats()} with {@link Determinism#FULL}), in which case a
     * step waits for its result. What a lane finds about its engine is kept in the lane and reaches the run when its
     * check is recorded, so that the summary does not depend on which thread got there first.
     */
    private final class Lane {
        private final ModelDescr model;
        private final WeightsFormat format;
        private final List<Step> steps = new ArrayList<>();
        private final Map<String, Tensor> whole = new LinkedHashMap<>();
        private final Set<EnvironmentEntry> laneEngines = new LinkedHashSet<>();
        private final Set<String> laneDevices = new LinkedHashSet<>();
        private final Set<String> laneDeterminism = new LinkedHashSet<>();
        private @Nullable TestDetail reproduced;
        private InferenceBackend.@Nullable Session session;
        private @Nullable List<CompletableFuture<TestDetail>> ahead;
        private @Nullable Thread runner;
        private volatile boolean cancelled;

        Lane(ModelDescr model, WeightsFormat format) {
            this.model = model;
            this.format = format;
            steps.add(new Step(CheckKind.REPRODUCE, ModelTests.reproduceName(format), this::reproduce));
            if (options.blockwiseCheck()) {
                steps.add(new Step(CheckKind.BLOCKWISE, BlockwiseCheck.name(format), this::blockwise));
            }
            steps.add(new Step(CheckKind.SHAPES, ShapesCheck.name(format), this::shapes));
        }

        /** Starts every step on a thread of its own; {@link #result} then waits for each. */
        void runAhead() {
            List<CompletableFuture<TestDetail>> results = new ArrayList<>();
            for (int i = 0; i < steps.size(); i++) {
                results.add(new CompletableFuture<>());
            }
            ahead = results;
            Thread t = new Thread(
                    () -> {
                        for (int i = 0; i < steps.size(); i++) {
                            if (cancelled) {
                                results.get(i).cancel(false);
                                continue;
                            }
                            try {
                                results.get(i).complete(steps.get(i).body().run());
                            } catch (IOException | RuntimeException | Error e) {
                                results.get(i).completeExceptionally(e);
                            }
                        }
                        closeSession();
                    },
                    "modelhub-test-" + format.id());
            t.setDaemon(true);
            runner = t;
            t.start();
        }

        /** Runs step {@code i} here, or waits for it where the lane runs ahead; then hands its findings to the run. */
        TestDetail result(int i) throws IOException {
            List<CompletableFuture<TestDetail>> results = ahead;
            TestDetail detail;
            if (results == null) {
                detail = steps.get(i).body().run();
            } else {
                try {
                    detail = results.get(i).get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException("interrupted while the " + format.id() + " checks ran");
                } catch (ExecutionException e) {
                    throw rethrown(e.getCause());
                }
            }
            synchronized (this) {
                engines.addAll(laneEngines);
                devices.addAll(laneDevices);
                determinismApplied.addAll(laneDeterminism);
            }
            return detail;
        }

        private TestDetail reproduce() {
            InferenceBackend.Session s;
            try {
                s = EngineDeterminism.loading(full(), () -> options.backend().open(model, root, format));
            } catch (IOException | RuntimeException e) {
                return TestDetail.ran(
                        CheckKind.REPRODUCE,
                        ModelTests.reproduceName(format),
                        format,
                        List.of(Diagnostic.error(
                                Location.of("weights", format.id()),
                                "cannot load the weights: " + ModelTests.message(e))),
                        List.of(),
                        List.of(),
                        Duration.ZERO);
            }
            synchronized (this) {
                session = s;
                s.engine().ifPresent(e -> laneEngines.add(new EnvironmentEntry(e.name(), e.version(), "")));
                laneDevices.add(s.device());
            }
            List<Diagnostic> engineWarnings =
                    new ArrayList<>(EngineVersionCheck.warnings(model.weights().entry(format), s.engine()));
            seed();
            if (full()) {
                s.engine().ifPresent(e -> engineWarnings.addAll(singleThreaded(e, format)));
            }
            TestDetail detail = ModelTests.reproduce(model, root, format, s, options, engineWarnings, whole);
            reproduced = detail;
            return detail;
        }

        private TestDetail blockwise() throws IOException {
            String name = BlockwiseCheck.name(format);
            Optional<String> notApplicable = BlockwiseCheck.notApplicable(model);
            if (notApplicable.isPresent()) {
                return TestDetail.skipped(CheckKind.BLOCKWISE, name, format, notApplicable.get());
            }
            TestDetail r = reproduced;
            if (r == null || r.status() != DetailStatus.PASSED) {
                return TestDetail.skipped(
                        CheckKind.BLOCKWISE,
                        name,
                        format,
                        "the whole-sample prediction did not reproduce the test outputs");
            }
            seed();
            return EngineDeterminism.loading(
                    full(), () -> BlockwiseCheck.run(model, root, format, whole, options.backend()));
        }

        private TestDetail shapes() {
            InferenceBackend.Session s = session;
            if (s == null) {
                return TestDetail.skipped(
                        CheckKind.SHAPES, ShapesCheck.name(format), format, "the weights could not be loaded");
            }
            try {
                seed();
                return ShapesCheck.run(model, root, format, s, whole);
            } finally {
                closeSession();
            }
        }

        /** Seeds the engine of the loaded weights, as the reference does before each inference check. */
        private void seed() {
            InferenceBackend.Session s = session;
            if (s != null
                    && s.engine().isPresent()
                    && EngineDeterminism.seed(s.engine().get().name())) {
                synchronized (this) {
                    laneDeterminism.add("seed " + EngineDeterminism.SEED);
                }
            }
        }

        /** {@return warnings where the engine does not run single-threaded although {@link Determinism#FULL} asks} */
        private List<Diagnostic> singleThreaded(EngineVersion engine, WeightsFormat f) {
            Location loc = Location.of("weights", f.id());
            List<Diagnostic> warnings = new ArrayList<>();
            if (engine.name().equals(NativeEngine.ONNX_RUNTIME.djlName())) {
                synchronized (this) {
                    laneDeterminism.add("OnnxRuntime sessions 1 intra-op and 1 inter-op thread, sequential");
                }
            } else if (engine.name().equals(NativeEngine.PYTORCH.djlName())) {
                Optional<int[]> threads = EngineDeterminism.pytorchThreads();
                if (threads.isEmpty()) {
                    warnings.add(Diagnostic.warning(
                            loc,
                            "determinism full: cannot read PyTorch's thread counts; single-threaded not confirmed"));
                } else if (threads.get()[0] != 1 || threads.get()[1] != 1) {
                    warnings.add(Diagnostic.warning(
                            loc,
                            "determinism full not applied: PyTorch runs with " + threads.get()[0] + " intra-op and "
                                    + threads.get()[1] + " inter-op threads, not 1, because it was started in this"
                                    + " JVM before ai.djl.pytorch.num_threads and ai.djl.pytorch.num_interop_threads"
                                    + " were set to 1 (DJL reads them once per JVM); outputs may depend on thread"
                                    + " scheduling"));
                } else {
                    synchronized (this) {
                        laneDeterminism.add("PyTorch 1 intra-op and 1 inter-op thread");
                    }
                }
                if (EngineDeterminism.cudnnBenchmark()) {
                    warnings.add(Diagnostic.warning(
                            loc, "determinism full: cuDNN benchmarking is on (ai.djl.pytorch.cudnn_benchmark=true)"));
                }
            }
            return warnings;
        }

        private void closeSession() {
            InferenceBackend.Session s;
            synchronized (this) {
                s = session;
                session = null;
            }
            if (s != null) {
                s.close();
            }
        }

        /** Stops the lane: a lane running ahead finishes the step it is in and closes its weights. */
        void close() {
            cancelled = true;
            Thread t = runner;
            if (t != null) {
                boolean interrupted = false;
                while (true) {
                    try {
                        t.join();
                        break;
                    } catch (InterruptedException e) {
                        interrupted = true;
                    }
                }
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
            closeSession();
        }
    }

    private static IOException rethrown(Throwable cause) {
        if (cause instanceof IOException io) {
            return io;
        }
        if (cause instanceof RuntimeException r) {
            throw r;
        }
        if (cause instanceof Error e) {
            throw e;
        }
        return new IOException(cause);
    }

    private boolean full() {
        return options.determinism() == Determinism.FULL;
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

    /** Frees the loaded weights, if any, once checks running ahead have finished their step; idempotent. */
    @Override
    public void close() {
        for (Lane lane : lanes) {
            lane.close();
        }
    }
}
