package eu.riscale.modelhub.core.description.codec.weights;

import static eu.riscale.modelhub.core.description.codec.common.CommonCodecs.AUTHOR;
import static eu.riscale.modelhub.core.description.codec.common.CommonCodecs.FILE_DESCR;
import static eu.riscale.modelhub.core.description.internal.Codec.INTEGER;
import static eu.riscale.modelhub.core.description.internal.Codec.MAP;
import static eu.riscale.modelhub.core.description.internal.Codec.STRING;
import static eu.riscale.modelhub.core.description.internal.Codec.VERSION;
import static eu.riscale.modelhub.core.description.internal.Field.nullMeansDefault;
import static eu.riscale.modelhub.core.description.internal.Field.optional;
import static eu.riscale.modelhub.core.description.internal.Field.required;
import static eu.riscale.modelhub.core.description.internal.Field.withDefault;

import eu.riscale.modelhub.core.description.internal.Codec;
import eu.riscale.modelhub.core.description.internal.Field;
import eu.riscale.modelhub.core.description.internal.Node;
import eu.riscale.modelhub.core.description.internal.RecordCodec;
import eu.riscale.modelhub.core.description.internal.Union;
import eu.riscale.modelhub.spec.weights.ArchitectureDescr;
import eu.riscale.modelhub.spec.weights.ArchitectureFromFileDescr;
import eu.riscale.modelhub.spec.weights.ArchitectureFromLibraryDescr;
import eu.riscale.modelhub.spec.weights.KerasHdf5WeightsDescr;
import eu.riscale.modelhub.spec.weights.OnnxWeightsDescr;
import eu.riscale.modelhub.spec.weights.PytorchStateDictWeightsDescr;
import eu.riscale.modelhub.spec.weights.TensorflowJsWeightsDescr;
import eu.riscale.modelhub.spec.weights.TensorflowSavedModelBundleWeightsDescr;
import eu.riscale.modelhub.spec.weights.TorchscriptWeightsDescr;
import eu.riscale.modelhub.spec.weights.WeightsDescr;
import eu.riscale.modelhub.spec.weights.WeightsEntryDescr;
import eu.riscale.modelhub.spec.weights.WeightsFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The wire forms of the weights entries and the architectures they need. */
public final class WeightsCodecs {
    private WeightsCodecs() {}

    /** A weights format key such as {@code torchscript}. */
    public static final Codec<WeightsFormat> WEIGHTS_FORMAT = Codec.of(Node::weightsFormat, f -> STRING.write(f.id()));

    /**
     * Declares a weights entry: the keys every entry has ({@code source}, {@code sha256}, {@code authors},
     * {@code parent}, {@code comment}), then its own.
     */
    @SafeVarargs
    private static <R extends Record & WeightsEntryDescr> RecordCodec<R> entry(Class<R> type, Field<R, ?>... own) {
        List<Field<R, ?>> fields = new ArrayList<>(List.of(
                required("source", WeightsEntryDescr::source, STRING),
                optional("sha256", WeightsEntryDescr::sha256, STRING),
                nullMeansDefault("authors", WeightsEntryDescr::authors, AUTHOR.list(), List.of()),
                optional("parent", WeightsEntryDescr::parent, WEIGHTS_FORMAT),
                withDefault("comment", WeightsEntryDescr::comment, STRING, "")));
        fields.addAll(List.of(own));
        return RecordCodec.of(type, fields);
    }

    /** An architecture from a Python file. */
    public static final RecordCodec<ArchitectureFromFileDescr> ARCHITECTURE_FROM_FILE = RecordCodec.of(
            ArchitectureFromFileDescr.class,
            required("source", ArchitectureFromFileDescr::source, STRING),
            optional("sha256", ArchitectureFromFileDescr::sha256, STRING),
            required("callable", ArchitectureFromFileDescr::callable, STRING),
            withDefault("kwargs", ArchitectureFromFileDescr::kwargs, MAP, Map.of()));

