package eu.riscale.modelhub.spec.validation;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import eu.riscale.modelhub.spec.ModelDescr;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.ConstraintValidatorContext.ConstraintViolationBuilder;
import jakarta.validation.ConstraintValidatorContext.ConstraintViolationBuilder.LeafNodeBuilderCustomizableContext;
import jakarta.validation.ConstraintValidatorContext.ConstraintViolationBuilder.NodeBuilderCustomizableContext;
import jakarta.validation.ConstraintValidatorContext.ConstraintViolationBuilder.NodeBuilderDefinedContext;
import jakarta.validation.Payload;
import jakarta.validation.constraintvalidation.SupportedValidationTarget;
import jakarta.validation.constraintvalidation.ValidationTarget;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import org.hibernate.validator.constraintvalidation.HibernateConstraintValidatorContext;

/**
 * The cross-field rules of format 0.5 (reference A.7: unique ids, size references, halos, per-channel data, processing
 * axes and reference tensors, weights parents, ...) as a class-level constraint on {@link ModelDescr}, so that {@link
 * BeanValidation#validate} alone reports every rule. Each finding becomes a violation at its own node path (for example
 * {@code outputs[0].axes[2].halo}) and carries its {@link Severity} as the dynamic payload, which {@link
 * BeanValidation} reads.
 */
@Documented
@Constraint(validatedBy = ValidModel.Validator.class)
@Target(TYPE)
@Retention(RUNTIME)
public @interface ValidModel {
    /** {@return the violation message (each finding has its own)} */
    String message() default "the model description violates a cross-field rule";

    /** {@return the validation groups} */
    Class<?>[] groups() default {};

    /** {@return the payload} */
    Class<? extends Payload>[] payload() default {};

    /** Runs the cross-field rules and turns each finding into a violation with its path and severity. */
    @SupportedValidationTarget(ValidationTarget.ANNOTATED_ELEMENT)
    final class Validator implements ConstraintValidator<ValidModel, ModelDescr> {
        @Override
        public boolean isValid(ModelDescr model, ConstraintValidatorContext context) {
            if (model == null) {
                return true;
            }
            var findings = ModelRules.check(model);
            if (findings.isEmpty()) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            HibernateConstraintValidatorContext hv = context.unwrap(HibernateConstraintValidatorContext.class);
            for (Diagnostic finding : findings) {
                hv.withDynamicPayload(finding.severity());
                String template = finding.message()
                        .replace("\\", "\\\\")
                        .replace("{", "\\{")
                        .replace("}", "\\}")
                        .replace("$", "\\$");
                addAt(hv.buildConstraintViolationWithTemplate(template), finding.location());
            }
            return false;
        }

        /**
         * Builds the node path of a location such as {@code inputs, 0, axes, 2, size} from its segments: a list index
         * goes on the node that follows it, as Bean Validation paths put it ({@code inputs[0].axes[2].size}).
         */
        private static void addAt(ConstraintViolationBuilder builder, Location loc) {
            NodeBuilderCustomizableContext open = null;
            NodeBuilderDefinedContext indexed = null;
            Integer pendingIndex = null;
            for (Object segment : loc.segments()) {
                if (segment instanceof Integer index) {
                    pendingIndex = index;
                    continue;
                }
                String part = (String) segment;
                NodeBuilderCustomizableContext next = open != null
                        ? open.addPropertyNode(part)
                        : indexed != null ? indexed.addPropertyNode(part) : builder.addPropertyNode(part);
                if (pendingIndex != null) {
                    indexed = next.inIterable().atIndex(pendingIndex);
                    open = null;
                } else {
                    open = next;
                    indexed = null;
                }
                pendingIndex = null;
            }
            if (pendingIndex != null) {
                LeafNodeBuilderCustomizableContext bean =
                        open != null ? open.addBeanNode() : indexed != null ? indexed.addBeanNode() : null;
                if (bean != null) {
                    bean.inIterable().atIndex(pendingIndex).addConstraintViolation();
                    return;
                }
            }
            if (open != null) {
                open.addConstraintViolation();
            } else if (indexed != null) {
                indexed.addConstraintViolation();
            } else {
                builder.addConstraintViolation();
            }
        }
    }
}
