/**
 * Reading older model description formats: the dictionary upgrades of format 0.3.x to 0.4.10, the checks of the 0.4
 * rules, and the conversion of a 0.3/0.4 description to a format 0.5.7 tree, all on Jackson trees.
 *
 * <p>The entry point is {@link eu.riscale.modelhub.core.format.FormatConversion#toLatest(tools.jackson.databind.JsonNode)}:
 * it takes the parsed YAML tree of a description in any supported format version and returns a
 * {@link eu.riscale.modelhub.core.format.ConversionResult} with the 0.5.7 tree (for the 0.5 binder), the declared
 * version, the notes about information that format 0.5 cannot carry, and the problems found by the legacy checks.
 *
 * @see eu.riscale.modelhub.core.format.FormatConversion
 */
@NullMarked
package eu.riscale.modelhub.core.format;

import org.jspecify.annotations.NullMarked;
