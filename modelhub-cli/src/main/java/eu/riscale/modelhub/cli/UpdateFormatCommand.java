package eu.riscale.modelhub.cli;

import eu.riscale.modelhub.core.description.Descriptions;
import eu.riscale.modelhub.core.description.codec.ModelCodec;
import eu.riscale.modelhub.core.description.internal.BindResult;
import eu.riscale.modelhub.core.description.internal.YamlIo;
import eu.riscale.modelhub.core.format.ConversionResult;
import eu.riscale.modelhub.core.format.FormatConversion;
import eu.riscale.modelhub.core.resource.ResourceRoot;
import eu.riscale.modelhub.spec.ModelDescr;
import eu.riscale.modelhub.spec.validation.Diagnostic;
import eu.riscale.modelhub.spec.validation.ModelValidation;
import eu.riscale.modelhub.spec.validation.ValidationReport;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;

/**
 * {@code modelhub update-format SOURCE [-o OUT]}: reads a description of any supported format (0.3, 0.4, 0.5),
 * converts it to format {@value ModelDescr#FORMAT_VERSION} and writes the YAML to stdout or, atomically, to OUT. Older
 * formats go through {@link FormatConversion} (which gives the reference converter's 0.5.7 tree) and then, like 0.5.x
 * files, through {@link ModelDescr#toLatestFormat()}. Notes on what the conversion dropped or changed go to stderr.
 *
 * <p>Exit code {@link ExitCodes#OK} when written, {@link ExitCodes#FAILED} when the source is not a valid description
 * (nothing is written), {@link ExitCodes#USAGE} for usage errors or a source that cannot be read.
 */
@Command(
        name = "update-format",
        mixinStandardHelpOptions = true,
        description =
                "Convert a description to format " + ModelDescr.FORMAT_VERSION + " and print it (or write it to OUT).")
final class UpdateFormatCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(
            names = {"-o", "--output"},
            paramLabel = "OUT",
            description = "Write the YAML to OUT (atomically) instead of stdout.")
    @Nullable
    Path output;

    @Mixin
    SourceOptions sourceOptions = new SourceOptions();

    @Option(names = "--verbose", description = "Print stack traces of unexpected errors.")
    boolean verbose;

    @Parameters(paramLabel = "SOURCE", description = "A description file, folder, zip or http(s) URL.")
    String source;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        JsonNode tree;
        String name;
        try (ResourceRoot root = ResourceRoot.open(source, sourceOptions.settings())) {
            name = root.description().location();
            tree = YamlIo.parse(new ByteArrayInputStream(root.readDescription()));
        } catch (YamlIo.YamlSyntaxException e) {
            if (e.getCause() instanceof UncheckedIOException io) {
                return unreadable(err, io.getCause());
            }
            return invalid(err, "invalid YAML: " + e.problem());
        } catch (IOException | RuntimeException e) {
            return unreadable(err, e);
        }
        ConversionResult conversion = FormatConversion.toLatest(tree);
        if (conversion.hasErrors()) {
            err.println(name + ": invalid, not converted:");
            for (Diagnostic p : conversion.errors()) {
                err.println("  " + p);
            }
            err.flush();
            return ExitCodes.FAILED;
        }
        BindResult bound = ModelCodec.bind(conversion.convertedTree().orElseThrow());
        ModelDescr model = bound.model() == null ? null : bound.model().toLatestFormat();
        if (model == null) {
            err.println(name + ": invalid after conversion:");
            for (Diagnostic p : bound.problems()) {
                err.println("  " + p);
            }
            err.flush();
            return ExitCodes.FAILED;
        }
        ValidationReport report = ModelValidation.validate(model);
        if (!report.isValid()) {
            err.println(name + ": invalid, not converted:");
            for (Diagnostic i : report.errors()) {
                err.println("  " + i);
            }
            err.flush();
            return ExitCodes.FAILED;
        }
        for (Diagnostic note : conversion.notes()) {
            err.println("  " + note);
        }
        String yaml = Descriptions.toYaml(model);
        if (output == null) {
            out.print(yaml);
            out.flush();
        } else {
            try {
                Cli.writeAtomically(output, yaml);
            } catch (IOException e) {
                err.println("error: cannot write " + output + ": " + Cli.message(e));
                err.flush();
                return ExitCodes.USAGE;
            }
            err.println("wrote " + output + " (format " + ModelDescr.FORMAT_VERSION + ")");
        }
        err.flush();
        return ExitCodes.OK;
    }

    private int unreadable(PrintWriter err, Throwable e) {
        err.println("error: cannot read " + source + ": " + Cli.message(e));
        if (verbose) {
            e.printStackTrace(err);
        }
        err.flush();
        return ExitCodes.USAGE;
    }

    private static int invalid(PrintWriter err, String message) {
        err.println(message);
        err.flush();
        return ExitCodes.FAILED;
    }
}
