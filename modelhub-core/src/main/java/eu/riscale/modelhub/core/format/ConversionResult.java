package eu.riscale.modelhub.core.format;

import eu.riscale.modelhub.spec.validation.Diagnostic;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

/**
 * The outcome of {@link FormatConversion#toLatest}: the format 0.5 tree (0.5.7 for a converted 0.3/0.4 file), the declared version and what happened on
 * the way.
 *
 * <p>The tree is a fresh copy owned by the caller; the input document is never modified.
 *
 * @param converted the description as a format 0.5.7 tree, or {@code null} when the document could not be converted at
 *     all (unsupported or unreadable {@code format_version}, not a model, not a mapping); see {@link #convertedTree()}
 * @param originalFormatVersion the {@code format_version} as written in the document, or {@code null} when it is
 *     missing or not a string; see {@link #declaredFormatVersion()}
 * @param notes information that format 0.5 cannot carry and that the conversion dropped or changed, in document order
 * @param problems violations of the rules of the original format (empty for 0.5 input, whose rules are checked by the
 *     0.5 validator)
 */
public record ConversionResult(
        @Nullable ObjectNode converted,
        @Nullable String originalFormatVersion,
        List<Diagnostic> notes,
        List<Diagnostic> problems) {

    /**
     * Copies the lists.
     *
     * @param converted the format 0.5.7 tree or {@code null}
     * @param originalFormatVersion the declared format version or {@code null}
     * @param notes the conversion notes
     * @param problems the legacy-rule problems
     */
    public ConversionResult {
        notes = List.copyOf(Objects.requireNonNull(notes, "notes"));
        problems = List.copyOf(Objects.requireNonNull(problems, "problems"));
    }

    /** {@return the format 0.5.7 tree, empty when the document could not be converted} */
    public Optional<ObjectNode> convertedTree() {
        return Optional.ofNullable(converted);
    }

    /** {@return the declared {@code format_version}, empty when it is missing or not a string} */
    public Optional<String> declaredFormatVersion() {
        return Optional.ofNullable(originalFormatVersion);
    }

    /** {@return the problems of severity {@link eu.riscale.modelhub.spec.validation.Severity#ERROR}} */
    public List<Diagnostic> errors() {
        return problems.stream().filter(Diagnostic::isError).toList();
    }

    /** {@return whether the original description violates a rule of its format (or could not be converted)} */
    public boolean hasErrors() {
        return converted == null || problems.stream().anyMatch(Diagnostic::isError);
    }
}
