/**
 * Jakarta Bean Validation constraints for the value types of format 0.5 (reference section A.1): Python identifiers,
 * resource ids, ORCID iDs, SI units, SPDX license ids, PEP 440 versions, http(s) URLs and file sources, plus the
 * {@link eu.riscale.modelhub.spec.constraint.WarningLevel} payloads that mark a constraint as a warning rather than an error.
 *
 * <p>The checks are also available as plain static methods (for example {@link
 * eu.riscale.modelhub.spec.constraint.ValueTypes#isIdentifier(String)}) for code that validates outside Bean Validation.
 *
 * @see <a href="https://jakarta.ee/specifications/bean-validation/3.1/">Jakarta Validation 3.1</a>
 */
@NullMarked
package eu.riscale.modelhub.spec.constraint;

import org.jspecify.annotations.NullMarked;
