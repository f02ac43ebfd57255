package eu.riscale.modelhub.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The top-level {@code modelhub} command. Subcommands are one class each; {@link #commandLine} builds the parser with
 * injected writers so that tests run the real parser.
 */
@Command(
        name = "modelhub",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Validate, test, run and package bioimage.io model descriptions (format 0.5, reads 0.4).",
        subcommands = {
            CommandLine.HelpCommand.class,
            ValidateCommand.class,
            TestCommand.class,
            PredictCommand.class,
            PackageCommand.class,
            UpdateFormatCommand.class,
            UpdateHashesCommand.class,
            CardCommand.class,
            CoversCommand.class,
            ReviewCommand.class,
            UploadCommand.class,
            CacheCommand.class,
        })
public final class ModelhubCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand");
    }

    /**
     * Builds the command line parser writing data to {@code out} and diagnostics to {@code err}.
     *
     * @param out where commands write their data (reports, JSON)
     * @param err where commands write diagnostics and usage errors
     * @return the configured parser; {@code execute(args)} returns the exit code
     */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new ModelhubCommand());
        cl.setOut(out);
        cl.setErr(err);
        cl.setExitCodeExceptionMapper(t -> ExitCodes.USAGE);
        cl.setExecutionExceptionHandler(new ErrorHandler());
        cl.getCommandSpec().exitCodeOnUsageHelp(ExitCodes.OK);
        cl.getCommandSpec().exitCodeOnVersionHelp(ExitCodes.OK);
        cl.getCommandSpec().exitCodeOnInvalidInput(ExitCodes.USAGE);
        return cl;
    }
}
