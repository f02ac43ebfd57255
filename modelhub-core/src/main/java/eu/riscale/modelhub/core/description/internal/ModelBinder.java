package eu.riscale.modelhub.core.description.internal;

import eu.riscale.modelhub.core.description.Problem;
import eu.riscale.modelhub.spec.ModelDescr;
import eu.riscale.modelhub.spec.axis.BatchAxis;
import eu.riscale.modelhub.spec.axis.ChannelAxis;
import eu.riscale.modelhub.spec.axis.DataDependentSize;
import eu.riscale.modelhub.spec.axis.FixedSize;
import eu.riscale.modelhub.spec.axis.IndexInputAxis;
import eu.riscale.modelhub.spec.axis.IndexOutputAxis;
import eu.riscale.modelhub.spec.axis.InputAxis;
import eu.riscale.modelhub.spec.axis.InputSize;
import eu.riscale.modelhub.spec.axis.OutputAxis;
import eu.riscale.modelhub.spec.axis.OutputSize;
import eu.riscale.modelhub.spec.axis.ParameterizedSize;
import eu.riscale.modelhub.spec.axis.SizeReference;
import eu.riscale.modelhub.spec.axis.SpaceInputAxis;
import eu.riscale.modelhub.spec.axis.SpaceOutputAxis;
import eu.riscale.modelhub.spec.axis.SpaceOutputAxisWithHalo;
import eu.riscale.modelhub.spec.axis.StaticOutputSize;
import eu.riscale.modelhub.spec.axis.TimeInputAxis;
import eu.riscale.modelhub.spec.axis.TimeOutputAxis;
import eu.riscale.modelhub.spec.axis.TimeOutputAxisWithHalo;
import eu.riscale.modelhub.spec.common.Author;
import eu.riscale.modelhub.spec.common.CiteEntry;
import eu.riscale.modelhub.spec.common.FileDescr;
import eu.riscale.modelhub.spec.common.LinkedDataset;
import eu.riscale.modelhub.spec.common.LinkedModel;
import eu.riscale.modelhub.spec.common.Maintainer;
import eu.riscale.modelhub.spec.common.RunMode;
import eu.riscale.modelhub.spec.common.Uploader;
import eu.riscale.modelhub.spec.config.BiasRisksLimitations;
import eu.riscale.modelhub.spec.config.BioimageioConfig;
import eu.riscale.modelhub.spec.config.Config;
import eu.riscale.modelhub.spec.config.EnvironmentalImpact;
import eu.riscale.modelhub.spec.config.Evaluation;
import eu.riscale.modelhub.spec.config.ReproducibilityTolerance;
import eu.riscale.modelhub.spec.config.TrainingDetails;
import eu.riscale.modelhub.spec.op.BinarizeDescr;
import eu.riscale.modelhub.spec.op.BinarizeKwargs;
import eu.riscale.modelhub.spec.op.ClipDescr;
import eu.riscale.modelhub.spec.op.ClipKwargs;
import eu.riscale.modelhub.spec.op.Coefficients;
import eu.riscale.modelhub.spec.op.EnsureDtypeDescr;
import eu.riscale.modelhub.spec.op.EnsureDtypeKwargs;
import eu.riscale.modelhub.spec.op.FixedZeroMeanUnitVarianceDescr;
import eu.riscale.modelhub.spec.op.FixedZeroMeanUnitVarianceKwargs;
import eu.riscale.modelhub.spec.op.PostprocessingDescr;
import eu.riscale.modelhub.spec.op.PreprocessingDescr;
import eu.riscale.modelhub.spec.op.ScaleLinearDescr;
import eu.riscale.modelhub.spec.op.ScaleLinearKwargs;
import eu.riscale.modelhub.spec.op.ScaleMeanVarianceDescr;
import eu.riscale.modelhub.spec.op.ScaleMeanVarianceKwargs;
import eu.riscale.modelhub.spec.op.ScaleRangeDescr;
import eu.riscale.modelhub.spec.op.ScaleRangeKwargs;
import eu.riscale.modelhub.spec.op.SigmoidDescr;
import eu.riscale.modelhub.spec.op.SoftmaxDescr;
import eu.riscale.modelhub.spec.op.SoftmaxKwargs;
import eu.riscale.modelhub.spec.op.ZeroMeanUnitVarianceDescr;
import eu.riscale.modelhub.spec.op.ZeroMeanUnitVarianceKwargs;
import eu.riscale.modelhub.spec.tensor.DType;
import eu.riscale.modelhub.spec.tensor.InputTensorDescr;
import eu.riscale.modelhub.spec.tensor.IntervalOrRatioDataDescr;
import eu.riscale.modelhub.spec.tensor.NominalOrOrdinalDataDescr;
import eu.riscale.modelhub.spec.tensor.OutputTensorDescr;
import eu.riscale.modelhub.spec.tensor.PerChannelData;
import eu.riscale.modelhub.spec.tensor.Range;
import eu.riscale.modelhub.spec.tensor.TensorData;
import eu.riscale.modelhub.spec.tensor.TensorDataDescr;
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
import eu.riscale.modelhub.spec.weights.WeightsFormat;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Binds a parsed format-0.5 tree into a {@link ModelDescr}, collecting every structural problem (unknown keys,
 * missing required keys, wrong types, unknown {@code type}/{@code id} tags) with its dotted path before giving up.
 *
 * <p>One method per node type; a method returns {@code null} when the node or one of its children had a problem, so
 * no partially built record is created.
 */
public final class ModelBinder {
    private ModelBinder() {}

    /**
     * Binds a whole document tree (already parsed, for example produced by the 0.4 converter).
     *
     * @param root the root mapping of a format-0.5 model description
     * @return the model, or the problems found
     */
    public static BindResult bind(JsonNode root) {
        List<Problem> problems = new ArrayList<>();
        ModelDescr model = modelDescr(new Node(root, "", problems));
        return problems.isEmpty() && model != null ? new BindResult(model, List.of()) : new BindResult(null, problems);
    }

    private static <T> @Nullable T dispatch(Node n, String key, Map<String, Function<Node, @Nullable T>> table) {
        if (!n.expectObject()) {
            return null;
        }
        String tag = n.discriminator(key, List.copyOf(table.keySet()));
        return tag == null ? null : table.get(tag).apply(n);
    }

    private static final Map<String, Function<Node, @Nullable InputAxis>> INPUT_AXES = new LinkedHashMap<>();
    private static final Map<String, Function<Node, @Nullable OutputAxis>> OUTPUT_AXES = new LinkedHashMap<>();
    private static final Map<String, Function<Node, @Nullable PreprocessingDescr>> PREPROCESSING =
            new LinkedHashMap<>();
    private static final Map<String, Function<Node, @Nullable PostprocessingDescr>> POSTPROCESSING =
            new LinkedHashMap<>();

