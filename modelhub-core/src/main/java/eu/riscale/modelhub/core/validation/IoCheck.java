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
     * {@return the checks that {@link ValidationOptions#defaults()} runs, exactly the I/O check of {@code modelhub
     * test} with its default weights formats: {@link IoValidation#check(ModelDescr, ResourceRoot, java.util.Set,
     * java.util.Map)} (files exist, sha256 values, test tensors, documentation) with {@link
     * IoValidation#testedByDefault}; the files needed only by weights entries that the SDK does not run (for example
     * the architecture {@code .py} of {@code pytorch_state_dict}) get a warning "not checked" and are not fetched}
     */
    static List<IoCheck> defaults() {
        return List.of((model, root) ->
                IoValidation.check(model, root, IoValidation.testedByDefault(model), new java.util.HashMap<>()));
    }

    /**
     * {@return the checks of every referenced file, the weights of every entry included: {@link
     * IoValidation#check(ModelDescr, ResourceRoot)}; for example before publishing a package whose every entry must
     * be intact}
     */
    static List<IoCheck> everyFile() {
        return List.of(IoValidation::check);
    }
}