    /** An architecture from an installed library. */
    public static final RecordCodec<ArchitectureFromLibraryDescr> ARCHITECTURE_FROM_LIBRARY = RecordCodec.of(
            ArchitectureFromLibraryDescr.class,
            required("callable", ArchitectureFromLibraryDescr::callable, STRING),
            withDefault("kwargs", ArchitectureFromLibraryDescr::kwargs, MAP, Map.of()),
            required("import_from", ArchitectureFromLibraryDescr::importFrom, STRING));

    /** An architecture, told apart by the presence of {@code import_from}. */
    public static final Codec<ArchitectureDescr> ARCHITECTURE = Union.<ArchitectureDescr>untagged("")
            .when(
                    j -> j.isObject() && j.has("import_from"),
                    ArchitectureFromLibraryDescr.class,
                    ARCHITECTURE_FROM_LIBRARY)
            .otherwise(ArchitectureFromFileDescr.class, ARCHITECTURE_FROM_FILE)
            .build();

    /** Keras HDF5 weights. */
    public static final RecordCodec<KerasHdf5WeightsDescr> KERAS_HDF5 = entry(
            KerasHdf5WeightsDescr.class,
            required("tensorflow_version", KerasHdf5WeightsDescr::tensorflowVersion, VERSION));

    /** ONNX weights. */
    public static final RecordCodec<OnnxWeightsDescr> ONNX = entry(
            OnnxWeightsDescr.class,
            required("opset_version", OnnxWeightsDescr::opsetVersion, INTEGER),
            optional("external_data", OnnxWeightsDescr::externalData, FILE_DESCR));

    /** PyTorch state-dict weights. */
    public static final RecordCodec<PytorchStateDictWeightsDescr> PYTORCH_STATE_DICT = entry(
            PytorchStateDictWeightsDescr.class,
            required("architecture", PytorchStateDictWeightsDescr::architecture, ARCHITECTURE),
            required("pytorch_version", PytorchStateDictWeightsDescr::pytorchVersion, VERSION),
            optional("dependencies", PytorchStateDictWeightsDescr::dependencies, FILE_DESCR));

    /** TensorFlow.js weights. */
    public static final RecordCodec<TensorflowJsWeightsDescr> TENSORFLOW_JS = entry(
            TensorflowJsWeightsDescr.class,
            required("tensorflow_version", TensorflowJsWeightsDescr::tensorflowVersion, VERSION));

    /** TensorFlow SavedModel weights. */
    public static final RecordCodec<TensorflowSavedModelBundleWeightsDescr> TENSORFLOW_SAVED_MODEL_BUNDLE = entry(
            TensorflowSavedModelBundleWeightsDescr.class,
            required("tensorflow_version", TensorflowSavedModelBundleWeightsDescr::tensorflowVersion, VERSION),
            optional("dependencies", TensorflowSavedModelBundleWeightsDescr::dependencies, FILE_DESCR));

    /** TorchScript weights. */
    public static final RecordCodec<TorchscriptWeightsDescr> TORCHSCRIPT = entry(
            TorchscriptWeightsDescr.class,
            required("pytorch_version", TorchscriptWeightsDescr::pytorchVersion, VERSION));

    /** The weights, one optional entry per format. */
    public static final RecordCodec<WeightsDescr> WEIGHTS = RecordCodec.of(
            WeightsDescr.class,
            optional("keras_hdf5", WeightsDescr::kerasHdf5, KERAS_HDF5),
            optional("onnx", WeightsDescr::onnx, ONNX),
            optional("pytorch_state_dict", WeightsDescr::pytorchStateDict, PYTORCH_STATE_DICT),
            optional("tensorflow_js", WeightsDescr::tensorflowJs, TENSORFLOW_JS),
            optional(
                    "tensorflow_saved_model_bundle",
                    WeightsDescr::tensorflowSavedModelBundle,
                    TENSORFLOW_SAVED_MODEL_BUNDLE),
            optional("torchscript", WeightsDescr::torchscript, TORCHSCRIPT));
}
