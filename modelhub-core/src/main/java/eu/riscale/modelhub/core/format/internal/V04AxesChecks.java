package eu.riscale.modelhub.core.format.internal;

import eu.riscale.modelhub.spec.validation.Location;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The 0.4 rules on a tensor's {@code axes}, a string of axis letters, and on the letters of an op's {@code axes}.
 * Part of {@link V04Checks}.
 */
final class V04AxesChecks {
    static final String AXES_LETTERS = "bitczyx";
    private final Report report;

    V04AxesChecks(Report report) {
        this.report = report;
    }

    @Nullable
    String checkAxes(ObjectNode t, Location loc) {
        JsonNode node = Nodes.value(t, "axes");
        if (node == null) {
            return null;
        }
        if (!node.isString()) {
            report.error(
                    loc, "expected a string of axis letters from '" + AXES_LETTERS + "', found " + Nodes.kind(node));
            return null;
        }
        String axes = node.stringValue();
        return checkLetters(axes, AXES_LETTERS, loc) ? axes : null;
    }

    boolean checkLetters(String axes, String letters, Location loc) {
        for (char c : axes.toCharArray()) {
            if (letters.indexOf(c) < 0) {
                report.error(
                        loc,
                        "'" + c + "' in '" + axes + "' is not an allowed axis letter; expected letters from '" + letters
                                + "'");
                return false;
            }
        }
        if (axes.chars().distinct().count() != axes.length()) {
            report.error(loc, "axis letters in '" + axes + "' are not unique");
            return false;
        }
        return true;
    }
}
