package eu.riscale.modelhub.core.description.codec;

import static eu.riscale.modelhub.core.description.codec.common.CommonCodecs.AUTHOR;
import static eu.riscale.modelhub.core.description.codec.common.CommonCodecs.CITE_ENTRY;
import static eu.riscale.modelhub.core.description.codec.common.CommonCodecs.FILE_DESCR;
import static eu.riscale.modelhub.core.description.codec.common.CommonCodecs.ICON;
import static eu.riscale.modelhub.core.description.codec.common.CommonCodecs.LICENSE;
import static eu.riscale.modelhub.core.description.codec.common.CommonCodecs.LINKED_MODEL;
import static eu.riscale.modelhub.core.description.codec.common.CommonCodecs.MAINTAINER;
import static eu.riscale.modelhub.core.description.codec.common.CommonCodecs.RUN_MODE;
import static eu.riscale.modelhub.core.description.codec.common.CommonCodecs.TRAINING_DATA;
import static eu.riscale.modelhub.core.description.codec.common.CommonCodecs.UPLOADER;
import static eu.riscale.modelhub.core.description.internal.Codec.STRING;
import static eu.riscale.modelhub.core.description.internal.Codec.TIMESTAMP;
import static eu.riscale.modelhub.core.description.internal.Codec.VERSION;
import static eu.riscale.modelhub.core.description.internal.Field.constant;
import static eu.riscale.modelhub.core.description.internal.Field.optional;
import static eu.riscale.modelhub.core.description.internal.Field.required;
import static eu.riscale.modelhub.core.description.internal.Field.withDefault;

import eu.riscale.modelhub.core.description.codec.config.ConfigCodecs;
import eu.riscale.modelhub.core.description.codec.tensors.TensorCodecs;
import eu.riscale.modelhub.core.description.codec.weights.WeightsCodecs;
import eu.riscale.modelhub.core.description.internal.BindResult;
import eu.riscale.modelhub.core.description.internal.RecordCodec;
import eu.riscale.modelhub.spec.FormatVersion;
import eu.riscale.modelhub.spec.ModelDescr;
import eu.riscale.modelhub.spec.config.Config;
import eu.riscale.modelhub.spec.validation.Diagnostic;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The wire form of a whole format-0.5 model description, and the entry points that bind a parsed tree into a
 * {@link ModelDescr} and write one back as an ordered tree.
 */
public final class ModelCodec {
    private ModelCodec() {}

    /** The model description, in the spec's key order. */
    public static final RecordCodec<ModelDescr> MODEL = RecordCodec.of(
            ModelDescr.class,
            required("name", ModelDescr::name, STRING),
            withDefault("description", ModelDescr::description, STRING, ""),
            withDefault("covers", ModelDescr::covers, FILE_DESCR.list(), List.of()),
            optional("id_emoji", ModelDescr::idEmoji, STRING),
            withDefault("authors", ModelDescr::authors, AUTHOR.list(), List.of()),
            withDefault("attachments", ModelDescr::attachments, FILE_DESCR.list(), List.of()),
            withDefault("cite", ModelDescr::cite, CITE_ENTRY.list(), List.of()),
            optional("license", ModelDescr::license, LICENSE),
            optional("git_repo", ModelDescr::gitRepo, STRING),
            optional("icon", ModelDescr::icon, ICON),
            withDefault("links", ModelDescr::links, STRING.list(), List.of()),
            optional("uploader", ModelDescr::uploader, UPLOADER),
            withDefault("maintainers", ModelDescr::maintainers, MAINTAINER.list(), List.of()),
            withDefault("tags", ModelDescr::tags, STRING.list(), List.of()),
            optional("version", ModelDescr::version, VERSION),
            optional("version_comment", ModelDescr::versionComment, STRING),
            withDefault("format_version", ModelDescr::formatVersion, STRING, ModelDescr.FORMAT_VERSION)
                    .alwaysWritten(),
            constant("type", "model"),
            optional("id", ModelDescr::id, STRING),
            optional("documentation", ModelDescr::documentation, FILE_DESCR),
            required("inputs", ModelDescr::inputs, TensorCodecs.INPUT.list()),
            required("outputs", ModelDescr::outputs, TensorCodecs.OUTPUT.list()),
            withDefault("packaged_by", ModelDescr::packagedBy, AUTHOR.list(), List.of()),
            optional("parent", ModelDescr::parent, LINKED_MODEL),
            optional("run_mode", ModelDescr::runMode, RUN_MODE),
            optional("timestamp", ModelDescr::timestamp, TIMESTAMP),
            optional("training_data", ModelDescr::trainingData, TRAINING_DATA),
            required("weights", ModelDescr::weights, WeightsCodecs.WEIGHTS),
            withDefault("config", ModelDescr::config, ConfigCodecs.CONFIG, Config.DEFAULT));

