package eu.riscale.modelhub.spec.axis;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The batch axis; its size is arbitrary or fixed to 1.
 *
 * @param id the axis id, always {@code batch}
 * @param description a description of the axis (default empty)
 * @param size {@code 1} when the batch size is fixed to one, {@code null} for an arbitrary batch size
 */
public record BatchAxis(
        @Pattern(regexp = "batch", message = "a batch axis must have the id 'batch'")
        String id,

        @Size(max = 128, message = "must be at most 128 characters long")
        String description,

        @Min(value = 1, message = "a batch axis has size 1 or no size")
        @Max(value = 1, message = "a batch axis has size 1 or no size")
        @Nullable
        Integer size)
        implements InputAxis, OutputAxis {
    /**
     * Checks that required components are present and copies collections.
     *
     * @param id the axis id, always {@code batch}
     * @param description a description of the axis (default empty)
     * @param size {@code 1} when the batch size is fixed to one, {@code null} for an arbitrary batch size
     * @throws NullPointerException if a required component is {@code null}
     */
    public BatchAxis {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(description, "description");
    }

    /** {@return a batch axis of arbitrary size} */
    public static BatchAxis of() {
        return new BatchAxis("batch", "", null);
    }

    /** {@inheritDoc} */
    @Override
    public AxisType type() {
        return AxisType.BATCH;
    }

    /** {@return a new builder with every optional field at its default} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return a builder initialised with the values of this description} */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.id = id;
        b.description = description;
        b.size = size;
        return b;
    }

    /** Builds a {@link BatchAxis} step by step; {@link #build()} names every missing required field. */
    public static final class Builder {
        private String id = AxisType.BATCH.defaultId();
        private String description = "";
        private @Nullable Integer size;

        private Builder() {}

        /**
         * Sets {@code id}.
         *
         * @param id the axis id, always {@code batch}
         * @return this builder
         */
        public Builder id(String id) {
            this.id = Objects.requireNonNull(id, "id");
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
         * Sets {@code size}.
         *
         * @param size {@code 1} when the batch size is fixed to one, {@code null} for an arbitrary batch size
         * @return this builder
         */
        public Builder size(@Nullable Integer size) {
            this.size = size;
            return this;
        }

        /**
         * Builds the description.
         *
         * @return the description
         * @throws IllegalStateException naming every required field that was not set
         */
        public BatchAxis build() {
            return new BatchAxis(id, description, size);
        }
    }
}
