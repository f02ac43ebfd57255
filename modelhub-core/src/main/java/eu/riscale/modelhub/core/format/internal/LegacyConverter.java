package eu.riscale.modelhub.core.format.internal;

import eu.riscale.modelhub.core.format.ConversionResult;
import eu.riscale.modelhub.core.format.FormatConversion;
import eu.riscale.modelhub.spec.FormatVersion;
import eu.riscale.modelhub.spec.validation.Location;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Dispatches a document by its declared format version: 0.5.x is passed through, 0.3.x/0.4.x are upgraded, checked and
 * converted, anything else is reported. Not API: call {@link FormatConversion#toLatest(JsonNode)}.
 */
public final class LegacyConverter {
    // at most 9 digits a part, so that parsing one never overflows an int
    private static final Pattern VERSION = Pattern.compile("(\\d{1,9})\\.(\\d{1,9})\\.(\\d{1,9})");

    private LegacyConverter() {}

    /**
     * Converts a parsed description to format 0.5; see {@link FormatConversion#toLatest(JsonNode)}.
     *
     * @param document the parsed document
     * @return the result with tree, declared version, notes and problems
     */
    public static ConversionResult toLatest(JsonNode document) {
        Report report = new Report();
        if (document == null || !document.isObject()) {
            report.error(
                    Location.ROOT,
                    "expected a YAML mapping at the top level of a model description, found " + Nodes.kind(document));
            return result(null, null, report);
        }
        JsonNode fvNode = Nodes.value(document, "format_version");
        String fv = fvNode != null && fvNode.isString() ? fvNode.stringValue().strip() : null;
        if (fvNode == null) {
            report.error(
                    Location.of("format_version"), "Field required: the format version, for example 0.5.7 or 0.4.10");
            return result(null, null, report);
        }
        Matcher m = fv == null ? null : VERSION.matcher(fv);
        if (m == null || !m.matches()) {
            report.error(
                    Location.of("format_version"),
                    "expected a version string MAJOR.MINOR.PATCH such as '0.4.10', found " + Nodes.kind(fvNode));
            return result(null, fv, report);
        }
        int major = Integer.parseInt(m.group(1));
        int minor = Integer.parseInt(m.group(2));
        int patch = Integer.parseInt(m.group(3));
        JsonNode type = Nodes.value(document, "type");
        if (type == null) {
            report.error(Location.of("type"), "Missing field 'type'");
        }
        if (major != 0 || minor < 3 || minor > 5) {
            report.error(
                    Location.of("format_version"),
                    "format version " + fv + " is not supported: supported are 0.3.x, 0.4.x and"
                            + " 0.5.x (older descriptions must be re-created, newer ones need a newer modelhub)");
            return result(null, fv, report);
        }
        if (type == null) {
            return result(null, fv, report);
        }
        if (!type.isString() || !type.stringValue().equals("model")) {
            report.error(Location.of("type"), "only model descriptions are supported, found type " + Nodes.kind(type));
            return result(null, fv, report);
        }
        ObjectNode copy = ((ObjectNode) document).deepCopy();
        if (minor == 5) {
            // read natively by the 0.5 binder: the declared version stays, so that its version gates apply
            if (FormatVersion.isNewerThanLatest(fv)) {
                report.note(
                        Location.of("format_version"),
                        "format version " + fv + " is newer than " + FormatVersion.LATEST + " and is read as "
                                + FormatVersion.LATEST);
            }
            return result(copy, fv, report);
        }
        if (minor == 4 && patch > 10) {
            report.note(
                    Location.of("format_version"),
                    "format version " + fv + " is newer than 0.4.10 and is read as 0.4.10");
            copy.put("format_version", "0.4.10");
        }
        outOfRangeNumbers(copy, Location.ROOT, report);
        DictUpgrades.upgradeTo0410(copy, report);
        if (!"0.4.10".equals(Nodes.string(copy, "format_version"))) {
            report.error(
                    Location.of("format_version"),
                    "unknown format version " + fv + ": known are 0.3.0 to 0.3.6 and 0.4.0 to" + " 0.4.10 (and 0.5.x)");
        }
        V04Checks.check(copy, report);
        ObjectNode converted = V04Converter.convert(copy, report);
        return result(converted, fv, report);
    }

    /**
     * Reports each number beyond the 64-bit float range ({@code 1e999}) at its path, as the 0.5 binder does, and puts
     * the infinity it rounds to in its place, so the 0.4 checks and conversion never meet a value Jackson cannot
     * convert.
     */
    private static void outOfRangeNumbers(JsonNode node, Location path, Report report) {
        if (node.isObject()) {
            ObjectNode o = (ObjectNode) node;
            for (String key : List.copyOf(o.propertyNames())) {
                JsonNode child = o.get(key);
                Location at = path.key(key);
                if (isOutOfRange(child)) {
                    report.error(at, outOfRangeMessage(child));
                    o.put(key, child.decimalValue().doubleValue());
                } else {
                    outOfRangeNumbers(child, at, report);
                }
            }
        } else if (node.isArray()) {
            ArrayNode a = (ArrayNode) node;
            for (int i = 0; i < a.size(); i++) {
                JsonNode child = a.get(i);
                Location at = path.index(i);
                if (isOutOfRange(child)) {
                    report.error(at, outOfRangeMessage(child));
                    a.set(i, Nodes.F.numberNode(child.decimalValue().doubleValue()));
                } else {
                    outOfRangeNumbers(child, at, report);
                }
            }
        }
    }

    private static boolean isOutOfRange(JsonNode n) {
        return n.isBigDecimal() && Double.isInfinite(n.decimalValue().doubleValue());
    }

    private static String outOfRangeMessage(JsonNode n) {
        String text = n.decimalValue().toString();
        return "Input should be a number within the range of a 64-bit float, found "
                + (text.length() > 40 ? text.substring(0, 40) + "..." : text);
    }

    private static ConversionResult result(@Nullable ObjectNode tree, @Nullable String fv, Report report) {
        return new ConversionResult(tree, fv, report.notes, report.problems);
    }
}
