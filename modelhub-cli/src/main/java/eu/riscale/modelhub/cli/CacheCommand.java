package eu.riscale.modelhub.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code modelhub cache list|clear}: shows or empties the download cache. */
@Command(
        name = "cache",
        mixinStandardHelpOptions = true,
        description = "Show or empty the download cache (downloads, collection index, published models).",
        subcommands = {CacheListCommand.class, CacheClearCommand.class})
final class CacheCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand: list or clear");
    }
}
