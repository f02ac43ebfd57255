/**
 * The typed, immutable model of the bioimage.io model description format 0.5, with its Jakarta Bean Validation
 * constraints. Every package is API; Hibernate Validator reads the constrained records reflectively.
 */
module eu.riscale.modelhub.spec {
    requires transitive jakarta.validation;
    requires org.hibernate.validator;
    requires static transitive org.jspecify;

    exports eu.riscale.modelhub.spec;
    exports eu.riscale.modelhub.spec.axis;
    exports eu.riscale.modelhub.spec.common;
    exports eu.riscale.modelhub.spec.config;
    exports eu.riscale.modelhub.spec.constraint;
    exports eu.riscale.modelhub.spec.op;
    exports eu.riscale.modelhub.spec.tensor;
    exports eu.riscale.modelhub.spec.validation;
    exports eu.riscale.modelhub.spec.weights;

    opens eu.riscale.modelhub.spec to
            org.hibernate.validator;
    opens eu.riscale.modelhub.spec.axis to
            org.hibernate.validator;
    opens eu.riscale.modelhub.spec.common to
            org.hibernate.validator;
    opens eu.riscale.modelhub.spec.config to
            org.hibernate.validator;
    opens eu.riscale.modelhub.spec.constraint to
            org.hibernate.validator;
    opens eu.riscale.modelhub.spec.op to
            org.hibernate.validator;
    opens eu.riscale.modelhub.spec.tensor to
            org.hibernate.validator;
    opens eu.riscale.modelhub.spec.validation to
            org.hibernate.validator;
    opens eu.riscale.modelhub.spec.weights to
            org.hibernate.validator;
}
