package eu.riscale.modelhub.core.description.internal;

import eu.riscale.modelhub.core.description.DescriptionException;
import eu.riscale.modelhub.core.description.LoadResult;
import eu.riscale.modelhub.core.description.codec.ModelCodec;
import eu.riscale.modelhub.core.format.ConversionResult;
import eu.riscale.modelhub.core.format.FormatConversion;
import eu.riscale.modelhub.spec.ModelDescr;
import eu.riscale.modelhub.spec.validation.Diagnostic;
import eu.riscale.modelhub.spec.validation.Location;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Loads parsed description trees: the tree-level half of {@code Descriptions}, for the callers inside the SDK that
 * already hold a tree (source validation); not exported, so that no Jackson type is part of the public API.
 */
public final class TreeLoading {
    private static final Pattern VERSION = Pattern.compile("(\\d+)\\.(\\d+)(?:\\.(\\d+))?.*");

    private TreeLoading() {}

    /**
     * Loads an already parsed description tree of any supported format version; as {@code Descriptions.load(Path)}. The tree is
     * not modified.
     *
     * @param root the parsed YAML document
     * @param sourceName a label for messages
     * @return the model or the problems
     */
    public static LoadResult load(JsonNode root, String sourceName) {
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(sourceName, "sourceName");
        String version = textAt(root, "format_version");
        String type = textAt(root, "type");
        if (version != null && version.startsWith("0.5")) {
            List<Diagnostic> warnings = new java.util.ArrayList<>();
            try {
                ModelDescr model = bind(root, sourceName, warnings);
                return new LoadResult(sourceName, version, type, model, List.of(), List.of(), warnings);
            } catch (DescriptionException e) {
                return new LoadResult(sourceName, version, type, null, List.of(), e.problems(), warnings);
            }
        }
        ConversionResult converted = FormatConversion.toLatest(root);
        List<Diagnostic> errors = new java.util.ArrayList<>();
        List<Diagnostic> warnings = new java.util.ArrayList<>();
        for (Diagnostic p : converted.problems()) {
            if (p.isError()) {
                errors.add(Diagnostic.error(p.location(), p.message()));
            } else {
                warnings.add(p);
            }
        }
        ModelDescr model = null;
        if (errors.isEmpty()) {
            if (converted.converted() == null) {
                errors.add(Diagnostic.error(
                        Location.of("format_version"), "the description could not be converted to format 0.5"));
            } else {
                // the converter already wrote full axis ids: no normalisation warning can arise here
                BindResult result = ModelCodec.bind(converted.converted());
                model = result.model();
                errors.addAll(result.problems());
            }
        }
        return new LoadResult(sourceName, version, type, model, converted.notes(), errors, warnings);
    }

    private static @Nullable String textAt(JsonNode root, String key) {
        JsonNode node = root.isObject() ? root.get(key) : null;
        return node != null && node.isString() ? node.stringValue() : null;
    }

    /**
     * Binds a 0.5 tree, or converts an older one (0.3, 0.4) first.
     *
     * @param root the parsed YAML document
     * @param source a label for messages
     * @return the model
     * @throws DescriptionException with every problem
     */
    public static ModelDescr bind(JsonNode root, String source) throws DescriptionException {
        if (olderFormat(root)) {
            return load(root, source).requireModel();
        }
        return bind(root, source, new java.util.ArrayList<>());
    }

    private static boolean olderFormat(JsonNode root) {
        String version = textAt(root, "format_version");
        if (version == null) {
            return false;
        }
        Matcher m = VERSION.matcher(version);
        return m.matches()
                && m.group(1).equals("0")
                && m.group(2).length() == 1
                && m.group(2).compareTo("5") < 0;
    }

    private static ModelDescr bind(JsonNode root, String source, List<Diagnostic> warnings)
            throws DescriptionException {
        if (!root.isObject()) {
            String found = root.isMissingNode() ? "an empty document" : root.isArray() ? "a list" : "a scalar";
            throw new DescriptionException(
                    source,
                    List.of(Diagnostic.error(
                            Location.ROOT, "expected a YAML mapping at the top level, found " + found)));
        }
        List<Diagnostic> header = new java.util.ArrayList<>();
        JsonNode type = root.get("type");
        if (type == null || type.isNull()) {
            header.add(Diagnostic.error(
                    Location.of("type"), "Field required: a description needs a 'type' key, expected 'model'"));
        } else if (!type.isString() || !type.stringValue().equals(ModelDescr.TYPE)) {
            header.add(Diagnostic.error(
                    Location.of("type"),
                    "only model descriptions are supported: expected 'model', found "
                            + (type.isString() ? "'" + type.stringValue() + "'" : type.toString())));
        }
        JsonNode fv = root.get("format_version");
        if (fv == null || fv.isNull()) {
            header.add(Diagnostic.error(
                    Location.of("format_version"), "Field required: a description needs a 'format_version' key"));
        } else if (!fv.isString()) {
            header.add(Diagnostic.error(
                    Location.of("format_version"), "expected a version string such as '0.5.4', found " + fv));
        } else {
            Matcher m = VERSION.matcher(fv.stringValue());
            if (!m.matches()) {
                header.add(Diagnostic.error(
                        Location.of("format_version"),
                        "expected a version such as '0.5.4', found '" + fv.stringValue() + "'"));
            } else if (!(m.group(1).equals("0") && m.group(2).equals("5"))) {
                header.add(Diagnostic.error(
                        Location.of("format_version"),
                        "unsupported format version '" + fv.stringValue() + "'; this SDK reads 0.3, 0.4 (converted)"
                                + " and 0.5.x; Descriptions.load(...) lists every problem without throwing"));
            }
        }
        if (!header.isEmpty()) {
            throw new DescriptionException(source, header);
        }
        BindResult result = ModelCodec.bind(root);
        warnings.addAll(result.warnings());
        if (result.model() == null) {
            throw new DescriptionException(source, result.problems());
        }
        return result.model();
    }
}
