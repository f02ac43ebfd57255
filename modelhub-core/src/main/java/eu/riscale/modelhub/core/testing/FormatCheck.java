package eu.riscale.modelhub.core.testing;

import eu.riscale.modelhub.core.description.Problem;
import eu.riscale.modelhub.core.description.internal.BindResult;
import eu.riscale.modelhub.core.description.internal.ModelBinder;
import eu.riscale.modelhub.core.description.internal.YamlIo;
import eu.riscale.modelhub.core.format.ConversionResult;
import eu.riscale.modelhub.core.format.FormatConversion;
import eu.riscale.modelhub.core.format.LegacyProblem;
import eu.riscale.modelhub.core.resource.FileSource;
import eu.riscale.modelhub.spec.ModelDescr;
import eu.riscale.modelhub.spec.validation.ModelValidation;
import eu.riscale.modelhub.spec.validation.ValidationIssue;
import eu.riscale.modelhub.spec.validation.ValidationReport;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** The {@code format} check: parse, convert to 0.5 when older, bind, validate. */
final class FormatCheck {
    static final String NAME = "Format validation";

    /**
     * The outcome: the detail, and the description when it is valid.
     *
     * @param detail the format detail
     * @param model the valid description, or {@code null}
     * @param formatVersion the declared format version, or {@code null}
     */
    record Outcome(
            TestDetail detail,
            @Nullable ModelDescr model,
            @Nullable String formatVersion) {}

    private FormatCheck() {}

    /** Reads and validates; throws only when the description file cannot be read at all. */
    static Outcome run(FileSource description) throws IOException {
        long start = System.nanoTime();
        List<TestMessage> errors = new ArrayList<>();
        List<TestMessage> warnings = new ArrayList<>();
        JsonNode tree;
        try (InputStream in = description.open()) {
            tree = YamlIo.parse(in);
        } catch (YamlIo.YamlSyntaxException e) {
            if (e.getCause() instanceof UncheckedIOException io) {
                throw io.getCause();
            }
            errors.add(message(e.problem(), description.fileName()));
            return new Outcome(detail(errors, warnings, start), null, null);
        }
        ConversionResult conversion = FormatConversion.toLatest(tree);
        String version = conversion.declaredFormatVersion().orElse(null);
        for (LegacyProblem p : conversion.problems()) {
            (p.isError() ? errors : warnings).add(new TestMessage(p.location(), p.message()));
        }
        if (conversion.hasErrors()) {
            if (errors.isEmpty()) {
                errors.add(new TestMessage("format_version", "the description could not be converted to format 0.5"));
            }
            return new Outcome(detail(errors, warnings, start), null, version);
        }
        BindResult bound = ModelBinder.bind(conversion.convertedTree().orElseThrow());
        ModelDescr model = bound.model();
        if (model == null) {
            bound.problems().forEach(p -> errors.add(message(p, null)));
            return new Outcome(detail(errors, warnings, start), null, version);
        }
        ValidationReport report = ModelValidation.validate(model);
        for (ValidationIssue issue : report.issues()) {
            (issue.isError() ? errors : warnings).add(new TestMessage(issue.loc(), issue.msg()));
        }
        return new Outcome(detail(errors, warnings, start), errors.isEmpty() ? model : null, version);
    }

    private static TestMessage message(Problem p, @Nullable String file) {
        String where = p.hasPosition()
                ? " (" + (file == null ? "" : file + " ") + "line " + p.line() + ", column " + p.column() + ")"
                : "";
        return new TestMessage(p.loc(), p.msg() + where);
    }

    private static TestDetail detail(List<TestMessage> errors, List<TestMessage> warnings, long start) {
        return TestDetail.ran(
                CheckKind.FORMAT, NAME, null, errors, warnings, List.of(), Duration.ofNanos(System.nanoTime() - start));
    }
}
