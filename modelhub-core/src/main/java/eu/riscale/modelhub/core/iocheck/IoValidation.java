package eu.riscale.modelhub.core.iocheck;

import eu.riscale.modelhub.core.description.FileReference;
import eu.riscale.modelhub.core.description.FileReferences;
import eu.riscale.modelhub.core.image.Images;
import eu.riscale.modelhub.core.resource.DownloadException;
import eu.riscale.modelhub.core.resource.FileSource;
import eu.riscale.modelhub.core.resource.LocalFile;
import eu.riscale.modelhub.core.resource.OfflineException;
import eu.riscale.modelhub.core.resource.RemoteFile;
import eu.riscale.modelhub.core.resource.ResourceRoot;
import eu.riscale.modelhub.core.resource.Sha256;
import eu.riscale.modelhub.core.resource.Sha256MismatchException;
import eu.riscale.modelhub.core.resource.UnsafeReferenceException;
import eu.riscale.modelhub.core.tensor.Npy;
import eu.riscale.modelhub.core.tensor.Tensor;
import eu.riscale.modelhub.spec.ModelDescr;
import eu.riscale.modelhub.spec.axis.Axis;
import eu.riscale.modelhub.spec.tensor.InputTensorDescr;
import eu.riscale.modelhub.spec.tensor.OutputTensorDescr;
import eu.riscale.modelhub.spec.validation.Diagnostic;
import eu.riscale.modelhub.spec.validation.Location;
import eu.riscale.modelhub.spec.validation.Severity;
import eu.riscale.modelhub.spec.weights.WeightsDescr;
import eu.riscale.modelhub.spec.weights.WeightsFormat;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Checks a model description against the files of its package (reference rules A.7 #12 to #16 and #19).
 *
 * <pre>{@code
 * try (ResourceRoot root = ResourceRoot.open(Path.of("my-model"), ResourceSettings.defaults())) {
 *     ModelDescr model = Descriptions.read(root.description().open(), root.location());
 *     ValidationReport report = ModelValidation.validate(model).with(IoValidation.check(model, root));
 * }
 * }</pre>
 *
 * <p>The checks, each reported with the location of the field:
 *
 * <ul>
 *   <li>every referenced file exists: a missing file in the package is an error, as is a reference that leaves the
 *       package or a URL that cannot be downloaded; in offline mode an uncached URL is a warning "not checked:
 *       offline";
 *   <li>a declared sha256 equals the file's (an error naming expected and actual value);
 *   <li>test tensors ({@code .npy}) are readable, have one dimension per axis, a data type allowed by {@code data}
 *       (any numeric type for float32/float64 tensors, else exactly the described type), sizes that fit the axes
 *       (fixed, {@code min + n*step}, data-dependent bounds, {@code size * scale / scale + offset} of the referenced
 *       axis) and at least one value with |v| &ge; 1e-4;
 *   <li>every non-zero {@code absolute_tolerance} in {@code config.bioimageio.reproducibility_tolerance} is at most 1%
 *       of the maximum of each output test tensor it applies to;
 *   <li>PNG and TIFF sample tensors have between the least and the most dimensions the axes allow (singletons
 *       squeezed);
 *   <li>the documentation is UTF-8 text; without a {@code # ... Validation} heading it gets a warning.
 * </ul>
 *
 * <p>Reading large files takes time: every file with a declared sha256 is hashed (remote ones downloaded through the
 * cache) and the test tensors are read into memory. The method is thread-safe.
 */
public final class IoValidation {
    /**
     * The weights formats this SDK runs (through Deep Java Library). {@code modelhub validate} and {@code modelhub
     * test} both check the files of these entries, and the files of other entries only when that format is tested
     * (see {@link #check(ModelDescr, ResourceRoot, Set, Map)}), so that both commands give one verdict.
     */
    public static final Set<WeightsFormat> SDK_FORMATS = Set.of(WeightsFormat.TORCHSCRIPT, WeightsFormat.ONNX);

    private static final Pattern VALIDATION_HEADING = Pattern.compile("#.*[vV]alidation");
    private static final long MAX_DOCUMENTATION_BYTES = 16L * 1024 * 1024;

    private IoValidation() {}

    /**
     * Runs the I/O checks.
     *
     * @param model the description, as read from {@code root}
     * @param root the package its references are resolved against; offline mode comes from its cache's settings
     * @return the issues found, errors and warnings; empty when every check passed
     */
    public static List<Diagnostic> check(ModelDescr model, ResourceRoot root) {
        return check(model, root, new LinkedHashMap<>());
    }

    /**
     * Runs the I/O checks and tells which files passed: the files that exist and match their declared sha256, by the
     * location of their reference ({@code weights.torchscript}, {@code inputs.0.test_tensor}); a reference
     * missing from {@code verified} failed its check (or was not checked, offline) and must not be used.
     *
     * @param model the description, as read from {@code root}
     * @param root the package its references are resolved against
     * @param verified filled with the files that passed, remote ones pinned to their declared sha256
     * @return the issues found, as {@link #check(ModelDescr, ResourceRoot)}
     */
    public static List<Diagnostic> check(ModelDescr model, ResourceRoot root, Map<Location, FileSource> verified) {
        List<Diagnostic> issues = new ArrayList<>();
        Map<Location, FileSource> available = new LinkedHashMap<>();
        for (FileReference ref : FileReferences.of(model)) {
            FileSource file = reachable(ref, root, issues);
            if (file != null) {
                available.put(ref.location(), file);
            }
        }
        verified.putAll(available);
        FileSource documentation = available.get(Location.of("documentation"));
        if (documentation != null) {
            documentation(documentation, issues);
        }
        TestTensors.check(model, loadTestTensors(model, available, issues), issues);
        for (int i = 0; i < model.inputs().size(); i++) {
            InputTensorDescr t = model.inputs().get(i);
            sampleTensor(Location.of("inputs", i, "sample_tensor"), t.axes(), available, root, issues);
        }
        for (int i = 0; i < model.outputs().size(); i++) {
            OutputTensorDescr t = model.outputs().get(i);
            sampleTensor(Location.of("outputs", i, "sample_tensor"), t.axes(), available, root, issues);
        }
        return List.copyOf(issues);
    }

    /**
     * Runs the I/O checks as {@code modelhub validate} and {@code modelhub test} do: the files of the weights entries
     * in {@code tested} are checked, the files needed only by the other entries are not read (not even fetched) and
     * each gets a warning "not checked: ... not tested" instead. Every other file (test tensors, covers,
     * documentation, ...) is checked as by {@link #check(ModelDescr, ResourceRoot, Map)}.
     *
     * @param model the description, as read from {@code root}
     * @param root the package its references are resolved against
     * @param tested the weights formats whose files are checked, for example {@link #testedByDefault(ModelDescr)}
     * @param verified filled with the files that passed, as {@link #check(ModelDescr, ResourceRoot, Map)}
     * @return the issues found, errors and warnings
     */
    public static List<Diagnostic> check(
            ModelDescr model, ResourceRoot root, Set<WeightsFormat> tested, Map<Location, FileSource> verified) {
        List<Diagnostic> issues = new ArrayList<>();
        WeightsDescr.Builder kept = model.weights().toBuilder();
        List<FileReference> refs = FileReferences.of(model);
        for (WeightsFormat f : WeightsFormat.values()) {
            if (tested.contains(f) || model.weights().entry(f) == null) {
                continue;
            }
            Location prefix = Location.of("weights", f.id());
            for (FileReference ref : refs) {
                if (ref.location().startsWith(prefix)) {
                    issues.add(Diagnostic.warning(
                            ref.location(),
                            "not checked: " + ref.source() + " is only needed by the " + f.id()
                                    + " weights, which are not tested"));
                }
            }
            drop(kept, f);
        }
        ModelDescr checked = model.toBuilder().weights(kept.build()).build();
        issues.addAll(check(checked, root, verified));
        return List.copyOf(issues);
    }

    /**
     * {@return the weights formats that {@code modelhub test} tests by default and whose files {@code modelhub
     * validate} checks: the {@link #SDK_FORMATS} present in the description}
     *
     * @param model the description
     */
    public static Set<WeightsFormat> testedByDefault(ModelDescr model) {
        Set<WeightsFormat> tested = new java.util.LinkedHashSet<>();
        for (WeightsFormat f : WeightsFormat.values()) {
            if (SDK_FORMATS.contains(f) && model.weights().entry(f) != null) {
                tested.add(f);
            }
        }
        return tested;
    }

    private static void drop(WeightsDescr.Builder b, WeightsFormat f) {
        switch (f) {
            case KERAS_HDF5:
                b.kerasHdf5(null);
                break;
            case KERAS_V3:
                b.kerasV3(null);
                break;
            case ONNX:
                b.onnx(null);
                break;
            case PYTORCH_STATE_DICT:
                b.pytorchStateDict(null);
                break;
            case TENSORFLOW_JS:
                b.tensorflowJs(null);
                break;
            case TENSORFLOW_SAVED_MODEL_BUNDLE:
                b.tensorflowSavedModelBundle(null);
                break;
            case TORCHSCRIPT:
                b.torchscript(null);
                break;
            default:
                throw new AssertionError(f);
        }
    }

    /** The message for a reference whose file is not there: a URL as written, a relative path with where it was sought. */
    private static String notFound(FileReference ref, FileSource file) {
        return ref.isRemote()
                ? "URL " + ref.source() + " not found (HTTP 404/410)"
                : "file '" + ref.source() + "' not found (looked for " + file.location() + ")";
    }

    /** Resolves a reference, checks that it exists and its sha256; gives the file when it can be read. */
    private static @Nullable FileSource reachable(FileReference ref, ResourceRoot root, List<Diagnostic> issues) {
        Location loc = ref.location();
        FileSource file;
        try {
            file = root.resolve(ref.source());
        } catch (UnsafeReferenceException e) {
            issues.add(error(loc, "refused: " + e.getMessage()));
            return null;
        }
        Sha256 declared = null;
        String sha = ref.sha256();
        if (sha != null) {
            try {
                declared = Sha256.parse(sha);
            } catch (IllegalArgumentException e) {
                // a malformed value is reported by format validation; the file is still checked for existence
            }
        }
        if (declared != null && file instanceof RemoteFile) {
            // fetch with the declared hash only: an unverified download first would be indexed as the URL's content,
            // and the pinned file serves exactly the verified bytes to every later reader
            file = ((RemoteFile) file).pinned(declared);
        }
        try {
            if (declared != null && file instanceof RemoteFile) {
                file.verify(declared);
                return file;
            }
            if (!file.exists()) {
                issues.add(error(loc, notFound(ref, file)));
                return null;
            }
            if (declared != null) {
                file.verify(declared);
            }
            return file;
        } catch (OfflineException e) {
            issues.add(Diagnostic.warning(
                    loc, "not checked: offline (" + ref.source() + " is not in the download cache)"));
        } catch (Sha256MismatchException e) {
            issues.add(error(
                    loc.key("sha256"),
                    "sha256 mismatch for " + e.location() + ": expected " + e.expected() + ", actual " + e.actual()));
        } catch (DownloadException e) {
            if (e.reason() == DownloadException.Reason.NOT_FOUND) {
                issues.add(error(loc, notFound(ref, file)));
                return null;
            }
            issues.add(error(loc, "cannot download " + ref.source() + ": " + e.detail()));
        } catch (IOException e) {
            issues.add(error(loc, "cannot read " + file.location() + ": " + e.getMessage()));
        }
        return null;
    }

    private static void documentation(FileSource file, List<Diagnostic> issues) {
        byte[] bytes;
        try (InputStream in = file.open()) {
            bytes = in.readNBytes((int) MAX_DOCUMENTATION_BYTES + 1);
        } catch (IOException e) {
            issues.add(error(Location.of("documentation"), "cannot read " + file.location() + ": " + e.getMessage()));
            return;
        }
        if (bytes.length > MAX_DOCUMENTATION_BYTES) {
            issues.add(error(
                    Location.of("documentation"),
                    file.location() + " is larger than " + MAX_DOCUMENTATION_BYTES + " bytes, expected Markdown text"));
            return;
        }
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            issues.add(error(
                    Location.of("documentation"), file.location() + " is not UTF-8 text, expected UTF-8 Markdown"));
            return;
        }
        if (!VALIDATION_HEADING.matcher(text).find()) {
            issues.add(Diagnostic.warning(
                    Location.of("documentation"), "No '# Validation' (sub)section found in " + file.location()));
        }
    }

    /** Reads the test tensors that are available; unreadable ones are errors and left out of the map. */
    private static Map<Location, Tensor> loadTestTensors(
            ModelDescr model, Map<Location, FileSource> available, List<Diagnostic> issues) {
        Map<Location, Tensor> tensors = new LinkedHashMap<>();
        List<Location> locs = new ArrayList<>();
        for (int i = 0; i < model.inputs().size(); i++) {
            locs.add(Location.of("inputs", i, "test_tensor"));
        }
        for (int i = 0; i < model.outputs().size(); i++) {
            locs.add(Location.of("outputs", i, "test_tensor"));
        }
        for (Location loc : locs) {
            FileSource file = available.get(loc);
            if (file == null) {
                continue;
            }
            try (InputStream in = file.open()) {
                tensors.put(loc, Npy.read(in, file.location()));
            } catch (IOException e) {
                issues.add(error(loc, "cannot read the test tensor: " + e.getMessage()));
            }
        }
        return tensors;
    }

    private static void sampleTensor(
            Location loc,
            List<? extends Axis> axes,
            Map<Location, FileSource> available,
            ResourceRoot root,
            List<Diagnostic> issues) {
        FileSource file = available.get(loc);
        if (file == null) {
            return;
        }
        String name = file.fileName().toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        String suffix = dot < 0 ? "" : name.substring(dot);
        if (!suffix.equals(".png") && !suffix.equals(".tif") && !suffix.equals(".tiff")) {
            issues.add(Diagnostic.of(
                    Severity.INFO,
                    loc,
                    "not checked: only PNG and TIFF sample tensors are read, found " + file.fileName()));
            return;
        }
        Tensor image;
        try {
            if (file instanceof LocalFile) {
                image = Images.read(((LocalFile) file).path());
                TestTensors.sampleDimensions(loc, axes, image, issues);
                return;
            }
            // the image readers need a file named by its type: a copy in the cache's work folder, not in the system's
            // temporary folder where a killed process would leave it for good
            Path temp = root.cache().temporaryFile(suffix);
            try {
                try (InputStream in = file.open()) {
                    Files.copy(in, temp, StandardCopyOption.REPLACE_EXISTING);
                }
                image = Images.read(temp);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            issues.add(error(loc, "cannot read the sample tensor " + file.location() + ": " + e.getMessage()));
            return;
        }
        TestTensors.sampleDimensions(loc, axes, image, issues);
    }

    static Diagnostic error(Location loc, String msg) {
        return Diagnostic.error(loc, msg);
    }
}
