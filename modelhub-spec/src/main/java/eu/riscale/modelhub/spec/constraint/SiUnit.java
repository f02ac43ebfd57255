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

/** The value is an SI unit expression such as {@code µm} or {@code m·s^-1}. {@code null} is valid (combine with {@code @NotNull} where required). */
@Documented
@Constraint(validatedBy = SiUnit.Validator.class)
@Target({FIELD, METHOD, PARAMETER, TYPE_USE, ANNOTATION_TYPE})
@Retention(RUNTIME)
public @interface SiUnit {
    /** {@return the violation message} */
    String message() default "'${validatedValue}' is not an SI unit (for example m, µm, m·s^-1, kg/m^3)";

    /** {@return the validation groups} */
    Class<?>[] groups() default {};

    /** {@return the payload, for example a {@link WarningLevel} level} */
    Class<? extends Payload>[] payload() default {};

    /** Checks values against {@link SiUnit}. */
    final class Validator implements ConstraintValidator<SiUnit, CharSequence> {

        @Override
        public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
            return value == null || ValueTypes.isSiUnit(value.toString());
        }
    }
}