    static {
        INPUT_AXES.put("batch", ModelBinder::batchAxis);
        INPUT_AXES.put("channel", ModelBinder::channelAxis);
        INPUT_AXES.put("index", ModelBinder::indexInputAxis);
        INPUT_AXES.put("time", ModelBinder::timeInputAxis);
        INPUT_AXES.put("space", ModelBinder::spaceInputAxis);
        OUTPUT_AXES.put("batch", ModelBinder::batchAxis);
        OUTPUT_AXES.put("channel", ModelBinder::channelAxis);
        OUTPUT_AXES.put("index", ModelBinder::indexOutputAxis);
        // the halo variants are told apart by the presence of the `halo` key, like the reference does
        OUTPUT_AXES.put("time", n -> n.json().has("halo") ? timeOutputAxisWithHalo(n) : timeOutputAxis(n));
        OUTPUT_AXES.put("space", n -> n.json().has("halo") ? spaceOutputAxisWithHalo(n) : spaceOutputAxis(n));
        PREPROCESSING.put("binarize", ModelBinder::binarizeDescr);
        PREPROCESSING.put("clip", ModelBinder::clipDescr);
        PREPROCESSING.put("ensure_dtype", ModelBinder::ensureDtypeDescr);
        PREPROCESSING.put("fixed_zero_mean_unit_variance", ModelBinder::fixedZeroMeanUnitVarianceDescr);
        PREPROCESSING.put("scale_linear", ModelBinder::scaleLinearDescr);
        PREPROCESSING.put("scale_range", ModelBinder::scaleRangeDescr);
        PREPROCESSING.put("sigmoid", ModelBinder::sigmoidDescr);
        PREPROCESSING.put("softmax", ModelBinder::softmaxDescr);
        PREPROCESSING.put("zero_mean_unit_variance", ModelBinder::zeroMeanUnitVarianceDescr);
        PREPROCESSING.forEach((k, v) -> POSTPROCESSING.put(k, v::apply));
        POSTPROCESSING.put("scale_mean_variance", ModelBinder::scaleMeanVarianceDescr);
    }

    static @Nullable InputAxis inputAxis(Node n) {
        return dispatch(n, "type", INPUT_AXES);
    }

    static @Nullable OutputAxis outputAxis(Node n) {
        return dispatch(n, "type", OUTPUT_AXES);
    }

    static @Nullable PreprocessingDescr preprocessingDescr(Node n) {
        return dispatch(n, "id", PREPROCESSING);
    }

    static @Nullable PostprocessingDescr postprocessingDescr(Node n) {
        return dispatch(n, "id", POSTPROCESSING);
    }

    static @Nullable InputSize inputSize(Node n) {
        if (n.json().isIntegralNumber()) {
            Integer v = n.integer();
            return v == null ? null : new FixedSize(v);
        }
        if (n.json().isObject()) {
            return n.json().has("tensor_id") || n.json().has("axis_id") ? sizeReference(n) : parameterizedSize(n);
        }
        n.problem(
                n.path(),
                "Input should be an integer, a parameterized size {min, step} or a size reference"
                        + " {tensor_id, axis_id, offset}, found " + Node.describe(n.json()));
        return null;
    }

    static @Nullable OutputSize outputSize(Node n) {
        if (n.json().isObject() && !n.json().has("tensor_id") && !n.json().has("axis_id")) {
            return dataDependentSize(n);
        }
        if (n.json().isIntegralNumber() || n.json().isObject()) {
            return staticOutputSize(n);
        }
        n.problem(
                n.path(),
                "Input should be an integer, a size reference {tensor_id, axis_id, offset} or a"
                        + " data dependent size {min, max}, found " + Node.describe(n.json()));
        return null;
    }

    static @Nullable StaticOutputSize staticOutputSize(Node n) {
        if (n.json().isIntegralNumber()) {
            Integer v = n.integer();
            return v == null ? null : new FixedSize(v);
        }
        if (n.json().isObject()) {
            return sizeReference(n);
        }
        n.problem(
                n.path(),
                "Input should be an integer or a size reference {tensor_id, axis_id, offset}, found "
                        + Node.describe(n.json()));
        return null;
    }

    static @Nullable TensorData tensorData(Node n) {
        if (n.json().isArray()) {
            List<TensorDataDescr> channels = n.list(ModelBinder::tensorDataDescr);
            return channels == null || channels.contains(null) ? null : new PerChannelData(channels);
        }
        return tensorDataDescr(n);
    }

    static @Nullable TensorDataDescr tensorDataDescr(Node n) {
        if (!n.expectObject()) {
            return null;
        }
        return n.json().has("values") ? nominalOrOrdinalDataDescr(n) : intervalOrRatioDataDescr(n);
    }

    static @Nullable Range range(Node n) {
        if (!n.json().isArray() || n.json().size() != 2) {
            n.problem(
                    n.path(),
                    "Input should be a list of two numbers or nulls [min, max], found " + Node.describe(n.json()));
            return null;
        }
        List<Double> ends = n.list(e -> e.json().isNull() ? null : e.number());
        int before = n.problemCount();
        return ends == null || n.problemCount() != before ? null : new Range(ends.get(0), ends.get(1));
    }

    static @Nullable BinarizeKwargs binarizeKwargs(Node n) {
        return n.json().has("axis") ? binarizeKwargsAlongAxis(n) : binarizeKwargsScalar(n);
    }

    static @Nullable FixedZeroMeanUnitVarianceKwargs fixedZeroMeanUnitVarianceKwargs(Node n) {
        return n.json().has("axis")
                ? fixedZeroMeanUnitVarianceKwargsAlongAxis(n)
                : fixedZeroMeanUnitVarianceKwargsScalar(n);
    }

    static @Nullable ScaleLinearKwargs scaleLinearKwargs(Node n) {
        return n.json().has("axis") ? scaleLinearKwargsAlongAxis(n) : scaleLinearKwargsScalar(n);
    }

    static @Nullable Coefficients coefficients(Node n) {
        if (n.json().isArray()) {
            int before = n.problemCount();
            List<Double> values = n.list(Node::number);
            return values == null || n.problemCount() != before ? null : Coefficients.of(values);
        }
        Double v = n.number();
        return v == null ? null : Coefficients.of(v);
    }

    static @Nullable ArchitectureDescr architectureDescr(Node n) {
        if (!n.expectObject()) {
            return null;
        }
        return n.json().has("import_from") ? architectureFromLibraryDescr(n) : architectureFromFileDescr(n);
    }

    static @Nullable Author author(Node n) {
        if (!n.expectObject()) {
            return null;
        }
        int before = n.problemCount();
        String affiliation = n.optional("affiliation", Node::string);
        String email = n.optional("email", Node::string);
        String orcid = n.optional("orcid", Node::string);
        String name = n.required("name", Node::string);
        String githubUser = n.optional("github_user", Node::string);
        n.rejectUnknownKeys();
        if (n.problemCount() != before) {
            return null;
        }
        return new Author(affiliation, email, orcid, name, githubUser);
    }

    static @Nullable Maintainer maintainer(Node n) {
        if (!n.expectObject()) {
            return null;
        }
        int before = n.problemCount();
        String affiliation = n.optional("affiliation", Node::string);
        String email = n.optional("email", Node::string);
        String orcid = n.optional("orcid", Node::string);
        String name = n.optional("name", Node::string);
        String githubUser = n.required("github_user", Node::string);
        n.rejectUnknownKeys();
        if (n.problemCount() != before) {
            return null;
        }
        return new Maintainer(affiliation, email, orcid, name, githubUser);
    }

