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

/**
 * The value is a colour as the reference's colour type reads it ({@code channel_colors}, format 0.5.13): a CSS colour
 * name ({@code red}, {@code darkslategray}), a hex colour with 3, 4, 6 or 8 digits with or without {@code #} or {@code
 * 0x} ({@code #f00}, {@code ff000080}), or {@code rgb()}, {@code rgba()}, {@code hsl()}, {@code hsla()} with numbers or
 * percentages. {@code null} is valid.
 */
@Documented
@Constraint(validatedBy = Color.Validator.class)
@Target({FIELD, METHOD, PARAMETER, TYPE_USE, ANNOTATION_TYPE})
@Retention(RUNTIME)
public @interface Color {
    /** {@return the violation message} */
    String message() default
            "'${validatedValue}' is not a colour: expected a CSS colour name, a hex colour such as #ff0000, or rgb(...),"
                    + " rgba(...), hsl(...), hsla(...)";

    /** {@return the validation groups} */
    Class<?>[] groups() default {};

    /** {@return the payload, for example a {@link WarningLevel} level} */
    Class<? extends Payload>[] payload() default {};

    /** Checks values against {@link Color}. */
    final class Validator implements ConstraintValidator<Color, CharSequence> {
        @Override
        public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
            return value == null || ValueTypes.isColor(value.toString());
        }
    }
}
