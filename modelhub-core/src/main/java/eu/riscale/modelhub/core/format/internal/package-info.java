/**
 * Implementation of the legacy format support: dictionary upgrades 0.3.x to 0.4.10 ({@code DictUpgrades}), the 0.4
 * rules ({@code V04Checks}) and the tree conversion 0.4 to 0.5 ({@code V04Converter}). Not API: use
 * {@link eu.riscale.modelhub.core.format.FormatConversion}.
 */
@NullMarked
package eu.riscale.modelhub.core.format.internal;

import org.jspecify.annotations.NullMarked;