    static @Nullable CiteEntry citeEntry(Node n) {
        if (!n.expectObject()) {
            return null;
        }
        int before = n.problemCount();
        String text = n.required("text", Node::string);
        String doi = n.optional("doi", Node::string);
        String url = n.optional("url", Node::string);
        n.rejectUnknownKeys();
        if (n.problemCount() != before) {
            return null;
        }
        return new CiteEntry(text, doi, url);
    }

    static @Nullable Uploader uploader(Node n) {
        if (!n.expectObject()) {
            return null;
        }
        int before = n.problemCount();
        String email = n.required("email", Node::string);
        String name = n.optional("name", Node::string);
        n.rejectUnknownKeys();
        if (n.problemCount() != before) {
            return null;
        }
        return new Uploader(email, name);
    }

    static @Nullable FileDescr fileDescr(Node n) {
        if (!n.expectObject()) {
            return null;
        }
        int before = n.problemCount();
        String source = n.required("source", Node::string);
        String sha256 = n.optional("sha256", Node::string);
        n.rejectUnknownKeys();
        if (n.problemCount() != before) {
            return null;
        }
        return new FileDescr(source, sha256);
    }

    static @Nullable LinkedModel linkedModel(Node n) {
        if (!n.expectObject()) {
            return null;
        }
        int before = n.problemCount();
        String version = n.optional("version", Node::version);
        String id = n.required("id", Node::string);
        n.rejectUnknownKeys();
        if (n.problemCount() != before) {
            return null;
        }
        return new LinkedModel(version, id);
    }

    static @Nullable LinkedDataset linkedDataset(Node n) {
        if (!n.expectObject()) {
            return null;
        }
        int before = n.problemCount();
        String version = n.optional("version", Node::version);
        String id = n.required("id", Node::string);
        n.rejectUnknownKeys();
        if (n.problemCount() != before) {
            return null;
        }
        return new LinkedDataset(version, id);
    }

    static @Nullable RunMode runMode(Node n) {
        if (!n.expectObject()) {
            return null;
        }
        int before = n.problemCount();
        String name = n.required("name", Node::string);
        Map<String, Object> kwargs = n.withDefault("kwargs", Node::map, Map.of());
        n.rejectUnknownKeys();
        if (n.problemCount() != before) {
            return null;
        }
        return new RunMode(name, kwargs);
    }

    static @Nullable ParameterizedSize parameterizedSize(Node n) {
        if (!n.expectObject()) {
            return null;
        }
        int before = n.problemCount();
        Integer min = n.required("min", Node::integer);
        Integer step = n.required("step", Node::integer);
        n.rejectUnknownKeys();
        if (n.problemCount() != before) {
            return null;
        }
        return new ParameterizedSize(min, step);
    }

    static @Nullable DataDependentSize dataDependentSize(Node n) {
        if (!n.expectObject()) {
            return null;
        }
        int before = n.problemCount();
        Integer min = n.withDefault("min", Node::integer, 1);
        Integer max = n.optional("max", Node::integer);
        n.rejectUnknownKeys();
        if (n.problemCount() != before) {
            return null;
        }
        return new DataDependentSize(min, max);
    }

    static @Nullable SizeReference sizeReference(Node n) {
        if (!n.expectObject()) {
            return null;
        }
        int before = n.problemCount();
        String tensorId = n.required("tensor_id", Node::string);
        String axisId = n.required("axis_id", Node::axisId);
        Integer offset = n.withDefault("offset", Node::integer, 0);
        n.rejectUnknownKeys();
        if (n.problemCount() != before) {
            return null;
        }
        return new SizeReference(tensorId, axisId, offset);
    }

    static @Nullable BatchAxis batchAxis(Node n) {
        if (!n.expectObject()) {
            return null;
        }
        int before = n.problemCount();
        String id = n.withDefault("id", Node::axisId, "batch");
        String description = n.withDefault("description", Node::string, "");
        n.constant("type", "batch");
        Integer size = n.optional("size", Node::integer);
        n.rejectUnknownKeys();
        if (n.problemCount() != before) {
            return null;
        }
        return new BatchAxis(id, description, size);
    }

    static @Nullable ChannelAxis channelAxis(Node n) {
        if (!n.expectObject()) {
            return null;
        }
        int before = n.problemCount();
        String id = n.withDefault("id", Node::axisId, "channel");
        String description = n.withDefault("description", Node::string, "");
        n.constant("type", "channel");
        List<String> channelNames = n.required("channel_names", x -> x.list(Node::string));
        n.rejectUnknownKeys();
        if (n.problemCount() != before) {
            return null;
        }
        return new ChannelAxis(id, description, channelNames);
    }

    static @Nullable IndexInputAxis indexInputAxis(Node n) {
        if (!n.expectObject()) {
            return null;
        }
        int before = n.problemCount();
        InputSize size = n.required("size", ModelBinder::inputSize);
        String id = n.withDefault("id", Node::axisId, "index");
        String description = n.withDefault("description", Node::string, "");
        n.constant("type", "index");
        Boolean concatenable = n.withDefault("concatenable", Node::bool, false);
        n.rejectUnknownKeys();
        if (n.problemCount() != before) {
            return null;
        }
        return new IndexInputAxis(size, id, description, concatenable);
    }

    static @Nullable IndexOutputAxis indexOutputAxis(Node n) {
        if (!n.expectObject()) {
            return null;
        }
        int before = n.problemCount();
        String id = n.withDefault("id", Node::axisId, "index");
        String description = n.withDefault("description", Node::string, "");
        n.constant("type", "index");
        OutputSize size = n.required("size", ModelBinder::outputSize);
        n.rejectUnknownKeys();
        if (n.problemCount() != before) {
            return null;
        }
        return new IndexOutputAxis(id, description, size);
    }

    static @Nullable TimeInputAxis timeInputAxis(Node n) {
        if (!n.expectObject()) {
            return null;
        }
        int before = n.problemCount();
        InputSize size = n.required("size", ModelBinder::inputSize);
        String id = n.withDefault("id", Node::axisId, "time");
        String description = n.withDefault("description", Node::string, "");
        n.constant("type", "time");
        String unit = n.optional("unit", Node::string);
        Double scale = n.withDefault("scale", Node::number, 1.0);
        Boolean concatenable = n.withDefault("concatenable", Node::bool, false);
        n.rejectUnknownKeys();
        if (n.problemCount() != before) {
            return null;
        }
        return new TimeInputAxis(size, id, description, unit, scale, concatenable);
    }

    static @Nullable TimeOutputAxis timeOutputAxis(Node n) {
        if (!n.expectObject()) {
            return null;
        }
        int before = n.problemCount();
        StaticOutputSize size = n.required("size", ModelBinder::staticOutputSize);
        String id = n.withDefault("id", Node::axisId, "time");
        String description = n.withDefault("description", Node::string, "");
        n.constant("type", "time");
        String unit = n.optional("unit", Node::string);
        Double scale = n.withDefault("scale", Node::number, 1.0);
        n.rejectUnknownKeys();
        if (n.problemCount() != before) {
            return null;
        }
        return new TimeOutputAxis(size, id, description, unit, scale);
    }

