package eu.riscale.modelhub.spec.axis;

import eu.riscale.modelhub.spec.constraint.Identifier;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An index axis of an input tensor (for example a list of items).
 *
 * @param size the size
 * @param id the axis id (default {@code index})
 * @param description a description of the axis (default empty)
 * @param concatenable whether blocks along this axis may be processed separately
 */
public record IndexInputAxis(
        @Valid InputSize size,
        @Identifier(lowerCase = true, maxLength = 16) String id,

        @Size(max = 128, message = "must be at most 128 characters long")
        String description,

        boolean concatenable)
        implements InputAxis {
    /**
     * Checks that required components are present and copies collections.
     *
     * @param size the size
     * @param id the axis id (default {@code index})
     * @param description a description of the axis (default empty)
     * @param concatenable whether blocks along this axis may be processed separately
     * @throws NullPointerException if a required component is {@code null}
     */
    public IndexInputAxis {
        Objects.requireNonNull(size, "size");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(description, "description");
    }

    /** {@inheritDoc} */
    @Override
    public AxisType type() {
        return AxisType.INDEX;
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
        b.concatenable = concatenable;
        return b;
    }

    /** Builds a {@link IndexInputAxis} step by step; {@link #build()} names every missing required field. */
    public static final class Builder {
        private @Nullable InputSize size;
        private String id = AxisType.INDEX.defaultId();
        private String description = "";
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
        public IndexInputAxis build() {
            List<String> missing = new ArrayList<>();
            if (size == null) {
                missing.add("size");
            }
            if (!missing.isEmpty()) {
                throw new IllegalStateException(
                        "IndexInputAxis: missing required fields: " + String.join(", ", missing));
            }
            return new IndexInputAxis(size, id, description, concatenable);
        }
    }
}
