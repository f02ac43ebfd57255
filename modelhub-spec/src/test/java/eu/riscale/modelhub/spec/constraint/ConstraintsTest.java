package eu.riscale.modelhub.spec.constraint;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class ConstraintsTest {
    private static final Validator VALIDATOR =
            Validation.buildDefaultValidatorFactory().getValidator();

    record Node(
            @Identifier(lowerCase = true, maxLength = 16) String axisId,
            @Nullable @Orcid String orcid,

            @Nullable @SpdxLicense @CurrentSpdxLicense(payload = WarningLevel.Warning.class)
            String license,

            List<@Doi String> dois) {}

    @Test
    void validNodeHasNoViolations() {
        assertThat(VALIDATOR.validate(new Node("channel", "0000-0002-1825-0097", "MIT", List.of("10.1000/x"))))
                .isEmpty();
    }

    @Test
    void nullOptionalValuesAreValid() {
        assertThat(VALIDATOR.validate(new Node("x", null, null, List.of()))).isEmpty();
    }

    @Test
    void identifierMessagesSayWhatIsWrong() {
        assertThat(messages(VALIDATOR.validate(new Node("Channel", null, null, List.of()))))
                .containsExactly("axisId: 'Channel' must be lower case");
        assertThat(messages(VALIDATOR.validate(new Node("_1", null, null, List.of()))))
                .containsExactly("axisId: '_1' must contain a lower-case letter (Python's str.islower())");
        assertThat(messages(VALIDATOR.validate(new Node("a_very_long_axis_id", null, null, List.of()))))
                .containsExactly("axisId: 'a_very_long_axis_id' is longer than 16 characters");
        assertThat(messages(VALIDATOR.validate(new Node("lambda", null, null, List.of()))))
                .containsExactly("axisId: 'lambda' is not a valid identifier (a Python identifier, not a keyword)");
    }

    @Test
    void containerElementsCarryTheirIndexInThePath() {
        assertThat(messages(VALIDATOR.validate(new Node("x", null, null, List.of("10.1000/x", "doi:1")))))
                .containsExactly("dois[1].<list element>: 'doi:1' is not a DOI of the form 10.NNNN/..."
                        + " (leave out https://doi.org/)");
    }

    @Test
    void deprecatedLicenseIsAWarningNotAnError() {
        Set<ConstraintViolation<Node>> violations = VALIDATOR.validate(new Node("x", null, "GPL-2.0+", List.of()));
        assertThat(violations).hasSize(1);
        ConstraintViolation<Node> v = violations.iterator().next();
        assertThat(v.getMessage()).isEqualTo("'GPL-2.0+' is a deprecated SPDX license id");
        assertThat(v.getConstraintDescriptor().getPayload()).containsExactly(WarningLevel.Warning.class);
    }

    @Test
    void unknownLicenseAndBadOrcidAreBothReported() {
        assertThat(messages(VALIDATOR.validate(new Node("x", "0000-0002-1825-0098", "MIT-License", List.of()))))
                .containsExactlyInAnyOrder(
                        "license: 'MIT-License' is not an SPDX license id (SPDX License List 3.27.0,"
                                + " see https://spdx.org/licenses/)",
                        "orcid: '0000-0002-1825-0098' is not a valid ORCID iD in hyphenated groups of 4 digits");
    }

    private static List<String> messages(Set<? extends ConstraintViolation<?>> violations) {
        return violations.stream()
                .map(v -> v.getPropertyPath() + ": " + v.getMessage())
                .sorted()
                .toList();
    }
}
