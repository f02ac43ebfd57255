/**
 * Validation results: {@link eu.riscale.modelhub.spec.validation.ValidationReport} with every {@link
 * eu.riscale.modelhub.spec.validation.Diagnostic} found, each with a {@link
 * eu.riscale.modelhub.spec.validation.Severity} and a location as a dotted path into the document ({@code
 * inputs.0.axes.2.size}), the notation of the reference validator.
 */
@NullMarked
package eu.riscale.modelhub.spec.validation;

import org.jspecify.annotations.NullMarked;
