package eu.riscale.modelhub.core.modeltest;

import eu.riscale.modelhub.core.iocheck.IoValidation;
import eu.riscale.modelhub.core.resource.FileSource;
import eu.riscale.modelhub.core.resource.ResourceRoot;
import eu.riscale.modelhub.spec.ModelDescr;
import eu.riscale.modelhub.spec.validation.Diagnostic;
import eu.riscale.modelhub.spec.validation.Location;
import eu.riscale.modelhub.spec.weights.WeightsFormat;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code io} check: {@link IoValidation} (files exist, sha256 values match, test tensors fit their description,
 * documentation) on the description without the weights entries that are not tested; the files of those entries are
 * reported as warnings ("not checked") instead, and never fetched.
 */
final class FilesCheck {
    static final String NAME = "I/O validation (files, sha256, test tensors)";

    private FilesCheck() {}

    /**
     * Runs the check; {@code verified} is filled with the files that exist and match their sha256, by location (see
     * {@link IoValidation#check(ModelDescr, ResourceRoot, Map)}): only those may be used by later checks.
     */
    static TestDetail run(
            ModelDescr model, ResourceRoot root, Set<WeightsFormat> tested, Map<Location, FileSource> verified) {
        long start = System.nanoTime();
        List<Diagnostic> errors = new ArrayList<>();
        List<Diagnostic> warnings = new ArrayList<>();
        for (Diagnostic issue : IoValidation.check(model, root, tested, verified)) {
            (issue.isError() ? errors : warnings).add(issue);
        }
        return TestDetail.ran(
                CheckKind.IO, NAME, null, errors, warnings, List.of(), Duration.ofNanos(System.nanoTime() - start));
    }
}
