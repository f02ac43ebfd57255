package eu.riscale.modelhub.core.description.codec.config;

import static eu.riscale.modelhub.core.description.internal.Codec.ANY;
import static eu.riscale.modelhub.core.description.internal.Codec.INTEGER;
import static eu.riscale.modelhub.core.description.internal.Codec.MAP;
import static eu.riscale.modelhub.core.description.internal.Codec.NUMBER;
import static eu.riscale.modelhub.core.description.internal.Codec.STRING;
import static eu.riscale.modelhub.core.description.internal.Field.extra;
import static eu.riscale.modelhub.core.description.internal.Field.fixed;
import static eu.riscale.modelhub.core.description.internal.Field.literal;
import static eu.riscale.modelhub.core.description.internal.Field.optional;
import static eu.riscale.modelhub.core.description.internal.Field.required;
import static eu.riscale.modelhub.core.description.internal.Field.withDefault;

import eu.riscale.modelhub.core.description.codec.weights.WeightsCodecs;
import eu.riscale.modelhub.core.description.internal.Codec;
import eu.riscale.modelhub.core.description.internal.RecordCodec;
import eu.riscale.modelhub.core.description.internal.Union;
import eu.riscale.modelhub.spec.config.BiasRisksLimitations;
import eu.riscale.modelhub.spec.config.BioimageioConfig;
import eu.riscale.modelhub.spec.config.Config;
import eu.riscale.modelhub.spec.config.EnvironmentalImpact;
import eu.riscale.modelhub.spec.config.Evaluation;
import eu.riscale.modelhub.spec.config.ReproducibilityTolerance;
import eu.riscale.modelhub.spec.config.ReproducibilityTolerance.Kind;
import eu.riscale.modelhub.spec.config.TrainingDetails;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import tools.jackson.databind.JsonNode;

/**
 * The wire forms of {@code config}: open mappings that keep the keys they do not declare in {@code extra}, in
 * document order.
 */
public final class ConfigCodecs {
    private ConfigCodecs() {}

    /** A plain tolerance entry: {@code output_ids} a list (empty for every output). */
    public static final RecordCodec<ReproducibilityTolerance> PLAIN_TOLERANCE = RecordCodec.of(
            ReproducibilityTolerance.class,
            withDefault(
                    "relative_tolerance",
                    ReproducibilityTolerance::relativeTolerance,
                    NUMBER,
                    ReproducibilityTolerance.DEFAULT_RELATIVE_TOLERANCE),
            withDefault(
                    "absolute_tolerance",
                    ReproducibilityTolerance::absoluteTolerance,
                    NUMBER,
                    ReproducibilityTolerance.DEFAULT_ABSOLUTE_TOLERANCE),
            withDefault(
                    "mismatched_elements_per_million",
                    ReproducibilityTolerance::mismatchedElementsPerMillion,
                    INTEGER,
                    ReproducibilityTolerance.DEFAULT_MISMATCHED_ELEMENTS_PER_MILLION),
            withDefault("output_ids", ReproducibilityTolerance::outputIds, STRING.list(), List.of()),
            fixed("kind", ReproducibilityTolerance::kind, Kind.PLAIN),
            withDefault(
                    "weights_formats",
                    ReproducibilityTolerance::weightsFormats,
                    WeightsCodecs.WEIGHTS_FORMAT.list(),
                    List.of()),
            extra(ReproducibilityTolerance::extra));

