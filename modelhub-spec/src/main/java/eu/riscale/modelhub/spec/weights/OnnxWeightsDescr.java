package eu.riscale.modelhub.spec.weights;

import eu.riscale.modelhub.spec.common.Author;
import eu.riscale.modelhub.spec.common.FileDescr;
import eu.riscale.modelhub.spec.constraint.FileSource;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * ONNX weights.
 *
 * @param source the weights file (relative path or URL)
 * @param sha256 the SHA-256 of the file, or {@code null}
 * @param authors the authors of this weights entry (an explicit {@code null} reads as empty)
 * @param parent the format these weights were converted from, or {@code null}
 * @param comment a comment on the conversion (default empty)
 * @param opsetVersion the ONNX opset version
 * @param externalData the external data file ({@code .data}), or {@code null}
 */
public record OnnxWeightsDescr(
        @FileSource(descriptionNamesAllowed = false) String source,

        @Size(min = 64, max = 64, message = "a sha256 has 64 hexadecimal digits") @Nullable
        String sha256,

        List<@Valid Author> authors,
        @Nullable WeightsFormat parent,
        String comment,
        @Min(value = 7, message = "must be at least 7") int opsetVersion,
        @Valid @Nullable FileDescr externalData)
        implements WeightsEntryDescr {
    /**
     * Checks that required components are present and copies collections.
     *
     * @param source the weights file (relative path or URL)
     * @param sha256 the SHA-256 of the file, or {@code null}
     * @param authors the authors of this weights entry (an explicit {@code null} reads as empty)
     * @param parent the format these weights were converted from, or {@code null}
     * @param comment a comment on the conversion (default empty)
     * @param opsetVersion the ONNX opset version
     * @param externalData the external data file ({@code .data}), or {@code null}
     * @throws NullPointerException if a required component is {@code null}
     */
    public OnnxWeightsDescr {
        Objects.requireNonNull(source, "source");
        authors = List.copyOf(Objects.requireNonNull(authors, "authors"));
        Objects.requireNonNull(comment, "comment");
    }

    /** {@inheritDoc} */
    @Override
    public WeightsFormat format() {
        return WeightsFormat.ONNX;
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
        b.opsetVersion = opsetVersion;
        b.externalData = externalData;
        return b;
    }

    /** Builds a {@link OnnxWeightsDescr} step by step; {@link #build()} names every missing required field. */
    public static final class Builder {
        private @Nullable String source;
        private @Nullable String sha256;
        private List<Author> authors = List.of();
        private @Nullable WeightsFormat parent;
        private String comment = "";
        private @Nullable Integer opsetVersion;
        private @Nullable FileDescr externalData;

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
         * Sets {@code opset_version}.
         *
         * @param opsetVersion the ONNX opset version
         * @return this builder
         */
        public Builder opsetVersion(int opsetVersion) {
            this.opsetVersion = opsetVersion;
            return this;
        }

        /**
         * Sets {@code external_data}.
         *
         * @param externalData the external data file ({@code .data}), or {@code null}
         * @return this builder
         */
        public Builder externalData(@Nullable FileDescr externalData) {
            this.externalData = externalData;
            return this;
        }

        /**
         * Builds the description.
         *
         * @return the description
         * @throws IllegalStateException naming every required field that was not set
         */
        public OnnxWeightsDescr build() {
            List<String> missing = new ArrayList<>();
            if (source == null) {
                missing.add("source");
            }
            if (opsetVersion == null) {
                missing.add("opsetVersion");
            }
            if (!missing.isEmpty()) {
                throw new IllegalStateException(
                        "OnnxWeightsDescr: missing required fields: " + String.join(", ", missing));
            }
            return new OnnxWeightsDescr(source, sha256, authors, parent, comment, opsetVersion, externalData);
        }
    }
}
