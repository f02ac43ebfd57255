package eu.riscale.modelhub.core.testing;

import eu.riscale.modelhub.core.description.FileReference;
import eu.riscale.modelhub.core.description.FileReferences;
import eu.riscale.modelhub.core.iocheck.IoValidation;
import eu.riscale.modelhub.core.resource.FileSource;
import eu.riscale.modelhub.core.resource.ResourceRoot;
import eu.riscale.modelhub.spec.ModelDescr;
import eu.riscale.modelhub.spec.validation.Diagnostic;
import eu.riscale.modelhub.spec.validation.Location;
import eu.riscale.modelhub.spec.weights.WeightsDescr;
import eu.riscale.modelhub.spec.weights.WeightsFormat;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code io} check: {@link IoValidation} (files exist, sha256 values match, test tensors fit their description,
 * documentation) on the description without the weights entries that are not tested; the files of those entries are
 * reported as warnings ("not checked") instead, and never fetched.
 */
final class IoCheck {
    static final String NAME = "I/O validation (files, sha256, test tensors)";

    private IoCheck() {}

    /**
     * Runs the check; {@code verified} is filled with the files that exist and match their sha256, by location (see
     * {@link IoValidation#check(ModelDescr, ResourceRoot, Map)}): only those may be used by later checks.
     */
    static TestDetail run(
            ModelDescr model, ResourceRoot root, Set<WeightsFormat> tested, Map<String, FileSource> verified) {
        long start = System.nanoTime();
        List<Diagnostic> errors = new ArrayList<>();
        List<Diagnostic> warnings = new ArrayList<>();
        WeightsDescr.Builder kept = model.weights().toBuilder();
        for (WeightsFormat f : WeightsFormat.values()) {
            if (tested.contains(f)) {
                continue;
            }
            String prefix = "weights." + f.id();
            for (FileReference ref : FileReferences.of(model)) {
                if (ref.loc().equals(prefix) || ref.loc().startsWith(prefix + ".")) {
                    warnings.add(Diagnostic.warning(
                            Location.parse(ref.loc()),
                            "not checked: " + ref.source() + " is only needed by the " + f.id()
                                    + " weights, which are not tested"));
                }
            }
            drop(kept, f);
        }
        ModelDescr checked = model.toBuilder().weights(kept.build()).build();
        for (Diagnostic issue : IoValidation.check(checked, root, verified)) {
            (issue.isError() ? errors : warnings).add(issue);
        }
        return TestDetail.ran(
                CheckKind.IO, NAME, null, errors, warnings, List.of(), Duration.ofNanos(System.nanoTime() - start));
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
}