    /** A continuous or discrete entry: {@code output_ids} the literal of its kind, the defaults of {@code like}. */
    private static RecordCodec<ReproducibilityTolerance> kindOf(Kind kind, ReproducibilityTolerance like) {
        return RecordCodec.of(
                ReproducibilityTolerance.class,
                withDefault(
                        "relative_tolerance",
                        ReproducibilityTolerance::relativeTolerance,
                        NUMBER,
                        like.relativeTolerance()),
                withDefault(
                        "absolute_tolerance",
                        ReproducibilityTolerance::absoluteTolerance,
                        NUMBER,
                        like.absoluteTolerance()),
                withDefault(
                        "mismatched_elements_per_million",
                        ReproducibilityTolerance::mismatchedElementsPerMillion,
                        INTEGER,
                        like.mismatchedElementsPerMillion()),
                literal(
                        "output_ids",
                        Objects.requireNonNull(kind.outputIdsLiteral()),
                        ReproducibilityTolerance::outputIds,
                        List.of()),
                fixed("kind", ReproducibilityTolerance::kind, kind),
                withDefault(
                        "weights_formats",
                        ReproducibilityTolerance::weightsFormats,
                        WeightsCodecs.WEIGHTS_FORMAT.list(),
                        List.of()),
                extra(ReproducibilityTolerance::extra));
    }

    private static boolean outputIds(JsonNode j, Kind kind) {
        JsonNode ids = j.isObject() ? j.get("output_ids") : null;
        return ids != null && ids.isString() && ids.stringValue().equals(kind.outputIdsLiteral());
    }

    /**
     * How closely a test output must reproduce the expected one (format 0.5.14): plain, continuous ({@code output_ids:
     * any_continuous_output}) or discrete ({@code output_ids: any_discrete_output}), each with its own defaults.
     */
    public static final Codec<ReproducibilityTolerance> REPRODUCIBILITY_TOLERANCE =
            Union.<ReproducibilityTolerance>untagged("")
                    .when(
                            j -> outputIds(j, Kind.CONTINUOUS),
                            t -> t.kind() == Kind.CONTINUOUS,
                            ReproducibilityTolerance.class,
                            kindOf(Kind.CONTINUOUS, ReproducibilityTolerance.CONTINUOUS))
                    .when(
                            j -> outputIds(j, Kind.DISCRETE),
                            t -> t.kind() == Kind.DISCRETE,
                            ReproducibilityTolerance.class,
                            kindOf(Kind.DISCRETE, ReproducibilityTolerance.DISCRETE))
                    .when(j -> true, t -> true, ReproducibilityTolerance.class, PLAIN_TOLERANCE)
                    .build();

    /** Known biases, risks and limitations. */
    public static final RecordCodec<BiasRisksLimitations> BIAS_RISKS_LIMITATIONS = RecordCodec.of(
            BiasRisksLimitations.class,
            optional("known_biases", BiasRisksLimitations::knownBiases, STRING),
            optional("risks", BiasRisksLimitations::risks, STRING),
            optional("limitations", BiasRisksLimitations::limitations, STRING),
            optional("recommendations", BiasRisksLimitations::recommendations, STRING),
            extra(BiasRisksLimitations::extra));

    /** How the model was trained. */
    public static final RecordCodec<TrainingDetails> TRAINING_DETAILS = RecordCodec.of(
            TrainingDetails.class,
            optional("training_preprocessing", TrainingDetails::trainingPreprocessing, STRING),
            optional("training_epochs", TrainingDetails::trainingEpochs, NUMBER),
            optional("training_batch_size", TrainingDetails::trainingBatchSize, NUMBER),
            optional("initial_learning_rate", TrainingDetails::initialLearningRate, NUMBER),
            optional("learning_rate_schedule", TrainingDetails::learningRateSchedule, STRING),
            optional("loss_function", TrainingDetails::lossFunction, STRING),
            withDefault("loss_function_kwargs", TrainingDetails::lossFunctionKwargs, MAP, Map.of()),
            optional("optimizer", TrainingDetails::optimizer, STRING),
            withDefault("optimizer_kwargs", TrainingDetails::optimizerKwargs, MAP, Map.of()),
            optional("regularization", TrainingDetails::regularization, STRING),
            optional("training_duration", TrainingDetails::trainingDuration, NUMBER),
            extra(TrainingDetails::extra));

