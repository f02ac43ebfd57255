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

/** The value is an absolute http or https URL of at most 2083 characters. {@code null} is valid (combine with {@code @NotNull} where required). */
@Documented
@Constraint(validatedBy = HttpUrl.Validator.class)
@Target({FIELD, METHOD, PARAMETER, TYPE_USE, ANNOTATION_TYPE})
@Retention(RUNTIME)
public @interface HttpUrl {
    /** {@return the violation message} */
    String message() default "'${validatedValue}' is not a valid http(s) URL";

    /** {@return the validation groups} */
    Class<?>[] groups() default {};

    /** {@return the payload, for example a {@link WarningLevel} level} */
    Class<? extends Payload>[] payload() default {};

    /** Checks values against {@link HttpUrl}. */
    final class Validator implements ConstraintValidator<HttpUrl, CharSequence> {

        @Override
        public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
            return value == null || ValueTypes.isHttpUrl(value.toString());
        }
    }
}
