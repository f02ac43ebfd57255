package eu.riscale.modelhub.core.modeltest;

import eu.riscale.modelhub.core.resource.FileSource;
import eu.riscale.modelhub.core.resource.ResourceRoot;
import eu.riscale.modelhub.core.validation.FormatTarget;
import eu.riscale.modelhub.core.validation.SourceReport;
import eu.riscale.modelhub.core.validation.SourceValidation;
import eu.riscale.modelhub.spec.ModelDescr;
import eu.riscale.modelhub.spec.validation.Diagnostic;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The {@code format} check: the same verdict as {@code modelhub validate --no-io} ({@link
 * SourceValidation#validateFormat}): parse, convert 0.3/0.4 to 0.5, bind, validate.
 */
final class FormatCheck {
    static final String NAME = "Format validation";

    /**
     * The outcome: the detail, and the description when it is valid.
     *
     * @param detail the format detail
     * @param model the valid description, or {@code null}
     * @param formatVersion the declared format version, or {@code null}
     * @param type the declared type, or {@code null}
     */
    record Outcome(
            TestDetail detail,
            @Nullable ModelDescr model,
            @Nullable String formatVersion,
            @Nullable String type) {}

    private FormatCheck() {}

    /** Reads and validates; throws only when the description file cannot be read at all. */
    static Outcome run(ResourceRoot root, FormatTarget target) throws IOException {
        long start = System.nanoTime();
        FileSource description = root.description();
        byte[] yaml = root.readDescription();
        SourceReport report = SourceValidation.validateFormat(yaml, description.location(), target);
        List<Diagnostic> errors = new ArrayList<>();
        List<Diagnostic> warnings = new ArrayList<>();
        for (Diagnostic issue : report.issues()) {
            // name the file where the YAML parser gives a position
            String msg = issue.message().replace("(line ", "(" + description.fileName() + " line ");
            (issue.isError() ? errors : warnings).add(Diagnostic.of(issue.severity(), issue.location(), msg));
        }
        TestDetail detail = TestDetail.ran(
                CheckKind.FORMAT, NAME, null, errors, warnings, List.of(), Duration.ofNanos(System.nanoTime() - start));
        ModelDescr model = report.isValid() ? report.modelIfBound().orElse(null) : null;
        return new Outcome(detail, model, report.declaredFormatVersion(), report.declaredType());
    }
}
