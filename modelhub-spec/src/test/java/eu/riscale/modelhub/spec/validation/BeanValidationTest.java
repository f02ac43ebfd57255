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
                .extracting(Diagnostic::loc)
                .containsExactlyInAnyOrder("inputs.0.axes.1.id", "inputs.0.axes.1.max_percentile");
    }

    @Test
    void locationsAreKeysAndIndicesTakenFromTheValidatorPath() {
        Root root = new Root(List.of(new Tensor(List.of(new Axis("x", 50), new Axis("Y", 101)))), "MIT");
        assertThat(BeanValidation.validate(root))
                .extracting(Diagnostic::location)
                .containsExactlyInAnyOrder(
                        Location.of("inputs", 0, "axes", 1, "id"),
                        Location.of("inputs", 0, "axes", 1, "max_percentile"));
        assertThat(Location.of("inputs", 0, "axes").segments().get(1)).isInstanceOf(Integer.class);
        assertThat(Location.parse("inputs.0.axes")).isEqualTo(Location.of("inputs", 0, "axes"));
        assertThat(Location.ROOT.key("a.b").index(2).toString()).isEqualTo("a.b.2");
    }

    @Test
    void severityComesFromThePayload() {
        List<Diagnostic> issues = BeanValidation.validate(new Root(List.of(), "GPL-2.0+"));
        assertThat(issues)
                .containsExactly(Diagnostic.of(
                        Severity.WARNING, Location.of("license"), "'GPL-2.0+' is a deprecated SPDX license id"));
        ValidationReport report = new ValidationReport(issues);
        assertThat(report.isValid()).isTrue();
        assertThat(report.warnings()).hasSize(1);
    }

    @Test
    void reportIsInvalidWithAnyErrorAndSortsByLocation() {
        ValidationReport report = new ValidationReport(List.of(
                        Diagnostic.of(Severity.WARNING, Location.of("name"), "w"),
                        Diagnostic.of(Severity.ERROR, Location.of("inputs", 0), "e")))
                .with(List.of(Diagnostic.of(Severity.ALERT, Location.of("description"), "a")));
        assertThat(report.isValid()).isFalse();
        assertThat(report.issues()).extracting(Diagnostic::loc).containsExactly("description", "inputs.0", "name");
        assertThat(report.errors()).extracting(Diagnostic::message).containsExactly("e");
    }

    @Test
    void snakeCase() {
        assertThat(BeanValidation.snakeCase("mismatchedElementsPerMillion"))
                .isEqualTo("mismatched_elements_per_million");
        assertThat(BeanValidation.snakeCase("sha256")).isEqualTo("sha256");
    }
}