    /** One evaluation of the model. */
    public static final RecordCodec<Evaluation> EVALUATION = RecordCodec.of(
            Evaluation.class,
            optional("model_id", Evaluation::modelId, STRING),
            required("dataset_id", Evaluation::datasetId, STRING),
            required("dataset_source", Evaluation::datasetSource, STRING),
            required("dataset_role", Evaluation::datasetRole, STRING),
            required("sample_count", Evaluation::sampleCount, INTEGER),
            required("evaluation_factors", Evaluation::evaluationFactors, STRING.list()),
            required("evaluation_factors_long", Evaluation::evaluationFactorsLong, STRING.list()),
            required("metrics", Evaluation::metrics, STRING.list()),
            required("metrics_long", Evaluation::metricsLong, STRING.list()),
            required("results", Evaluation::results, ANY.list().list()),
            optional("results_summary", Evaluation::resultsSummary, STRING),
            extra(Evaluation::extra));

    /** The environmental impact of training. */
    public static final RecordCodec<EnvironmentalImpact> ENVIRONMENTAL_IMPACT = RecordCodec.of(
            EnvironmentalImpact.class,
            optional("hardware_type", EnvironmentalImpact::hardwareType, STRING),
            optional("hours_used", EnvironmentalImpact::hoursUsed, NUMBER),
            optional("cloud_provider", EnvironmentalImpact::cloudProvider, STRING),
            optional("compute_region", EnvironmentalImpact::computeRegion, STRING),
            optional("co2_emitted", EnvironmentalImpact::co2Emitted, NUMBER),
            extra(EnvironmentalImpact::extra));

    /** The {@code bioimageio} part of {@code config}. */
    public static final RecordCodec<BioimageioConfig> BIOIMAGEIO = RecordCodec.of(
            BioimageioConfig.class,
            withDefault(
                    "reproducibility_tolerance",
                    BioimageioConfig::reproducibilityTolerance,
                    REPRODUCIBILITY_TOLERANCE.list(),
                    List.of()),
            optional("funded_by", BioimageioConfig::fundedBy, STRING),
            optional("architecture_type", BioimageioConfig::architectureType, STRING),
            optional("architecture_description", BioimageioConfig::architectureDescription, STRING),
            optional("modality", BioimageioConfig::modality, STRING),
            withDefault("target_structure", BioimageioConfig::targetStructure, STRING.list(), List.of()),
            optional("task", BioimageioConfig::task, STRING),
            optional("new_version", BioimageioConfig::newVersion, STRING),
            optional("out_of_scope_use", BioimageioConfig::outOfScopeUse, STRING),
            withDefault(
                    "bias_risks_limitations",
                    BioimageioConfig::biasRisksLimitations,
                    BIAS_RISKS_LIMITATIONS,
                    BiasRisksLimitations.DEFAULT),
            optional("model_parameter_count", BioimageioConfig::modelParameterCount, INTEGER),
            withDefault("training", BioimageioConfig::training, TRAINING_DETAILS, TrainingDetails.DEFAULT),
            optional("inference_time", BioimageioConfig::inferenceTime, STRING),
            optional("memory_requirements_inference", BioimageioConfig::memoryRequirementsInference, STRING),
            optional("memory_requirements_training", BioimageioConfig::memoryRequirementsTraining, STRING),
            withDefault("evaluations", BioimageioConfig::evaluations, EVALUATION.list(), List.of()),
            withDefault(
                    "environmental_impact",
                    BioimageioConfig::environmentalImpact,
                    ENVIRONMENTAL_IMPACT,
                    EnvironmentalImpact.DEFAULT),
            extra(BioimageioConfig::extra));

    /** The whole {@code config}. */
    public static final RecordCodec<Config> CONFIG = RecordCodec.of(
            Config.class,
            withDefault("bioimageio", Config::bioimageio, BIOIMAGEIO, BioimageioConfig.DEFAULT),
            optional("stardist", Config::stardist, ANY),
            extra(Config::extra));
}
