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

/** The value is a resource id (reference A.1): characters in {@code [a-z0-9_-/.]}, not starting or ending with {@code /}. {@code null} is valid (combine with {@code @NotNull} where required). */
@Documented
@Constraint(validatedBy = ResourceId.Validator.class)
@Target({FIELD, METHOD, PARAMETER, TYPE_USE, ANNOTATION_TYPE})
@Retention(RUNTIME)
public @interface ResourceId {
    /** {@return the violation message} */
    String message() default
            "'${validatedValue}' is not a valid resource id: use only a-z, 0-9, '_', '-', '/', '.' and do not start or end with '/'";

    /** {@return the validation groups} */
    Class<?>[] groups() default {};

    /** {@return the payload, for example a {@link WarningLevel} level} */
    Class<? extends Payload>[] payload() default {};

    /** Checks values against {@link ResourceId}. */
    final class Validator implements ConstraintValidator<ResourceId, CharSequence> {

        @Override
        public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
            return value == null || ValueTypes.isResourceId(value.toString());
        }
    }
}