    /**
     * Binds a whole document tree (already parsed, for example produced by the 0.4 converter).
     *
     * @param root the root mapping of a format-0.5 model description
     * @return the model, or every problem found, each with its path; and the warnings either way
     */
    public static BindResult bind(JsonNode root) {
        List<Diagnostic> problems = new ArrayList<>();
        List<Diagnostic> warnings = new ArrayList<>();
        ModelDescr model = MODEL.bind(plainPathsAsFiles(root), problems, warnings);
        return model != null ? new BindResult(model, List.of(), warnings) : new BindResult(null, problems, warnings);
    }

    /**
     * Writes a model as an ordered tree; values equal to their defaults are left out, except {@code format_version}.
     *
     * @param model the model
     * @return the root mapping
     */
    public static ObjectNode toTree(ModelDescr model) {
        ObjectNode tree = (ObjectNode) MODEL.write(model);
        if (!FormatVersion.requiresFileDescriptors(model.formatVersion())) {
            // before 0.5.11 covers, documentation and an icon file are plain paths, in an embedded dataset too
            unwrapFiles(tree);
            if (tree.get("training_data") instanceof ObjectNode data && data.has("name")) {
                unwrapFiles(data);
            }
        }
        return tree;
    }

    /** Writes covers, documentation and an icon file of {@code tree} as plain paths where no checksum is given. */
    private static void unwrapFiles(ObjectNode tree) {
        JsonNode covers = tree.get("covers");
        if (covers != null) {
            ArrayNode plain = JsonNodeFactory.instance.arrayNode();
            for (JsonNode c : covers.values()) {
                plain.add(c.has("sha256") ? c : c.get("source"));
            }
            tree.set("covers", plain);
        }
        for (String key : PLAIN_PATH_FILES) {
            JsonNode file = tree.get(key);
            if (file != null && file.isObject() && !file.has("sha256")) {
                tree.set(key, file.get("source"));
            }
        }
    }

    /** The single-file keys that are plain paths before format 0.5.11 (besides the list {@code covers}). */
    private static final List<String> PLAIN_PATH_FILES = List.of("documentation", "icon");

    /**
     * Files declaring a format before 0.5.11 give covers, documentation and an icon file as plain paths: they are read
     * as file descriptors without checksum, as the reference converts them (an icon string of 1 or 2 characters stays
     * an emoji). From 0.5.11 on a plain path is an error.
     */
    private static JsonNode plainPathsAsFiles(JsonNode root) {
        JsonNode fv = root.isObject() ? root.get("format_version") : null;
        if (fv == null || !fv.isString() || FormatVersion.requiresFileDescriptors(fv.stringValue())) {
            return root;
        }
        ObjectNode copy = ((ObjectNode) root).deepCopy();
        wrapFiles(copy);
        if (copy.get("training_data") instanceof ObjectNode data) {
            wrapFiles(data);
        }
        return copy;
    }

    /** Wraps the plain-path covers, documentation and icon file of {@code copy} as file descriptors, in place. */
    private static void wrapFiles(ObjectNode copy) {
        JsonNode covers = copy.get("covers");
        if (covers != null && covers.isArray()) {
            ArrayNode wrapped = JsonNodeFactory.instance.arrayNode();
            for (JsonNode c : covers.values()) {
                wrapped.add(c.isString() ? source(c) : c);
            }
            copy.set("covers", wrapped);
        }
        JsonNode doc = copy.get("documentation");
        if (doc != null && doc.isString()) {
            copy.set("documentation", source(doc));
        }
        JsonNode icon = copy.get("icon");
        if (icon != null
                && icon.isString()
                && icon.stringValue().codePointCount(0, icon.stringValue().length()) > 2) {
            copy.set("icon", source(icon));
        }
    }

    private static ObjectNode source(JsonNode path) {
        return JsonNodeFactory.instance.objectNode().set("source", path);
    }
}
