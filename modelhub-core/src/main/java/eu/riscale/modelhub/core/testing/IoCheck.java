package eu.riscale.modelhub.core.testing;

import eu.riscale.modelhub.core.resource.FileSource;
import eu.riscale.modelhub.core.resource.OfflineException;
import eu.riscale.modelhub.core.resource.ResourceException;
import eu.riscale.modelhub.core.resource.ResourceRoot;
import eu.riscale.modelhub.core.resource.Sha256;
import eu.riscale.modelhub.core.resource.Sha256MismatchException;
import eu.riscale.modelhub.core.tensor.Npy;
import eu.riscale.modelhub.core.tensor.Tensor;
import eu.riscale.modelhub.spec.ModelDescr;
import eu.riscale.modelhub.spec.axis.Axis;
import eu.riscale.modelhub.spec.axis.FixedSize;
import eu.riscale.modelhub.spec.axis.IndexInputAxis;
import eu.riscale.modelhub.spec.axis.SpaceInputAxis;
import eu.riscale.modelhub.spec.axis.TimeInputAxis;
import eu.riscale.modelhub.spec.common.FileDescr;
import eu.riscale.modelhub.spec.tensor.InputTensorDescr;
import eu.riscale.modelhub.spec.tensor.OutputTensorDescr;
import eu.riscale.modelhub.spec.weights.ArchitectureFromFileDescr;
import eu.riscale.modelhub.spec.weights.OnnxWeightsDescr;
import eu.riscale.modelhub.spec.weights.PytorchStateDictWeightsDescr;
import eu.riscale.modelhub.spec.weights.TensorflowSavedModelBundleWeightsDescr;
import eu.riscale.modelhub.spec.weights.WeightsEntryDescr;
import eu.riscale.modelhub.spec.weights.WeightsFormat;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.NoSuchFileException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The {@code io} check: every referenced file exists and matches its sha256; test tensors are readable {@code .npy}
 * files that fit their description. Files needed only by weights entries that are not tested, and remote files in
 * offline mode, are reported as warnings ("not checked") instead.
 */
final class IoCheck {
    static final String NAME = "I/O validation (files, sha256, test tensors)";

    private IoCheck() {}

    /** One file reference: where it is written, what it says, and which weights format alone needs it. */
    private record Ref(
            String loc,
            String source,
            @Nullable String sha256,
            @Nullable WeightsFormat onlyFor) {}

    static TestDetail run(ModelDescr model, ResourceRoot root, Set<WeightsFormat> tested, boolean offline) {
        long start = System.nanoTime();
        List<TestMessage> errors = new ArrayList<>();
        List<TestMessage> warnings = new ArrayList<>();
        for (Ref ref : references(model)) {
            if (ref.onlyFor() != null && !tested.contains(ref.onlyFor())) {
                warnings.add(new TestMessage(
                        ref.loc(),
                        "not checked: " + ref.source() + " is only needed by the "
                                + ref.onlyFor().id() + " weights, which are not tested here"));
                continue;
            }
            if (offline && isRemote(ref.source())) {
                warnings.add(new TestMessage(ref.loc(), "not checked: " + ref.source() + " is remote (offline mode)"));
                continue;
            }
            checkFile(root, ref, errors, warnings);
        }
        for (int i = 0; i < model.inputs().size(); i++) {
            InputTensorDescr t = model.inputs().get(i);
            checkTensor(root, "inputs." + i, t.testTensor(), t.axes(), errors);
        }
        for (int i = 0; i < model.outputs().size(); i++) {
            OutputTensorDescr t = model.outputs().get(i);
            checkTensor(root, "outputs." + i, t.testTensor(), t.axes(), errors);
        }
        return TestDetail.ran(
                CheckKind.IO, NAME, null, errors, warnings, List.of(), Duration.ofNanos(System.nanoTime() - start));
    }

    private static void checkFile(ResourceRoot root, Ref ref, List<TestMessage> errors, List<TestMessage> warnings) {
        try {
            FileSource file = root.resolve(ref.source());
            if (!file.exists()) {
                errors.add(new TestMessage(ref.loc(), "file not found: " + file.location()));
                return;
            }
            file.verify(ref.sha256() == null ? null : Sha256.parse(ref.sha256()));
        } catch (OfflineException e) {
            warnings.add(new TestMessage(ref.loc(), "not checked: " + ref.source() + " is remote (offline mode)"));
        } catch (Sha256MismatchException e) {
            errors.add(new TestMessage(
                    ref.loc(),
                    "sha256 mismatch for " + ref.source() + ": declared "
                            + e.expected().hex() + ", actual " + e.actual().hex()));
        } catch (ResourceException e) {
            errors.add(new TestMessage(ref.loc(), e.getMessage()));
        } catch (NoSuchFileException e) {
            errors.add(new TestMessage(ref.loc(), "file not found: " + ref.source()));
        } catch (IOException | IllegalArgumentException e) {
            errors.add(new TestMessage(ref.loc(), "cannot read " + ref.source() + ": " + e.getMessage()));
        }
    }

