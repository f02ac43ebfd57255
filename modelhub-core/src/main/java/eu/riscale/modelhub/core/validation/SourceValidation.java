package eu.riscale.modelhub.core.validation;

import eu.riscale.modelhub.core.description.LoadResult;
import eu.riscale.modelhub.core.description.internal.TreeLoading;
import eu.riscale.modelhub.core.description.internal.YamlIo;
import eu.riscale.modelhub.core.resource.ResourceRoot;
import eu.riscale.modelhub.spec.ModelDescr;
import eu.riscale.modelhub.spec.validation.Diagnostic;
import eu.riscale.modelhub.spec.validation.Location;
import eu.riscale.modelhub.spec.validation.ModelValidation;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The one entry point for validating a description source of any format version.
 *
 * <pre>{@code
 * SourceReport report = SourceValidation.validate("path/to/rdf.yaml", ValidationOptions.defaults());
 * if (!report.isValid()) {
 *     report.errors().forEach(System.err::println);   // error at inputs.0.axes.2.size: ...
 * }
 * }</pre>
 *
 * <p>Steps: open the source ({@link ResourceRoot}: file, folder, zip or http(s) URL) and read its description; parse
 * the YAML; for 0.3/0.4 check the legacy rules and convert to 0.5 (legacy errors are errors, legacy warnings and
 * conversion notes are warnings, at locations in the original document); bind the tree to the typed model (structural
 * problems are errors with their paths); run {@link ModelValidation#validate} (for a converted 0.3/0.4 description
 * its errors become warnings: the reference judges such files by the rules of their own format); then, when {@link
 * ValidationOptions#ioChecks()} is on and the format is valid, every {@link IoCheck}. Every problem is reported, not
 * only the first. Thread-safe.
 */
public final class SourceValidation {
    private SourceValidation() {}

    /**
     * Validates a source given as text, as on a command line: a path (file, folder, zip) or an http(s) URL.
     *
     * @param source the source
     * @param options I/O checks and resource settings
     * @return the verdict; a source that cannot be read gives status {@link SourceReport.Status#ERROR}, never an
     *     exception
     */
    public static SourceReport validate(String source, ValidationOptions options) {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(options, "options");
        try (ResourceRoot root = ResourceRoot.open(source, options.settings())) {
            byte[] bytes = root.readDescription();
            return validate(bytes, source, options.ioChecks() ? root : null, options.checks(), FormatTarget.DISCOVER);
        } catch (NoSuchFileException e) {
            return unreadable(source, "no such file or folder: " + e.getFile());
        } catch (IOException | UncheckedIOException e) {
            String msg = e.getMessage();
            return unreadable(source, msg == null ? e.getClass().getSimpleName() : msg);
        }
    }

    /**
     * Validates the format of a description given as bytes; no other file is read.
     *
     * @param yaml the UTF-8 YAML text of the description
     * @param sourceName a label for the report
     * @return the verdict
     */
    public static SourceReport validateFormat(byte[] yaml, String sourceName) {
        return validateFormat(yaml, sourceName, FormatTarget.DISCOVER);
    }

    /**
     * Validates the format of a description given as bytes by the rules of {@code target}; no other file is read.
     *
     * @param yaml the UTF-8 YAML text of the description
     * @param sourceName a label for the report
     * @param target whose rules judge a description of an older format
     * @return the verdict
     */
    public static SourceReport validateFormat(byte[] yaml, String sourceName, FormatTarget target) {
        return validate(
                Objects.requireNonNull(yaml, "yaml"),
                Objects.requireNonNull(sourceName, "sourceName"),
                null,
                List.of(),
                Objects.requireNonNull(target, "target"));
    }

    private static SourceReport validate(
            byte[] yaml, String source, @Nullable ResourceRoot root, List<IoCheck> checks, FormatTarget target) {
        JsonNode tree;
        try {
            tree = YamlIo.parse(new ByteArrayInputStream(yaml));
        } catch (YamlIo.YamlSyntaxException e) {
            return new SourceReport(
                    source, SourceReport.Status.ERROR, null, null, List.of(issue(e.problem())), null, true);
        }
        if (!tree.isObject()) {
            Diagnostic p = Diagnostic.error(
                    Location.ROOT,
                    "expected a YAML mapping at the top level (a description), found "
                            + (tree.isMissingNode() ? "an empty document" : tree.isArray() ? "a list" : "a scalar"));
            return new SourceReport(source, SourceReport.Status.ERROR, null, null, List.of(issue(p)), null, true);
        }
        LoadResult loaded = TreeLoading.load(tree, source);
        List<Diagnostic> issues = new ArrayList<>();
        loaded.errors().forEach(p -> issues.add(issue(p)));
        for (Diagnostic w : loaded.warnings()) {
            issues.add(Diagnostic.warning(w.location(), w.message()));
        }
        for (Diagnostic n : loaded.notes()) {
            issues.add(Diagnostic.warning(n.location(), n.message()));
        }
        ModelDescr model = loaded.model();
        if (model != null) {
            var report = ModelValidation.validate(model);
            if (loaded.converted() && target == FormatTarget.LATEST) {
                report.issues().forEach(i -> issues.add(i.isError() ? asConverted(i) : i));
            } else if (loaded.converted()) {
                // the reference judges 0.3/0.4 files by the rules of their own format (the legacy checks above);
                // what the 0.5 rules find in the converted description is advice only
                report.issues().forEach(i -> issues.add(i.isError() ? asConversionWarning(i) : i));
            } else {
                issues.addAll(report.issues());
            }
            if (root != null && report.isValid()) {
                for (IoCheck check : checks) {
                    issues.addAll(check.check(model, root));
                }
            }
        }
        SourceReport.Status status;
        if (loaded.declaredFormatVersion() == null) {
            status = SourceReport.Status.ERROR;
        } else if (issues.stream().anyMatch(Diagnostic::isError)) {
            status = SourceReport.Status.INVALID;
        } else {
            status = SourceReport.Status.VALID;
        }
        return new SourceReport(
                source, status, loaded.declaredFormatVersion(), loaded.declaredType(), issues, model, true);
    }

    private static Diagnostic asConverted(Diagnostic error) {
        return Diagnostic.error(error.location(), "after conversion to format 0.5: " + error.message());
    }

    private static Diagnostic asConversionWarning(Diagnostic error) {
        return Diagnostic.warning(
                error.location(),
                "after conversion to format 0.5 (not an error in the declared format): " + error.message());
    }

    private static Diagnostic issue(Diagnostic p) {
        String msg =
                p.hasPosition() ? p.message() + " (line " + p.line() + ", column " + p.column() + ")" : p.message();
        return Diagnostic.error(p.location(), msg);
    }

    private static SourceReport unreadable(String source, String msg) {
        return new SourceReport(
                source,
                SourceReport.Status.ERROR,
                null,
                null,
                List.of(Diagnostic.error(Location.ROOT, msg)),
                null,
                false);
    }
}
