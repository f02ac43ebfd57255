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

/** The value is a file source: an http(s) URL or a non-empty file path. {@code null} is valid (combine with {@code @NotNull} where required). */
@Documented
@Constraint(validatedBy = FileSource.Validator.class)
@Target({FIELD, METHOD, PARAMETER, TYPE_USE, ANNOTATION_TYPE})
@Retention(RUNTIME)
public @interface FileSource {
    /** {@return the violation message} */
    String message() default "'${validatedValue}' is not a file source (an http(s) URL or a relative file path)";

    /** {@return the validation groups} */
    Class<?>[] groups() default {};

    /** {@return the payload, for example a {@link WarningLevel} level} */
    Class<? extends Payload>[] payload() default {};

    /**
     * {@return whether the file name may be one that identifies a description file ({@code rdf.yaml}, {@code
     * bioimageio.yaml}, {@code model.yaml} or a name ending in {@code .} followed by one of them); the reference
     * forbids these for covers, documentation, attachments and weights}
     */
    boolean descriptionNamesAllowed() default true;

    /** Checks values against {@link FileSource}. */
    final class Validator implements ConstraintValidator<FileSource, CharSequence> {
        private boolean descriptionNamesAllowed;

        @Override
        public void initialize(FileSource annotation) {
            descriptionNamesAllowed = annotation.descriptionNamesAllowed();
        }

        @Override
        public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            String s = value.toString();
            if (!ValueTypes.isFileSource(s)) {
                return false;
            }
            if (descriptionNamesAllowed || !ValueTypes.isDescriptionFileName(s)) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(
                            ("'" + s + "' is not allowed here: its file name is reserved for description files"
                                            + " (rdf.yaml, bioimageio.yaml, model.yaml)")
                                    .replace("{", "\\{")
                                    .replace("$", "\\$"))
                    .addConstraintViolation();
            return false;
        }
    }
}
