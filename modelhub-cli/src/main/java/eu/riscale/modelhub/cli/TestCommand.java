package eu.riscale.modelhub.cli;

import eu.riscale.modelhub.core.inference.PipelineBackend;
import eu.riscale.modelhub.core.modeltest.Determinism;
import eu.riscale.modelhub.core.modeltest.ModelTests;
import eu.riscale.modelhub.core.modeltest.SummaryHtml;
import eu.riscale.modelhub.core.modeltest.SummaryJson;
import eu.riscale.modelhub.core.modeltest.SummaryMarkdown;
import eu.riscale.modelhub.core.modeltest.SummaryStatus;
import eu.riscale.modelhub.core.modeltest.SummaryText;
import eu.riscale.modelhub.core.modeltest.TestDetail;
import eu.riscale.modelhub.core.modeltest.TestOptions;
import eu.riscale.modelhub.core.modeltest.TestSummary;
import eu.riscale.modelhub.core.validation.FormatTarget;
import eu.riscale.modelhub.spec.weights.WeightsFormat;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code modelhub test [--json] [--weight-format F] [--summary FILE] [--save-outputs DIR] SOURCE...}: tests each
 * model (format, files, reproduction of the test outputs, output shapes) and prints a summary per source.
 *
 * <p>Exit code {@link ExitCodes#OK} when every source passed, {@link ExitCodes#FAILED} when any failed or is only
 * {@code valid-format}, {@link ExitCodes#USAGE} for usage errors or a source that cannot be read at all.
 */
@Command(
        name = "test",
        mixinStandardHelpOptions = true,
        description = "Test models: format, files and sha256, reproduction of the test outputs per weights format,"
                + " output shapes at other sizes. Exit 0 only when every source passed.")
final class TestCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(
            names = "--json",
            description = "Print one JSON summary per source and line (schema: docs/testing-models.md).")
    boolean json;

    @Option(
            names = "--weight-format",
            paramLabel = "F",
            description = "Test only this weights format: torchscript, onnx, pytorch_state_dict, ... or all (default).")
    @Nullable
    String weightFormat;

    @Option(
            names = "--summary",
            paramLabel = "FILE",
            description = "Also write the summary to FILE: JSON when it ends in .json, Markdown when it ends in .md,"
                    + " a self-contained HTML page when it ends in .html.")
    @Nullable
    Path summaryFile;

    @Option(
            names = "--save-outputs",
            paramLabel = "DIR",
            description = "Save the reproduced outputs as actual_output_<id>_<format>.npy in DIR.")
    @Nullable
    Path saveOutputs;

    @Option(
            names = {"-x", "--stop-early"},
            description = "Stop at the first failed check (the remaining checks are left out of the summary).")
    boolean stopEarly;

    @Option(
            names = "--blockwise-check",
            description = "Also compare a blockwise prediction (block size parameter 10, declared halo) of the test"
                    + " inputs with the whole-sample one; more mismatches than the reproducibility tolerance allows"
                    + " fail (block artifacts).")
    boolean blockwiseCheck;

    @Option(
            names = "--one-format-at-a-time",
            description = "With --determinism full: test the weights formats one after the other; by default each"
                    + " format's checks then run on a thread of their own, at the same time, with the weights of every"
                    + " format loaded at once.")
    boolean oneFormatAtATime;

    @Option(
            names = "--format-version",
            paramLabel = "V",
            description = "discover (default): judge 0.3/0.4 descriptions by their own format's rules; latest: convert"
                    + " to 0.5 first and judge by its rules, errors included.")
    String formatVersion = "discover";

    @Option(
            names = "--devices",
            paramLabel = "DEVICE",
            description = "cpu (default), or cuda / gpu for the first GPU when the engine reports one; of a"
                    + " comma-separated list only the first is used, as in the reference.")
    String devices = "cpu";

    @Option(
            names = "--determinism",
            paramLabel = "MODE",
            converter = DeterminismConverter.class,
            description = "seed_only (default): seed the engines' random generators before each inference check;"
                    + " full: also run PyTorch and OnnxRuntime single-threaded (a warning where PyTorch was already"
                    + " started in this JVM).")
    Determinism determinism = Determinism.SEED_ONLY;

    @Mixin
    SourceOptions sourceOptions = new SourceOptions();

    @Option(names = "--verbose", description = "Print stack traces of unexpected errors.")
    boolean verbose;

    @Parameters(arity = "1..*", paramLabel = "SOURCE", description = "A description file, folder, zip or http(s) URL.")
    List<String> sources;

    /** Reads {@code --determinism}, naming the accepted values on a wrong one. */
    static final class DeterminismConverter implements CommandLine.ITypeConverter<Determinism> {
        @Override
        public Determinism convert(String value) {
            return Determinism.fromId(value)
                    .orElseThrow(() -> new CommandLine.TypeConversionException(
                            "expected seed_only or full, found '" + value + "'"));
        }
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        WeightsFormat format = parseFormat();
        if (summaryFile != null) {
            String name = summaryFile.getFileName().toString().toLowerCase(Locale.ROOT);
            if (!name.endsWith(".json") && !name.endsWith(".md") && !name.endsWith(".html")) {
                throw new CommandLine.ParameterException(
                        spec.commandLine(),
                        "--summary: expected a file ending in .json, .md or .html, found " + summaryFile);
            }
            if (sources.size() != 1) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--summary takes exactly one SOURCE");
            }
        }
        FormatTarget target = FormatTarget.fromId(formatVersion)
                .orElseThrow(() -> new CommandLine.ParameterException(
                        spec.commandLine(),
                        "--format-version: expected discover or latest, found '" + formatVersion + "'"));
        boolean gpu = parseDevice();
        TestOptions options = TestOptions.builder()
                .formatTarget(target)
                .backend(PipelineBackend.create(gpu))
                .weightsFormat(format)
                .saveOutputs(saveOutputs)
                .stopEarly(stopEarly)
                .blockwiseCheck(blockwiseCheck)
                .concurrentFormats(!oneFormatAtATime)
                .determinism(determinism)
                .resources(sourceOptions.settings())
                .build();
        int exit = ExitCodes.OK;
        for (String source : sources) {
            Progress progress = Progress.forTerminal(err, source, !json);
            TestSummary summary;
            boolean readable = true;
            try {
                summary = ModelTests.test(source, options.with(b -> b.listener(progress)));
            } catch (IOException | RuntimeException e) {
                // a source that cannot be read still gets its summary, so that a script parsing stdout finds one
                progress.done();
                err.println("error: cannot read " + source + ": " + Cli.message(e));
                if (verbose) {
                    e.printStackTrace(err);
                }
                err.flush();
                summary = TestSummary.unreadable(source, Cli.message(e));
                readable = false;
            }
            progress.done();
            if (json) {
                out.println(SummaryJson.line(summary));
            } else {
                out.print(SummaryText.render(summary));
            }
            out.flush();
            if (summaryFile != null && !writeSummary(summary, err)) {
                exit = ExitCodes.USAGE;
            }
            if (!readable) {
                exit = ExitCodes.USAGE;
            } else if (summary.status() != SummaryStatus.PASSED && exit == ExitCodes.OK) {
                exit = ExitCodes.FAILED;
            }
        }
        return exit;
    }

    private boolean parseDevice() {
        String first = devices.split(",", -1)[0].strip().toLowerCase(Locale.ROOT);
        if (first.equals("cpu")) {
            return false;
        }
        if (first.equals("cuda") || first.equals("gpu") || first.matches("(cuda|gpu):0")) {
            return true;
        }
        throw new CommandLine.ParameterException(
                spec.commandLine(), "--devices: expected cpu, cuda or gpu, found '" + devices + "'");
    }

    private @Nullable WeightsFormat parseFormat() {
        if (weightFormat == null || weightFormat.equals("all")) {
            return null;
        }
        return WeightsFormat.fromId(weightFormat)
                .orElseThrow(() -> new CommandLine.ParameterException(
                        spec.commandLine(),
                        "--weight-format: unknown format '" + weightFormat + "', expected all or one of "
                                + Arrays.stream(WeightsFormat.values())
                                        .map(WeightsFormat::id)
                                        .toList()));
    }

    private boolean writeSummary(TestSummary summary, PrintWriter err) {
        Path file = summaryFile.toAbsolutePath();
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        String text = name.endsWith(".json")
                ? SummaryJson.pretty(summary)
                : name.endsWith(".html") ? SummaryHtml.render(summary) : SummaryMarkdown.render(summary);
        try {
            Cli.writeAtomically(file, text);
            return true;
        } catch (IOException e) {
            err.println("error: cannot write the summary to " + file + ": " + Cli.message(e));
            err.flush();
            return false;
        }
    }

    /** A one-line progress display on stderr, only when the console is a terminal. */
    static final class Progress implements Consumer<TestDetail> {
        private final @Nullable PrintWriter err;
        private final String source;
        private int done;

        private Progress(@Nullable PrintWriter err, String source) {
            this.err = err;
            this.source = source;
        }

        static Progress forTerminal(PrintWriter err, String source, boolean wanted) {
            return new Progress(wanted && System.console() != null ? err : null, source);
        }

        @Override
        public void accept(TestDetail detail) {
            if (err != null) {
                done++;
                String line = String.format(
                        Locale.ROOT,
                        "testing %s [%d] %s: %s",
                        source,
                        done,
                        detail.name(),
                        detail.status().id());
                err.print("\r\033[2K" + line);
                err.flush();
            }
        }

        void done() {
            if (err != null && done > 0) {
                err.print("\r\033[2K");
                err.flush();
            }
        }
    }
}
