/**
 * Internal: the wire-form declarations of the open config mappings.
 *
 * @see eu.riscale.modelhub.core.description.codec.ModelCodec
 */
@NullMarked
package eu.riscale.modelhub.core.description.codec.config;

import org.jspecify.annotations.NullMarked;
