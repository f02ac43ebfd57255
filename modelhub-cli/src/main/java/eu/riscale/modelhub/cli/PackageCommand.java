package eu.riscale.modelhub.cli;

import eu.riscale.modelhub.core.description.LoadResult;
import eu.riscale.modelhub.core.packaging.PackageOptions;
import eu.riscale.modelhub.core.packaging.PackageResult;
import eu.riscale.modelhub.core.packaging.Packager;
import eu.riscale.modelhub.core.packaging.PackagingException;
import eu.riscale.modelhub.core.resource.PackageEntry;
import eu.riscale.modelhub.core.resource.ResourceRoot;
import eu.riscale.modelhub.spec.ModelDescr;
import eu.riscale.modelhub.spec.validation.Diagnostic;
import eu.riscale.modelhub.spec.weights.WeightsFormat;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code modelhub package SOURCE -o OUT.zip [--weight-format F]...}: writes the model and every file it refers to as
 * a zip package, re-validated before it replaces {@code OUT.zip}. A description of format 0.3 or 0.4 is converted to
 * 0.5 first, and the package holds the converted {@code rdf.yaml} (a note on stderr says so). Lists the entries on
 * stdout, warnings and errors on stderr; exit 0 when written, 1 when a file is missing, refused or wrong or the
 * package does not validate (nothing written), 2 for usage errors and unreadable sources.
 */
@Command(
        name = "package",
        mixinStandardHelpOptions = true,
        description = {
            "Write a model and every file it refers to as a zip package: rdf.yaml first, files under package-local"
                    + " names, sources rewritten, sha256 filled in. The package is validated (format and I/O checks)"
                    + " before it replaces OUT.zip; when it fails nothing is written. Descriptions of format 0.3 and"
                    + " 0.4 are converted to 0.5.",
        })
final class PackageCommand implements Callable<Integer> {
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
            required = true,
            paramLabel = "OUT.zip",
            description = "The zip file to write.")
    Path output = Path.of("");

    @Option(
            names = "--weight-format",
            paramLabel = "F",
            converter = WeightsFormatConverter.class,
            description = "Keep only this weights format, without its parent (repeat for a priority order: the first"
                    + " present one is kept). One of: keras_hdf5, keras_v3, onnx, pytorch_state_dict, tensorflow_js,"
                    + " tensorflow_saved_model_bundle, torchscript.")
    List<WeightsFormat> weightFormats = new ArrayList<>();

    @Mixin
    SourceOptions sourceOptions = new SourceOptions();

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        PackageOptions options =
                PackageOptions.DEFAULTS.withWeightsPriorityOrder(weightFormats.toArray(new WeightsFormat[0]));
        try (ResourceRoot root = ResourceRoot.open(source, sourceOptions.settings())) {
            LoadResult loaded = ModelSource.load(root);
            ModelDescr model = loaded.requireModel();
            if (loaded.converted()) {
                err.println(ModelSource.conversionNote(loaded, model.toLatestFormat())
                        + "; the package holds the converted rdf.yaml");
            }
            PackageResult result;
            try {
                result = Packager.writeZip(model, root, output, options);
            } catch (PackagingException e) {
                err.println("error: " + e.getMessage());
                err.flush();
                return ExitCodes.FAILED;
            }
            for (Diagnostic warning : result.report().warnings()) {
                err.println(warning);
            }
            for (PackageEntry entry : result.entries()) {
                out.println(entry.sha256().hex() + "  " + entry.size() + "  "
                        + entry.name().value());
            }
            out.println("wrote " + result.target() + " (" + result.entries().size() + " files)");
            out.flush();
            err.flush();
            return ExitCodes.OK;
        }
    }
}
