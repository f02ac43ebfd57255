package eu.riscale.modelhub.spec.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How the model was trained.
 *
 * @param trainingPreprocessing the preprocessing used in training, or {@code null}
 * @param trainingEpochs the number of epochs, or {@code null}
 * @param trainingBatchSize the batch size, or {@code null}
 * @param initialLearningRate the initial learning rate, or {@code null}
 * @param learningRateSchedule the learning rate schedule, or {@code null}
 * @param lossFunction the loss function, or {@code null}
 * @param lossFunctionKwargs the loss function arguments
 * @param optimizer the optimizer, or {@code null}
 * @param optimizerKwargs the optimizer arguments
 * @param regularization the regularization, or {@code null}
 * @param trainingDuration the training time in hours, or {@code null}
 * @param extra the other keys, in document order
 */
public record TrainingDetails(
        @Nullable String trainingPreprocessing,
        @Nullable Double trainingEpochs,
        @Nullable Double trainingBatchSize,
        @Nullable Double initialLearningRate,
        @Nullable String learningRateSchedule,
        @Nullable String lossFunction,
        Map<String, @Nullable Object> lossFunctionKwargs,
        @Nullable String optimizer,
        Map<String, @Nullable Object> optimizerKwargs,
        @Nullable String regularization,
        @Nullable Double trainingDuration,
        Map<String, @Nullable Object> extra) {
    /** The description with every field at its default. */
    public static final TrainingDetails DEFAULT =
            new TrainingDetails(null, null, null, null, null, null, Map.of(), null, Map.of(), null, null, Map.of());

    /**
     * Checks that required components are present and copies collections.
     *
     * @param trainingPreprocessing the preprocessing used in training, or {@code null}
     * @param trainingEpochs the number of epochs, or {@code null}
     * @param trainingBatchSize the batch size, or {@code null}
     * @param initialLearningRate the initial learning rate, or {@code null}
     * @param learningRateSchedule the learning rate schedule, or {@code null}
     * @param lossFunction the loss function, or {@code null}
     * @param lossFunctionKwargs the loss function arguments
     * @param optimizer the optimizer, or {@code null}
     * @param optimizerKwargs the optimizer arguments
     * @param regularization the regularization, or {@code null}
     * @param trainingDuration the training time in hours, or {@code null}
     * @param extra the other keys, in document order
     * @throws NullPointerException if a required component is {@code null}
     */
    public TrainingDetails {
        lossFunctionKwargs = Collections.unmodifiableMap(
                new LinkedHashMap<>(Objects.requireNonNull(lossFunctionKwargs, "lossFunctionKwargs")));
        optimizerKwargs = Collections.unmodifiableMap(
                new LinkedHashMap<>(Objects.requireNonNull(optimizerKwargs, "optimizerKwargs")));
        extra = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(extra, "extra")));
    }

    /** {@return a new builder with every optional field at its default} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return a builder initialised with the values of this description} */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.trainingPreprocessing = trainingPreprocessing;
        b.trainingEpochs = trainingEpochs;
        b.trainingBatchSize = trainingBatchSize;
        b.initialLearningRate = initialLearningRate;
        b.learningRateSchedule = learningRateSchedule;
        b.lossFunction = lossFunction;
        b.lossFunctionKwargs = lossFunctionKwargs;
        b.optimizer = optimizer;
        b.optimizerKwargs = optimizerKwargs;
        b.regularization = regularization;
        b.trainingDuration = trainingDuration;
        b.extra = new LinkedHashMap<>(extra);
        return b;
    }

    /** Builds a {@link TrainingDetails} step by step; {@link #build()} names every missing required field. */
    public static final class Builder {
        private @Nullable String trainingPreprocessing;
        private @Nullable Double trainingEpochs;
        private @Nullable Double trainingBatchSize;
        private @Nullable Double initialLearningRate;
        private @Nullable String learningRateSchedule;
        private @Nullable String lossFunction;
        private Map<String, @Nullable Object> lossFunctionKwargs = Map.of();
        private @Nullable String optimizer;
        private Map<String, @Nullable Object> optimizerKwargs = Map.of();
        private @Nullable String regularization;
        private @Nullable Double trainingDuration;
        private Map<String, @Nullable Object> extra = new LinkedHashMap<>();

        private Builder() {}

        /**
         * Sets {@code training_preprocessing}.
         *
         * @param trainingPreprocessing the preprocessing used in training, or {@code null}
         * @return this builder
         */
        public Builder trainingPreprocessing(@Nullable String trainingPreprocessing) {
            this.trainingPreprocessing = trainingPreprocessing;
            return this;
        }

        /**
         * Sets {@code training_epochs}.
         *
         * @param trainingEpochs the number of epochs, or {@code null}
         * @return this builder
         */
        public Builder trainingEpochs(@Nullable Double trainingEpochs) {
            this.trainingEpochs = trainingEpochs;
            return this;
        }

        /**
         * Sets {@code training_batch_size}.
         *
         * @param trainingBatchSize the batch size, or {@code null}
         * @return this builder
         */
        public Builder trainingBatchSize(@Nullable Double trainingBatchSize) {
            this.trainingBatchSize = trainingBatchSize;
            return this;
        }

        /**
         * Sets {@code initial_learning_rate}.
         *
         * @param initialLearningRate the initial learning rate, or {@code null}
         * @return this builder
         */
        public Builder initialLearningRate(@Nullable Double initialLearningRate) {
            this.initialLearningRate = initialLearningRate;
            return this;
        }

        /**
         * Sets {@code learning_rate_schedule}.
         *
         * @param learningRateSchedule the learning rate schedule, or {@code null}
         * @return this builder
         */
        public Builder learningRateSchedule(@Nullable String learningRateSchedule) {
            this.learningRateSchedule = learningRateSchedule;
            return this;
        }

        /**
         * Sets {@code loss_function}.
         *
         * @param lossFunction the loss function, or {@code null}
         * @return this builder
         */
        public Builder lossFunction(@Nullable String lossFunction) {
            this.lossFunction = lossFunction;
            return this;
        }

        /**
         * Sets {@code loss_function_kwargs}.
         *
         * @param lossFunctionKwargs the loss function arguments
         * @return this builder
         */
        public Builder lossFunctionKwargs(Map<String, @Nullable Object> lossFunctionKwargs) {
            this.lossFunctionKwargs = Objects.requireNonNull(lossFunctionKwargs, "lossFunctionKwargs");
            return this;
        }

        /**
         * Sets {@code optimizer}.
         *
         * @param optimizer the optimizer, or {@code null}
         * @return this builder
         */
        public Builder optimizer(@Nullable String optimizer) {
            this.optimizer = optimizer;
            return this;
        }

        /**
         * Sets {@code optimizer_kwargs}.
         *
         * @param optimizerKwargs the optimizer arguments
         * @return this builder
         */
        public Builder optimizerKwargs(Map<String, @Nullable Object> optimizerKwargs) {
            this.optimizerKwargs = Objects.requireNonNull(optimizerKwargs, "optimizerKwargs");
            return this;
        }

        /**
         * Sets {@code regularization}.
         *
         * @param regularization the regularization, or {@code null}
         * @return this builder
         */
        public Builder regularization(@Nullable String regularization) {
            this.regularization = regularization;
            return this;
        }

        /**
         * Sets {@code training_duration}.
         *
         * @param trainingDuration the training time in hours, or {@code null}
         * @return this builder
         */
        public Builder trainingDuration(@Nullable Double trainingDuration) {
            this.trainingDuration = trainingDuration;
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
        public TrainingDetails build() {
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
    }
}
