package eu.riscale.modelhub.core.modeltest;

import eu.riscale.modelhub.core.description.FileReference;
import eu.riscale.modelhub.core.description.FileReferences;
import eu.riscale.modelhub.core.inference.InferenceBackend;
import eu.riscale.modelhub.core.inference.PipelineBackend;
import eu.riscale.modelhub.core.iocheck.IoValidation;
import eu.riscale.modelhub.core.resource.FileSource;
import eu.riscale.modelhub.core.resource.ResourceRoot;
import eu.riscale.modelhub.core.resource.Sha256;
import eu.riscale.modelhub.core.resource.TargetPaths;
import eu.riscale.modelhub.core.tensor.Npy;
import eu.riscale.modelhub.core.tensor.Tensor;
import eu.riscale.modelhub.spec.ModelDescr;
import eu.riscale.modelhub.spec.axis.Axis;
import eu.riscale.modelhub.spec.common.FileDescr;
import eu.riscale.modelhub.spec.tensor.InputTensorDescr;
import eu.riscale.modelhub.spec.tensor.OutputTensorDescr;
import eu.riscale.modelhub.spec.validation.Diagnostic;
import eu.riscale.modelhub.spec.validation.Location;
import eu.riscale.modelhub.spec.weights.WeightsDescr;
import eu.riscale.modelhub.spec.weights.WeightsEntryDescr;
import eu.riscale.modelhub.spec.weights.WeightsFormat;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Tests a model package as {@code bioimageio test} does: the one entry point of this package.
 *
 * <pre>{@code
 * TestSummary summary = ModelTests.test("examples/unet2d-nuclei", TestOptions.defaults());
 * System.out.println(SummaryText.render(summary));
 * if (!summary.passed()) { ... }
 * }</pre>
 *
 * <p>Checks, in order (see {@code docs/testing-models.md}):
 *
 * <ol>
 *   <li>{@code format}: the description is read (any supported version, converted to 0.5) and validated;
 *   <li>{@code io}: referenced files exist and match their sha256; test tensors fit their description;
 *   <li>for each weights format present (or the one asked for), {@code reproduce}: the test outputs are reproduced
 *       from the test inputs through the whole pipeline within the {@link Tolerance}; then {@code shapes}: inference
 *       at other sizes gives outputs of the described shapes. A format that cannot run here is {@code skipped}.
 * </ol>
 *
 * <p>Slow: loads the weights of every tested format. Thread-safe.
 */
public final class ModelTests {
    /** The reason given for skipped inference checks by {@link InferenceBackend#unavailable(String)} backends. */
    public static final String NO_INFERENCE = "inference not available";

    /**
     * The weights formats this SDK runs (through Deep Java Library): their files are always checked, even when no
     * inference backend is connected. Files needed only by other formats (for example the architecture {@code .py} of
     * {@code pytorch_state_dict}) are checked only when that format is asked for or the backend runs it.
     */
    public static final Set<WeightsFormat> SDK_FORMATS = IoValidation.SDK_FORMATS;

    private ModelTests() {}

    /**
     * Tests a source given as on a command line: a description file, a folder, a zip package or an http(s) URL.
     *
     * @param source the source
     * @param options the options
     * @return the summary
     * @throws IOException when the source cannot be opened or its description file cannot be read (a missing file, an
     *     unreadable zip); problems of the content are reported in the summary instead
     */
    public static TestSummary test(String source, TestOptions options) throws IOException {
        Objects.requireNonNull(source, "source");
        try (ResourceRoot root = ResourceRoot.open(source, options.resources())) {
            return test(source, root, options);
        }
    }

    /**
     * Tests a local source.
     *
     * @param source a description file, a folder or a zip package
     * @param options the options
     * @return the summary
     * @throws IOException as {@link #test(String, TestOptions)}
     */
    public static TestSummary test(Path source, TestOptions options) throws IOException {
        try (ResourceRoot root = ResourceRoot.open(source, options.resources())) {
            return test(source.toString(), root, options);
        }
    }

    /**
     * Tests a description in an open root.
     *
     * @param label how the source is named in the summary
     * @param root the root, left open
     * @param options the options
     * @return the summary
     * @throws IOException when the description file cannot be read
     */
    public static TestSummary test(String label, ResourceRoot root, TestOptions options) throws IOException {
        try (ModelTestRun run = start(label, root, options)) {
            for (Optional<ModelTestRun.Check> check = run.next(); check.isPresent(); check = run.next()) {
                check.get().run();
            }
            return run.summary();
        }
    }