    private static void checkTensor(
            ResourceRoot root,
            String loc,
            @Nullable FileDescr test,
            List<? extends Axis> axes,
            List<TestMessage> errors) {
        if (test == null || isRemote(test.source())) {
            return;
        }
        Tensor tensor;
        try {
            FileSource file = root.resolve(test.source());
            if (!file.exists()) {
                return; // reported by checkFile
            }
            try (InputStream in = file.open()) {
                tensor = Npy.read(in, file.location());
            }
        } catch (IOException e) {
            errors.add(new TestMessage(loc + ".test_tensor", "cannot read test tensor: " + e.getMessage()));
            return;
        }
        if (tensor.ndim() != axes.size()) {
            errors.add(new TestMessage(
                    loc + ".test_tensor",
                    "test tensor " + test.source() + " has " + tensor.ndim() + " dimensions (shape "
                            + Arrays.toString(tensor.shape()) + "), expected " + axes.size() + " for axes "
                            + axes.stream().map(Axis::id).toList()));
            return;
        }
        for (int d = 0; d < axes.size(); d++) {
            Integer fixed = fixedSize(axes.get(d));
            if (fixed != null && tensor.shape()[d] != fixed) {
                errors.add(new TestMessage(
                        loc + ".axes." + d + ".size",
                        "test tensor " + test.source() + " has size " + tensor.shape()[d] + " along axis '"
                                + axes.get(d).id() + "', expected " + fixed));
            }
        }
    }

    static boolean isRemote(String source) {
        String s = source.toLowerCase(java.util.Locale.ROOT);
        return s.startsWith("http://") || s.startsWith("https://");
    }

    private static @Nullable Integer fixedSize(Axis axis) {
        if (axis instanceof SpaceInputAxis a && a.size() instanceof FixedSize f) {
            return f.value();
        }
        if (axis instanceof TimeInputAxis a && a.size() instanceof FixedSize f) {
            return f.value();
        }
        if (axis instanceof IndexInputAxis a && a.size() instanceof FixedSize f) {
            return f.value();
        }
        if (axis instanceof eu.riscale.modelhub.spec.axis.ChannelAxis c) {
            return c.channelNames().size();
        }
        return null;
    }

    private static List<Ref> references(ModelDescr model) {
        List<Ref> refs = new ArrayList<>();
        if (model.documentation() != null) {
            refs.add(new Ref("documentation", model.documentation(), null, null));
        }
        for (int i = 0; i < model.covers().size(); i++) {
            refs.add(new Ref("covers." + i, model.covers().get(i), null, null));
        }
        for (int i = 0; i < model.attachments().size(); i++) {
            FileDescr f = model.attachments().get(i);
            refs.add(new Ref("attachments." + i + ".source", f.source(), f.sha256(), null));
        }
        for (int i = 0; i < model.inputs().size(); i++) {
            InputTensorDescr t = model.inputs().get(i);
            tensorFiles(refs, "inputs." + i, t.testTensor(), t.sampleTensor());
        }
        for (int i = 0; i < model.outputs().size(); i++) {
            OutputTensorDescr t = model.outputs().get(i);
            tensorFiles(refs, "outputs." + i, t.testTensor(), t.sampleTensor());
        }
        for (WeightsEntryDescr w : ModelTests.entries(model)) {
            String loc = "weights." + w.format().id();
            refs.add(new Ref(loc + ".source", w.source(), w.sha256(), w.format()));
            if (w instanceof PytorchStateDictWeightsDescr p) {
                if (p.architecture() instanceof ArchitectureFromFileDescr a) {
                    refs.add(new Ref(loc + ".architecture.source", a.source(), a.sha256(), w.format()));
                }
                fileRef(refs, loc + ".dependencies", p.dependencies(), w.format());
            } else if (w instanceof OnnxWeightsDescr o) {
                fileRef(refs, loc + ".external_data", o.externalData(), w.format());
            } else if (w instanceof TensorflowSavedModelBundleWeightsDescr t) {
                fileRef(refs, loc + ".dependencies", t.dependencies(), w.format());
            }
        }
        return refs;
    }

    private static void tensorFiles(List<Ref> refs, String loc, @Nullable FileDescr test, @Nullable FileDescr sample) {
        fileRef(refs, loc + ".test_tensor", test, null);
        fileRef(refs, loc + ".sample_tensor", sample, null);
    }

    private static void fileRef(List<Ref> refs, String loc, @Nullable FileDescr f, @Nullable WeightsFormat onlyFor) {
        if (f != null) {
            refs.add(new Ref(loc + ".source", f.source(), f.sha256(), onlyFor));
        }
    }
}
