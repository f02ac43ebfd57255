/**
 * I/O validation of a model package: the checks that need the files a description refers to.
 * {@link eu.riscale.modelhub.core.iocheck.IoValidation#check} finds every referenced file (through
 * {@link eu.riscale.modelhub.core.description.FileReferences}), verifies declared sha256 values, reads the test tensors
 * and checks them against the axes and data types of the description, checks the reproducibility tolerance against the
 * test outputs, the sample tensors' dimensionality and the documentation's encoding. It returns plain
 * {@link eu.riscale.modelhub.spec.validation.Diagnostic}s to be merged with format validation; {@code docs/io.md}
 * lists every check and its severity.
 *
 * @see eu.riscale.modelhub.core.iocheck.IoValidation
 */
@NullMarked
package eu.riscale.modelhub.core.iocheck;

import org.jspecify.annotations.NullMarked;
