package eu.riscale.modelhub.core.description.codec.common;

import static eu.riscale.modelhub.core.description.internal.Codec.MAP;
import static eu.riscale.modelhub.core.description.internal.Codec.STRING;
import static eu.riscale.modelhub.core.description.internal.Codec.VERSION;
import static eu.riscale.modelhub.core.description.internal.Field.constant;
import static eu.riscale.modelhub.core.description.internal.Field.optional;
import static eu.riscale.modelhub.core.description.internal.Field.required;
import static eu.riscale.modelhub.core.description.internal.Field.withDefault;

import eu.riscale.modelhub.core.description.internal.Codec;
import eu.riscale.modelhub.core.description.internal.Node;
import eu.riscale.modelhub.core.description.internal.RecordCodec;
import eu.riscale.modelhub.core.description.internal.Union;
import eu.riscale.modelhub.spec.common.Author;
import eu.riscale.modelhub.spec.common.Badge;
import eu.riscale.modelhub.spec.common.CiteEntry;
import eu.riscale.modelhub.spec.common.DatasetDescr;
import eu.riscale.modelhub.spec.common.FileDescr;
import eu.riscale.modelhub.spec.common.Icon;
import eu.riscale.modelhub.spec.common.License;
import eu.riscale.modelhub.spec.common.LinkedDataset;
import eu.riscale.modelhub.spec.common.LinkedModel;
import eu.riscale.modelhub.spec.common.Maintainer;
import eu.riscale.modelhub.spec.common.RunMode;
import eu.riscale.modelhub.spec.common.TrainingData;
import eu.riscale.modelhub.spec.common.Uploader;
import eu.riscale.modelhub.spec.tensor.DType;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The wire forms of the descriptions shared by every part of a model: people, citations, files, licenses, icons,
 * links.
 */
public final class CommonCodecs {
    private CommonCodecs() {}

    /** A data type such as {@code float32}. */
    public static final Codec<DType> DTYPE = Codec.of(Node::dtype, t -> STRING.write(t.id()));

    /** An author. */
    public static final RecordCodec<Author> AUTHOR = RecordCodec.of(
            Author.class,
            optional("affiliation", Author::affiliation, STRING),
            optional("email", Author::email, STRING),
            optional("orcid", Author::orcid, STRING),
            required("name", Author::name, STRING),
            optional("github_user", Author::githubUser, STRING));

    /** A maintainer. */
    public static final RecordCodec<Maintainer> MAINTAINER = RecordCodec.of(
            Maintainer.class,
            optional("affiliation", Maintainer::affiliation, STRING),
            optional("email", Maintainer::email, STRING),
            optional("orcid", Maintainer::orcid, STRING),
            optional("name", Maintainer::name, STRING),
            required("github_user", Maintainer::githubUser, STRING));

    /** A citation. */
    public static final RecordCodec<CiteEntry> CITE_ENTRY = RecordCodec.of(
            CiteEntry.class,
            required("text", CiteEntry::text, STRING),
            optional("doi", CiteEntry::doi, STRING),
            optional("url", CiteEntry::url, STRING));

    /** The uploader. */
    public static final RecordCodec<Uploader> UPLOADER = RecordCodec.of(
            Uploader.class, required("email", Uploader::email, STRING), optional("name", Uploader::name, STRING));

    /** A file with an optional checksum. */
    public static final RecordCodec<FileDescr> FILE_DESCR = RecordCodec.of(
            FileDescr.class,
            required("source", FileDescr::source, STRING),
            optional("sha256", FileDescr::sha256, STRING));

    /** A license: an SPDX license id (a string) or, since format 0.5.11, a custom license file (a mapping). */
    public static final Codec<License> LICENSE = Union.<License>untagged(
                    "Input should be an SPDX license id or a file descriptor {source, sha256}")
            .when(JsonNode::isString, License.SpdxId.class, STRING.map(License.SpdxId::new, License.SpdxId::id))
            .when(JsonNode::isObject, FileDescr.class, FILE_DESCR)
            .build();

