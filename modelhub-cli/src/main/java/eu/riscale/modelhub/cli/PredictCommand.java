package eu.riscale.modelhub.cli;

import eu.riscale.modelhub.core.description.DescriptionException;
import eu.riscale.modelhub.core.description.LoadResult;
import eu.riscale.modelhub.core.image.Images;
import eu.riscale.modelhub.core.inference.InferenceException;
import eu.riscale.modelhub.core.inference.PredictionOptions;
import eu.riscale.modelhub.core.inference.PredictionPipeline;
import eu.riscale.modelhub.core.inference.Tiling;
import eu.riscale.modelhub.core.resource.ResourceRoot;
import eu.riscale.modelhub.core.resource.TargetPaths;
import eu.riscale.modelhub.core.resource.UnsafeReferenceException;
import eu.riscale.modelhub.core.tensor.Npy;
import eu.riscale.modelhub.core.tensor.Tensor;
import eu.riscale.modelhub.spec.ModelDescr;
import eu.riscale.modelhub.spec.axis.BatchAxis;
import eu.riscale.modelhub.spec.axis.ChannelAxis;
import eu.riscale.modelhub.spec.axis.InputAxis;
import eu.riscale.modelhub.spec.tensor.InputTensorDescr;
import eu.riscale.modelhub.spec.tensor.OutputTensorDescr;
import eu.riscale.modelhub.spec.weights.WeightsFormat;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code modelhub predict SOURCE --input ID=FILE... --output-dir DIR}: runs a model on {@code .npy}, {@code .tif} or
 * {@code .png} inputs and writes one file per output. Output paths go to stdout, the engine and progress to stderr.
 * Descriptions of format 0.3 and 0.4 are converted to 0.5 first, with a note on stderr.
 */
@Command(
        name = "predict",
        mixinStandardHelpOptions = true,
        description = "Run a model on input files (.npy, .tif, .png) and write its outputs.")
