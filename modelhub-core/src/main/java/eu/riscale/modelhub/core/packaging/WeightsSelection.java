package eu.riscale.modelhub.core.packaging;

import eu.riscale.modelhub.spec.validation.Diagnostic;
import eu.riscale.modelhub.spec.validation.Location;
import eu.riscale.modelhub.spec.weights.WeightsDescr;
import eu.riscale.modelhub.spec.weights.WeightsFormat;
import java.util.ArrayList;
import java.util.List;

/** Keeps one weights entry, as the reference's {@code package_weights} does with a {@code weights_priority_order}. */
final class WeightsSelection {
    private WeightsSelection() {}

    /**
     * Keeps the first present format of {@code order}, without its {@code parent}.
     *
     * @throws PackagingException when none of the formats is present, naming the ones present
     */
    static WeightsDescr keepFirst(WeightsDescr weights, List<WeightsFormat> order) throws PackagingException {
        for (WeightsFormat format : order) {
            WeightsDescr.Builder b = WeightsDescr.builder();
            switch (format) {
                case KERAS_HDF5:
                    if (weights.kerasHdf5() != null) {
                        return b.kerasHdf5(weights.kerasHdf5().toBuilder()
                                        .parent(null)
                                        .build())
                                .build();
                    }
                    break;
                case KERAS_V3:
                    if (weights.kerasV3() != null) {
                        return b.kerasV3(weights.kerasV3().toBuilder()
                                        .parent(null)
                                        .build())
                                .build();
                    }
                    break;
                case ONNX:
                    if (weights.onnx() != null) {
                        return b.onnx(weights.onnx().toBuilder().parent(null).build())
                                .build();
                    }
                    break;
                case PYTORCH_STATE_DICT:
                    if (weights.pytorchStateDict() != null) {
                        return b.pytorchStateDict(weights.pytorchStateDict().toBuilder()
                                        .parent(null)
                                        .build())
                                .build();
                    }
                    break;
                case TENSORFLOW_JS:
                    if (weights.tensorflowJs() != null) {
                        return b.tensorflowJs(weights.tensorflowJs().toBuilder()
                                        .parent(null)
                                        .build())
                                .build();
                    }
                    break;
                case TENSORFLOW_SAVED_MODEL_BUNDLE:
                    if (weights.tensorflowSavedModelBundle() != null) {
                        return b.tensorflowSavedModelBundle(weights.tensorflowSavedModelBundle().toBuilder()
                                        .parent(null)
                                        .build())
                                .build();
                    }
                    break;
                case TORCHSCRIPT:
                    if (weights.torchscript() != null) {
                        return b.torchscript(weights.torchscript().toBuilder()
                                        .parent(null)
                                        .build())
                                .build();
                    }
                    break;
                default:
                    throw new AssertionError(format);
            }
        }
        throw new PackagingException(
                "none of the weights formats " + order + " is present",
                List.of(Diagnostic.error(
                        Location.of("weights"), "found formats " + present(weights) + ", expected one of " + order)));
    }

    static List<WeightsFormat> present(WeightsDescr w) {
        List<WeightsFormat> formats = new ArrayList<>();
        if (w.kerasHdf5() != null) {
            formats.add(WeightsFormat.KERAS_HDF5);
        }
        if (w.kerasV3() != null) {
            formats.add(WeightsFormat.KERAS_V3);
        }
        if (w.onnx() != null) {
            formats.add(WeightsFormat.ONNX);
        }
        if (w.pytorchStateDict() != null) {
            formats.add(WeightsFormat.PYTORCH_STATE_DICT);
        }
        if (w.tensorflowJs() != null) {
            formats.add(WeightsFormat.TENSORFLOW_JS);
        }
        if (w.tensorflowSavedModelBundle() != null) {
            formats.add(WeightsFormat.TENSORFLOW_SAVED_MODEL_BUNDLE);
        }
        if (w.torchscript() != null) {
            formats.add(WeightsFormat.TORCHSCRIPT);
        }
        return formats;
    }
}
