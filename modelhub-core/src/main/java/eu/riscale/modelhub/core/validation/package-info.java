/**
 * Validation of a description source of any format version: {@link eu.riscale.modelhub.core.validation.SourceValidation}
 * opens the source (file, folder, zip or URL), parses it, converts 0.3/0.4 to 0.5, binds it and runs the format rules of
 * {@link eu.riscale.modelhub.spec.validation.ModelValidation}, then the I/O checks ({@link
 * eu.riscale.modelhub.core.validation.IoCheck}) unless they are switched off. The result is a {@link
 * eu.riscale.modelhub.core.validation.SourceReport}. Rules, severities and departures from the reference are listed in
 * {@code docs/validation.md}.
 *
 * @see eu.riscale.modelhub.spec.validation.ModelValidation
 */
@NullMarked
package eu.riscale.modelhub.core.validation;

import org.jspecify.annotations.NullMarked;
