package eu.riscale.modelhub.core.validation;

import eu.riscale.modelhub.core.iocheck.IoValidation;
import eu.riscale.modelhub.core.resource.ResourceRoot;
import eu.riscale.modelhub.spec.ModelDescr;
import eu.riscale.modelhub.spec.validation.Diagnostic;
import java.util.List;

/**
 * A check that needs the files of a description (files exist, sha256 values, test tensors), run by {@link
 * SourceValidation} after the format rules when {@link ValidationOptions#ioChecks()} is on. Implementations report
 * problems as issues with the dotted location of the field that names the file, for example {@code
 * inputs.0.test_tensor.sha256}; they must not throw for bad files.
 *
 * <p>The checks that run by default are {@link #defaults()}.
 */
@FunctionalInterface
public interface IoCheck {
    /**
     * Checks the files of a description.
     *
     * @param model the description, already valid as far as the format rules go
     * @param root where the description's relative references resolve
     * @return the problems found, empty when there are none
     */
    List<Diagnostic> check(ModelDescr model, ResourceRoot root);

    /**
     * {@return the checks that {@link ValidationOptions#defaults()} runs: {@link IoValidation#check} (files exist,
     * sha256 values, test tensors, documentation)}
     */
    static List<IoCheck> defaults() {
        return List.of(IoValidation::check);
    }
}
