package eu.riscale.modelhub.spec.common;

import jakarta.validation.constraints.Email;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The person who uploaded the model to bioimage.io.
 *
 * @param email the e-mail address
 * @param name the name, or {@code null}
 */
public record Uploader(@Email String email, @Nullable String name) {
    /**
     * Checks that required components are present and copies collections.
     *
     * @param email the e-mail address
     * @param name the name, or {@code null}
     * @throws NullPointerException if a required component is {@code null}
     */
    public Uploader {
        Objects.requireNonNull(email, "email");
    }

    /** {@return a new builder with every optional field at its default} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return a builder initialised with the values of this description} */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.email = email;
        b.name = name;
        return b;
    }

    /** Builds a {@link Uploader} step by step; {@link #build()} names every missing required field. */
    public static final class Builder {
        private @Nullable String email;
        private @Nullable String name;

        private Builder() {}

        /**
         * Sets {@code email}.
         *
         * @param email the e-mail address
         * @return this builder
         */
        public Builder email(String email) {
            this.email = Objects.requireNonNull(email, "email");
            return this;
        }

        /**
         * Sets {@code name}.
         *
         * @param name the name, or {@code null}
         * @return this builder
         */
        public Builder name(@Nullable String name) {
            this.name = name;
            return this;
        }

        /**
         * Builds the description.
         *
         * @return the description
         * @throws IllegalStateException naming every required field that was not set
         */
        public Uploader build() {
            List<String> missing = new ArrayList<>();
            if (email == null) {
                missing.add("email");
            }
            if (!missing.isEmpty()) {
                throw new IllegalStateException("Uploader: missing required fields: " + String.join(", ", missing));
            }
            return new Uploader(email, name);
        }
    }
}