    static @Nullable TimeOutputAxisWithHalo timeOutputAxisWithHalo(Node n) {
        if (!n.expectObject()) {
            return null;
        }
        int before = n.problemCount();
        Integer halo = n.required("halo", Node::integer);
        SizeReference size = n.required("size", ModelBinder::sizeReference);
        String id = n.withDefault("id", Node::axisId, "time");
        String description = n.withDefault("description", Node::string, "");
        n.constant("type", "time");
        String unit = n.optional("unit", Node::string);
        Double scale = n.withDefault("scale", Node::number, 1.0);
        n.rejectUnknownKeys();
        if (n.problemCount() != before) {
            return null;
        }
        return new TimeOutputAxisWithHalo(halo, size, id, description, unit, scale);
    }

    static @Nullable SpaceInputAxis spaceInputAxis(Node n) {
        if (!n.expectObject()) {
            return null;
        }
        int before = n.problemCount();
        InputSize size = n.required("size", ModelBinder::inputSize);
        String id = n.withDefault("id", Node::axisId, "x");
        String description = n.withDefault("description", Node::string, "");
        n.constant("type", "space");
        String unit = n.optional("unit", Node::string);
        Double scale = n.withDefault("scale", Node::number, 1.0);
        Boolean concatenable = n.withDefault("concatenable", Node::bool, false);
        n.rejectUnknownKeys();
        if (n.problemCount() != before) {
            return null;
        }
        return new SpaceInputAxis(size, id, description, unit, scale, concatenable);
    }

    static @Nullable SpaceOutputAxis spaceOutputAxis(Node n) {
        if (!n.expectObject()) {
            return null;
        }
        int before = n.problemCount();
        StaticOutputSize size = n.required("size", ModelBinder::staticOutputSize);
        String id = n.withDefault("id", Node::axisId, "x");
        String description = n.withDefault("description", Node::string, "");
        n.constant("type", "space");
        String unit = n.optional("unit", Node::string);
        Double scale = n.withDefault("scale", Node::number, 1.0);
        n.rejectUnknownKeys();
        if (n.problemCount() != before) {
            return null;
        }
        return new SpaceOutputAxis(size, id, description, unit, scale);
    }

    static @Nullable SpaceOutputAxisWithHalo spaceOutputAxisWithHalo(Node n) {
        if (!n.expectObject()) {
            return null;
        }
        int before = n.problemCount();
        Integer halo = n.required("halo", Node::integer);
        SizeReference size = n.required("size", ModelBinder::sizeReference);
        String id = n.withDefault("id", Node::axisId, "x");
        String description = n.withDefault("description", Node::string, "");
        n.constant("type", "space");
        String unit = n.optional("unit", Node::string);
        Double scale = n.withDefault("scale", Node::number, 1.0);
        n.rejectUnknownKeys();
        if (n.problemCount() != before) {
            return null;
        }
        return new SpaceOutputAxisWithHalo(halo, size, id, description, unit, scale);
    }

    static @Nullable IntervalOrRatioDataDescr intervalOrRatioDataDescr(Node n) {
        if (!n.expectObject()) {
            return null;
        }
        int before = n.problemCount();
        DType type = n.withDefault("type", Node::dtype, DType.FLOAT32);
        Range range = n.withDefault("range", ModelBinder::range, Range.UNBOUNDED);
        String unit = n.withDefault("unit", Node::string, "arbitrary unit");
        Double scale = n.withDefault("scale", Node::number, 1.0);
        Double offset = n.optional("offset", Node::number);
        n.rejectUnknownKeys();
        if (n.problemCount() != before) {
            return null;
        }
        return new IntervalOrRatioDataDescr(type, range, unit, scale, offset);
    }

    static @Nullable NominalOrOrdinalDataDescr nominalOrOrdinalDataDescr(Node n) {
        if (!n.expectObject()) {
            return null;
        }
        int before = n.problemCount();
        List<Object> values = n.required("values", x -> x.list(Node::any));
        DType type = n.withDefault("type", Node::dtype, DType.UINT8);
        String unit = n.optional("unit", Node::string);
        n.rejectUnknownKeys();
        if (n.problemCount() != before) {
            return null;
        }
        return new NominalOrOrdinalDataDescr(values, type, unit);
    }

    static @Nullable InputTensorDescr inputTensorDescr(Node n) {
        if (!n.expectObject()) {
            return null;
        }
        int before = n.problemCount();
        String id = n.withDefault("id", Node::string, "input");
        String description = n.withDefault("description", Node::string, "");
        List<InputAxis> axes = n.required("axes", x -> x.list(ModelBinder::inputAxis));
        FileDescr testTensor = n.optional("test_tensor", ModelBinder::fileDescr);
        FileDescr sampleTensor = n.optional("sample_tensor", ModelBinder::fileDescr);
        TensorData data = n.withDefault("data", ModelBinder::tensorData, IntervalOrRatioDataDescr.DEFAULT);
        Boolean optional = n.withDefault("optional", Node::bool, false);
        List<PreprocessingDescr> preprocessing =
                n.withDefault("preprocessing", x -> x.list(ModelBinder::preprocessingDescr), List.of());
        n.rejectUnknownKeys();
        if (n.problemCount() != before) {
            return null;
        }
        return new InputTensorDescr(id, description, axes, testTensor, sampleTensor, data, optional, preprocessing);
    }

    static @Nullable OutputTensorDescr outputTensorDescr(Node n) {
        if (!n.expectObject()) {
            return null;
        }
        int before = n.problemCount();
        String id = n.withDefault("id", Node::string, "output");
        String description = n.withDefault("description", Node::string, "");
        List<OutputAxis> axes = n.required("axes", x -> x.list(ModelBinder::outputAxis));
        FileDescr testTensor = n.optional("test_tensor", ModelBinder::fileDescr);
        FileDescr sampleTensor = n.optional("sample_tensor", ModelBinder::fileDescr);
        TensorData data = n.withDefault("data", ModelBinder::tensorData, IntervalOrRatioDataDescr.DEFAULT);
        List<PostprocessingDescr> postprocessing =
                n.withDefault("postprocessing", x -> x.list(ModelBinder::postprocessingDescr), List.of());
        n.rejectUnknownKeys();
        if (n.problemCount() != before) {
            return null;
        }
        return new OutputTensorDescr(id, description, axes, testTensor, sampleTensor, data, postprocessing);
    }

    static BinarizeKwargs.@Nullable Scalar binarizeKwargsScalar(Node n) {
        if (!n.expectObject()) {
            return null;
        }
        int before = n.problemCount();
        Double threshold = n.required("threshold", Node::number);
        n.rejectUnknownKeys();
        if (n.problemCount() != before) {
            return null;
        }
        return new BinarizeKwargs.Scalar(threshold);
    }

    static BinarizeKwargs.@Nullable AlongAxis binarizeKwargsAlongAxis(Node n) {
        if (!n.expectObject()) {
            return null;
        }
        int before = n.problemCount();
        List<Double> threshold = n.required("threshold", x -> x.list(Node::number));
        String axis = n.required("axis", Node::axisId);
        n.rejectUnknownKeys();
        if (n.problemCount() != before) {
            return null;
        }
        return new BinarizeKwargs.AlongAxis(threshold, axis);
    }

