package eu.riscale.modelhub.spec.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The environmental impact of training the model.
 *
 * @param hardwareType the hardware used, or {@code null}
 * @param hoursUsed the hours used, or {@code null}
 * @param cloudProvider the cloud provider, or {@code null}
 * @param computeRegion the compute region, or {@code null}
 * @param co2Emitted the CO2 emitted in kg, or {@code null}
 * @param extra the other keys, in document order
 */
public record EnvironmentalImpact(
        @Nullable String hardwareType,
        @Nullable Double hoursUsed,
        @Nullable String cloudProvider,
        @Nullable String computeRegion,
        @Nullable Double co2Emitted,
        Map<String, @Nullable Object> extra) {
    /** The description with every field at its default. */
    public static final EnvironmentalImpact DEFAULT = new EnvironmentalImpact(null, null, null, null, null, Map.of());

    /**
     * Checks that required components are present and copies collections.
     *
     * @param hardwareType the hardware used, or {@code null}
     * @param hoursUsed the hours used, or {@code null}
     * @param cloudProvider the cloud provider, or {@code null}
     * @param computeRegion the compute region, or {@code null}
     * @param co2Emitted the CO2 emitted in kg, or {@code null}
     * @param extra the other keys, in document order
     * @throws NullPointerException if a required component is {@code null}
     */
    public EnvironmentalImpact {
        extra = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(extra, "extra")));
    }

    /** {@return a new builder with every optional field at its default} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return a builder initialised with the values of this description} */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.hardwareType = hardwareType;
        b.hoursUsed = hoursUsed;
        b.cloudProvider = cloudProvider;
        b.computeRegion = computeRegion;
        b.co2Emitted = co2Emitted;
        b.extra = new LinkedHashMap<>(extra);
        return b;
    }

    /** Builds a {@link EnvironmentalImpact} step by step; {@link #build()} names every missing required field. */
    public static final class Builder {
        private @Nullable String hardwareType;
        private @Nullable Double hoursUsed;
        private @Nullable String cloudProvider;
        private @Nullable String computeRegion;
        private @Nullable Double co2Emitted;
        private Map<String, @Nullable Object> extra = new LinkedHashMap<>();

        private Builder() {}

        /**
         * Sets {@code hardware_type}.
         *
         * @param hardwareType the hardware used, or {@code null}
         * @return this builder
         */
        public Builder hardwareType(@Nullable String hardwareType) {
            this.hardwareType = hardwareType;
            return this;
        }

        /**
         * Sets {@code hours_used}.
         *
         * @param hoursUsed the hours used, or {@code null}
         * @return this builder
         */
        public Builder hoursUsed(@Nullable Double hoursUsed) {
            this.hoursUsed = hoursUsed;
            return this;
        }

        /**
         * Sets {@code cloud_provider}.
         *
         * @param cloudProvider the cloud provider, or {@code null}
         * @return this builder
         */
        public Builder cloudProvider(@Nullable String cloudProvider) {
            this.cloudProvider = cloudProvider;
            return this;
        }

        /**
         * Sets {@code compute_region}.
         *
         * @param computeRegion the compute region, or {@code null}
         * @return this builder
         */
        public Builder computeRegion(@Nullable String computeRegion) {
            this.computeRegion = computeRegion;
            return this;
        }

        /**
         * Sets {@code co2_emitted}.
         *
         * @param co2Emitted the CO2 emitted in kg, or {@code null}
         * @return this builder
         */
        public Builder co2Emitted(@Nullable Double co2Emitted) {
            this.co2Emitted = co2Emitted;
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
        public EnvironmentalImpact build() {
            return new EnvironmentalImpact(hardwareType, hoursUsed, cloudProvider, computeRegion, co2Emitted, extra);
        }
    }
}
