/**
 * The {@code modelhub} command line: one class per subcommand, shared flags in mixins, exit codes in {@link
 * eu.riscale.modelhub.cli.ExitCodes}. Build the parser with {@link eu.riscale.modelhub.cli.ModelhubCommand#commandLine}.
 */
@NullMarked
package eu.riscale.modelhub.cli;

import org.jspecify.annotations.NullMarked;
