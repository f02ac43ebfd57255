package eu.riscale.modelhub.spec.tensor;

import jakarta.validation.Valid;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Numeric data on an interval or ratio scale.
 *
 * @param type the data type (default float32)
 * @param range the value range (default unbounded)
 * @param unit {@code arbitrary unit} or an SI unit
 * @param scale the scale of the values (default 1.0)
 * @param offset the offset of the values, or {@code null}
 */
public record IntervalOrRatioDataDescr(
        DType type,
        @Valid Range range,
        String unit,
        double scale,
        @Nullable Double offset) implements TensorDataDescr {
    /** The description with every field at its default. */
    /** The data type when none is given. */
    public static final DType DEFAULT_TYPE = DType.FLOAT32;

    /** The unit when none is given. */
    public static final String DEFAULT_UNIT = "arbitrary unit";

    /** The scale when none is given. */
    public static final double DEFAULT_SCALE = 1.0;

    /** The data description when none is given. */
    public static final IntervalOrRatioDataDescr DEFAULT =
            new IntervalOrRatioDataDescr(DEFAULT_TYPE, Range.UNBOUNDED, DEFAULT_UNIT, DEFAULT_SCALE, null);

    /**
     * Checks that required components are present and copies collections.
     *
     * @param type the data type (default float32)
     * @param range the value range (default unbounded)
     * @param unit {@code arbitrary unit} or an SI unit
     * @param scale the scale of the values (default 1.0)
     * @param offset the offset of the values, or {@code null}
     * @throws NullPointerException if a required component is {@code null}
     */
    public IntervalOrRatioDataDescr {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(range, "range");
        Objects.requireNonNull(unit, "unit");
    }

    /**
     * Creates the default description (float32, unbounded, arbitrary unit) with another data type.
     *
     * @param type the data type
     * @return the data description
     */
    public static IntervalOrRatioDataDescr of(DType type) {
        return new IntervalOrRatioDataDescr(type, Range.UNBOUNDED, "arbitrary unit", 1.0, null);
    }

    /** {@return a new builder with every optional field at its default} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return a builder initialised with the values of this description} */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.type = type;
        b.range = range;
        b.unit = unit;
        b.scale = scale;
        b.offset = offset;
        return b;
    }

    /** Builds a {@link IntervalOrRatioDataDescr} step by step; {@link #build()} names every missing required field. */
    public static final class Builder {
        private DType type = DEFAULT_TYPE;
        private Range range = Range.UNBOUNDED;
        private String unit = DEFAULT_UNIT;
        private Double scale = DEFAULT_SCALE;
        private @Nullable Double offset;

        private Builder() {}

        /**
         * Sets {@code type}.
         *
         * @param type the data type (default float32)
         * @return this builder
         */
        public Builder type(DType type) {
            this.type = Objects.requireNonNull(type, "type");
            return this;
        }

        /**
         * Sets {@code range}.
         *
         * @param range the value range (default unbounded)
         * @return this builder
         */
        public Builder range(Range range) {
            this.range = Objects.requireNonNull(range, "range");
            return this;
        }

        /**
         * Sets {@code unit}.
         *
         * @param unit {@code arbitrary unit} or an SI unit
         * @return this builder
         */
        public Builder unit(String unit) {
            this.unit = Objects.requireNonNull(unit, "unit");
            return this;
        }

        /**
         * Sets {@code scale}.
         *
         * @param scale the scale of the values (default 1.0)
         * @return this builder
         */
        public Builder scale(double scale) {
            this.scale = scale;
            return this;
        }

        /**
         * Sets {@code offset}.
         *
         * @param offset the offset of the values, or {@code null}
         * @return this builder
         */
        public Builder offset(@Nullable Double offset) {
            this.offset = offset;
            return this;
        }

        /**
         * Builds the description.
         *
         * @return the description
         * @throws IllegalStateException naming every required field that was not set
         */
        public IntervalOrRatioDataDescr build() {
            return new IntervalOrRatioDataDescr(type, range, unit, scale, offset);
        }
    }
}
