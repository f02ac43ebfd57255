/**
 * Reading and writing model descriptions as YAML: {@link eu.riscale.modelhub.core.description.Descriptions} turns
 * {@code bioimageio.yaml} files into {@link eu.riscale.modelhub.spec.ModelDescr} records and back.
 *
 * <p>Reading collects every structural problem with its dotted path before giving up, in a {@link
 * eu.riscale.modelhub.core.description.DescriptionException}; no partially built description escapes.
 *
 * @see eu.riscale.modelhub.spec.ModelDescr
 */
@NullMarked
package eu.riscale.modelhub.core.description;

import org.jspecify.annotations.NullMarked;
