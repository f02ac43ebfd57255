package eu.riscale.modelhub.spec.config;

import eu.riscale.modelhub.spec.constraint.HttpUrl;
import eu.riscale.modelhub.spec.constraint.ResourceId;
import jakarta.validation.constraints.Pattern;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A quantitative evaluation of the model on a dataset.
 *
 * @param modelId the evaluated model, or {@code null} for this one
 * @param datasetId the dataset id
 * @param datasetSource the dataset URL
 * @param datasetRole one of {@code train, validation, test, independent, unknown}
 * @param sampleCount the number of samples evaluated
 * @param evaluationFactors short names of the evaluation factors
 * @param evaluationFactorsLong descriptions of the evaluation factors
 * @param metrics short names of the metrics
 * @param metricsLong descriptions of the metrics
 * @param results one row per metric, one value per factor
 * @param resultsSummary a summary of the results, or {@code null}
 * @param extra the other keys, in document order
 */
public record Evaluation(
        @ResourceId @Nullable String modelId,
        @ResourceId String datasetId,
        @HttpUrl String datasetSource,

        @Pattern(
                regexp = "train|validation|test|independent|unknown",
                message = "must be one of train, validation, test, independent, unknown")
        String datasetRole,

        int sampleCount,
        List<String> evaluationFactors,
        List<String> evaluationFactorsLong,
        List<String> metrics,
        List<String> metricsLong,
        List<List<@Nullable Object>> results,
        @Nullable String resultsSummary,
        Map<String, @Nullable Object> extra) {
    /**
     * Checks that required components are present and copies collections.
     *
     * @param modelId the evaluated model, or {@code null} for this one
     * @param datasetId the dataset id
     * @param datasetSource the dataset URL
     * @param datasetRole one of {@code train, validation, test, independent, unknown}
     * @param sampleCount the number of samples evaluated
     * @param evaluationFactors short names of the evaluation factors
     * @param evaluationFactorsLong descriptions of the evaluation factors
     * @param metrics short names of the metrics
     * @param metricsLong descriptions of the metrics
     * @param results one row per metric, one value per factor
     * @param resultsSummary a summary of the results, or {@code null}
     * @param extra the other keys, in document order
     * @throws NullPointerException if a required component is {@code null}
     */
    public Evaluation {
        Objects.requireNonNull(datasetId, "datasetId");
        Objects.requireNonNull(datasetSource, "datasetSource");
        Objects.requireNonNull(datasetRole, "datasetRole");
        evaluationFactors = List.copyOf(Objects.requireNonNull(evaluationFactors, "evaluationFactors"));
        evaluationFactorsLong = List.copyOf(Objects.requireNonNull(evaluationFactorsLong, "evaluationFactorsLong"));
        metrics = List.copyOf(Objects.requireNonNull(metrics, "metrics"));
        metricsLong = List.copyOf(Objects.requireNonNull(metricsLong, "metricsLong"));
        results = Objects.requireNonNull(results, "results").stream()
                .map(row -> Collections.unmodifiableList(new ArrayList<>(row)))
                .toList();
        extra = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(extra, "extra")));
    }

    /** {@return a new builder with every optional field at its default} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return a builder initialised with the values of this description} */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.modelId = modelId;
        b.datasetId = datasetId;
        b.datasetSource = datasetSource;
        b.datasetRole = datasetRole;
        b.sampleCount = sampleCount;
        b.evaluationFactors = evaluationFactors;
        b.evaluationFactorsLong = evaluationFactorsLong;
        b.metrics = metrics;
        b.metricsLong = metricsLong;
        b.results = results;
        b.resultsSummary = resultsSummary;
        b.extra = new LinkedHashMap<>(extra);
        return b;
    }

    /** Builds a {@link Evaluation} step by step; {@link #build()} names every missing required field. */
    public static final class Builder {
        private @Nullable String modelId;
        private @Nullable String datasetId;
        private @Nullable String datasetSource;
        private @Nullable String datasetRole;
        private @Nullable Integer sampleCount;
        private @Nullable List<String> evaluationFactors;
        private @Nullable List<String> evaluationFactorsLong;
        private @Nullable List<String> metrics;
        private @Nullable List<String> metricsLong;
        private @Nullable List<List<@Nullable Object>> results;
        private @Nullable String resultsSummary;
        private Map<String, @Nullable Object> extra = new LinkedHashMap<>();

        private Builder() {}

        /**
         * Sets {@code model_id}.
         *
         * @param modelId the evaluated model, or {@code null} for this one
         * @return this builder
         */
        public Builder modelId(@Nullable String modelId) {
            this.modelId = modelId;
            return this;
        }

        /**
         * Sets {@code dataset_id}.
         *
         * @param datasetId the dataset id
         * @return this builder
         */
        public Builder datasetId(String datasetId) {
            this.datasetId = Objects.requireNonNull(datasetId, "datasetId");
            return this;
        }

        /**
         * Sets {@code dataset_source}.
         *
         * @param datasetSource the dataset URL
         * @return this builder
         */
        public Builder datasetSource(String datasetSource) {
            this.datasetSource = Objects.requireNonNull(datasetSource, "datasetSource");
            return this;
        }

        /**
         * Sets {@code dataset_role}.
         *
         * @param datasetRole one of {@code train, validation, test, independent, unknown}
         * @return this builder
         */
        public Builder datasetRole(String datasetRole) {
            this.datasetRole = Objects.requireNonNull(datasetRole, "datasetRole");
            return this;
        }

        /**
         * Sets {@code sample_count}.
         *
         * @param sampleCount the number of samples evaluated
         * @return this builder
         */
        public Builder sampleCount(int sampleCount) {
            this.sampleCount = sampleCount;
            return this;
        }

        /**
         * Sets {@code evaluation_factors}.
         *
         * @param evaluationFactors short names of the evaluation factors
         * @return this builder
         */
        public Builder evaluationFactors(List<String> evaluationFactors) {
            this.evaluationFactors = Objects.requireNonNull(evaluationFactors, "evaluationFactors");
            return this;
        }

        /**
         * Sets {@code evaluation_factors}.
         *
         * @param evaluationFactors short names of the evaluation factors
         * @return this builder
         */
        public Builder evaluationFactors(String... evaluationFactors) {
            return evaluationFactors(List.of(evaluationFactors));
        }

        /**
         * Sets {@code evaluation_factors_long}.
         *
         * @param evaluationFactorsLong descriptions of the evaluation factors
         * @return this builder
         */
        public Builder evaluationFactorsLong(List<String> evaluationFactorsLong) {
            this.evaluationFactorsLong = Objects.requireNonNull(evaluationFactorsLong, "evaluationFactorsLong");
            return this;
        }

        /**
         * Sets {@code evaluation_factors_long}.
         *
         * @param evaluationFactorsLong descriptions of the evaluation factors
         * @return this builder
         */
        public Builder evaluationFactorsLong(String... evaluationFactorsLong) {
            return evaluationFactorsLong(List.of(evaluationFactorsLong));
        }

        /**
         * Sets {@code metrics}.
         *
         * @param metrics short names of the metrics
         * @return this builder
         */
        public Builder metrics(List<String> metrics) {
            this.metrics = Objects.requireNonNull(metrics, "metrics");
            return this;
        }

        /**
         * Sets {@code metrics}.
         *
         * @param metrics short names of the metrics
         * @return this builder
         */
        public Builder metrics(String... metrics) {
            return metrics(List.of(metrics));
        }

        /**
         * Sets {@code metrics_long}.
         *
         * @param metricsLong descriptions of the metrics
         * @return this builder
         */
        public Builder metricsLong(List<String> metricsLong) {
            this.metricsLong = Objects.requireNonNull(metricsLong, "metricsLong");
            return this;
        }

        /**
         * Sets {@code metrics_long}.
         *
         * @param metricsLong descriptions of the metrics
         * @return this builder
         */
        public Builder metricsLong(String... metricsLong) {
            return metricsLong(List.of(metricsLong));
        }

        /**
         * Sets {@code results}.
         *
         * @param results one row per metric, one value per factor
         * @return this builder
         */
        public Builder results(List<List<@Nullable Object>> results) {
            this.results = Objects.requireNonNull(results, "results");
            return this;
        }

        /**
         * Sets {@code results_summary}.
         *
         * @param resultsSummary a summary of the results, or {@code null}
         * @return this builder
         */
        public Builder resultsSummary(@Nullable String resultsSummary) {
            this.resultsSummary = resultsSummary;
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
        public Evaluation build() {
            List<String> missing = new ArrayList<>();
            if (datasetId == null) {
                missing.add("datasetId");
            }
            if (datasetSource == null) {
                missing.add("datasetSource");
            }
            if (datasetRole == null) {
                missing.add("datasetRole");
            }
            if (sampleCount == null) {
                missing.add("sampleCount");
            }
            if (evaluationFactors == null) {
                missing.add("evaluationFactors");
            }
            if (evaluationFactorsLong == null) {
                missing.add("evaluationFactorsLong");
            }
            if (metrics == null) {
                missing.add("metrics");
            }
            if (metricsLong == null) {
                missing.add("metricsLong");
            }
            if (results == null) {
                missing.add("results");
            }
            if (!missing.isEmpty()) {
                throw new IllegalStateException("Evaluation: missing required fields: " + String.join(", ", missing));
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
    }
}