    static @Nullable BinarizeDescr binarizeDescr(Node n) {
        if (!n.expectObject()) {
            return null;
        }
        int before = n.problemCount();
        n.constant("id", "binarize");
        BinarizeKwargs kwargs = n.required("kwargs", ModelBinder::binarizeKwargs);
        n.rejectUnknownKeys();
        if (n.problemCount() != before) {
            return null;
        }
        return new BinarizeDescr(kwargs);
    }

    static @Nullable ClipKwargs clipKwargs(Node n) {
        if (!n.expectObject()) {
            return null;
        }
        int before = n.problemCount();
        Double min = n.optional("min", Node::number);
        Double minPercentile = n.optional("min_percentile", Node::number);
        Double max = n.optional("max", Node::number);
        Double maxPercentile = n.optional("max_percentile", Node::number);
        List<String> axes = n.optional("axes", x -> x.list(Node::axisId));
        n.rejectUnknownKeys();
        if (n.problemCount() != before) {
            return null;
        }
        return new ClipKwargs(min, minPercentile, max, maxPercentile, axes);
    }

    static @Nullable ClipDescr clipDescr(Node n) {
        if (!n.expectObject()) {
            return null;
        }
        int before = n.problemCount();
        n.constant("id", "clip");
        ClipKwargs kwargs = n.required("kwargs", ModelBinder::clipKwargs);
        n.rejectUnknownKeys();
        if (n.problemCount() != before) {
            return null;
        }
        return new ClipDescr(kwargs);
    }

    static @Nullable EnsureDtypeKwargs ensureDtypeKwargs(Node n) {
        if (!n.expectObject()) {
            return null;
        }
        int before = n.problemCount();
        DType dtype = n.required("dtype", Node::dtype);
        n.rejectUnknownKeys();
        if (n.problemCount() != before) {
            return null;
        }
        return new EnsureDtypeKwargs(dtype);
    }

    static @Nullable EnsureDtypeDescr ensureDtypeDescr(Node n) {
        if (!n.expectObject()) {
            return null;
        }
        int before = n.problemCount();
        n.constant("id", "ensure_dtype");
        EnsureDtypeKwargs kwargs = n.required("kwargs", ModelBinder::ensureDtypeKwargs);
        n.rejectUnknownKeys();
        if (n.problemCount() != before) {
            return null;
        }
        return new EnsureDtypeDescr(kwargs);
    }

    static FixedZeroMeanUnitVarianceKwargs.@Nullable Scalar fixedZeroMeanUnitVarianceKwargsScalar(Node n) {
        if (!n.expectObject()) {
            return null;
        }
        int before = n.problemCount();
        Double mean = n.required("mean", Node::number);
        Double std = n.required("std", Node::number);
        n.rejectUnknownKeys();
        if (n.problemCount() != before) {
            return null;
        }
        return new FixedZeroMeanUnitVarianceKwargs.Scalar(mean, std);
    }

    static FixedZeroMeanUnitVarianceKwargs.@Nullable AlongAxis fixedZeroMeanUnitVarianceKwargsAlongAxis(Node n) {
        if (!n.expectObject()) {
            return null;
        }
        int before = n.problemCount();
        List<Double> mean = n.required("mean", x -> x.list(Node::number));
        List<Double> std = n.required("std", x -> x.list(Node::number));
        String axis = n.required("axis", Node::axisId);
        n.rejectUnknownKeys();
        if (n.problemCount() != before) {
            return null;
        }
        return new FixedZeroMeanUnitVarianceKwargs.AlongAxis(mean, std, axis);
    }

    static @Nullable FixedZeroMeanUnitVarianceDescr fixedZeroMeanUnitVarianceDescr(Node n) {
        if (!n.expectObject()) {
            return null;
        }
        int before = n.problemCount();
        n.constant("id", "fixed_zero_mean_unit_variance");
        FixedZeroMeanUnitVarianceKwargs kwargs = n.required("kwargs", ModelBinder::fixedZeroMeanUnitVarianceKwargs);
        n.rejectUnknownKeys();
        if (n.problemCount() != before) {
            return null;
        }
        return new FixedZeroMeanUnitVarianceDescr(kwargs);
    }

    static ScaleLinearKwargs.@Nullable Scalar scaleLinearKwargsScalar(Node n) {
        if (!n.expectObject()) {
            return null;
        }
        int before = n.problemCount();
        Double gain = n.withDefault("gain", Node::number, 1.0);
        Double offset = n.withDefault("offset", Node::number, 0.0);
        n.rejectUnknownKeys();
        if (n.problemCount() != before) {
            return null;
        }
        return new ScaleLinearKwargs.Scalar(gain, offset);
    }

    static ScaleLinearKwargs.@Nullable AlongAxis scaleLinearKwargsAlongAxis(Node n) {
        if (!n.expectObject()) {
            return null;
        }
        int before = n.problemCount();
        String axis = n.required("axis", Node::axisId);
        Coefficients gain = n.withDefault("gain", ModelBinder::coefficients, Coefficients.ONE);
        Coefficients offset = n.withDefault("offset", ModelBinder::coefficients, Coefficients.ZERO);
        n.rejectUnknownKeys();
        if (n.problemCount() != before) {
            return null;
        }
        return new ScaleLinearKwargs.AlongAxis(axis, gain, offset);
    }

    static @Nullable ScaleLinearDescr scaleLinearDescr(Node n) {
        if (!n.expectObject()) {
            return null;
        }
        int before = n.problemCount();
        n.constant("id", "scale_linear");
        ScaleLinearKwargs kwargs = n.required("kwargs", ModelBinder::scaleLinearKwargs);
        n.rejectUnknownKeys();
        if (n.problemCount() != before) {
            return null;
        }
        return new ScaleLinearDescr(kwargs);
    }

    static @Nullable ScaleMeanVarianceKwargs scaleMeanVarianceKwargs(Node n) {
        if (!n.expectObject()) {
            return null;
        }
        int before = n.problemCount();
        String referenceTensor = n.required("reference_tensor", Node::string);
        List<String> axes = n.optional("axes", x -> x.list(Node::axisId));
        Double eps = n.withDefault("eps", Node::number, 1e-6);
        n.rejectUnknownKeys();
        if (n.problemCount() != before) {
            return null;
        }
        return new ScaleMeanVarianceKwargs(referenceTensor, axes, eps);
    }

    static @Nullable ScaleMeanVarianceDescr scaleMeanVarianceDescr(Node n) {
        if (!n.expectObject()) {
            return null;
        }
        int before = n.problemCount();
        n.constant("id", "scale_mean_variance");
        ScaleMeanVarianceKwargs kwargs = n.required("kwargs", ModelBinder::scaleMeanVarianceKwargs);
        n.rejectUnknownKeys();
        if (n.problemCount() != before) {
            return null;
        }
        return new ScaleMeanVarianceDescr(kwargs);
    }

    static @Nullable ScaleRangeKwargs scaleRangeKwargs(Node n) {
        if (!n.expectObject()) {
            return null;
        }
        int before = n.problemCount();
        List<String> axes = n.optional("axes", x -> x.list(Node::axisId));
        Double minPercentile = n.withDefault("min_percentile", Node::number, 0.0);
        Double maxPercentile = n.withDefault("max_percentile", Node::number, 100.0);
        Double eps = n.withDefault("eps", Node::number, 1e-6);
        String referenceTensor = n.optional("reference_tensor", Node::string);
        n.rejectUnknownKeys();
        if (n.problemCount() != before) {
            return null;
        }
        return new ScaleRangeKwargs(axes, minPercentile, maxPercentile, eps, referenceTensor);
    }

