package eu.riscale.modelhub.cli;

import eu.riscale.modelhub.core.batch.BatchPrediction;
import eu.riscale.modelhub.core.batch.BatchSummary;
import eu.riscale.modelhub.core.batch.InputAxes;
import eu.riscale.modelhub.core.batch.SampleFailure;
import eu.riscale.modelhub.core.description.DescriptionException;
import eu.riscale.modelhub.core.description.LoadResult;
import eu.riscale.modelhub.core.image.Images;
import eu.riscale.modelhub.core.inference.InferenceException;
import eu.riscale.modelhub.core.inference.InvalidInputException;
import eu.riscale.modelhub.core.inference.PredictionOptions;
import eu.riscale.modelhub.core.inference.PredictionPipeline;
import eu.riscale.modelhub.core.inference.ProgressListener;
import eu.riscale.modelhub.core.inference.Tiling;
import eu.riscale.modelhub.core.resource.ResourceRoot;
import eu.riscale.modelhub.core.resource.UnsafeReferenceException;
import eu.riscale.modelhub.core.tensor.Npy;
import eu.riscale.modelhub.core.tensor.Tensor;
import eu.riscale.modelhub.spec.ModelDescr;
import eu.riscale.modelhub.spec.tensor.InputTensorDescr;
import eu.riscale.modelhub.spec.tensor.OutputTensorDescr;
import eu.riscale.modelhub.spec.weights.WeightsFormat;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code modelhub predict SOURCE (--input ID=FILES... | --inputs PATTERN) --output-dir DIR}: runs a model on
 * {@code .npy}, {@code .tif} (also OME-TIFF) or {@code .png} inputs and writes one file per output and sample.
 *
 * <p>With one file per input it predicts that sample and writes {@code <output id>.<ext>} into the output folder, as
 * before batch prediction existed. Given folders, globs or {@code @list} files it predicts every sample (one per file
 * name, without its ending) through a {@link BatchPrediction}: reading, prediction and writing overlap, outputs go to
 * the {@code --outputs} pattern ({@code {output_id}/{sample_id}.npy} by default), samples whose outputs all exist are
 * skipped unless {@code --overwrite} (so an interrupted run resumes), each file is written atomically, a failed sample
 * gets a summary line and a non-zero exit at the end instead of stopping the batch.
 *
 * <p>Output paths go to stdout; the engine, progress and summary to stderr. Descriptions of format 0.3 and 0.4 are
 * converted to 0.5 first, with a note on stderr.
 */
@Command(
        name = "predict",
        mixinStandardHelpOptions = true,
        description = "Run a model on input files (.npy, .tif, .png; folders, globs, @lists) and write its outputs.")