    /**
     * An icon: an emoji (a string) or an image file (a mapping; a plain path in files before 0.5.11, which {@code
     * ModelCodec} wraps before binding).
     */
    public static final Codec<Icon> ICON = Union.<Icon>untagged(
                    "Input should be an emoji of 1 or 2 characters or a file descriptor {source, sha256}")
            .when(JsonNode::isString, Icon.Emoji.class, STRING.map(Icon.Emoji::new, Icon.Emoji::text))
            .when(JsonNode::isObject, FileDescr.class, FILE_DESCR)
            .build();

    /** A link to another model. */
    public static final RecordCodec<LinkedModel> LINKED_MODEL = RecordCodec.of(
            LinkedModel.class,
            optional("version", LinkedModel::version, VERSION),
            required("id", LinkedModel::id, STRING));

    /** A link to a dataset. */
    public static final RecordCodec<LinkedDataset> LINKED_DATASET = RecordCodec.of(
            LinkedDataset.class,
            optional("version", LinkedDataset::version, VERSION),
            required("id", LinkedDataset::id, STRING));

    /** A run mode. */
    public static final RecordCodec<RunMode> RUN_MODE = RecordCodec.of(
            RunMode.class,
            required("name", RunMode::name, STRING),
            withDefault("kwargs", RunMode::kwargs, MAP, Map.of()));

    /** A badge of a dataset description. */
    public static final RecordCodec<Badge> BADGE = RecordCodec.of(
            Badge.class,
            required("label", Badge::label, STRING),
            optional("icon", Badge::icon, STRING),
            required("url", Badge::url, STRING));

    /** A dataset description of format 0.3 embedded in a model, in the spec's key order. */
    public static final RecordCodec<DatasetDescr> DATASET = RecordCodec.of(
            DatasetDescr.class,
            required("name", DatasetDescr::name, STRING),
            withDefault("description", DatasetDescr::description, STRING, ""),
            withDefault("covers", DatasetDescr::covers, FILE_DESCR.list(), List.of()),
            optional("documentation", DatasetDescr::documentation, FILE_DESCR),
            optional("id_emoji", DatasetDescr::idEmoji, STRING),
            withDefault("authors", DatasetDescr::authors, AUTHOR.list(), List.of()),
            withDefault("attachments", DatasetDescr::attachments, FILE_DESCR.list(), List.of()),
            withDefault("cite", DatasetDescr::cite, CITE_ENTRY.list(), List.of()),
            optional("license", DatasetDescr::license, LICENSE),
            optional("git_repo", DatasetDescr::gitRepo, STRING),
            optional("icon", DatasetDescr::icon, ICON),
            withDefault("links", DatasetDescr::links, STRING.list(), List.of()),
            optional("uploader", DatasetDescr::uploader, UPLOADER),
            withDefault("maintainers", DatasetDescr::maintainers, MAINTAINER.list(), List.of()),
            withDefault("tags", DatasetDescr::tags, STRING.list(), List.of()),
            optional("version", DatasetDescr::version, VERSION),
            optional("version_comment", DatasetDescr::versionComment, STRING),
            required("format_version", DatasetDescr::formatVersion, STRING),
            withDefault("badges", DatasetDescr::badges, BADGE.list(), List.of()),
            withDefault("config", DatasetDescr::config, MAP, Map.of()),
            constant("type", "dataset"),
            optional("id", DatasetDescr::id, STRING),
            optional("parent", DatasetDescr::parent, STRING),
            optional("source", DatasetDescr::source, STRING));

    /**
     * A model's training data: a link {@code {id, version}}, or an embedded dataset description (a mapping with any of
     * {@code name}, {@code type} or {@code format_version}).
     */
    public static final Codec<TrainingData> TRAINING_DATA = Union.<TrainingData>untagged(
                    "Input should be a dataset link {id, version} or a dataset description")
            .when(CommonCodecs::embeddedDataset, DatasetDescr.class, DATASET)
            .when(JsonNode::isObject, LinkedDataset.class, LINKED_DATASET)
            .build();

    private static boolean embeddedDataset(JsonNode n) {
        return n.isObject() && (n.has("name") || n.has("type") || n.has("format_version"));
    }
}
