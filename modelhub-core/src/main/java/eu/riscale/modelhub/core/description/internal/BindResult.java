package eu.riscale.modelhub.core.description.internal;

import eu.riscale.modelhub.spec.ModelDescr;
import eu.riscale.modelhub.spec.validation.Diagnostic;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The outcome of binding a tree: a model when there were no problems, otherwise {@code null} and the problems.
 *
 * @param model the bound model, or {@code null} when {@code problems} is not empty
 * @param problems every structural problem found, with its path
 * @param warnings what was accepted but normalised (single-letter axis ids), with its path
 */
public record BindResult(@Nullable ModelDescr model, List<Diagnostic> problems, List<Diagnostic> warnings) {
    /**
     * Copies the lists.
     *
     * @param model the bound model, or {@code null} when {@code problems} is not empty
     * @param problems every structural problem found, with its path
     * @param warnings what was accepted but normalised, with its path
     * @throws IllegalArgumentException if there is neither a model nor a problem, or both
     */
    public BindResult {
        problems = List.copyOf(Objects.requireNonNull(problems, "problems"));
        warnings = List.copyOf(Objects.requireNonNull(warnings, "warnings"));
        if ((model == null) == problems.isEmpty()) {
            throw new IllegalArgumentException("exactly one of model and problems must be present");
        }
    }
}