final class PredictCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SOURCE", description = "rdf.yaml, package folder, .zip or URL")
    String source;

    @Option(
            names = "--input",
            required = true,
            paramLabel = "ID=FILE",
            description = "an input tensor by id; repeat for several inputs")
    Map<String, Path> inputs = new LinkedHashMap<>();

    @Option(names = "--output-dir", required = true, paramLabel = "DIR", description = "where outputs are written")
    Path outputDir;

    @Option(
            names = "--output-format",
            paramLabel = "EXT",
            defaultValue = "npy",
            description = "npy (default), tif or png")
    String outputFormat;

    @Option(
            names = "--weight-format",
            paramLabel = "F",
            description = "use only this weights format (torchscript or onnx); default: the fastest first"
                    + " (CPU: onnx, then torchscript; GPU: torchscript, then onnx)")
    String weightFormat;

    @Option(
            names = "--block",
            split = ",",
            paramLabel = "AXIS=SIZE",
            description = "block sizes by axis id, for example y=256,x=256; default: whole sample when it fits")
    Map<String, Integer> block = new LinkedHashMap<>();

    @Option(names = "--gpu", description = "use the first GPU when the engine reports one")
    boolean gpu;

    @Option(
            names = "--no-verify-hashes",
            description = "run weights whose sha256 differs from the description's (refused by default; warns)")
    boolean noVerifyHashes;

    @Mixin
    SourceOptions sourceOptions = new SourceOptions();

    @Option(names = "--verbose", description = "print stack traces of errors")
    boolean verbose;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String ext = outputFormat.toLowerCase(Locale.ROOT);
        if (!List.of("npy", "tif", "png").contains(ext)) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(), "--output-format: found " + outputFormat + ", expected npy, tif or png");
        }
        PredictionOptions.Builder options = PredictionOptions.builder().gpu(gpu).verifyHashes(!noVerifyHashes);
        if (weightFormat != null) {
            WeightsFormat f = WeightsFormat.fromId(weightFormat)
                    .orElseThrow(() -> new CommandLine.ParameterException(
                            spec.commandLine(),
                            "--weight-format: found " + weightFormat + ", expected one of "
                                    + Arrays.toString(WeightsFormat.values())));
            options.weightsPriority(List.of(f));
        }
        if (!block.isEmpty()) {
            options.tiling(Tiling.blockShape(block));
        }
        options.progress((done, total) -> {
            if (total > 1) {
                err.println("block " + done + "/" + total);
                err.flush();
            }
        });
        try (ResourceRoot root = ResourceRoot.open(source, sourceOptions.settings())) {
            LoadResult loaded = ModelSource.load(root);
            ModelDescr model = loaded.requireModel();
            if (loaded.converted()) {
                err.println(ModelSource.conversionNote(loaded, model));
            }
            Map<String, Path> files = outputFiles(model, ext);
            if (noVerifyHashes) {
                err.println("warning: --no-verify-hashes: the sha256 of the weights is not checked; a file that differs"
                        + " from the one the description pins may be run");
            }
            Map<String, Tensor> tensors = new LinkedHashMap<>();
            for (Map.Entry<String, Path> e : inputs.entrySet()) {
                tensors.put(e.getKey(), read(model, e.getKey(), e.getValue()));
            }
            Map<String, Tensor> result;
            try (PredictionPipeline p = PredictionPipeline.create(model, root, options.build())) {
                for (String skipped : p.skippedWeights()) {
                    err.println("note: not using " + skipped + "; falling back to " + p.weightsFormat());
                }
                err.println("running " + p.weightsFormat() + " weights on " + p.engineName() + " " + p.engineVersion()
                        + " " + p.device());
                err.flush();
                result = p.predict(tensors);
            }
            Files.createDirectories(outputDir);
            for (Map.Entry<String, Tensor> e : result.entrySet()) {
                Path file = files.get(e.getKey());
                if (file == null) {
                    err.println("warning: the model gave output '" + e.getKey() + "', which it does not describe;"
                            + " not written");
                    continue;
                }
                if (ext.equals("npy")) {
                    Npy.write(e.getValue(), file);
                } else {
                    Images.write(e.getValue(), file);
                }
                out.println(e.getKey() + "\t" + file + "\t" + e.getValue().dtype() + " "
                        + Arrays.toString(e.getValue().shape()) + " "
                        + e.getValue().axes());
            }
            return ExitCodes.OK;
        } catch (InferenceException | DescriptionException | UnsafeReferenceException e) {
            err.println("error: " + e.getMessage());
            if (verbose) {
                e.printStackTrace(err);
            }
            err.flush();
            return ExitCodes.FAILED;
        }
    }

    /**
     * Plans the output files before anything runs: each output id must be one plain file name, so that a hostile
     * description cannot make {@code predict} write outside {@code --output-dir}.
     */
    private Map<String, Path> outputFiles(ModelDescr model, String ext) throws UnsafeReferenceException {
        Map<String, Path> files = new LinkedHashMap<>();
        for (OutputTensorDescr o : model.outputs()) {
            files.put(o.id(), TargetPaths.fileIn(outputDir, o.id() + "." + ext, "output id '" + o.id() + "'"));
        }
        return files;
    }

    /**
     * Reads an input file and names its axes: images come named ({@code [z,] [channel,] y, x}); {@code .npy} arrays
     * with as many dimensions as the model input take its axis ids in order, and with fewer dimensions the model's
     * leading batch and single-channel axes are left out first.
     */
    private Tensor read(ModelDescr model, String id, Path file) throws IOException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!name.endsWith(".npy")) {
            return Images.read(file);
        }
        Tensor t = Npy.read(file);
        InputTensorDescr in = model.inputs().stream()
                .filter(d -> d.id().equals(id))
                .findFirst()
                .orElse(null);
        if (in == null) {
            return t; // the pipeline reports the unknown id
        }
        List<InputAxis> axes = new ArrayList<>(in.axes());
        int drop = axes.size() - t.ndim();
        for (int i = 0; i < axes.size() && drop > 0; ) {
            InputAxis a = axes.get(i);
            boolean singleton = a instanceof BatchAxis
                    || (a instanceof ChannelAxis
                            && ((ChannelAxis) a).channelNames().size() == 1);
            if (singleton) {
                axes.remove(i);
                drop--;
            } else {
                i++;
            }
        }
        if (axes.size() != t.ndim()) {
            throw new IOException(file + ": found " + t.ndim() + " dimensions (shape " + Arrays.toString(t.shape())
                    + "), expected " + in.axes().size() + " for the axes of input '" + id + "'");
        }
        return t.withAxes(axes.stream().map(InputAxis::id).toList());
    }
}
