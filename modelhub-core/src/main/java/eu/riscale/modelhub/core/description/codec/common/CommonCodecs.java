package eu.riscale.modelhub.core.description.codec.common;

import static eu.riscale.modelhub.core.description.internal.Codec.MAP;
import static eu.riscale.modelhub.core.description.internal.Codec.STRING;
import static eu.riscale.modelhub.core.description.internal.Codec.VERSION;
import static eu.riscale.modelhub.core.description.internal.Field.optional;
import static eu.riscale.modelhub.core.description.internal.Field.required;
import static eu.riscale.modelhub.core.description.internal.Field.withDefault;

import eu.riscale.modelhub.core.description.internal.Codec;
import eu.riscale.modelhub.core.description.internal.Node;
import eu.riscale.modelhub.core.description.internal.RecordCodec;
import eu.riscale.modelhub.core.description.internal.Union;
import eu.riscale.modelhub.spec.common.Author;
import eu.riscale.modelhub.spec.common.CiteEntry;
import eu.riscale.modelhub.spec.common.FileDescr;
import eu.riscale.modelhub.spec.common.Icon;
import eu.riscale.modelhub.spec.common.License;
import eu.riscale.modelhub.spec.common.LinkedDataset;
import eu.riscale.modelhub.spec.common.LinkedModel;
import eu.riscale.modelhub.spec.common.Maintainer;
import eu.riscale.modelhub.spec.common.RunMode;
import eu.riscale.modelhub.spec.common.Uploader;
import eu.riscale.modelhub.spec.tensor.DType;
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
}
