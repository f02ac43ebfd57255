package eu.riscale.modelhub.cli;

import eu.riscale.modelhub.core.upload.HubUpload;
import eu.riscale.modelhub.core.upload.UploadException;
import eu.riscale.modelhub.core.upload.UploadListener;
import eu.riscale.modelhub.core.upload.UploadOptions;
import eu.riscale.modelhub.core.upload.UploadPlan;
import eu.riscale.modelhub.core.upload.UploadResult;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code modelhub upload [--dry-run] [--token T] [--endpoint URL] [--no-test] [--request-review] SOURCE}: validates,
 * tests and packages a model, prints the plan (manifest, files with size and sha256, requests) and uploads it to the
 * hub as a staged draft; never publishes. Progress goes to stdout, errors to stderr.
 *
 * <p>Exit code {@link ExitCodes#OK} when uploaded (or planned with {@code --dry-run}), {@link ExitCodes#FAILED} when
 * the package is refused (invalid or its tests fail) or the hub refuses or fails the upload, {@link ExitCodes#USAGE}
 * for usage errors, a missing token and unreadable sources.
 */
@Command(
        name = "upload",
        mixinStandardHelpOptions = true,
        description = {
            "Upload a model to the hub (bioimage.io) as a staged draft for review: validate, test and package it, then"
                    + " create the draft, send every file and record their sha256. Never publishes; a curator does"
                    + " that after review. Running it again after an interruption continues the same draft.",
        })
final class UploadCommand implements Callable<Integer> {
    /** Files at least this large get progress lines while they are sent. */
    private static final long LARGE = 1024 * 1024;

    @Spec
    CommandSpec spec;

    @Parameters(
            index = "0",
            paramLabel = "SOURCE",
            description = "A description file, a folder, a zip package, an http(s) URL or a published id.")
    String source = "";

    @Option(names = "--dry-run", description = "Print the plan and send nothing (no token needed).")
    boolean dryRun;

    @Option(
            names = "--token",
            paramLabel = "TOKEN",
            description = "The upload token (default: $" + UploadOptions.TOKEN_ENV + "; prefer the variable, a command"
                    + " line is visible to other users). Create one at https://bioimage.io/#/api?tab=hypha-rpc.")
    @Nullable
    String token;

    @Option(
            names = "--endpoint",
            paramLabel = "URL",
            description = "The hub's artifact-manager service (default: $" + UploadOptions.ENDPOINT_ENV + " or "
                    + "https://hypha.aicell.io/public/services/artifact-manager).")
    @Nullable
    URI endpoint;

    @Option(names = "--no-test", description = "Only validate; do not test the model (reproduce its test outputs).")
    boolean noTest;

    @Option(
            names = "--request-review",
            description = "Ask for review once uploaded (status in-review); without it the draft stays a draft.")
    boolean requestReview;

    @Mixin
    SourceOptions sourceOptions = new SourceOptions();

    @Mixin
    VerboseOption verboseOption = new VerboseOption();

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (sourceOptions.offline && !dryRun) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(), "--offline: an upload needs the network; use --offline only with --dry-run");
        }
        UploadOptions.Builder b = UploadOptions.fromEnvironment(
                        System.getenv(), Path.of(System.getProperty("user.home")))
                .resources(sourceOptions.settings())
                .runTests(!noTest)
                .requestReview(requestReview)
                .listener(new Progress(out));
        try {
            if (token != null) {
                b.token(token);
            }
            if (endpoint != null) {
                b.endpoint(endpoint);
            }
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        UploadOptions options = b.build();
        if (!noTest) {
            err.println("validating and testing " + source + " (--no-test skips the test)");
            err.flush();
        }
        try (UploadPlan plan = HubUpload.plan(source, options)) {
            printPlan(out, plan, options);
            if (dryRun) {
                out.println("dry run: nothing was sent");
                out.flush();
                return ExitCodes.OK;
            }
            UploadResult result = HubUpload.upload(plan, options);
            out.println("uploaded " + source + " as staged draft " + result.artifactId() + " ("
                    + (result.resumed() ? "continued; " : "") + result.filesSent() + " files sent"
                    + (result.filesSkipped() > 0 ? ", " + result.filesSkipped() + " sent before" : "") + "), status "
                    + (result.reviewRequested() ? "in-review" : "draft") + "; not published");
            out.println("staged description: " + result.description());
            out.flush();
            return ExitCodes.OK;
        } catch (UploadException e) {
            out.flush();
            err.println("error: " + e.getMessage());
            e.problems().forEach(p -> err.println("  " + p));
            err.flush();
            return e.kind() == UploadException.Kind.NO_TOKEN ? ExitCodes.USAGE : ExitCodes.FAILED;
        }
    }

    private static void printPlan(PrintWriter out, UploadPlan plan, UploadOptions options) {
        out.println("upload plan for " + plan.source());
        out.println("  local test: " + plan.testStatus());
        out.println("  endpoint: " + options.endpoint() + " (token: "
                + (options.token().isPresent() ? "given, not shown" : "none") + ")");
        out.println("manifest:");
        out.println(plan.manifestJson());
        out.println("files (" + plan.files().size() + ", " + Cli.size(plan.totalBytes()) + "):");
        int width = plan.files().stream().mapToInt(f -> f.path().length()).max().orElse(0);
        for (UploadPlan.PlannedFile f : plan.files()) {
            out.println(String.format(
                    Locale.ROOT,
                    "  %-" + width + "s  %12d bytes  sha256 %s",
                    f.path(),
                    f.size(),
                    f.sha256().hex()));
        }
        out.println("requests:");
        plan.requests(options).forEach(r -> out.println("  " + r));
        out.flush();
    }

    /** Prints steps and, for large files, how much was sent, on stdout. */
    private static final class Progress implements UploadListener {
        private final PrintWriter out;

        Progress(PrintWriter out) {
            this.out = out;
        }

        @Override
        public void step(String message) {
            out.println("  " + message);
            out.flush();
        }

        @Override
        public void progress(String path, long sent, long total) {
            if (sent == total) {
                out.println("  sent " + path + " (" + Cli.size(total) + ")");
            } else if (total >= LARGE && sent > 0) {
                out.println(String.format(
                        Locale.ROOT, "  sending %s: %d%% of %s", path, sent * 100 / total, Cli.size(total)));
            }
            out.flush();
        }
    }
}