    /**
     * Starts a test that the caller steps through one check at a time ({@link ModelTestRun}); nothing runs yet.
     *
     * @param label how the source is named in the summary
     * @param root the root, left open (close it after the run)
     * @param options the options
     * @return the run, positioned before the format check
     */
    public static ModelTestRun start(String label, ResourceRoot root, TestOptions options) {
        return new ModelTestRun(
                Objects.requireNonNull(label, "label"),
                Objects.requireNonNull(root, "root"),
                Objects.requireNonNull(options, "options"));
    }

    /**
     * The backend used when {@link TestOptions} names none: {@link PipelineBackend}, the SDK's prediction pipeline for the {@link #SDK_FORMATS},
     * one weights format at a time and without tiling; other formats are skipped with the reason.
     *
     * @return the default backend
     */
    public static InferenceBackend defaultBackend() {
        return PipelineBackend.create();
    }

    /**
     * Tells why the checks of a weights format must not run: a file they need (the weights entry's files, the test
     * tensors) did not pass the I/O check. Empty when every such file passed.
     */
    static Optional<String> unverified(
            ModelDescr model, WeightsFormat f, Map<Location, FileSource> verified, TestDetail io) {
        Location weights = Location.of("weights", f.id());
        List<Location> failed = new ArrayList<>();
        for (FileReference ref : FileReferences.of(model)) {
            Location loc = ref.location();
            if ((loc.startsWith(weights) || isTestTensor(loc)) && !verified.containsKey(loc)) {
                failed.add(loc);
            }
        }
        if (failed.isEmpty()) {
            return Optional.empty();
        }
        List<String> why = new ArrayList<>();
        for (Location loc : failed) {
            String reason = io.errors().stream()
                    .filter(m -> m.location().startsWith(loc))
                    .map(Diagnostic::message)
                    .findFirst()
                    .orElseGet(() -> io.warnings().stream()
                            .filter(m -> m.location().equals(loc))
                            .map(Diagnostic::message)
                            .findFirst()
                            .orElse("not checked"));
            why.add(loc + " (" + reason + ")");
        }
        return Optional.of("not run: " + String.join("; ", why)
                + " did not pass the I/O check, and a file that failed its check is never used");
    }

    /** {@return whether {@code loc} is the test tensor of an input or output: {@code inputs.<i>.test_tensor}} */
    private static boolean isTestTensor(Location loc) {
        List<Object> s = loc.segments();
        return s.size() == 3
                && ("inputs".equals(s.get(0)) || "outputs".equals(s.get(0)))
                && s.get(1) instanceof Integer
                && "test_tensor".equals(s.get(2));
    }

    static String reproduceName(WeightsFormat f) {
        return "Reproduce test outputs from test inputs (" + f.id() + ")";
    }

    static List<WeightsFormat> formatsToTest(ModelDescr model, TestOptions options) {
        List<WeightsFormat> present =
                entries(model).stream().map(WeightsEntryDescr::format).toList();
        return options.weightsFormat()
                .map(f -> present.contains(f) ? List.of(f) : List.<WeightsFormat>of())
                .orElse(present);
    }

    /** The weights entries present, in {@link WeightsDescr#PRIORITY} order. */
    static List<WeightsEntryDescr> entries(ModelDescr model) {
        return model.weights().entries();
    }

    static Tensor readTensor(ResourceRoot root, FileDescr file, List<? extends Axis> axes) throws IOException {
        Tensor t;
        Sha256 declared = null;
        if (file.sha256() != null) {
            try {
                declared = Sha256.parse(file.sha256());
            } catch (IllegalArgumentException e) {
                // a malformed value fails the format check before any tensor is read
            }
        }
        try (InputStream in = root.resolve(file.source()).openVerified(declared)) {
            t = Npy.read(in, file.source());
        }
        if (t.ndim() != axes.size()) {
            throw new IOException(file.source() + " has " + t.ndim() + " dimensions, expected " + axes.size());
        }
        return t.withAxes(axes.stream().map(Axis::id).toList());
    }

