package eu.riscale.modelhub.spec.config;

import eu.riscale.modelhub.spec.constraint.ResourceId;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The {@code config.bioimageio} section: settings and model card details for bioimage.io.
 *
 * @param reproducibilityTolerance the tolerances; the first matching entry applies, and an empty list means {@link
 *     ReproducibilityTolerance#DEFAULTS}
 * @param fundedBy the funding, or {@code null}
 * @param architectureType the architecture type, or {@code null}
 * @param architectureDescription the architecture description, or {@code null}
 * @param modality the imaging modality, or {@code null}
 * @param targetStructure the biological structures the model targets
 * @param task the task, or {@code null}
 * @param newVersion the id of a newer version of this model, or {@code null}
 * @param outOfScopeUse uses the model is not meant for, or {@code null}
 * @param biasRisksLimitations known biases, risks and limitations
 * @param modelParameterCount the number of parameters, or {@code null}
 * @param training training details
 * @param inferenceTime the inference time, or {@code null}
 * @param memoryRequirementsInference the memory needed for inference, or {@code null}
 * @param memoryRequirementsTraining the memory needed for training, or {@code null}
 * @param evaluations quantitative evaluations
 * @param environmentalImpact the environmental impact
 * @param extra the other keys, in document order
 */
public record BioimageioConfig(
        List<@Valid ReproducibilityTolerance> reproducibilityTolerance,
        @Nullable String fundedBy,

        @Size(max = 32, message = "must be at most 32 characters long") @Nullable
        String architectureType,

        @Nullable String architectureDescription,
        @Nullable String modality,
        List<String> targetStructure,
        @Nullable String task,
        @ResourceId @Nullable String newVersion,
        @Nullable String outOfScopeUse,
        @Valid BiasRisksLimitations biasRisksLimitations,
        @Nullable Integer modelParameterCount,
        @Valid TrainingDetails training,
        @Nullable String inferenceTime,
        @Nullable String memoryRequirementsInference,
        @Nullable String memoryRequirementsTraining,
        List<@Valid Evaluation> evaluations,
        @Valid EnvironmentalImpact environmentalImpact,
        Map<String, @Nullable Object> extra) {
    /** The description with every field at its default. */
    public static final BioimageioConfig DEFAULT = new BioimageioConfig(
            List.of(),
            null,
            null,
            null,
            null,
            List.of(),
            null,
            null,
            null,
            BiasRisksLimitations.DEFAULT,
            null,
            TrainingDetails.DEFAULT,
            null,
            null,
            null,
            List.of(),
            EnvironmentalImpact.DEFAULT,
            Map.of());

    /**
     * Checks that required components are present and copies collections.
     *
     * @param reproducibilityTolerance the tolerances; the first matching entry applies
     * @param fundedBy the funding, or {@code null}
     * @param architectureType the architecture type, or {@code null}
     * @param architectureDescription the architecture description, or {@code null}
     * @param modality the imaging modality, or {@code null}
     * @param targetStructure the biological structures the model targets
     * @param task the task, or {@code null}
     * @param newVersion the id of a newer version of this model, or {@code null}
     * @param outOfScopeUse uses the model is not meant for, or {@code null}
     * @param biasRisksLimitations known biases, risks and limitations
     * @param modelParameterCount the number of parameters, or {@code null}
     * @param training training details
     * @param inferenceTime the inference time, or {@code null}
     * @param memoryRequirementsInference the memory needed for inference, or {@code null}
     * @param memoryRequirementsTraining the memory needed for training, or {@code null}
     * @param evaluations quantitative evaluations
     * @param environmentalImpact the environmental impact
     * @param extra the other keys, in document order
     * @throws NullPointerException if a required component is {@code null}
     */
    public BioimageioConfig {
        reproducibilityTolerance =
                List.copyOf(Objects.requireNonNull(reproducibilityTolerance, "reproducibilityTolerance"));
        targetStructure = List.copyOf(Objects.requireNonNull(targetStructure, "targetStructure"));
        Objects.requireNonNull(biasRisksLimitations, "biasRisksLimitations");
        Objects.requireNonNull(training, "training");
        evaluations = List.copyOf(Objects.requireNonNull(evaluations, "evaluations"));
        Objects.requireNonNull(environmentalImpact, "environmentalImpact");
        extra = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(extra, "extra")));
    }

    /** {@return a new builder with every optional field at its default} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return a builder initialised with the values of this description} */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.reproducibilityTolerance = reproducibilityTolerance;
        b.fundedBy = fundedBy;
        b.architectureType = architectureType;
        b.architectureDescription = architectureDescription;
        b.modality = modality;
        b.targetStructure = targetStructure;
        b.task = task;
        b.newVersion = newVersion;
        b.outOfScopeUse = outOfScopeUse;
        b.biasRisksLimitations = biasRisksLimitations;
        b.modelParameterCount = modelParameterCount;
        b.training = training;
        b.inferenceTime = inferenceTime;
        b.memoryRequirementsInference = memoryRequirementsInference;
        b.memoryRequirementsTraining = memoryRequirementsTraining;
        b.evaluations = evaluations;
        b.environmentalImpact = environmentalImpact;
        b.extra = new LinkedHashMap<>(extra);
        return b;
    }

    /** Builds a {@link BioimageioConfig} step by step; {@link #build()} names every missing required field. */
    public static final class Builder {
        private List<ReproducibilityTolerance> reproducibilityTolerance = List.of();
        private @Nullable String fundedBy;
        private @Nullable String architectureType;
        private @Nullable String architectureDescription;
        private @Nullable String modality;
        private List<String> targetStructure = List.of();
        private @Nullable String task;
        private @Nullable String newVersion;
        private @Nullable String outOfScopeUse;
        private BiasRisksLimitations biasRisksLimitations = BiasRisksLimitations.DEFAULT;
        private @Nullable Integer modelParameterCount;
        private TrainingDetails training = TrainingDetails.DEFAULT;
        private @Nullable String inferenceTime;
        private @Nullable String memoryRequirementsInference;
        private @Nullable String memoryRequirementsTraining;
        private List<Evaluation> evaluations = List.of();
        private EnvironmentalImpact environmentalImpact = EnvironmentalImpact.DEFAULT;
        private Map<String, @Nullable Object> extra = new LinkedHashMap<>();

        private Builder() {}

        /**
         * Sets {@code reproducibility_tolerance}.
         *
         * @param reproducibilityTolerance the tolerances; the first matching entry applies
         * @return this builder
         */
        public Builder reproducibilityTolerance(List<ReproducibilityTolerance> reproducibilityTolerance) {
            this.reproducibilityTolerance =
                    Objects.requireNonNull(reproducibilityTolerance, "reproducibilityTolerance");
            return this;
        }

        /**
         * Sets {@code reproducibility_tolerance}.
         *
         * @param reproducibilityTolerance the tolerances; the first matching entry applies
         * @return this builder
         */
        public Builder reproducibilityTolerance(ReproducibilityTolerance... reproducibilityTolerance) {
            return reproducibilityTolerance(List.of(reproducibilityTolerance));
        }

        /**
         * Sets {@code funded_by}.
         *
         * @param fundedBy the funding, or {@code null}
         * @return this builder
         */
        public Builder fundedBy(@Nullable String fundedBy) {
            this.fundedBy = fundedBy;
            return this;
        }

        /**
         * Sets {@code architecture_type}.
         *
         * @param architectureType the architecture type, or {@code null}
         * @return this builder
         */
        public Builder architectureType(@Nullable String architectureType) {
            this.architectureType = architectureType;
            return this;
        }

        /**
         * Sets {@code architecture_description}.
         *
         * @param architectureDescription the architecture description, or {@code null}
         * @return this builder
         */
        public Builder architectureDescription(@Nullable String architectureDescription) {
            this.architectureDescription = architectureDescription;
            return this;
        }

        /**
         * Sets {@code modality}.
         *
         * @param modality the imaging modality, or {@code null}
         * @return this builder
         */
        public Builder modality(@Nullable String modality) {
            this.modality = modality;
            return this;
        }

        /**
         * Sets {@code target_structure}.
         *
         * @param targetStructure the biological structures the model targets
         * @return this builder
         */
        public Builder targetStructure(List<String> targetStructure) {
            this.targetStructure = Objects.requireNonNull(targetStructure, "targetStructure");
            return this;
        }

        /**
         * Sets {@code target_structure}.
         *
         * @param targetStructure the biological structures the model targets
         * @return this builder
         */
        public Builder targetStructure(String... targetStructure) {
            return targetStructure(List.of(targetStructure));
        }

        /**
         * Sets {@code task}.
         *
         * @param task the task, or {@code null}
         * @return this builder
         */
        public Builder task(@Nullable String task) {
            this.task = task;
            return this;
        }

        /**
         * Sets {@code new_version}.
         *
         * @param newVersion the id of a newer version of this model, or {@code null}
         * @return this builder
         */
        public Builder newVersion(@Nullable String newVersion) {
            this.newVersion = newVersion;
            return this;
        }

        /**
         * Sets {@code out_of_scope_use}.
         *
         * @param outOfScopeUse uses the model is not meant for, or {@code null}
         * @return this builder
         */
        public Builder outOfScopeUse(@Nullable String outOfScopeUse) {
            this.outOfScopeUse = outOfScopeUse;
            return this;
        }

        /**
         * Sets {@code bias_risks_limitations}.
         *
         * @param biasRisksLimitations known biases, risks and limitations
         * @return this builder
         */
        public Builder biasRisksLimitations(BiasRisksLimitations biasRisksLimitations) {
            this.biasRisksLimitations = Objects.requireNonNull(biasRisksLimitations, "biasRisksLimitations");
            return this;
        }

        /**
         * Sets {@code model_parameter_count}.
         *
         * @param modelParameterCount the number of parameters, or {@code null}
         * @return this builder
         */
        public Builder modelParameterCount(@Nullable Integer modelParameterCount) {
            this.modelParameterCount = modelParameterCount;
            return this;
        }

        /**
         * Sets {@code training}.
         *
         * @param training training details
         * @return this builder
         */
        public Builder training(TrainingDetails training) {
            this.training = Objects.requireNonNull(training, "training");
            return this;
        }

        /**
         * Sets {@code inference_time}.
         *
         * @param inferenceTime the inference time, or {@code null}
         * @return this builder
         */
        public Builder inferenceTime(@Nullable String inferenceTime) {
            this.inferenceTime = inferenceTime;
            return this;
        }

        /**
         * Sets {@code memory_requirements_inference}.
         *
         * @param memoryRequirementsInference the memory needed for inference, or {@code null}
         * @return this builder
         */
        public Builder memoryRequirementsInference(@Nullable String memoryRequirementsInference) {
            this.memoryRequirementsInference = memoryRequirementsInference;
            return this;
        }

        /**
         * Sets {@code memory_requirements_training}.
         *
         * @param memoryRequirementsTraining the memory needed for training, or {@code null}
         * @return this builder
         */
        public Builder memoryRequirementsTraining(@Nullable String memoryRequirementsTraining) {
            this.memoryRequirementsTraining = memoryRequirementsTraining;
            return this;
        }

        /**
         * Sets {@code evaluations}.
         *
         * @param evaluations quantitative evaluations
         * @return this builder
         */
        public Builder evaluations(List<Evaluation> evaluations) {
            this.evaluations = Objects.requireNonNull(evaluations, "evaluations");
            return this;
        }

        /**
         * Sets {@code evaluations}.
         *
         * @param evaluations quantitative evaluations
         * @return this builder
         */
        public Builder evaluations(Evaluation... evaluations) {
            return evaluations(List.of(evaluations));
        }

        /**
         * Sets {@code environmental_impact}.
         *
         * @param environmentalImpact the environmental impact
         * @return this builder
         */
        public Builder environmentalImpact(EnvironmentalImpact environmentalImpact) {
            this.environmentalImpact = Objects.requireNonNull(environmentalImpact, "environmentalImpact");
            return this;
        }

        /**
         * Adds a key that the spec does not define; keys keep the order in which they are added.
         *
         * @param key the key
         * @param value a string, number, boolean, {@code null}, list or map of such values
         * @return this builder
         */
        public Builder extra(String key, @Nullable Object value) {
            extra.put(Objects.requireNonNull(key, "key"), value);
            return this;
        }

        /**
         * Builds the description.
         *
         * @return the description
         * @throws IllegalStateException naming every required field that was not set
         */
        public BioimageioConfig build() {
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
    }
}
