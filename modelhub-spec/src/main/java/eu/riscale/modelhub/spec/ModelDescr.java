package eu.riscale.modelhub.spec;

import eu.riscale.modelhub.spec.axis.ChannelAxis;
import eu.riscale.modelhub.spec.axis.InputAxis;
import eu.riscale.modelhub.spec.axis.OutputAxis;
import eu.riscale.modelhub.spec.common.Author;
import eu.riscale.modelhub.spec.common.CiteEntry;
import eu.riscale.modelhub.spec.common.DatasetDescr;
import eu.riscale.modelhub.spec.common.FileDescr;
import eu.riscale.modelhub.spec.common.Icon;
import eu.riscale.modelhub.spec.common.License;
import eu.riscale.modelhub.spec.common.LinkedModel;
import eu.riscale.modelhub.spec.common.Maintainer;
import eu.riscale.modelhub.spec.common.RunMode;
import eu.riscale.modelhub.spec.common.TrainingData;
import eu.riscale.modelhub.spec.common.Uploader;
import eu.riscale.modelhub.spec.config.Config;
import eu.riscale.modelhub.spec.constraint.HttpUrl;
import eu.riscale.modelhub.spec.constraint.ResourceId;
import eu.riscale.modelhub.spec.constraint.Version;
import eu.riscale.modelhub.spec.tensor.InputTensorDescr;
import eu.riscale.modelhub.spec.tensor.OutputTensorDescr;
import eu.riscale.modelhub.spec.validation.ValidModel;
import eu.riscale.modelhub.spec.weights.WeightsDescr;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A model description of format 0.5: the root of a {@code bioimageio.yaml} / {@code rdf.yaml} file.
 *
 * <p>Load one with {@code eu.riscale.modelhub.core.description.Descriptions} or build one in code with {@link #builder()}.
 *
 * @param name the human readable name
 * @param description a short description (default empty)
 * @param covers cover images (file descriptors of relative paths or URLs; plain strings in files before 0.5.11)
 * @param idEmoji an emoji for the model, or {@code null}
 * @param authors the authors
 * @param attachments additional files
 * @param cite citations
 * @param license an SPDX license id or a custom license file, or {@code null}
 * @param gitRepo the source repository URL, or {@code null}
 * @param icon an emoji or an icon file, or {@code null}
 * @param links ids of related bioimage.io resources
 * @param uploader the uploader, or {@code null}
 * @param maintainers the maintainers
 * @param tags tags
 * @param version the version of this description, or {@code null}
 * @param versionComment a comment on this version, or {@code null}
 * @param formatVersion the format version as declared (default {@value #FORMAT_VERSION})
 * @param id the bioimage.io id, or {@code null}
 * @param documentation the Markdown documentation file, or {@code null}
 * @param inputs the input tensors
 * @param outputs the output tensors
 * @param packagedBy who packaged the model
 * @param parent the model this one was derived from, or {@code null}
 * @param runMode a custom run mode, or {@code null}
 * @param timestamp the creation time with its offset, or {@code null}
 * @param trainingData the training dataset, or {@code null}
 * @param weights the weights
 * @param config the configuration
 */
@ValidModel
public record ModelDescr(
        @Size(min = 5, max = 128, message = "must be 5 to 128 characters long")
        @Pattern(
                regexp = "[A-Za-z0-9_+\\- ()]*",
                message = "'${validatedValue}' may only contain letters, digits, '_', '+', '-', '(', ')' and spaces")
        String name,

        @Size(max = 1024, message = "must be at most 1024 characters long")
        String description,

        List<@Valid FileDescr> covers,
        @Nullable String idEmoji,
        List<@Valid Author> authors,
        List<@Valid FileDescr> attachments,
        List<@Valid CiteEntry> cite,

        @Valid @Nullable License license,

        @HttpUrl @Nullable String gitRepo,
        @Valid @Nullable Icon icon,
        List<String> links,
        @Valid @Nullable Uploader uploader,
        List<@Valid Maintainer> maintainers,
        List<String> tags,
        @Version @Nullable String version,

        @Size(max = 512, message = "must be at most 512 characters long") @Nullable
        String versionComment,

        String formatVersion,
        @ResourceId @Nullable String id,

        @Valid @Nullable FileDescr documentation,

        @Size(min = 1, message = "at least one input tensor is required")
        List<@Valid InputTensorDescr> inputs,

        @Size(min = 1, message = "at least one output tensor is required")
        List<@Valid OutputTensorDescr> outputs,

        List<@Valid Author> packagedBy,
        @Valid @Nullable LinkedModel parent,
        @Valid @Nullable RunMode runMode,
        @Nullable OffsetDateTime timestamp,
        @Valid @Nullable TrainingData trainingData,
        @Valid WeightsDescr weights,
        @Valid Config config) {
    /**
     * Checks that required components are present and copies collections.
     *
     * @param name the human readable name
     * @param description a short description (default empty)
     * @param covers cover images (file descriptors of relative paths or URLs; plain strings in files before 0.5.11)
     * @param idEmoji an emoji for the model, or {@code null}
     * @param authors the authors
     * @param attachments additional files
     * @param cite citations
     * @param license an SPDX license id or a custom license file, or {@code null}
     * @param gitRepo the source repository URL, or {@code null}
     * @param icon an emoji or an icon file, or {@code null}
     * @param links ids of related bioimage.io resources
     * @param uploader the uploader, or {@code null}
     * @param maintainers the maintainers
     * @param tags tags
     * @param version the version of this description, or {@code null}
     * @param versionComment a comment on this version, or {@code null}
     * @param formatVersion the format version as declared (default {@value #FORMAT_VERSION})
     * @param id the bioimage.io id, or {@code null}
     * @param documentation the Markdown documentation file, or {@code null}
     * @param inputs the input tensors
     * @param outputs the output tensors
     * @param packagedBy who packaged the model
     * @param parent the model this one was derived from, or {@code null}
     * @param runMode a custom run mode, or {@code null}
     * @param timestamp the creation time with its offset, or {@code null}
     * @param trainingData the training dataset, or {@code null}
     * @param weights the weights
     * @param config the configuration
     * @throws NullPointerException if a required component is {@code null}
     */
    public ModelDescr {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        covers = List.copyOf(Objects.requireNonNull(covers, "covers"));
        authors = List.copyOf(Objects.requireNonNull(authors, "authors"));
        attachments = List.copyOf(Objects.requireNonNull(attachments, "attachments"));
        cite = List.copyOf(Objects.requireNonNull(cite, "cite"));
        links = List.copyOf(Objects.requireNonNull(links, "links"));
        maintainers = List.copyOf(Objects.requireNonNull(maintainers, "maintainers"));
        tags = List.copyOf(Objects.requireNonNull(tags, "tags"));
        Objects.requireNonNull(formatVersion, "formatVersion");
        inputs = List.copyOf(Objects.requireNonNull(inputs, "inputs"));
        outputs = List.copyOf(Objects.requireNonNull(outputs, "outputs"));
        packagedBy = List.copyOf(Objects.requireNonNull(packagedBy, "packagedBy"));
        Objects.requireNonNull(weights, "weights");
        Objects.requireNonNull(config, "config");
    }

    /** The format version this model implements: {@link FormatVersion#LATEST}. */
    public static final String FORMAT_VERSION = FormatVersion.LATEST;

    /** The value of the {@code type} key. */
    public static final String TYPE = "model";

    /**
     * Creates a builder, configures it and builds the description.
     *
     * @param spec sets the fields on the builder
     * @return the description
     * @throws IllegalStateException if a required field is missing
     */
    public static ModelDescr build(java.util.function.Consumer<Builder> spec) {
        Builder b = builder();
        spec.accept(b);
        return b.build();
    }

    /** {@return a new builder with every optional field at its default} */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The same description in the latest format ({@value #FORMAT_VERSION}), as {@code update-format} writes it: the
     * declared version becomes the latest, and what the latest format removed is dropped ({@code channel_colors} of
     * format 0.5.13).
     *
     * @return the description in the latest format
     */
    public ModelDescr toLatestFormat() {
        return toBuilder()
                .formatVersion(FORMAT_VERSION)
                .trainingData(
                        trainingData instanceof DatasetDescr data
                                ? data.withFormatVersion(DatasetDescr.FORMAT_VERSION)
                                : trainingData)
                .inputs(inputs.stream()
                        .map(t -> t.toBuilder()
                                .axes(t.axes().stream()
                                        .map(a -> a instanceof ChannelAxis
                                                ? (InputAxis) withoutColors((ChannelAxis) a)
                                                : a)
                                        .toList())
                                .build())
                        .toList())
                .outputs(outputs.stream()
                        .map(t -> t.toBuilder()
                                .axes(t.axes().stream()
                                        .map(a -> a instanceof ChannelAxis
                                                ? (OutputAxis) withoutColors((ChannelAxis) a)
                                                : a)
                                        .toList())
                                .build())
                        .toList())
                .build();
    }

    private static ChannelAxis withoutColors(ChannelAxis a) {
        return a.channelColors().isEmpty()
                ? a
                : a.toBuilder().channelColors(List.of()).build();
    }

    /** {@return a builder initialised with the values of this description} */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.name = name;
        b.description = description;
        b.covers = covers;
        b.idEmoji = idEmoji;
        b.authors = authors;
        b.attachments = attachments;
        b.cite = cite;
        b.license = license;
        b.gitRepo = gitRepo;
        b.icon = icon;
        b.links = links;
        b.uploader = uploader;
        b.maintainers = maintainers;
        b.tags = tags;
        b.version = version;
        b.versionComment = versionComment;
        b.formatVersion = formatVersion;
        b.id = id;
        b.documentation = documentation;
        b.inputs = inputs;
        b.outputs = outputs;
        b.packagedBy = packagedBy;
        b.parent = parent;
        b.runMode = runMode;
        b.timestamp = timestamp;
        b.trainingData = trainingData;
        b.weights = weights;
        b.config = config;
        return b;
    }

    /** Builds a {@link ModelDescr} step by step; {@link #build()} names every missing required field. */
    public static final class Builder {
        private @Nullable String name;
        private String description = "";
        private List<FileDescr> covers = List.of();
        private @Nullable String idEmoji;
        private List<Author> authors = List.of();
        private List<FileDescr> attachments = List.of();
        private List<CiteEntry> cite = List.of();
        private @Nullable License license;
        private @Nullable String gitRepo;
        private @Nullable Icon icon;
        private List<String> links = List.of();
        private @Nullable Uploader uploader;
        private List<Maintainer> maintainers = List.of();
        private List<String> tags = List.of();
        private @Nullable String version;
        private @Nullable String versionComment;
        private String formatVersion = ModelDescr.FORMAT_VERSION;
        private @Nullable String id;
        private @Nullable FileDescr documentation;
        private @Nullable List<InputTensorDescr> inputs;
        private @Nullable List<OutputTensorDescr> outputs;
        private List<Author> packagedBy = List.of();
        private @Nullable LinkedModel parent;
        private @Nullable RunMode runMode;
        private @Nullable OffsetDateTime timestamp;
        private @Nullable TrainingData trainingData;
        private @Nullable WeightsDescr weights;
        private Config config = Config.DEFAULT;

        private Builder() {}

        /**
         * Sets {@code name}.
         *
         * @param name the human readable name
         * @return this builder
         */
        public Builder name(String name) {
            this.name = Objects.requireNonNull(name, "name");
            return this;
        }

        /**
         * Sets {@code description}.
         *
         * @param description a short description (default empty)
         * @return this builder
         */
        public Builder description(String description) {
            this.description = Objects.requireNonNull(description, "description");
            return this;
        }

        /**
         * Sets {@code covers}.
         *
         * @param covers cover images (file descriptors of relative paths or URLs; plain strings in files before 0.5.11)
         * @return this builder
         */
        public Builder covers(List<FileDescr> covers) {
            this.covers = Objects.requireNonNull(covers, "covers");
            return this;
        }

        /**
         * Sets {@code covers}.
         *
         * @param covers cover images (file descriptors of relative paths or URLs; plain strings in files before 0.5.11)
         * @return this builder
         */
        public Builder covers(String... covers) {
            return covers(java.util.Arrays.stream(covers).map(FileDescr::of).toList());
        }

        /**
         * Sets {@code id_emoji}.
         *
         * @param idEmoji an emoji for the model, or {@code null}
         * @return this builder
         */
        public Builder idEmoji(@Nullable String idEmoji) {
            this.idEmoji = idEmoji;
            return this;
        }

        /**
         * Sets {@code authors}.
         *
         * @param authors the authors
         * @return this builder
         */
        public Builder authors(List<Author> authors) {
            this.authors = Objects.requireNonNull(authors, "authors");
            return this;
        }

        /**
         * Sets {@code authors}.
         *
         * @param authors the authors
         * @return this builder
         */
        public Builder authors(Author... authors) {
            return authors(List.of(authors));
        }

        /**
         * Sets {@code attachments}.
         *
         * @param attachments additional files
         * @return this builder
         */
        public Builder attachments(List<FileDescr> attachments) {
            this.attachments = Objects.requireNonNull(attachments, "attachments");
            return this;
        }

        /**
         * Sets {@code attachments}.
         *
         * @param attachments additional files
         * @return this builder
         */
        public Builder attachments(FileDescr... attachments) {
            return attachments(List.of(attachments));
        }

        /**
         * Sets {@code cite}.
         *
         * @param cite citations
         * @return this builder
         */
        public Builder cite(List<CiteEntry> cite) {
            this.cite = Objects.requireNonNull(cite, "cite");
            return this;
        }

        /**
         * Sets {@code cite}.
         *
         * @param cite citations
         * @return this builder
         */
        public Builder cite(CiteEntry... cite) {
            return cite(List.of(cite));
        }

        /**
         * Sets {@code license}.
         *
         * @param license an SPDX license id or a custom license file ({@link FileDescr}), or {@code null}
         * @return this builder
         */
        public Builder license(@Nullable License license) {
            this.license = license;
            return this;
        }

        /**
         * Sets {@code license} to an SPDX license id.
         *
         * @param spdxId the SPDX license id, such as {@code MIT}
         * @return this builder
         */
        public Builder license(String spdxId) {
            return license(License.of(spdxId));
        }

        /**
         * Sets {@code git_repo}.
         *
         * @param gitRepo the source repository URL, or {@code null}
         * @return this builder
         */
        public Builder gitRepo(@Nullable String gitRepo) {
            this.gitRepo = gitRepo;
            return this;
        }

        /**
         * Sets {@code icon}.
         *
         * @param icon an emoji or an icon file ({@link FileDescr}), or {@code null}
         * @return this builder
         */
        public Builder icon(@Nullable Icon icon) {
            this.icon = icon;
            return this;
        }

        /**
         * Sets {@code icon} to an emoji.
         *
         * @param emoji one or two characters, such as {@code 🦈}
         * @return this builder
         */
        public Builder icon(String emoji) {
            return icon(Icon.emoji(emoji));
        }

        /**
         * Sets {@code links}.
         *
         * @param links ids of related bioimage.io resources
         * @return this builder
         */
        public Builder links(List<String> links) {
            this.links = Objects.requireNonNull(links, "links");
            return this;
        }

        /**
         * Sets {@code links}.
         *
         * @param links ids of related bioimage.io resources
         * @return this builder
         */
        public Builder links(String... links) {
            return links(List.of(links));
        }

        /**
         * Sets {@code uploader}.
         *
         * @param uploader the uploader, or {@code null}
         * @return this builder
         */
        public Builder uploader(@Nullable Uploader uploader) {
            this.uploader = uploader;
            return this;
        }

        /**
         * Sets {@code maintainers}.
         *
         * @param maintainers the maintainers
         * @return this builder
         */
        public Builder maintainers(List<Maintainer> maintainers) {
            this.maintainers = Objects.requireNonNull(maintainers, "maintainers");
            return this;
        }

        /**
         * Sets {@code maintainers}.
         *
         * @param maintainers the maintainers
         * @return this builder
         */
        public Builder maintainers(Maintainer... maintainers) {
            return maintainers(List.of(maintainers));
        }

        /**
         * Sets {@code tags}.
         *
         * @param tags tags
         * @return this builder
         */
        public Builder tags(List<String> tags) {
            this.tags = Objects.requireNonNull(tags, "tags");
            return this;
        }

        /**
         * Sets {@code tags}.
         *
         * @param tags tags
         * @return this builder
         */
        public Builder tags(String... tags) {
            return tags(List.of(tags));
        }

        /**
         * Sets {@code version}.
         *
         * @param version the version of this description, or {@code null}
         * @return this builder
         */
        public Builder version(@Nullable String version) {
            this.version = version;
            return this;
        }

        /**
         * Sets {@code version_comment}.
         *
         * @param versionComment a comment on this version, or {@code null}
         * @return this builder
         */
        public Builder versionComment(@Nullable String versionComment) {
            this.versionComment = versionComment;
            return this;
        }

        /**
         * Sets {@code format_version}.
         *
         * @param formatVersion the format version as declared (default {@value #FORMAT_VERSION})
         * @return this builder
         */
        public Builder formatVersion(String formatVersion) {
            this.formatVersion = Objects.requireNonNull(formatVersion, "formatVersion");
            return this;
        }

        /**
         * Sets {@code id}.
         *
         * @param id the bioimage.io id, or {@code null}
         * @return this builder
         */
        public Builder id(@Nullable String id) {
            this.id = id;
            return this;
        }

        /**
         * Sets {@code documentation}.
         *
         * @param documentation the Markdown documentation file, or {@code null}
         * @return this builder
         */
        public Builder documentation(@Nullable FileDescr documentation) {
            this.documentation = documentation;
            return this;
        }

        /**
         * Sets {@code documentation} to a file without checksum.
         *
         * @param source the relative path or URL of the Markdown file
         * @return this builder
         */
        public Builder documentation(String source) {
            this.documentation = FileDescr.of(source);
            return this;
        }

        /**
         * Sets {@code inputs}.
         *
         * @param inputs the input tensors
         * @return this builder
         */
        public Builder inputs(List<InputTensorDescr> inputs) {
            this.inputs = Objects.requireNonNull(inputs, "inputs");
            return this;
        }

        /**
         * Sets {@code inputs}.
         *
         * @param inputs the input tensors
         * @return this builder
         */
        public Builder inputs(InputTensorDescr... inputs) {
            return inputs(List.of(inputs));
        }

        /**
         * Sets {@code outputs}.
         *
         * @param outputs the output tensors
         * @return this builder
         */
        public Builder outputs(List<OutputTensorDescr> outputs) {
            this.outputs = Objects.requireNonNull(outputs, "outputs");
            return this;
        }

        /**
         * Sets {@code outputs}.
         *
         * @param outputs the output tensors
         * @return this builder
         */
        public Builder outputs(OutputTensorDescr... outputs) {
            return outputs(List.of(outputs));
        }

        /**
         * Sets {@code packaged_by}.
         *
         * @param packagedBy who packaged the model
         * @return this builder
         */
        public Builder packagedBy(List<Author> packagedBy) {
            this.packagedBy = Objects.requireNonNull(packagedBy, "packagedBy");
            return this;
        }

        /**
         * Sets {@code packaged_by}.
         *
         * @param packagedBy who packaged the model
         * @return this builder
         */
        public Builder packagedBy(Author... packagedBy) {
            return packagedBy(List.of(packagedBy));
        }

        /**
         * Sets {@code parent}.
         *
         * @param parent the model this one was derived from, or {@code null}
         * @return this builder
         */
        public Builder parent(@Nullable LinkedModel parent) {
            this.parent = parent;
            return this;
        }

        /**
         * Sets {@code run_mode}.
         *
         * @param runMode a custom run mode, or {@code null}
         * @return this builder
         */
        public Builder runMode(@Nullable RunMode runMode) {
            this.runMode = runMode;
            return this;
        }

        /**
         * Sets {@code timestamp}.
         *
         * @param timestamp the creation time with its offset, or {@code null}
         * @return this builder
         */
        public Builder timestamp(@Nullable OffsetDateTime timestamp) {
            this.timestamp = timestamp;
            return this;
        }

        /**
         * Sets {@code training_data}.
         *
         * @param trainingData the training dataset, or {@code null}
         * @return this builder
         */
        public Builder trainingData(@Nullable TrainingData trainingData) {
            this.trainingData = trainingData;
            return this;
        }

        /**
         * Sets {@code weights}.
         *
         * @param weights the weights
         * @return this builder
         */
        public Builder weights(WeightsDescr weights) {
            this.weights = Objects.requireNonNull(weights, "weights");
            return this;
        }

        /**
         * Sets {@code config}.
         *
         * @param config the configuration
         * @return this builder
         */
        public Builder config(Config config) {
            this.config = Objects.requireNonNull(config, "config");
            return this;
        }

        /**
         * Builds the description.
         *
         * @return the description
         * @throws IllegalStateException naming every required field that was not set
         */
        public ModelDescr build() {
            List<String> missing = new ArrayList<>();
            if (name == null) {
                missing.add("name");
            }
            if (inputs == null) {
                missing.add("inputs");
            }
            if (outputs == null) {
                missing.add("outputs");
            }
            if (weights == null) {
                missing.add("weights");
            }
            if (!missing.isEmpty()) {
                throw new IllegalStateException("ModelDescr: missing required fields: " + String.join(", ", missing));
            }
            return new ModelDescr(
                    name,
                    description,
                    covers,
                    idEmoji,
                    authors,
                    attachments,
                    cite,
                    license,
                    gitRepo,
                    icon,
                    links,
                    uploader,
                    maintainers,
                    tags,
                    version,
                    versionComment,
                    formatVersion,
                    id,
                    documentation,
                    inputs,
                    outputs,
                    packagedBy,
                    parent,
                    runMode,
                    timestamp,
                    trainingData,
                    weights,
                    config);
        }
    }
}
