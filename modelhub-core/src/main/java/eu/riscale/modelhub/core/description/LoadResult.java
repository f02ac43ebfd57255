package eu.riscale.modelhub.core.description;

import eu.riscale.modelhub.spec.ModelDescr;
import eu.riscale.modelhub.spec.validation.Diagnostic;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The outcome of {@link Descriptions#load}: the description as a format 0.5 model, whatever version the file declares,
 * and what happened on the way.
 *
 * <pre>{@code
 * LoadResult loaded = Descriptions.load(Path.of("rdf.yaml"));        // 0.3, 0.4 or 0.5
 * ModelDescr model = loaded.requireModel();                          // throws DescriptionException with every problem
 * loaded.notes().forEach(n -> log.info("conversion: {}", n));
 * }</pre>
 *
 * @param source the file name or other label of the document
 * @param declaredFormatVersion the {@code format_version} as written in the document, or {@code null} when it is
 *     missing or not a string
 * @param declaredType the {@code type} as written in the document, or {@code null} when it is missing or not a string
 * @param model the format 0.5 model, or {@code null} when the document could not be read, converted or bound; then
 *     {@code errors} is not empty
 * @param notes what a conversion from 0.3/0.4 dropped or changed (locations in the original document)
 * @param errors every problem that prevented a model (YAML syntax, legacy-rule errors, structural binding problems)
 * @param warnings what is accepted but worth a look: the warnings of the 0.3/0.4 rules, and values the reader
 *     normalised such as a single-letter axis id (locations in the original document)
 */
public record LoadResult(
        String source,
        @Nullable String declaredFormatVersion,
        @Nullable String declaredType,
        @Nullable ModelDescr model,
        List<Diagnostic> notes,
        List<Diagnostic> errors,
        List<Diagnostic> warnings) {
    /**
     * Copies the lists and checks that there is a model or an error.
     *
     * @throws IllegalArgumentException if there is neither a model nor an error
     */
    public LoadResult {
        Objects.requireNonNull(source, "source");
        notes = List.copyOf(Objects.requireNonNull(notes, "notes"));
        errors = List.copyOf(Objects.requireNonNull(errors, "errors"));
        warnings = List.copyOf(Objects.requireNonNull(warnings, "warnings"));
        if (model == null && errors.isEmpty()) {
            throw new IllegalArgumentException("a load result without a model needs at least one error");
        }
    }

    /** {@return the format 0.5 model, empty when the document could not be loaded} */
    public Optional<ModelDescr> modelIfLoaded() {
        return Optional.ofNullable(model);
    }

    /**
     * Returns the model or fails with every problem found.
     *
     * @return the format 0.5 model
     * @throws DescriptionException if the document could not be loaded, listing {@link #errors()}
     */
    public ModelDescr requireModel() throws DescriptionException {
        if (model == null) {
            throw new DescriptionException(source, errors);
        }
        return model;
    }

    /** {@return whether the document was converted from an older format (0.3 or 0.4)} */
    public boolean converted() {
        return declaredFormatVersion != null && !declaredFormatVersion.startsWith("0.5");
    }
}