    static @Nullable ScaleRangeDescr scaleRangeDescr(Node n) {
        if (!n.expectObject()) {
            return null;
        }
        int before = n.problemCount();
        n.constant("id", "scale_range");
        ScaleRangeKwargs kwargs = n.withDefault("kwargs", ModelBinder::scaleRangeKwargs, ScaleRangeKwargs.DEFAULT);
        n.rejectUnknownKeys();
        if (n.problemCount() != before) {
            return null;
        }
        return new ScaleRangeDescr(kwargs);
    }

    static @Nullable SigmoidDescr sigmoidDescr(Node n) {
        if (!n.expectObject()) {
            return null;
        }
        int before = n.problemCount();
        n.constant("id", "sigmoid");
        n.allowEmpty("kwargs");
        n.rejectUnknownKeys();
        if (n.problemCount() != before) {
            return null;
        }
        return new SigmoidDescr();
    }

    static @Nullable SoftmaxKwargs softmaxKwargs(Node n) {
        if (!n.expectObject()) {
            return null;
        }
        int before = n.problemCount();
        String axis = n.withDefault("axis", Node::axisId, "channel");
        n.rejectUnknownKeys();
        if (n.problemCount() != before) {
            return null;
        }
        return new SoftmaxKwargs(axis);
    }

    static @Nullable SoftmaxDescr softmaxDescr(Node n) {
        if (!n.expectObject()) {
            return null;
        }
        int before = n.problemCount();
        n.constant("id", "softmax");
        SoftmaxKwargs kwargs = n.withDefault("kwargs", ModelBinder::softmaxKwargs, SoftmaxKwargs.DEFAULT);
        n.rejectUnknownKeys();
        if (n.problemCount() != before) {
            return null;
        }
        return new SoftmaxDescr(kwargs);
    }

    static @Nullable ZeroMeanUnitVarianceKwargs zeroMeanUnitVarianceKwargs(Node n) {
        if (!n.expectObject()) {
            return null;
        }
        int before = n.problemCount();
        List<String> axes = n.optional("axes", x -> x.list(Node::axisId));
        Double eps = n.withDefault("eps", Node::number, 1e-6);
        n.rejectUnknownKeys();
        if (n.problemCount() != before) {
            return null;
        }
        return new ZeroMeanUnitVarianceKwargs(axes, eps);
    }

    static @Nullable ZeroMeanUnitVarianceDescr zeroMeanUnitVarianceDescr(Node n) {
        if (!n.expectObject()) {
            return null;
        }
        int before = n.problemCount();
        n.constant("id", "zero_mean_unit_variance");
        ZeroMeanUnitVarianceKwargs kwargs =
                n.withDefault("kwargs", ModelBinder::zeroMeanUnitVarianceKwargs, ZeroMeanUnitVarianceKwargs.DEFAULT);
        n.rejectUnknownKeys();
        if (n.problemCount() != before) {
            return null;
        }
        return new ZeroMeanUnitVarianceDescr(kwargs);
    }

    static @Nullable KerasHdf5WeightsDescr kerasHdf5WeightsDescr(Node n) {
        if (!n.expectObject()) {
            return null;
        }
        int before = n.problemCount();
        String source = n.required("source", Node::string);
        String sha256 = n.optional("sha256", Node::string);
        List<Author> authors = n.withDefaultOrNull("authors", x -> x.list(ModelBinder::author), List.of());
        WeightsFormat parent = n.optional("parent", Node::weightsFormat);
        String comment = n.withDefault("comment", Node::string, "");
        String tensorflowVersion = n.required("tensorflow_version", Node::version);
        n.rejectUnknownKeys();
        if (n.problemCount() != before) {
            return null;
        }
        return new KerasHdf5WeightsDescr(source, sha256, authors, parent, comment, tensorflowVersion);
    }

    static @Nullable OnnxWeightsDescr onnxWeightsDescr(Node n) {
        if (!n.expectObject()) {
            return null;
        }
        int before = n.problemCount();
        String source = n.required("source", Node::string);
        String sha256 = n.optional("sha256", Node::string);
        List<Author> authors = n.withDefaultOrNull("authors", x -> x.list(ModelBinder::author), List.of());
        WeightsFormat parent = n.optional("parent", Node::weightsFormat);
        String comment = n.withDefault("comment", Node::string, "");
        Integer opsetVersion = n.required("opset_version", Node::integer);
        FileDescr externalData = n.optional("external_data", ModelBinder::fileDescr);
        n.rejectUnknownKeys();
        if (n.problemCount() != before) {
            return null;
        }
        return new OnnxWeightsDescr(source, sha256, authors, parent, comment, opsetVersion, externalData);
    }

    static @Nullable ArchitectureFromFileDescr architectureFromFileDescr(Node n) {
        if (!n.expectObject()) {
            return null;
        }
        int before = n.problemCount();
        String source = n.required("source", Node::string);
        String sha256 = n.optional("sha256", Node::string);
        String callable = n.required("callable", Node::string);
        Map<String, Object> kwargs = n.withDefault("kwargs", Node::map, Map.of());
        n.rejectUnknownKeys();
        if (n.problemCount() != before) {
            return null;
        }
        return new ArchitectureFromFileDescr(source, sha256, callable, kwargs);
    }

    static @Nullable ArchitectureFromLibraryDescr architectureFromLibraryDescr(Node n) {
        if (!n.expectObject()) {
            return null;
        }
        int before = n.problemCount();
        String callable = n.required("callable", Node::string);
        Map<String, Object> kwargs = n.withDefault("kwargs", Node::map, Map.of());
        String importFrom = n.required("import_from", Node::string);
        n.rejectUnknownKeys();
        if (n.problemCount() != before) {
            return null;
        }
        return new ArchitectureFromLibraryDescr(callable, kwargs, importFrom);
    }

    static @Nullable PytorchStateDictWeightsDescr pytorchStateDictWeightsDescr(Node n) {
        if (!n.expectObject()) {
            return null;
        }
        int before = n.problemCount();
        String source = n.required("source", Node::string);
        String sha256 = n.optional("sha256", Node::string);
        List<Author> authors = n.withDefaultOrNull("authors", x -> x.list(ModelBinder::author), List.of());
        WeightsFormat parent = n.optional("parent", Node::weightsFormat);
        String comment = n.withDefault("comment", Node::string, "");
        ArchitectureDescr architecture = n.required("architecture", ModelBinder::architectureDescr);
        String pytorchVersion = n.required("pytorch_version", Node::version);
        FileDescr dependencies = n.optional("dependencies", ModelBinder::fileDescr);
        n.rejectUnknownKeys();
        if (n.problemCount() != before) {
            return null;
        }
        return new PytorchStateDictWeightsDescr(
                source, sha256, authors, parent, comment, architecture, pytorchVersion, dependencies);
    }

