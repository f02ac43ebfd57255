package eu.riscale.modelhub.spec.axis;

import eu.riscale.modelhub.spec.constraint.Identifier;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A time axis of an input tensor.
 *
 * @param size the size
 * @param id the axis id (default {@code time})
 * @param description a description of the axis (default empty)
 * @param unit a time unit such as {@code second}, or {@code null}
 * @param scale the physical size of one step along the axis (default 1.0)
 * @param concatenable whether blocks along this axis may be processed separately
 */
public record TimeInputAxis(
        @Valid InputSize size,
        @Identifier(lowerCase = true, maxLength = 16) String id,

        @Size(max = 128, message = "must be at most 128 characters long")
        String description,

        @Pattern(
                regexp =
                        "attosecond|centisecond|day|decisecond|exasecond|femtosecond|gigasecond|hectosecond|hour|kilosecond|megasecond|microsecond|millisecond|minute|nanosecond|petasecond|picosecond|second|terasecond|yoctosecond|yottasecond|zeptosecond|zettasecond",
                message = "'${validatedValue}' is not a time unit (for example second, millisecond, hour)")
        @Nullable
        String unit,

        @Positive(message = "must be greater than 0") double scale,
        boolean concatenable)
        implements InputAxis, SpatioTemporalAxis {
    /**
     * Checks that required components are present and copies collections.
     *
     * @param size the size
     * @param id the axis id (default {@code time})
     * @param description a description of the axis (default empty)
     * @param unit a time unit such as {@code second}, or {@code null}
     * @param scale the physical size of one step along the axis (default 1.0)
     * @param concatenable whether blocks along this axis may be processed separately
     * @throws NullPointerException if a required component is {@code null}
     */
    public TimeInputAxis {
        Objects.requireNonNull(size, "size");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(description, "description");
    }

    /** {@inheritDoc} */
    @Override
    public AxisType type() {
        return AxisType.TIME;
    }

    /** {@inheritDoc} */
    @Override
    public InputSize inputSize() {
        return size;
    }

    /** {@return a new builder with every optional field at its default} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return a builder initialised with the values of this description} */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.size = size;
        b.id = id;
        b.description = description;
        b.unit = unit;
        b.scale = scale;
        b.concatenable = concatenable;
        return b;
    }

    /** Builds a {@link TimeInputAxis} step by step; {@link #build()} names every missing required field. */
    public static final class Builder {
        private @Nullable InputSize size;
        private String id = AxisType.TIME.defaultId();
        private String description = "";
        private @Nullable String unit;
        private Double scale = DEFAULT_SCALE;
        private Boolean concatenable = false;

        private Builder() {}

        /**
         * Sets {@code size}.
         *
         * @param size the size
         * @return this builder
         */
        public Builder size(InputSize size) {
            this.size = Objects.requireNonNull(size, "size");
            return this;
        }

        /**
         * Sets {@code id}.
         *
         * @param id the axis id (default {@code time})
         * @return this builder
         * @throws IllegalArgumentException if {@code id} is {@code batch} or {@code b}, which only the batch axis may
         *     have
         */
        public Builder id(String id) {
            this.id = AxisType.TIME.checkId(id);
            return this;
        }

        /**
         * Sets {@code description}.
         *
         * @param description a description of the axis (default empty)
         * @return this builder
         */
        public Builder description(String description) {
            this.description = Objects.requireNonNull(description, "description");
            return this;
        }

        /**
         * Sets {@code unit}.
         *
         * @param unit a time unit such as {@code second}, or {@code null}
         * @return this builder
         */
        public Builder unit(@Nullable String unit) {
            this.unit = unit;
            return this;
        }

        /**
         * Sets {@code scale}.
         *
         * @param scale the physical size of one step along the axis (default 1.0)
         * @return this builder
         */
        public Builder scale(double scale) {
            this.scale = scale;
            return this;
        }

        /**
         * Sets {@code concatenable}.
         *
         * @param concatenable whether blocks along this axis may be processed separately
         * @return this builder
         */
        public Builder concatenable(boolean concatenable) {
            this.concatenable = concatenable;
            return this;
        }

        /**
         * Builds the description.
         *
         * @return the description
         * @throws IllegalStateException naming every required field that was not set
         */
        public TimeInputAxis build() {
            List<String> missing = new ArrayList<>();
            if (size == null) {
                missing.add("size");
            }
            if (!missing.isEmpty()) {
                throw new IllegalStateException(
                        "TimeInputAxis: missing required fields: " + String.join(", ", missing));
            }
            return new TimeInputAxis(size, id, description, unit, scale, concatenable);
        }
    }
}
