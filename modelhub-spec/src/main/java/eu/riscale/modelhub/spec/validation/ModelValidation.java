package eu.riscale.modelhub.spec.validation;

import eu.riscale.modelhub.spec.FormatVersion;
import eu.riscale.modelhub.spec.ModelDescr;
import eu.riscale.modelhub.spec.common.DatasetDescr;
import eu.riscale.modelhub.spec.common.FileDescr;
import eu.riscale.modelhub.spec.tensor.InputTensorDescr;
import eu.riscale.modelhub.spec.tensor.OutputTensorDescr;
import java.util.ArrayList;
import java.util.List;

/**
 * Validates a model description against every format rule of 0.5 (reference sections A.0 to A.8): the constraints on
 * each field, the cross-field rules, and the reference's warnings (FAIR alerts and advice). No file is read; checks that
 * need the files (hashes, test tensors) are the I/O validation of {@code modelhub-core}.
 *
 * <pre>{@code
 * ValidationReport report = ModelValidation.validate(model);
 * if (!report.isValid()) {
 *     report.errors().forEach(System.err::println);   // error at inputs.0.axes.2.size: ...
 * }
 * }</pre>
 *
 * <p>Thread-safe. Warm validation of a typical description takes well under a millisecond.
 */
public final class ModelValidation {
    private static final String FAIR = "Needs to be filled for FAIR compliance";

    private ModelValidation() {}

    /**
     * Validates a description.
     *
     * @param model the description
     * @return every error and warning found
     */
    public static ValidationReport validate(ModelDescr model) {
        // field constraints and, through the class-level @ValidModel, the cross-field rules
        List<Diagnostic> issues = new ArrayList<>(BeanValidation.validate(model));
        issues.addAll(embeddedDatasetVersion(model));
        issues.addAll(advice(model));
        if (!FormatVersion.requiresFileDescriptors(model.formatVersion())) {
            issues.replaceAll(ModelValidation::atPlainPath);
        }
        return new ValidationReport(issues);
    }

    /**
     * Before format 0.5.11 covers, documentation and an icon file are plain paths, so a problem of their {@code
     * source} is located at the path itself ({@code covers.0}, {@code documentation}, {@code icon}), as the reference
     * reports it; the same holds for those fields of an embedded dataset description ({@code training_data.covers.0}),
     * which is a dataset 0.3.0 with plain paths in such a model.
     */
    private static Diagnostic atPlainPath(Diagnostic d) {
        List<Object> s = d.location().segments();
        int base = !s.isEmpty() && "training_data".equals(s.get(0)) ? 1 : 0;
        int n = s.size() - base;
        boolean cover = n == 3
                && "covers".equals(s.get(base))
                && s.get(base + 1) instanceof Integer
                && "source".equals(s.get(base + 2));
        boolean file = n == 2
                && ("documentation".equals(s.get(base)) || "icon".equals(s.get(base)))
                && "source".equals(s.get(base + 1));
        return cover || file
                ? new Diagnostic(
                        d.severity(), new Location(s.subList(0, s.size() - 1)), d.message(), d.line(), d.column())
                : d;
    }

    /**
     * An embedded dataset declares the dataset format that belongs to the model's: 0.3.4 from model format 0.5.11 on
     * (file descriptors, as the 0.5.13 schema's {@code const}), 0.3.0 before.
     */
    static List<Diagnostic> embeddedDatasetVersion(ModelDescr model) {
        if (!(model.trainingData() instanceof DatasetDescr data)) {
            return List.of();
        }
        String expected = FormatVersion.requiresFileDescriptors(model.formatVersion()) ? "0.3.4" : "0.3.0";
        return data.formatVersion().equals(expected)
                ? List.of()
                : List.of(Diagnostic.of(
                        Severity.ERROR,
                        Location.of("training_data", "format_version"),
                        "Input should be '" + expected + "' (the dataset format of model format "
                                + model.formatVersion() + "), found '" + data.formatVersion() + "'"));
    }

    /** The reference's warnings: FAIR alerts and advice that never make a description invalid. */
    static List<Diagnostic> advice(ModelDescr model) {
        List<Diagnostic> w = new ArrayList<>();
        if (model.name().length() > 64) {
            w.add(Diagnostic.of(Severity.INFO, Location.of("name"), "Name longer than 64 characters."));
        }
        if (model.description().isEmpty()) {
            w.add(alert(Location.of("description")));
        } else if (model.description().length() > 512) {
            w.add(Diagnostic.of(
                    Severity.WARNING, Location.of("description"), "Description longer than 512 characters."));
        }
        if (model.authors().isEmpty()) {
            w.add(alert(Location.of("authors")));
        }
        if (model.cite().isEmpty()) {
            w.add(alert(Location.of("cite")));
        }
        if (model.license() == null) {
            w.add(alert(Location.of("license")));
        } else if (model.license() instanceof FileDescr) {
            w.add(Diagnostic.of(
                    Severity.ALERT,
                    Location.of("license"),
                    "A custom license file is not considered FAIR; use an SPDX license id where one applies."));
        }
        if (model.tags().isEmpty()) {
            w.add(alert(Location.of("tags")));
        }
        if (model.documentation() == null) {
            w.add(alert(Location.of("documentation")));
        }
        if (model.maintainers().isEmpty()
                && !model.authors().isEmpty()
                && model.authors().stream().allMatch(a -> a.githubUser() == null)) {
            w.add(
                    Diagnostic.of(
                            Severity.ALERT,
                            Location.of("maintainers"),
                            "Missing `maintainers`: at least one"
                                    + " maintainer with a `github_user` is needed so the model can be maintained on bioimage.io."));
        }
        if (model.runMode() != null && !model.runMode().name().equals("deepimagej")) {
            w.add(Diagnostic.of(
                    Severity.WARNING,
                    Location.of("run_mode", "name"),
                    "Unknown run mode '" + model.runMode().name() + "'; the only known run mode is 'deepimagej'."));
        }
        if (model.runMode() != null) {
            w.add(Diagnostic.of(
                    Severity.WARNING,
                    Location.of("run_mode"),
                    "Run mode '" + model.runMode().name() + "' has limited support across consumer softwares."));
        }
        for (int i = 0; i < model.inputs().size(); i++) {
            InputTensorDescr t = model.inputs().get(i);
            if (t.testTensor() == null) {
                w.add(alert(Location.of("inputs", i, "test_tensor")));
            }
            if (t.sampleTensor() == null) {
                w.add(alert(Location.of("inputs", i, "sample_tensor")));
            }
        }
        for (int i = 0; i < model.outputs().size(); i++) {
            OutputTensorDescr t = model.outputs().get(i);
            if (t.testTensor() == null) {
                w.add(alert(Location.of("outputs", i, "test_tensor")));
            }
            if (t.sampleTensor() == null) {
                w.add(alert(Location.of("outputs", i, "sample_tensor")));
            }
        }
        String fv = model.formatVersion();
        if (FormatVersion.isNewerThanLatest(fv)) {
            w.add(Diagnostic.of(
                    Severity.ALERT,
                    Location.of("format_version"),
                    "format_version " + fv + " is newer"
                            + " than " + FormatVersion.LATEST
                            + ", the version this SDK implements; it is treated"
                            + " as " + FormatVersion.LATEST + "."));
        }
        return w;
    }

    private static Diagnostic alert(Location loc) {
        return Diagnostic.of(Severity.ALERT, loc, FAIR);
    }
}
