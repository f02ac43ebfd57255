/**
 * Non-API access to the primitive storage of tensors, for the ops and statistics of this SDK; consumer code must not
 * use it (it hands out the backing arrays without copying).
 */
@NullMarked
package eu.riscale.modelhub.core.tensor.internal;

import org.jspecify.annotations.NullMarked;
