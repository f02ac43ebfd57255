package eu.riscale.modelhub.cli;

import eu.riscale.modelhub.core.authoring.CoverLayout;
import eu.riscale.modelhub.core.authoring.CoverOptions;
import eu.riscale.modelhub.core.authoring.Covers;
import eu.riscale.modelhub.core.resource.ResourceRoot;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code modelhub covers SOURCE [-o DIR] [--layout L] [--width W]}: renders a cover image from the first test input
 * and output and prints its path. Exit 0 when written, 1 when the model has no usable test tensors or the cover exists
 * (without {@code --force}), 2 for usage errors and unreadable sources.
 */
@Command(
        name = "covers",
        mixinStandardHelpOptions = true,
        description = "Render a cover image (PNG, 2:1, below 500 KB) from the first test input and output: the middle"
                + " slice of other axes, channels as colours, contrast stretched by percentiles, input and output split"
                + " diagonally or side by side.")
final class CoversCommand implements Callable<Integer> {
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
            paramLabel = "DIR",
            description = "The folder to write cover.png into (default: the current folder).")
    Path output = Path.of("");

    @Option(
            names = "--layout",
            paramLabel = "L",
            description = "auto (default: diagonal when input and output views have the same shape), diagonal or"
                    + " side-by-side.")
    String layout = "auto";

    @Option(
            names = "--width",
            paramLabel = "W",
            description = "Width in pixels, even, 64 to 4096 (default 800); the height is half of it.")
    int width = CoverOptions.DEFAULT_WIDTH;

    @Option(names = "--force", description = "Overwrite an existing cover.png.")
    boolean force;

    @Mixin
    SourceOptions sourceOptions = new SourceOptions();

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        CoverOptions options;
        try {
            options = CoverOptions.defaults().withLayout(layout(layout)).withWidth(width);
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            err.flush();
            return ExitCodes.USAGE;
        }
        Path target = output.resolve(Covers.FILE_NAME);
        if (!force && Files.exists(target)) {
            err.println("error: " + target + " exists; use --force to overwrite it");
            err.flush();
            return ExitCodes.FAILED;
        }
        List<Path> covers;
        try (ResourceRoot root = ResourceRoot.open(source, sourceOptions.settings())) {
            try {
                covers = Covers.generate(ModelSource.read(root, err), root, output, options);
            } catch (IllegalArgumentException e) {
                err.println("error: " + e.getMessage());
                err.flush();
                return ExitCodes.FAILED;
            }
        }
        for (Path c : covers) {
            out.println(c);
            err.println("wrote " + c + " (" + Files.size(c) / 1024 + " KB); record it in the description: covers: ["
                    + c.getFileName() + "]");
        }
        out.flush();
        err.flush();
        return ExitCodes.OK;
    }

    private static CoverLayout layout(String name) {
        switch (name.toLowerCase(Locale.ROOT)) {
            case "auto":
                return CoverLayout.AUTO;
            case "diagonal":
                return CoverLayout.DIAGONAL;
            case "side-by-side":
                return CoverLayout.SIDE_BY_SIDE;
            default:
                throw new IllegalArgumentException(
                        "--layout: found '" + name + "', expected auto, diagonal or side-by-side");
        }
    }
}