    static @Nullable TensorflowJsWeightsDescr tensorflowJsWeightsDescr(Node n) {
        if (!n.expectObject()) {
            return null;
        }
        int before = n.problemCount();
        String source = n.required("source", Node::string);
        String sha256 = n.optional("sha256", Node::string);
        List<Author> authors = n.withDefaultOrNull("authors", x -> x.list(ModelBinder::author), List.of());
        WeightsFormat parent = n.optional("parent", Node::weightsFormat);
        String comment = n.withDefault("comment", Node::string, "");
        String tensorflowVersion = n.required("tensorflow_version", Node::version);
        n.rejectUnknownKeys();
        if (n.problemCount() != before) {
            return null;
        }
        return new TensorflowJsWeightsDescr(source, sha256, authors, parent, comment, tensorflowVersion);
    }

    static @Nullable TensorflowSavedModelBundleWeightsDescr tensorflowSavedModelBundleWeightsDescr(Node n) {
        if (!n.expectObject()) {
            return null;
        }
        int before = n.problemCount();
        String source = n.required("source", Node::string);
        String sha256 = n.optional("sha256", Node::string);
        List<Author> authors = n.withDefaultOrNull("authors", x -> x.list(ModelBinder::author), List.of());
        WeightsFormat parent = n.optional("parent", Node::weightsFormat);
        String comment = n.withDefault("comment", Node::string, "");
        String tensorflowVersion = n.required("tensorflow_version", Node::version);
        FileDescr dependencies = n.optional("dependencies", ModelBinder::fileDescr);
        n.rejectUnknownKeys();
        if (n.problemCount() != before) {
            return null;
        }
        return new TensorflowSavedModelBundleWeightsDescr(
                source, sha256, authors, parent, comment, tensorflowVersion, dependencies);
    }

    static @Nullable TorchscriptWeightsDescr torchscriptWeightsDescr(Node n) {
        if (!n.expectObject()) {
            return null;
        }
        int before = n.problemCount();
        String source = n.required("source", Node::string);
        String sha256 = n.optional("sha256", Node::string);
        List<Author> authors = n.withDefaultOrNull("authors", x -> x.list(ModelBinder::author), List.of());
        WeightsFormat parent = n.optional("parent", Node::weightsFormat);
        String comment = n.withDefault("comment", Node::string, "");
        String pytorchVersion = n.required("pytorch_version", Node::version);
        n.rejectUnknownKeys();
        if (n.problemCount() != before) {
            return null;
        }
        return new TorchscriptWeightsDescr(source, sha256, authors, parent, comment, pytorchVersion);
    }

    static @Nullable WeightsDescr weightsDescr(Node n) {
        if (!n.expectObject()) {
            return null;
        }
        int before = n.problemCount();
        KerasHdf5WeightsDescr kerasHdf5 = n.optional("keras_hdf5", ModelBinder::kerasHdf5WeightsDescr);
        OnnxWeightsDescr onnx = n.optional("onnx", ModelBinder::onnxWeightsDescr);
        PytorchStateDictWeightsDescr pytorchStateDict =
                n.optional("pytorch_state_dict", ModelBinder::pytorchStateDictWeightsDescr);
        TensorflowJsWeightsDescr tensorflowJs = n.optional("tensorflow_js", ModelBinder::tensorflowJsWeightsDescr);
        TensorflowSavedModelBundleWeightsDescr tensorflowSavedModelBundle =
                n.optional("tensorflow_saved_model_bundle", ModelBinder::tensorflowSavedModelBundleWeightsDescr);
        TorchscriptWeightsDescr torchscript = n.optional("torchscript", ModelBinder::torchscriptWeightsDescr);
        n.rejectUnknownKeys();
        if (n.problemCount() != before) {
            return null;
        }
        return new WeightsDescr(
                kerasHdf5, onnx, pytorchStateDict, tensorflowJs, tensorflowSavedModelBundle, torchscript);
    }

    static @Nullable ReproducibilityTolerance reproducibilityTolerance(Node n) {
        if (!n.expectObject()) {
            return null;
        }
        int before = n.problemCount();
        Double relativeTolerance = n.withDefault("relative_tolerance", Node::number, 1e-3);
        Double absoluteTolerance = n.withDefault("absolute_tolerance", Node::number, 1e-3);
        Integer mismatchedElementsPerMillion = n.withDefault("mismatched_elements_per_million", Node::integer, 100);
        List<String> outputIds = n.withDefault("output_ids", x -> x.list(Node::string), List.of());
        List<WeightsFormat> weightsFormats =
                n.withDefault("weights_formats", x -> x.list(Node::weightsFormat), List.of());
        Map<String, @Nullable Object> extra = n.remaining();
        if (n.problemCount() != before) {
            return null;
        }
        return new ReproducibilityTolerance(
                relativeTolerance, absoluteTolerance, mismatchedElementsPerMillion, outputIds, weightsFormats, extra);
    }

    static @Nullable BiasRisksLimitations biasRisksLimitations(Node n) {
        if (!n.expectObject()) {
            return null;
        }
        int before = n.problemCount();
        String knownBiases = n.optional("known_biases", Node::string);
        String risks = n.optional("risks", Node::string);
        String limitations = n.optional("limitations", Node::string);
        String recommendations = n.optional("recommendations", Node::string);
        Map<String, @Nullable Object> extra = n.remaining();
        if (n.problemCount() != before) {
            return null;
        }
        return new BiasRisksLimitations(knownBiases, risks, limitations, recommendations, extra);
    }

    static @Nullable TrainingDetails trainingDetails(Node n) {
        if (!n.expectObject()) {
            return null;
        }
        int before = n.problemCount();
        String trainingPreprocessing = n.optional("training_preprocessing", Node::string);
        Double trainingEpochs = n.optional("training_epochs", Node::number);
        Double trainingBatchSize = n.optional("training_batch_size", Node::number);
        Double initialLearningRate = n.optional("initial_learning_rate", Node::number);
        String learningRateSchedule = n.optional("learning_rate_schedule", Node::string);
        String lossFunction = n.optional("loss_function", Node::string);
        Map<String, Object> lossFunctionKwargs = n.withDefault("loss_function_kwargs", Node::map, Map.of());
        String optimizer = n.optional("optimizer", Node::string);
        Map<String, Object> optimizerKwargs = n.withDefault("optimizer_kwargs", Node::map, Map.of());
        String regularization = n.optional("regularization", Node::string);
        Double trainingDuration = n.optional("training_duration", Node::number);
        Map<String, @Nullable Object> extra = n.remaining();
        if (n.problemCount() != before) {
            return null;
        }
        return new TrainingDetails(
                trainingPreprocessing,
                trainingEpochs,
                trainingBatchSize,
                initialLearningRate,
                learningRateSchedule,
                lossFunction,
                lossFunctionKwargs,
                optimizer,
                optimizerKwargs,
                regularization,
                trainingDuration,
                extra);
    }