final class PredictCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SOURCE", description = "rdf.yaml, package folder, .zip or URL")
    String source;

    @Option(
            names = "--input",
            paramLabel = "ID=FILES",
            description = "an input tensor by id: a file, a folder, a glob (quote it) or @list.txt; repeat for several"
                    + " inputs (their files are paired by file name)")
    Map<String, String> inputs = new LinkedHashMap<>();

    @Option(
            names = "--inputs",
            paramLabel = "PATTERN",
            description = "the inputs of every sample as one folder, glob or @list, with {input_id} standing for each"
                    + " input's id when the model has several (as in bioimageio predict)")
    @Nullable
    String inputsPattern;

    @Option(names = "--output-dir", required = true, paramLabel = "DIR", description = "where outputs are written")
    Path outputDir;

    @Option(
            names = "--outputs",
            paramLabel = "PATTERN",
            description = "output path inside DIR with {sample_id} and {output_id}; its ending (.npy, .tif, .png) is"
                    + " the format; default {output_id}/{sample_id}.EXT for batches, {output_id}.EXT for one sample")
    @Nullable
    String outputsPattern;

    @Option(
            names = "--output-format",
            paramLabel = "EXT",
            defaultValue = "npy",
            description = "npy (default), tif or png, for the default output pattern")
    String outputFormat;

    @Option(
            names = "--overwrite",
            description = "predict samples whose outputs exist again (by default they are skipped, so a rerun resumes)")
    boolean overwrite;

    @Option(names = "--preview", description = "list the samples with their input and output files; predict nothing")
    boolean preview;

    @Option(
            names = "--input-axes",
            paramLabel = "[ID=]AXES",
            description = "the axes of the input files, one letter per dimension (b batch, c channel, t time, other"
                    + " letters space axes), e.g. zyx or czyx, or comma-separated axis ids; ID= for one input of"
                    + " several")
    List<String> inputAxes = new ArrayList<>();

    @Option(
            names = "--progress",
            paramLabel = "MODE",
            defaultValue = "auto",
            description = "auto (a bar on a terminal, else a line per tenth of the batch), bar, lines or none")
    String progress;

    @Option(
            names = "--no-overlap",
            description = "read, predict and write one sample after the other (slower; for comparison)")
    boolean noOverlap;

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

    @Option(
            names = "--block-batch",
            paramLabel = "N",
            description = "at most N blocks per engine call, stacked along the batch axis where the model's batch"
                    + " size is free and the memory budget allows (default "
                    + PredictionOptions.DEFAULT_BLOCK_BATCH
                    + "); 1: one call per block")
    Integer blockBatch;

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

    /** One sample: its id, its input file per input id and its output file per output id. */
    record Sample(String id, Map<String, Path> inputs, Map<String, Path> outputs) {}

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String ext = outputFormat.toLowerCase(Locale.ROOT);
        if (!List.of("npy", "tif", "png").contains(ext)) {
            throw usage("--output-format: found " + outputFormat + ", expected npy, tif or png");
        }
        ProgressReporter.Mode progressMode = progressMode();
        PredictionOptions.Builder options = PredictionOptions.builder().gpu(gpu).verifyHashes(!noVerifyHashes);
        if (weightFormat != null) {
            WeightsFormat f = WeightsFormat.fromId(weightFormat)
                    .orElseThrow(() -> usage("--weight-format: found " + weightFormat + ", expected one of "
                            + Arrays.toString(WeightsFormat.values())));
            options.weightsPriority(List.of(f));
        }
        if (!block.isEmpty()) {
            options.tiling(Tiling.blockShape(block));
        }
        if (blockBatch != null) {
            if (blockBatch < 1) {
                throw usage("--block-batch: found " + blockBatch + ", expected 1 or more");
            }
            options.blockBatch(blockBatch);
        }
        if (inputs.isEmpty() && inputsPattern == null) {
            throw usage("give the inputs with --input ID=FILES or --inputs PATTERN");
        }
        if (!inputs.isEmpty() && inputsPattern != null) {
            throw usage("give the inputs with --input or with --inputs, not both");
        }
        try (ResourceRoot root = ResourceRoot.open(source, sourceOptions.settings())) {
            LoadResult loaded = ModelSource.load(root);
            ModelDescr model = loaded.requireModel();
            if (loaded.converted()) {
                err.println(ModelSource.conversionNote(loaded, model));
            }
            Map<String, String> specs = inputSpecs(model);
            Map<String, String> axes = inputAxes(model);
            boolean single = inputsPattern == null
                    && outputsPattern == null
                    && specs.values().stream().allMatch(InputFiles::isSingleFile);
            OutputPattern pattern;
            try {
                pattern = OutputPattern.of(
                        outputsPattern != null
                                ? outputsPattern
                                : single ? OutputPattern.OUTPUT_ID + "." + ext : "{output_id}/{sample_id}." + ext,
                        outputDir);
            } catch (IllegalArgumentException e) {
                throw usage(e.getMessage());
            }
            List<SampleFailure> unpaired = new ArrayList<>();
            List<Sample> samples;
            try {
                samples = single ? List.of(singleSample(specs)) : samples(model, specs, unpaired);
                pattern.checkDistinct(samples.size(), model.outputs().size());
            } catch (NoSuchFileException e) {
                throw usage(e.getFile() + ": " + (e.getReason() != null ? e.getReason() : "no such file"));
            } catch (IOException | IllegalArgumentException e) {
                throw usage(e.getMessage());
            }
            List<Sample> planned = new ArrayList<>();
            for (Sample s : samples) {
                planned.add(withOutputs(s, model, pattern));
            }
            List<Sample> todo = new ArrayList<>();
            int skipped = 0;
            for (Sample s : planned) {
                if (!single && !overwrite && s.outputs().values().stream().allMatch(Files::isRegularFile)) {
                    skipped++;
                } else {
                    todo.add(s);
                }
            }
            if (preview) {
                preview(out, planned, todo);
                return ExitCodes.OK;
            }
            if (noVerifyHashes) {
                err.println("warning: --no-verify-hashes: the sha256 of the weights is not checked; a file that differs"
                        + " from the one the description pins may be run");
            }
            options.progress(single ? blockLines(err) : ProgressListener.NONE);
            try (PredictionPipeline p = PredictionPipeline.create(model, root, options.build())) {
                for (String s : p.skippedWeights()) {
                    err.println("note: not using " + s + "; falling back to " + p.weightsFormat());
                }
                err.println("running " + p.weightsFormat() + " weights on " + p.engineName() + " " + p.engineVersion()
                        + " " + p.device());
                if (!single) {
                    err.println("predicting " + todo.size() + " of " + planned.size() + " samples"
                            + (skipped > 0
                                    ? "; skipping " + skipped + " whose outputs exist (--overwrite to redo them)"
                                    : ""));
                }
                err.flush();
                ProgressReporter reporter =
                        new ProgressReporter(err, single ? ProgressReporter.Mode.NONE : progressMode, System::nanoTime);
                BatchSummary summary = BatchPrediction.<Sample>builder()
                        .sampleId(Sample::id)
                        .reader(s -> read(model, axes, s))
                        .predictor(p::predict)
                        .writer((s, outputs) -> write(out, s, outputs, pattern.extension()))
                        .listener(reporter)
                        .overlap(!noOverlap && !single)
                        .build()
                        .run(todo);
                reporter.finish();
                return report(err, single, summary, unpaired, skipped);
            }
        } catch (InferenceException | DescriptionException | UnsafeReferenceException e) {
            return failed(err, e);
        }
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }

    private int failed(PrintWriter err, Exception e) {
        err.println("error: " + e.getMessage());
        if (verbose) {
            e.printStackTrace(err);
        }
        err.flush();
        return ExitCodes.FAILED;
    }

    private ProgressReporter.Mode progressMode() {
        switch (progress.toLowerCase(Locale.ROOT)) {
            case "auto":
                return ProgressReporter.auto();
            case "bar":
                return ProgressReporter.Mode.BAR;
            case "lines":
                return ProgressReporter.Mode.LINES;
            case "none":
                return ProgressReporter.Mode.NONE;
            default:
                throw usage("--progress: found " + progress + ", expected auto, bar, lines or none");
        }
    }

    private static ProgressListener blockLines(PrintWriter err) {
        return (done, total) -> {
            if (total > 1) {
                err.println("block " + done + "/" + total);
                err.flush();
            }
        };
    }

    /** The spec of each given input, checked against the model's input ids. */
    private Map<String, String> inputSpecs(ModelDescr model) throws InvalidInputException {
        List<String> ids = model.inputs().stream().map(InputTensorDescr::id).toList();
        Map<String, String> specs = new LinkedHashMap<>();
        if (inputsPattern != null) {
            if (ids.size() > 1 && !inputsPattern.contains("{input_id}")) {
                throw usage("--inputs: " + inputsPattern + " has no {input_id}, but the model has inputs " + ids
                        + "; put {input_id} where each input's id goes (for example data/{input_id}/*.tif)");
            }
            for (InputTensorDescr in : model.inputs()) {
                String s = inputsPattern.replace("{input_id}", in.id());
                if (in.optional() && ids.size() > 1 && !exists(s)) {
                    continue;
                }
                specs.put(in.id(), s);
            }
            return specs;
        }
        for (String id : inputs.keySet()) {
            if (!ids.contains(id)) {
                throw new InvalidInputException(id, null, "unknown input '" + id + "'; the model's inputs are " + ids);
            }
        }
        specs.putAll(inputs);
        return specs;
    }

    private static boolean exists(String spec) {
        try {
            return !InputFiles.expand(spec).isEmpty();
        } catch (IOException e) {
            return false;
        }
    }

    /** The {@code --input-axes} per input id. */
    private Map<String, String> inputAxes(ModelDescr model) {
        List<String> ids = model.inputs().stream().map(InputTensorDescr::id).toList();
        Map<String, String> axes = new LinkedHashMap<>();
        for (String a : inputAxes) {
            int eq = a.indexOf('=');
            if (eq < 0) {
                if (ids.size() > 1) {
                    throw usage("--input-axes: found " + a + " for a model with inputs " + ids
                            + "; expected ID=AXES for each input");
                }
                axes.put(ids.get(0), a);
            } else {
                String id = a.substring(0, eq);
                if (!ids.contains(id)) {
                    throw usage("--input-axes: unknown input '" + id + "'; the model's inputs are " + ids);
                }
                axes.put(id, a.substring(eq + 1));
            }
        }
        return axes;
    }

    private static Sample singleSample(Map<String, String> specs) {
        Map<String, Path> files = new LinkedHashMap<>();
        specs.forEach((id, s) -> files.put(id, Path.of(s)));
        return new Sample(InputFiles.sampleId(files.values().iterator().next()), files, Map.of());
    }

    /**
     * Pairs the inputs' files into samples by sample id; a sample that lacks a required input becomes a failure
     * instead of stopping the batch.
     */
    private static List<Sample> samples(ModelDescr model, Map<String, String> specs, List<SampleFailure> unpaired)
            throws IOException {
        Map<String, Map<String, Path>> bySample = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : specs.entrySet()) {
            Map<String, Path> seen = new LinkedHashMap<>();
            for (Path f : InputFiles.expand(e.getValue())) {
                String id = InputFiles.sampleId(f);
                Path before = seen.put(id, f);
                if (before != null) {
                    throw new IllegalArgumentException("input '" + e.getKey() + "': " + before + " and " + f
                            + " both give sample id '" + id + "'; sample ids (file names without their ending) must"
                            + " be unique");
                }
                bySample.computeIfAbsent(id, k -> new LinkedHashMap<>()).put(e.getKey(), f);
            }
        }
        List<Sample> samples = new ArrayList<>();
        for (Map.Entry<String, Map<String, Path>> e : bySample.entrySet()) {
            String missing = null;
            for (InputTensorDescr in : model.inputs()) {
                if (!in.optional() && !e.getValue().containsKey(in.id())) {
                    missing = in.id();
                    break;
                }
            }
            if (missing != null) {
                String message = "no file for input '" + missing + "' (" + specs.get(missing) + ") has sample id '"
                        + e.getKey() + "'; given " + e.getValue().values();
                unpaired.add(new SampleFailure(
                        e.getKey(), SampleFailure.Stage.READ, message, new NoSuchFileException(message)));
            } else {
                samples.add(new Sample(e.getKey(), e.getValue(), Map.of()));
            }
        }
        return samples;
    }

    private static Sample withOutputs(Sample s, ModelDescr model, OutputPattern pattern)
            throws UnsafeReferenceException {
        Map<String, Path> files = new LinkedHashMap<>();
        for (OutputTensorDescr o : model.outputs()) {
            files.put(o.id(), pattern.resolve(s.id(), o.id()));
        }
        return new Sample(s.id(), s.inputs(), files);
    }

    private static void preview(PrintWriter out, List<Sample> planned, List<Sample> todo) {
        for (Sample s : planned) {
            StringBuilder sb = new StringBuilder(s.id());
            s.inputs().forEach((id, f) -> sb.append('\t').append(id).append('=').append(f));
            s.outputs()
                    .forEach((id, f) -> sb.append('\t').append(id).append('=').append(f));
            if (!todo.contains(s)) {
                sb.append("\t(outputs exist: skipped)");
            }
            out.println(sb);
        }
        out.flush();
    }

    /** Reads a sample's files, naming their axes after the model's inputs. */
    private static Map<String, Tensor> read(ModelDescr model, Map<String, String> axes, Sample s)
            throws IOException, InvalidInputException {
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        for (Map.Entry<String, Path> e : s.inputs().entrySet()) {
            InputTensorDescr in = model.inputs().stream()
                    .filter(d -> d.id().equals(e.getKey()))
                    .findFirst()
                    .orElseThrow();
            Path file = e.getValue();
            boolean npy = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".npy");
            Tensor raw = npy ? Npy.read(file) : Images.read(file, InputAxes.PAGE_AXIS);
            String given = axes.get(in.id());
            Tensor t;
            if (given != null) {
                t = InputAxes.named(raw, given, in, file.toString());
            } else {
                try {
                    t = npy ? InputAxes.ofArray(raw, in, file.toString()) : InputAxes.ofImage(raw, in, file.toString());
                } catch (InvalidInputException unnamed) {
                    throw new InvalidInputException(
                            in.id(), null, unnamed.getMessage() + "; --input-axes names the file's axes");
                }
            }
            tensors.put(in.id(), t);
        }
        return tensors;
    }

    /** Writes a sample's outputs, each atomically, and lists them on stdout. */
    private static void write(PrintWriter out, Sample s, Map<String, Tensor> outputs, String ext) throws IOException {
        for (Map.Entry<String, Path> e : s.outputs().entrySet()) {
            Tensor t = outputs.get(e.getKey());
            Path file = e.getValue();
            if (ext.equals("npy")) {
                Npy.write(t, file);
            } else {
                Images.write(t, file);
            }
            synchronized (out) {
                out.println(e.getKey() + "\t" + file + "\t" + t.dtype() + " " + Arrays.toString(t.shape()) + " "
                        + t.axes());
            }
        }
    }

    private int report(PrintWriter err, boolean single, BatchSummary summary, List<SampleFailure> unpaired, int skipped)
            throws IOException {
        if (single) {
            if (!summary.failures().isEmpty()) {
                SampleFailure f = summary.failures().get(0);
                if (f.stage() == SampleFailure.Stage.READ && f.cause() instanceof IOException) {
                    throw (IOException) f.cause(); // an unreadable input file is a usage error (exit 2)
                }
                return failed(err, f.cause());
            }
            return ExitCodes.OK;
        }
        int failed = summary.failures().size() + unpaired.size();
        double seconds = summary.elapsed().toNanos() / 1e9;
        err.println(String.format(
                Locale.ROOT,
                "done: %d written, %d failed, %d skipped (outputs exist) in %.1f s (%.2f samples/s)",
                summary.written(),
                failed,
                skipped,
                seconds,
                seconds > 0 ? summary.written() / seconds : 0));
        for (SampleFailure f : unpaired) {
            err.println(f.summaryLine());
        }
        for (SampleFailure f : summary.failures()) {
            err.println(f.summaryLine());
            if (verbose) {
                f.cause().printStackTrace(err);
            }
        }
        err.flush();
        return failed > 0 || summary.cancelled() ? ExitCodes.FAILED : ExitCodes.OK;
    }
}
