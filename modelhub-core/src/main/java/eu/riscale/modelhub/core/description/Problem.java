package eu.riscale.modelhub.core.description;

import java.util.Objects;

/**
 * One problem found while reading a description.
 *
 * <p>{@code loc} is a dotted path into the document in the style of the reference validator, for example {@code
 * inputs.0.axes.2.size}; it is empty for problems of the document as a whole. {@code line} and {@code column} are
 * 1-based and present only where the YAML parser reported a position; otherwise they are {@code -1}.
 *
 * @param loc the dotted path of the offending value, empty for the whole document
 * @param msg what is wrong and what was expected
 * @param line the 1-based line, or {@code -1} when unknown
 * @param column the 1-based column, or {@code -1} when unknown
 */
public record Problem(String loc, String msg, int line, int column) {
    /**
     * Checks that the texts are present.
     *
     * @param loc the dotted path of the offending value, empty for the whole document
     * @param msg what is wrong and what was expected
     * @param line the 1-based line, or {@code -1} when unknown
     * @param column the 1-based column, or {@code -1} when unknown
     * @throws NullPointerException if {@code loc} or {@code msg} is {@code null}
     */
    public Problem {
        Objects.requireNonNull(loc, "loc");
        Objects.requireNonNull(msg, "msg");
    }

    /**
     * Creates a problem without a position in the text.
     *
     * @param loc the dotted path of the offending value
     * @param msg what is wrong and what was expected
     * @return the problem
     */
    public static Problem at(String loc, String msg) {
        return new Problem(loc, msg, -1, -1);
    }

    /** {@return whether the YAML parser reported a line and column for this problem} */
    public boolean hasPosition() {
        return line > 0;
    }

    /** {@return a one-line rendering: {@code loc: msg (line L, column C)}} */
    @Override
    public String toString() {
        String where = loc.isEmpty() ? "<document>" : loc;
        return hasPosition() ? where + ": " + msg + " (line " + line + ", column " + column + ")" : where + ": " + msg;
    }
}