    static @Nullable Evaluation evaluation(Node n) {
        if (!n.expectObject()) {
            return null;
        }
        int before = n.problemCount();
        String modelId = n.optional("model_id", Node::string);
        String datasetId = n.required("dataset_id", Node::string);
        String datasetSource = n.required("dataset_source", Node::string);
        String datasetRole = n.required("dataset_role", Node::string);
        Integer sampleCount = n.required("sample_count", Node::integer);
        List<String> evaluationFactors = n.required("evaluation_factors", x -> x.list(Node::string));
        List<String> evaluationFactorsLong = n.required("evaluation_factors_long", x -> x.list(Node::string));
        List<String> metrics = n.required("metrics", x -> x.list(Node::string));
        List<String> metricsLong = n.required("metrics_long", x -> x.list(Node::string));
        List<List<Object>> results = n.required("results", x -> x.list(y -> y.list(Node::any)));
        String resultsSummary = n.optional("results_summary", Node::string);
        Map<String, @Nullable Object> extra = n.remaining();
        if (n.problemCount() != before) {
            return null;
        }
        return new Evaluation(
                modelId,
                datasetId,
                datasetSource,
                datasetRole,
                sampleCount,
                evaluationFactors,
                evaluationFactorsLong,
                metrics,
                metricsLong,
                results,
                resultsSummary,
                extra);
    }

    static @Nullable EnvironmentalImpact environmentalImpact(Node n) {
        if (!n.expectObject()) {
            return null;
        }
        int before = n.problemCount();
        String hardwareType = n.optional("hardware_type", Node::string);
        Double hoursUsed = n.optional("hours_used", Node::number);
        String cloudProvider = n.optional("cloud_provider", Node::string);
        String computeRegion = n.optional("compute_region", Node::string);
        Double co2Emitted = n.optional("co2_emitted", Node::number);
        Map<String, @Nullable Object> extra = n.remaining();
        if (n.problemCount() != before) {
            return null;
        }
        return new EnvironmentalImpact(hardwareType, hoursUsed, cloudProvider, computeRegion, co2Emitted, extra);
    }

    static @Nullable BioimageioConfig bioimageioConfig(Node n) {
        if (!n.expectObject()) {
            return null;
        }
        int before = n.problemCount();
        List<ReproducibilityTolerance> reproducibilityTolerance = n.withDefault(
                "reproducibility_tolerance", x -> x.list(ModelBinder::reproducibilityTolerance), List.of());
        String fundedBy = n.optional("funded_by", Node::string);
        String architectureType = n.optional("architecture_type", Node::string);
        String architectureDescription = n.optional("architecture_description", Node::string);
        String modality = n.optional("modality", Node::string);
        List<String> targetStructure = n.withDefault("target_structure", x -> x.list(Node::string), List.of());
        String task = n.optional("task", Node::string);
        String newVersion = n.optional("new_version", Node::string);
        String outOfScopeUse = n.optional("out_of_scope_use", Node::string);
        BiasRisksLimitations biasRisksLimitations = n.withDefault(
                "bias_risks_limitations", ModelBinder::biasRisksLimitations, BiasRisksLimitations.DEFAULT);
        Integer modelParameterCount = n.optional("model_parameter_count", Node::integer);
        TrainingDetails training = n.withDefault("training", ModelBinder::trainingDetails, TrainingDetails.DEFAULT);
        String inferenceTime = n.optional("inference_time", Node::string);
        String memoryRequirementsInference = n.optional("memory_requirements_inference", Node::string);
        String memoryRequirementsTraining = n.optional("memory_requirements_training", Node::string);
        List<Evaluation> evaluations = n.withDefault("evaluations", x -> x.list(ModelBinder::evaluation), List.of());
        EnvironmentalImpact environmentalImpact =
                n.withDefault("environmental_impact", ModelBinder::environmentalImpact, EnvironmentalImpact.DEFAULT);
        Map<String, @Nullable Object> extra = n.remaining();
        if (n.problemCount() != before) {
            return null;
        }
        return new BioimageioConfig(
                reproducibilityTolerance,
                fundedBy,
                architectureType,
                architectureDescription,
                modality,
                targetStructure,
                task,
                newVersion,
                outOfScopeUse,
                biasRisksLimitations,
                modelParameterCount,
                training,
                inferenceTime,
                memoryRequirementsInference,
                memoryRequirementsTraining,
                evaluations,
                environmentalImpact,
                extra);
    }

    static @Nullable Config config(Node n) {
        if (!n.expectObject()) {
            return null;
        }
        int before = n.problemCount();
        BioimageioConfig bioimageio =
                n.withDefault("bioimageio", ModelBinder::bioimageioConfig, BioimageioConfig.DEFAULT);
        Map<String, @Nullable Object> extra = n.remaining();
        if (n.problemCount() != before) {
            return null;
        }
        return new Config(bioimageio, extra);
    }

    static @Nullable ModelDescr modelDescr(Node n) {
        if (!n.expectObject()) {
            return null;
        }
        int before = n.problemCount();
        String name = n.required("name", Node::string);
        String description = n.withDefault("description", Node::string, "");
        List<String> covers = n.withDefault("covers", x -> x.list(Node::string), List.of());
        String idEmoji = n.optional("id_emoji", Node::string);
        List<Author> authors = n.withDefault("authors", x -> x.list(ModelBinder::author), List.of());
        List<FileDescr> attachments = n.withDefault("attachments", x -> x.list(ModelBinder::fileDescr), List.of());
        List<CiteEntry> cite = n.withDefault("cite", x -> x.list(ModelBinder::citeEntry), List.of());
        String license = n.optional("license", Node::string);
        String gitRepo = n.optional("git_repo", Node::string);
        String icon = n.optional("icon", Node::string);
        List<String> links = n.withDefault("links", x -> x.list(Node::string), List.of());
        Uploader uploader = n.optional("uploader", ModelBinder::uploader);
        List<Maintainer> maintainers = n.withDefault("maintainers", x -> x.list(ModelBinder::maintainer), List.of());
        List<String> tags = n.withDefault("tags", x -> x.list(Node::string), List.of());
        String version = n.optional("version", Node::version);
        String versionComment = n.optional("version_comment", Node::string);
        String formatVersion = n.withDefault("format_version", Node::string, ModelDescr.FORMAT_VERSION);
        n.constant("type", "model");
        String id = n.optional("id", Node::string);
        String documentation = n.optional("documentation", Node::string);
        List<InputTensorDescr> inputs = n.required("inputs", x -> x.list(ModelBinder::inputTensorDescr));
        List<OutputTensorDescr> outputs = n.required("outputs", x -> x.list(ModelBinder::outputTensorDescr));
        List<Author> packagedBy = n.withDefault("packaged_by", x -> x.list(ModelBinder::author), List.of());
        LinkedModel parent = n.optional("parent", ModelBinder::linkedModel);
        RunMode runMode = n.optional("run_mode", ModelBinder::runMode);
        OffsetDateTime timestamp = n.optional("timestamp", Node::timestamp);
        LinkedDataset trainingData = n.optional("training_data", ModelBinder::linkedDataset);
        WeightsDescr weights = n.required("weights", ModelBinder::weightsDescr);
        Config config = n.withDefault("config", ModelBinder::config, Config.DEFAULT);
        n.rejectUnknownKeys();
        if (n.problemCount() != before) {
            return null;
        }
        return new ModelDescr(
                name,
                description,
                covers,
                idEmoji,
                authors,
                attachments,
                cite,
                license,
                gitRepo,
                icon,
                links,
                uploader,
                maintainers,
                tags,
                version,
                versionComment,
                formatVersion,
                id,
                documentation,
                inputs,
                outputs,
                packagedBy,
                parent,
                runMode,
                timestamp,
                trainingData,
                weights,
                config);
    }
}
