package eu.riscale.modelhub.spec.weights;

import eu.riscale.modelhub.spec.common.Author;
import eu.riscale.modelhub.spec.common.FileDescr;
import eu.riscale.modelhub.spec.constraint.FileSource;
import eu.riscale.modelhub.spec.constraint.Version;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * PyTorch state-dict weights with the architecture to load them into.
 *
 * @param source the weights file (relative path or URL)
 * @param sha256 the SHA-256 of the file, or {@code null}
 * @param authors the authors of this weights entry (an explicit {@code null} reads as empty)
 * @param parent the format these weights were converted from, or {@code null}
 * @param comment a comment on the conversion (default empty)
 * @param architecture the network architecture
 * @param pytorchVersion the PyTorch version used
 * @param dependencies a conda environment file, or {@code null}
 * @param strict whether the state dict must match the architecture exactly (default {@code true}, format 0.5.10)
 */
public record PytorchStateDictWeightsDescr(
        @FileSource(descriptionNamesAllowed = false) String source,

        @Size(min = 64, max = 64, message = "a sha256 has 64 hexadecimal digits") @Nullable
        String sha256,

        List<@Valid Author> authors,
        @Nullable WeightsFormat parent,
        String comment,
        @Valid ArchitectureDescr architecture,
        @Version String pytorchVersion,
        @Valid @Nullable FileDescr dependencies,
        boolean strict)
        implements WeightsEntryDescr {
    /**
     * Checks that required components are present and copies collections.
     *
     * @param source the weights file (relative path or URL)
     * @param sha256 the SHA-256 of the file, or {@code null}
     * @param authors the authors of this weights entry (an explicit {@code null} reads as empty)
     * @param parent the format these weights were converted from, or {@code null}
     * @param comment a comment on the conversion (default empty)
     * @param architecture the network architecture
     * @param pytorchVersion the PyTorch version used
     * @param dependencies a conda environment file, or {@code null}
     * @param strict whether the state dict must match the architecture exactly (default {@code true})
     * @throws NullPointerException if a required component is {@code null}
     */
    public PytorchStateDictWeightsDescr {
        Objects.requireNonNull(source, "source");
        authors = List.copyOf(Objects.requireNonNull(authors, "authors"));
        Objects.requireNonNull(comment, "comment");
        Objects.requireNonNull(architecture, "architecture");
        Objects.requireNonNull(pytorchVersion, "pytorchVersion");
    }

    /**
     * Creates an entry with strict loading (the shape of format 0.5.7, which had no {@code strict} key).
     *
     * @param source the weights file (relative path or URL)
     * @param sha256 the SHA-256 of the file, or {@code null}
     * @param authors the authors of this weights entry
     * @param parent the format these weights were converted from, or {@code null}
     * @param comment a comment on the conversion
     * @param architecture the network architecture
     * @param pytorchVersion the PyTorch version used
     * @param dependencies a conda environment file, or {@code null}
     */
    public PytorchStateDictWeightsDescr(
            String source,
            @Nullable String sha256,
            List<Author> authors,
            @Nullable WeightsFormat parent,
            String comment,
            ArchitectureDescr architecture,
            String pytorchVersion,
            @Nullable FileDescr dependencies) {
        this(source, sha256, authors, parent, comment, architecture, pytorchVersion, dependencies, DEFAULT_STRICT);
    }

    /** The default of {@code strict}. */
    public static final boolean DEFAULT_STRICT = true;

    /** {@inheritDoc} */
    @Override
    public WeightsFormat format() {
        return WeightsFormat.PYTORCH_STATE_DICT;
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
        b.architecture = architecture;
        b.pytorchVersion = pytorchVersion;
        b.dependencies = dependencies;
        b.strict = strict;
        return b;
    }

    /** Builds a {@link PytorchStateDictWeightsDescr} step by step; {@link #build()} names every missing required field. */
    public static final class Builder {
        private @Nullable String source;
        private @Nullable String sha256;
        private List<Author> authors = List.of();
        private @Nullable WeightsFormat parent;
        private String comment = "";
        private @Nullable ArchitectureDescr architecture;
        private @Nullable String pytorchVersion;
        private @Nullable FileDescr dependencies;
        private boolean strict = DEFAULT_STRICT;

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
         * Sets {@code architecture}.
         *
         * @param architecture the network architecture
         * @return this builder
         */
        public Builder architecture(ArchitectureDescr architecture) {
            this.architecture = Objects.requireNonNull(architecture, "architecture");
            return this;
        }

        /**
         * Sets {@code pytorch_version}.
         *
         * @param pytorchVersion the PyTorch version used
         * @return this builder
         */
        public Builder pytorchVersion(String pytorchVersion) {
            this.pytorchVersion = Objects.requireNonNull(pytorchVersion, "pytorchVersion");
            return this;
        }

        /**
         * Sets {@code dependencies}.
         *
         * @param dependencies a conda environment file, or {@code null}
         * @return this builder
         */
        public Builder dependencies(@Nullable FileDescr dependencies) {
            this.dependencies = dependencies;
            return this;
        }

        /**
         * Sets {@code strict}.
         *
         * @param strict whether the state dict must match the architecture exactly (default {@code true})
         * @return this builder
         */
        public Builder strict(boolean strict) {
            this.strict = strict;
            return this;
        }

        /**
         * Builds the description.
         *
         * @return the description
         * @throws IllegalStateException naming every required field that was not set
         */
        public PytorchStateDictWeightsDescr build() {
            List<String> missing = new ArrayList<>();
            if (source == null) {
                missing.add("source");
            }
            if (architecture == null) {
                missing.add("architecture");
            }
            if (pytorchVersion == null) {
                missing.add("pytorchVersion");
            }
            if (!missing.isEmpty()) {
                throw new IllegalStateException(
                        "PytorchStateDictWeightsDescr: missing required fields: " + String.join(", ", missing));
            }
            return new PytorchStateDictWeightsDescr(
                    source, sha256, authors, parent, comment, architecture, pytorchVersion, dependencies, strict);
        }
    }
}
