package eu.riscale.modelhub.spec.tensor;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Data whose values are labels (nominal) or ordered labels (ordinal).
 *
 * @param values the possible values (numbers, booleans or strings)
 * @param type the data type (default uint8)
 * @param unit {@code arbitrary unit}, an SI unit, or {@code null}
 */
public record NominalOrOrdinalDataDescr(
        List<Object> values, DType type, @Nullable String unit) implements TensorDataDescr {
    /** The data type when none is given. */
    public static final DType DEFAULT_TYPE = DType.UINT8;

    /**
     * Checks that required components are present and copies collections.
     *
     * @param values the possible values (numbers, booleans or strings)
     * @param type the data type (default uint8)
     * @param unit {@code arbitrary unit}, an SI unit, or {@code null}
     * @throws NullPointerException if a required component is {@code null}
     */
    public NominalOrOrdinalDataDescr {
        values = Collections.unmodifiableList(new ArrayList<>(Objects.requireNonNull(values, "values")));
        Objects.requireNonNull(type, "type");
    }

    /** {@return a new builder with every optional field at its default} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return a builder initialised with the values of this description} */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.values = values;
        b.type = type;
        b.unit = unit;
        return b;
    }

    /** Builds a {@link NominalOrOrdinalDataDescr} step by step; {@link #build()} names every missing required field. */
    public static final class Builder {
        private @Nullable List<Object> values;
        private DType type = DEFAULT_TYPE;
        private @Nullable String unit;

        private Builder() {}

        /**
         * Sets {@code values}.
         *
         * @param values the possible values (numbers, booleans or strings)
         * @return this builder
         */
        public Builder values(List<Object> values) {
            this.values = Objects.requireNonNull(values, "values");
            return this;
        }

        /**
         * Sets {@code values}.
         *
         * @param values the possible values (numbers, booleans or strings)
         * @return this builder
         */
        public Builder values(Object... values) {
            return values(List.of(values));
        }

        /**
         * Sets {@code type}.
         *
         * @param type the data type (default uint8)
         * @return this builder
         */
        public Builder type(DType type) {
            this.type = Objects.requireNonNull(type, "type");
            return this;
        }

        /**
         * Sets {@code unit}.
         *
         * @param unit {@code arbitrary unit}, an SI unit, or {@code null}
         * @return this builder
         */
        public Builder unit(@Nullable String unit) {
            this.unit = unit;
            return this;
        }

        /**
         * Builds the description.
         *
         * @return the description
         * @throws IllegalStateException naming every required field that was not set
         */
        public NominalOrOrdinalDataDescr build() {
            List<String> missing = new ArrayList<>();
            if (values == null) {
                missing.add("values");
            }
            if (!missing.isEmpty()) {
                throw new IllegalStateException(
                        "NominalOrOrdinalDataDescr: missing required fields: " + String.join(", ", missing));
            }
            return new NominalOrOrdinalDataDescr(values, type, unit);
        }
    }
}
