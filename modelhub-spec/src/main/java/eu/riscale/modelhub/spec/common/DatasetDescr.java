package eu.riscale.modelhub.spec.common;

import eu.riscale.modelhub.spec.constraint.HttpUrl;
import eu.riscale.modelhub.spec.constraint.ResourceId;
import eu.riscale.modelhub.spec.constraint.Version;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A dataset description (format 0.3) embedded in a model's {@code training_data}. Models before format 0.5.11 embed
 * format 0.3.0 (covers, documentation and an icon file as plain paths), later ones 0.3.4 (file descriptors, and a
 * custom license file).
 *
 * <pre>{@code
 * DatasetDescr data = DatasetDescr.builder("Nuclei training set").source("https://example.org/nuclei.zip").build();
 * }</pre>
 *
 * @param name the human readable name
 * @param description a short description (default empty)
 * @param covers cover images
 * @param documentation the documentation file, or {@code null}
 * @param idEmoji an emoji for the dataset, or {@code null}
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
 * @param formatVersion the dataset format version, {@code 0.3.0} to {@code 0.3.4}
 * @param badges badges, for example a link to a notebook
 * @param config custom configuration: any keys, each a plain YAML value, in document order
 * @param id the bioimage.io id, or {@code null}
 * @param parent the id of the dataset this one is derived from, or {@code null}
 * @param source the URL of the data, or {@code null}
 */
