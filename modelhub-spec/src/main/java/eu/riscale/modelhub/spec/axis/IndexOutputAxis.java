package eu.riscale.modelhub.spec.axis;

import eu.riscale.modelhub.spec.constraint.Identifier;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An index axis of an output tensor.
 *
 * @param id the axis id (default {@code index})
 * @param description a description of the axis (default empty)
 * @param size the size
 */
public record IndexOutputAxis(
        @Identifier(lowerCase = true, maxLength = 16) String id,

        @Size(max = 128, message = "must be at most 128 characters long")
        String description,

        @Valid OutputSize size)
        implements OutputAxis {
    /**
     * Checks that required components are present and copies collections.
     *
     * @param id the axis id (default {@code index})
     * @param description a description of the axis (default empty)
     * @param size the size
     * @throws NullPointerException if a required component is {@code null}
     */
    public IndexOutputAxis {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(size, "size");
    }

    /** {@inheritDoc} */
    @Override
    public AxisType type() {
        return AxisType.INDEX;
    }

    /** {@inheritDoc} */
    @Override
    public OutputSize outputSize() {
        return size;
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

    /** Builds a {@link IndexOutputAxis} step by step; {@link #build()} names every missing required field. */
    public static final class Builder {
        private String id = AxisType.INDEX.defaultId();
        private String description = "";
        private @Nullable OutputSize size;

        private Builder() {}

        /**
         * Sets {@code id}.
         *
         * @param id the axis id (default {@code index})
         * @return this builder
         * @throws IllegalArgumentException if {@code id} is {@code batch} or {@code b}, which only the batch axis may
         *     have
         */
        public Builder id(String id) {
            this.id = AxisType.INDEX.checkId(id);
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
         * @param size the size
         * @return this builder
         */
        public Builder size(OutputSize size) {
            this.size = Objects.requireNonNull(size, "size");
            return this;
        }

        /**
         * Builds the description.
         *
         * @return the description
         * @throws IllegalStateException naming every required field that was not set
         */
        public IndexOutputAxis build() {
            List<String> missing = new ArrayList<>();
            if (size == null) {
                missing.add("size");
            }
            if (!missing.isEmpty()) {
                throw new IllegalStateException(
                        "IndexOutputAxis: missing required fields: " + String.join(", ", missing));
            }
            return new IndexOutputAxis(id, description, size);
        }
    }
}
