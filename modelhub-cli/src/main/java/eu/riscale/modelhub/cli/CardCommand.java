package eu.riscale.modelhub.cli;

import eu.riscale.modelhub.core.authoring.ModelCard;
import eu.riscale.modelhub.core.resource.ResourceRoot;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code modelhub card SOURCE [-o README.md]}: writes a model card (README.md skeleton) filled from the description,
 * to stdout or to a file (not overwritten without {@code --force}). Exit 0 when written, 1 when the file exists, 2 for
 * usage errors and unreadable sources.
 */
@Command(
        name = "card",
        mixinStandardHelpOptions = true,
        description = "Write a model card (README.md) from a description: every section of the hub's template, filled"
                + " with what the description knows; paragraphs starting with 'TO COMPLETE:' are left to write.")
final class CardCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    VerboseOption verboseOption = new VerboseOption();

    @Parameters(
            index = "0",
            paramLabel = "SOURCE",
            description = "A description file, a folder, a zip package or an http(s) URL.")
    String source = "";

    @Option(
            names = {"-o", "--output"},
            paramLabel = "README.md",
            description = "Write the card to this file instead of stdout.")
    @Nullable
    Path output;

    @Option(names = "--force", description = "Overwrite an existing output file.")
    boolean force;

    @Mixin
    SourceOptions sourceOptions = new SourceOptions();

    @Override
    public Integer call() throws Exception {
        if (output != null && !force && Files.exists(output)) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("error: " + output + " exists; use --force to overwrite it");
            err.flush();
            return ExitCodes.FAILED;
        }
        String card;
        try (ResourceRoot root = ResourceRoot.open(source, sourceOptions.settings())) {
            card = ModelCard.generate(ModelSource.read(root, spec.commandLine().getErr()));
        }
        Path file = output;
        if (file == null) {
            PrintWriter out = spec.commandLine().getOut();
            out.print(card);
            out.flush();
        } else {
            Cli.writeAtomically(file, card);
            PrintWriter err = spec.commandLine().getErr();
            err.println("wrote " + file + " (" + ModelCard.placeholders(card)
                    + " paragraphs marked 'TO COMPLETE:'); set documentation: " + file.getFileName()
                    + " in the description");
            err.flush();
        }
        return ExitCodes.OK;
    }
}
