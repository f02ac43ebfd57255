package eu.riscale.modelhub.spec.constraint;

import static java.lang.annotation.ElementType.ANNOTATION_TYPE;
import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/** The value is a Python identifier that is not a keyword (reference {@code Identifier}), optionally lower case and of bounded length (reference {@code LowerCaseIdentifier}, {@code TensorId}, {@code AxisId}). {@code null} is valid (combine with {@code @NotNull} where required). */
@Documented
@Constraint(validatedBy = Identifier.Validator.class)
@Target({FIELD, METHOD, PARAMETER, TYPE_USE, ANNOTATION_TYPE})
@Retention(RUNTIME)
public @interface Identifier {
    /** {@return the violation message} */
    String message() default "'${validatedValue}' is not a valid identifier (a Python identifier, not a keyword)";

    /** {@return the validation groups} */
    Class<?>[] groups() default {};

    /** {@return the payload, for example a {@link WarningLevel} level} */
    Class<? extends Payload>[] payload() default {};

    /** {@return whether the identifier must be lower case as Python's {@code str.islower()}: see {@link ValueTypes#isLowerCase}} */
    boolean lowerCase() default false;

    /** {@return the maximal length} */
    int maxLength() default Integer.MAX_VALUE;

    /** Checks values against {@link Identifier}. */
    final class Validator implements ConstraintValidator<Identifier, CharSequence> {
        private boolean lowerCase;
        private int maxLength;

        @Override
        public void initialize(Identifier annotation) {
            lowerCase = annotation.lowerCase();
            maxLength = annotation.maxLength();
        }

        @Override
        public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            String s = value.toString();
            String problem = null;
            if (!ValueTypes.isIdentifier(s)) {
                problem = "'" + s + "' is not a valid identifier (a Python identifier, not a keyword)";
            } else if (lowerCase && !s.equals(s.toLowerCase(java.util.Locale.ROOT))) {
                problem = "'" + s + "' must be lower case";
            } else if (lowerCase && !ValueTypes.isLowerCase(s)) {
                problem = "'" + s + "' must contain a lower-case letter (Python's str.islower())";
            } else if (s.length() > maxLength) {
                problem = "'" + s + "' is longer than " + maxLength + " characters";
            }
            if (problem == null) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(
                            problem.replace("{", "\\{").replace("$", "\\$"))
                    .addConstraintViolation();
            return false;
        }
    }
}
