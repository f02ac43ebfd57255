package eu.riscale.modelhub.spec.validation;

import static org.assertj.core.api.Assertions.assertThat;

import eu.riscale.modelhub.spec.constraint.CurrentSpdxLicense;
import eu.riscale.modelhub.spec.constraint.Identifier;
import eu.riscale.modelhub.spec.constraint.WarningLevel;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import java.util.List;
import org.junit.jupiter.api.Test;

class BeanValidationTest {
    record Axis(
            @Identifier(lowerCase = true) String id,
            @Max(100) double maxPercentile) {}

    record Tensor(List<@Valid Axis> axes) {}

    record Root(
            List<@Valid Tensor> inputs,

            @CurrentSpdxLicense(payload = WarningLevel.Warning.class)
            String license) {}

    @Test
    void pathsAreDottedSnakeCaseWithIndexes() {
        Root root = new Root(List.of(new Tensor(List.of(new Axis("x", 50), new Axis("Y", 101)))), "MIT");
        assertThat(BeanValidation.validate(root))
                .extracting(ValidationIssue::loc)
                .containsExactlyInAnyOrder("inputs.0.axes.1.id", "inputs.0.axes.1.max_percentile");
    }

    @Test
    void severityComesFromThePayload() {
        List<ValidationIssue> issues = BeanValidation.validate(new Root(List.of(), "GPL-2.0+"));
        assertThat(issues)
                .containsExactly(
                        new ValidationIssue(Severity.WARNING, "license", "'GPL-2.0+' is a deprecated SPDX license id"));
        ValidationReport report = new ValidationReport(issues);
        assertThat(report.isValid()).isTrue();
        assertThat(report.warnings()).hasSize(1);
    }

    @Test
    void reportIsInvalidWithAnyErrorAndSortsByLocation() {
        ValidationReport report = new ValidationReport(List.of(
                        new ValidationIssue(Severity.WARNING, "name", "w"),
                        new ValidationIssue(Severity.ERROR, "inputs.0", "e")))
                .with(List.of(new ValidationIssue(Severity.ALERT, "description", "a")));
        assertThat(report.isValid()).isFalse();
        assertThat(report.issues()).extracting(ValidationIssue::loc).containsExactly("description", "inputs.0", "name");
        assertThat(report.errors()).extracting(ValidationIssue::msg).containsExactly("e");
    }

    @Test
    void snakeCase() {
        assertThat(BeanValidation.snakeCase("mismatchedElementsPerMillion"))
                .isEqualTo("mismatched_elements_per_million");
        assertThat(BeanValidation.snakeCase("sha256")).isEqualTo("sha256");
    }
}