public record DatasetDescr(
        @Size(min = 5, max = 128, message = "must be 5 to 128 characters long")
        @Pattern(
                regexp = "[A-Za-z0-9_+\\- ()]*",
                message = "'${validatedValue}' may only contain letters, digits, '_', '+', '-', '(', ')' and spaces")
        String name,

        @Size(max = 1024, message = "must be at most 1024 characters long")
        String description,

        List<@Valid FileDescr> covers,
        @Valid @Nullable FileDescr documentation,

        @Size(min = 1, max = 2, message = "must be 1 or 2 characters long") @Nullable
        String idEmoji,

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

        @Pattern(regexp = "0\\.3\\.[0-4]", message = "'${validatedValue}' is not a dataset format 0.3.0 to 0.3.4")
        String formatVersion,

        List<@Valid Badge> badges,
        Map<String, @Nullable Object> config,

        @ResourceId @Nullable String id,
        @ResourceId @Nullable String parent,
        @HttpUrl @Nullable String source)
        implements TrainingData {
    /** The dataset format version written by default. */
    public static final String FORMAT_VERSION = "0.3.4";

    /**
     * Checks that required components are present and copies collections.
     *
     * @throws NullPointerException if a required component is {@code null}
     */
    public DatasetDescr {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(formatVersion, "formatVersion");
        covers = List.copyOf(covers);
        authors = List.copyOf(authors);
        attachments = List.copyOf(attachments);
        cite = List.copyOf(cite);
        links = List.copyOf(links);
        maintainers = List.copyOf(maintainers);
        tags = List.copyOf(tags);
        badges = List.copyOf(badges);
        // config values are plain YAML values, and null is one of them, so no Map.copyOf
        config = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(config, "config")));
    }

    /**
     * This description with another {@code format_version} (0.3.0 files become 0.3.4 with no other change: the
     * records already hold file descriptors).
     *
     * @param formatVersion the dataset format version
     * @return the copy
     */
    public DatasetDescr withFormatVersion(String formatVersion) {
        return toBuilder().formatVersion(formatVersion).build();
    }

    /**
     * This description with other file fields (the other fields unchanged), for tools that rewrite file references
     * (packaging, hash updates).
     *
     * @param documentation the documentation file, or {@code null}
     * @param covers the cover images
     * @param icon the icon, or {@code null}
     * @param license the license, or {@code null}
     * @param attachments the attached files
     * @return the copy
     */
    public DatasetDescr withFiles(
            @Nullable FileDescr documentation,
            List<FileDescr> covers,
            @Nullable Icon icon,
            @Nullable License license,
            List<FileDescr> attachments) {
        return toBuilder()
                .documentation(documentation)
                .covers(covers)
                .icon(icon)
                .license(license)
                .attachments(attachments)
                .build();
    }

    /**
     * Starts a dataset description.
     *
     * @param name the human readable name
     * @return the builder
     */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** {@return a builder holding every field of this description} */
    public Builder toBuilder() {
        Builder b = new Builder(name);
        b.description = description;
        b.covers = covers;
        b.documentation = documentation;
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
        b.badges = badges;
        b.config = config;
        b.id = id;
        b.parent = parent;
        b.source = source;
        return b;
    }

    /** Builds a {@link DatasetDescr}; unset lists are empty, unset values {@code null}, {@code format_version} 0.3.4. */
    public static final class Builder {
        private final String name;
        private String description = "";
        private List<FileDescr> covers = List.of();
        private @Nullable FileDescr documentation;
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
        private String formatVersion = FORMAT_VERSION;
        private List<Badge> badges = List.of();
        private Map<String, @Nullable Object> config = Map.of();
        private @Nullable String id;
        private @Nullable String parent;
        private @Nullable String source;

        private Builder(String name) {
            this.name = Objects.requireNonNull(name, "name");
        }

        /**
         * Sets {@code description}.
         *
         * @param description a short description
         * @return this builder
         */
        public Builder description(String description) {
            this.description = Objects.requireNonNull(description, "description");
            return this;
        }

        /**
         * Sets {@code covers}.
         *
         * @param covers cover images
         * @return this builder
         */
        public Builder covers(List<FileDescr> covers) {
            this.covers = List.copyOf(covers);
            return this;
        }

        /**
         * Sets {@code documentation}.
         *
         * @param documentation the documentation file, or {@code null}
         * @return this builder
         */
        public Builder documentation(@Nullable FileDescr documentation) {
            this.documentation = documentation;
            return this;
        }

        /**
         * Sets {@code id_emoji}.
         *
         * @param idEmoji an emoji for the dataset, or {@code null}
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
            this.authors = List.copyOf(authors);
            return this;
        }

        /**
         * Sets {@code attachments}.
         *
         * @param attachments additional files
         * @return this builder
         */
        public Builder attachments(List<FileDescr> attachments) {
            this.attachments = List.copyOf(attachments);
            return this;
        }

        /**
         * Sets {@code cite}.
         *
         * @param cite citations
         * @return this builder
         */
        public Builder cite(List<CiteEntry> cite) {
            this.cite = List.copyOf(cite);
            return this;
        }

        /**
         * Sets {@code license}.
         *
         * @param license an SPDX license id or a custom license file, or {@code null}
         * @return this builder
         */
        public Builder license(@Nullable License license) {
            this.license = license;
            return this;
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
         * @param icon an emoji or an icon file, or {@code null}
         * @return this builder
         */
        public Builder icon(@Nullable Icon icon) {
            this.icon = icon;
            return this;
        }

        /**
         * Sets {@code links}.
         *
         * @param links ids of related bioimage.io resources
         * @return this builder
         */
        public Builder links(List<String> links) {
            this.links = List.copyOf(links);
            return this;
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
            this.maintainers = List.copyOf(maintainers);
            return this;
        }

        /**
         * Sets {@code tags}.
         *
         * @param tags tags
         * @return this builder
         */
        public Builder tags(List<String> tags) {
            this.tags = List.copyOf(tags);
            return this;
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
         * @param formatVersion {@code 0.3.0} to {@code 0.3.4}
         * @return this builder
         */
        public Builder formatVersion(String formatVersion) {
            this.formatVersion = Objects.requireNonNull(formatVersion, "formatVersion");
            return this;
        }

        /**
         * Sets {@code badges}.
         *
         * @param badges badges
         * @return this builder
         */
        public Builder badges(List<Badge> badges) {
            this.badges = List.copyOf(badges);
            return this;
        }

        /**
         * Sets {@code config}.
         *
         * @param config custom configuration, any keys with plain YAML values
         * @return this builder
         */
        public Builder config(Map<String, @Nullable Object> config) {
            this.config = new LinkedHashMap<>(Objects.requireNonNull(config, "config"));
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
         * Sets {@code parent}.
         *
         * @param parent the id of the dataset this one is derived from, or {@code null}
         * @return this builder
         */
        public Builder parent(@Nullable String parent) {
            this.parent = parent;
            return this;
        }

        /**
         * Sets {@code source}.
         *
         * @param source the URL of the data, or {@code null}
         * @return this builder
         */
        public Builder source(@Nullable String source) {
            this.source = source;
            return this;
        }

        /**
         * Builds the description.
         *
         * @return the dataset description
         */
        public DatasetDescr build() {
            return new DatasetDescr(
                    name,
                    description,
                    covers,
                    documentation,
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
                    badges,
                    config,
                    id,
                    parent,
                    source);
        }
    }
}
