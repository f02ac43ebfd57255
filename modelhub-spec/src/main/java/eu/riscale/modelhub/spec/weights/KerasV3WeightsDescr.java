package eu.riscale.modelhub.spec.weights;

import eu.riscale.modelhub.spec.common.Author;
import eu.riscale.modelhub.spec.constraint.FileSource;
import eu.riscale.modelhub.spec.constraint.Version;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Keras 3 weights: a {@code .keras} file (format 0.5.8).
 *
 * @param source the weights file (relative path or URL)
 * @param sha256 the SHA-256 of the file, or {@code null}
 * @param authors the authors of this weights entry (an explicit {@code null} reads as empty)
 * @param parent the format these weights were converted from, or {@code null}
 * @param comment a comment on the conversion (default empty)
 * @param kerasVersion the Keras version used, at least 3
 * @param backend the backend the model was saved with
 */
public record KerasV3WeightsDescr(
        @FileSource(descriptionNamesAllowed = false) String source,

        @Size(min = 64, max = 64, message = "a sha256 has 64 hexadecimal digits") @Nullable
        String sha256,

        List<@Valid Author> authors,
        @Nullable WeightsFormat parent,
        String comment,
        @Version String kerasVersion,
        @Valid KerasBackend backend)
        implements WeightsEntryDescr {
    /**
     * Checks that required components are present and copies collections.
     *
     * @param source the weights file (relative path or URL)
     * @param sha256 the SHA-256 of the file, or {@code null}
     * @param authors the authors of this weights entry (an explicit {@code null} reads as empty)
     * @param parent the format these weights were converted from, or {@code null}
     * @param comment a comment on the conversion (default empty)
     * @param kerasVersion the Keras version used, at least 3
     * @param backend the backend the model was saved with
     * @throws NullPointerException if a required component is {@code null}
     */
    public KerasV3WeightsDescr {
        Objects.requireNonNull(source, "source");
        authors = List.copyOf(Objects.requireNonNull(authors, "authors"));
        Objects.requireNonNull(comment, "comment");
        Objects.requireNonNull(kerasVersion, "kerasVersion");
        Objects.requireNonNull(backend, "backend");
    }

    /** {@inheritDoc} */
    @Override
    public WeightsFormat format() {
        return WeightsFormat.KERAS_V3;
    }

    /** {@return a new builder with every optional field at its default} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return a builder initialised with the values of this description} */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.source = source;
        b.sha256 = sha256;
        b.authors = authors;
        b.parent = parent;
        b.comment = comment;
        b.kerasVersion = kerasVersion;
        b.backend = backend;
        return b;
    }

    /** Builds a {@link KerasV3WeightsDescr} step by step; {@link #build()} names every missing required field. */
    public static final class Builder {
        private @Nullable String source;
        private @Nullable String sha256;
        private List<Author> authors = List.of();
        private @Nullable WeightsFormat parent;
        private String comment = "";
        private @Nullable String kerasVersion;
        private @Nullable KerasBackend backend;

        private Builder() {}

        /**
         * Sets {@code source}.
         *
         * @param source the weights file (relative path or URL)
         * @return this builder
         */
        public Builder source(String source) {
            this.source = Objects.requireNonNull(source, "source");
            return this;
        }

        /**
         * Sets {@code sha256}.
         *
         * @param sha256 the SHA-256 of the file, or {@code null}
         * @return this builder
         */
        public Builder sha256(@Nullable String sha256) {
            this.sha256 = sha256;
            return this;
        }

        /**
         * Sets {@code authors}.
         *
         * @param authors the authors of this weights entry (an explicit {@code null} reads as empty)
         * @return this builder
         */
        public Builder authors(List<Author> authors) {
            this.authors = Objects.requireNonNull(authors, "authors");
            return this;
        }

        /**
         * Sets {@code authors}.
         *
         * @param authors the authors of this weights entry (an explicit {@code null} reads as empty)
         * @return this builder
         */
        public Builder authors(Author... authors) {
            return authors(List.of(authors));
        }

        /**
         * Sets {@code parent}.
         *
         * @param parent the format these weights were converted from, or {@code null}
         * @return this builder
         */
        public Builder parent(@Nullable WeightsFormat parent) {
            this.parent = parent;
            return this;
        }

        /**
         * Sets {@code comment}.
         *
         * @param comment a comment on the conversion (default empty)
         * @return this builder
         */
        public Builder comment(String comment) {
            this.comment = Objects.requireNonNull(comment, "comment");
            return this;
        }

        /**
         * Sets {@code keras_version}.
         *
         * @param kerasVersion the Keras version used, at least 3
         * @return this builder
         */
        public Builder kerasVersion(String kerasVersion) {
            this.kerasVersion = Objects.requireNonNull(kerasVersion, "kerasVersion");
            return this;
        }

        /**
         * Sets {@code backend}.
         *
         * @param backend the backend the model was saved with
         * @return this builder
         */
        public Builder backend(KerasBackend backend) {
            this.backend = Objects.requireNonNull(backend, "backend");
            return this;
        }

        /**
         * Sets {@code backend}.
         *
         * @param name the backend library
         * @param version its version
         * @return this builder
         */
        public Builder backend(KerasBackend.Name name, String version) {
            return backend(KerasBackend.of(name, version));
        }

        /**
         * Builds the description.
         *
         * @return the description
         * @throws IllegalStateException naming every required field that was not set
         */
        public KerasV3WeightsDescr build() {
            List<String> missing = new ArrayList<>();
            if (source == null) {
                missing.add("source");
            }
            if (kerasVersion == null) {
                missing.add("kerasVersion");
            }
            if (backend == null) {
                missing.add("backend");
            }
            if (!missing.isEmpty()) {
                throw new IllegalStateException(
                        "KerasV3WeightsDescr: missing required fields: " + String.join(", ", missing));
            }
            return new KerasV3WeightsDescr(source, sha256, authors, parent, comment, kerasVersion, backend);
        }
    }
}
