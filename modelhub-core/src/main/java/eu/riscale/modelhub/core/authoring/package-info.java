/**
 * Helps authors get a model description ready for the hub, beyond what the format rules require: {@link
 * eu.riscale.modelhub.core.authoring.ModelCard} writes a README.md skeleton from a description, {@link
 * eu.riscale.modelhub.core.authoring.Covers} renders cover images from the first test input and output, and {@link
 * eu.riscale.modelhub.core.authoring.HubReview} lists what the hub's contribution guide still asks for, as {@link
 * eu.riscale.modelhub.spec.validation.Diagnostic}s with a location, a message and a suggestion. The review is separate
 * from validation: a valid description can still have findings. See docs/authoring.md.
 *
 * @see eu.riscale.modelhub.spec.ModelDescr
 */
@NullMarked
package eu.riscale.modelhub.core.authoring;

import org.jspecify.annotations.NullMarked;
