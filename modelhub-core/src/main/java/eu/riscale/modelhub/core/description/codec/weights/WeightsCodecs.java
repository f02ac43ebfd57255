package eu.riscale.modelhub.core.description.codec.weights;

import static eu.riscale.modelhub.core.description.codec.common.CommonCodecs.AUTHOR;
import static eu.riscale.modelhub.core.description.codec.common.CommonCodecs.FILE_DESCR;
import static eu.riscale.modelhub.core.description.internal.Codec.ANY;
import static eu.riscale.modelhub.core.description.internal.Codec.BOOL;
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
import eu.riscale.modelhub.spec.weights.KerasBackend;
import eu.riscale.modelhub.spec.weights.KerasHdf5WeightsDescr;
import eu.riscale.modelhub.spec.weights.KerasV3WeightsDescr;
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
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

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

    /** The Keras backend, written as a two-item list {@code [name, version]}. */
    public static final Codec<KerasBackend> KERAS_BACKEND = Codec.of(
            WeightsCodecs::kerasBackend, b -> ANY.write(List.of(b.name().id(), b.version())));

    private static @Nullable KerasBackend kerasBackend(Node n) {
        if (!n.json().isArray() || n.json().size() != 2) {
            n.problem(
                    n.path(),
                    "Input should be a list [name, version] such as [tensorflow, '2.16'], found "
                            + Node.describe(n.json()));
            return null;
        }
        List<Node> items = Objects.requireNonNull(n.list(e -> e));
        KerasBackend.Name name = KERAS_BACKEND_NAME.read(items.get(0));
        String version = VERSION.read(items.get(1));
        return name == null || version == null ? null : new KerasBackend(name, version);
    }

    private static final Codec<KerasBackend.Name> KERAS_BACKEND_NAME = Codec.of(
            n -> {
                var name = n.json().isString()
                        ? KerasBackend.Name.fromId(n.json().stringValue())
                        : Optional.<KerasBackend.Name>empty();
                if (name.isEmpty()) {
                    n.problem(
                            n.path(),
                            "Input should be 'tensorflow', 'jax' or 'torch', found " + Node.describe(n.json()));
                    return null;
                }
                return name.get();
            },
            name -> STRING.write(name.id()));

    /** Keras 3 weights. */
    public static final RecordCodec<KerasV3WeightsDescr> KERAS_V3 = entry(
            KerasV3WeightsDescr.class,
            required("keras_version", KerasV3WeightsDescr::kerasVersion, VERSION),
            required("backend", KerasV3WeightsDescr::backend, KERAS_BACKEND));

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
            optional("dependencies", PytorchStateDictWeightsDescr::dependencies, FILE_DESCR),
            withDefault(
                    "strict", PytorchStateDictWeightsDescr::strict, BOOL, PytorchStateDictWeightsDescr.DEFAULT_STRICT));

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
            optional("keras_v3", WeightsDescr::kerasV3, KERAS_V3),
            optional("onnx", WeightsDescr::onnx, ONNX),
            optional("pytorch_state_dict", WeightsDescr::pytorchStateDict, PYTORCH_STATE_DICT),
            optional("tensorflow_js", WeightsDescr::tensorflowJs, TENSORFLOW_JS),
            optional(
                    "tensorflow_saved_model_bundle",
                    WeightsDescr::tensorflowSavedModelBundle,
                    TENSORFLOW_SAVED_MODEL_BUNDLE),
            optional("torchscript", WeightsDescr::torchscript, TORCHSCRIPT));
}
