package eu.riscale.modelhub.cli;

import picocli.CommandLine.Option;

/**
 * The {@code --verbose} option shared by commands that have no other use for it: {@link ErrorHandler} prints the stack
 * trace of an unexpected error only when it is given.
 */
final class VerboseOption {
    @Option(names = "--verbose", description = "Print stack traces of unexpected errors.")
    boolean verbose;
}