    static Map<String, Tensor> testInputs(ModelDescr model, ResourceRoot root) throws IOException {
        Map<String, Tensor> inputs = new LinkedHashMap<>();
        for (InputTensorDescr in : model.inputs()) {
            if (in.testTensor() == null) {
                throw new IOException("input '" + in.id() + "' has no test_tensor");
            }
            inputs.put(in.id(), readTensor(root, in.testTensor(), in.axes()));
        }
        return inputs;
    }

    static TestDetail reproduce(
            ModelDescr model,
            ResourceRoot root,
            WeightsFormat format,
            InferenceBackend.Session session,
            TestOptions options,
            List<Diagnostic> engineWarnings,
            Map<String, Tensor> whole) {
        long start = System.nanoTime();
        List<Diagnostic> errors = new ArrayList<>();
        List<Diagnostic> warnings = new ArrayList<>(engineWarnings);
        List<Deviation> deviations = new ArrayList<>();
        Location loc = Location.of("weights", format.id());
        try {
            Map<String, Tensor> actual = session.predict(testInputs(model, root));
            whole.putAll(actual);
            if (actual.size() != model.outputs().size()) {
                errors.add(Diagnostic.error(
                        loc,
                        "expected " + model.outputs().size() + " outputs " + outputIds(model) + ", the model gave "
                                + actual.size() + " " + actual.keySet()));
            }
            for (int i = 0; i < model.outputs().size(); i++) {
                OutputTensorDescr out = model.outputs().get(i);
                Tensor a = actual.get(out.id());
                if (a == null) {
                    errors.add(Diagnostic.error(Location.of("outputs", i), "output '" + out.id() + "' is missing"));
                    continue;
                }
                save(options, out.id(), format, a, warnings);
                if (out.testTensor() == null) {
                    warnings.add(Diagnostic.warning(
                            Location.of("outputs", i, "test_tensor"), "no test tensor, not compared"));
                    continue;
                }
                Tensor expected = readTensor(root, out.testTensor(), out.axes());
                if (!a.axes().equals(expected.axes()) || !Arrays.equals(a.shape(), expected.shape())) {
                    errors.add(Diagnostic.error(
                            Location.of("outputs", i),
                            "output '" + out.id() + "' has shape " + tagged(a) + ", expected " + tagged(expected)));
                    continue;
                }
                Tolerance tolerance = Tolerance.select(
                        model.config().bioimageio(),
                        out.id(),
                        !out.data().type().isFloatingPoint(),
                        format);
                Deviation d = Deviation.compare(out.id(), a, expected, tolerance);
                deviations.add(d);
                if (d.exceedsTolerance()) {
                    errors.add(Diagnostic.error(Location.of("outputs", i), d.describe()));
                } else if (d.mismatched() > 0) {
                    warnings.add(Diagnostic.warning(Location.of("outputs", i), d.describe()));
                }
            }
        } catch (IOException | RuntimeException e) {
            errors.add(Diagnostic.error(loc, message(e)));
        }
        return TestDetail.ran(
                CheckKind.REPRODUCE,
                reproduceName(format),
                format,
                errors,
                warnings,
                deviations,
                Duration.ofNanos(System.nanoTime() - start));
    }

    private static void save(
            TestOptions options, String id, WeightsFormat format, Tensor tensor, List<Diagnostic> warnings) {
        Optional<Path> dir = options.saveOutputs();
        if (dir.isEmpty()) {
            return;
        }
        String name = "actual_output_" + id + "_" + format.id() + ".npy";
        try {
            Path file = TargetPaths.fileIn(dir.get(), name, "output id '" + id + "'");
            Files.createDirectories(dir.get());
            Npy.write(tensor, file);
        } catch (IOException e) {
            warnings.add(Diagnostic.warning(Location.ROOT, "cannot save the output " + name + ": " + message(e)));
        }
    }

    private static List<String> outputIds(ModelDescr model) {
        return model.outputs().stream().map(OutputTensorDescr::id).toList();
    }

    static String tagged(Tensor t) {
        StringBuilder b = new StringBuilder("{");
        for (int d = 0; d < t.ndim(); d++) {
            b.append(d == 0 ? "" : ", ").append(t.axes().get(d)).append('=').append(t.shape()[d]);
        }
        return b.append('}').toString();
    }

    static String message(Throwable e) {
        @Nullable String m = e.getMessage();
        return m == null ? e.getClass().getSimpleName() : m;
    }
}
