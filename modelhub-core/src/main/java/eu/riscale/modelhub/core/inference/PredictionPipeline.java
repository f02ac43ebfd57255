package eu.riscale.modelhub.core.inference;

import eu.riscale.modelhub.core.inference.internal.DjlRunner;
import eu.riscale.modelhub.core.inference.internal.NativeArray;
import eu.riscale.modelhub.core.op.Op;
import eu.riscale.modelhub.core.op.Processing;
import eu.riscale.modelhub.core.op.ProcessingChain;
import eu.riscale.modelhub.core.resource.ResourceRoot;
import eu.riscale.modelhub.core.stats.Measure;
import eu.riscale.modelhub.core.stats.SampleStatistics;
import eu.riscale.modelhub.core.stats.Statistics;
import eu.riscale.modelhub.core.tensor.Sample;
import eu.riscale.modelhub.core.tensor.Tensor;
import eu.riscale.modelhub.spec.ModelDescr;
import eu.riscale.modelhub.spec.tensor.InputTensorDescr;
import eu.riscale.modelhub.spec.tensor.OutputTensorDescr;
import eu.riscale.modelhub.spec.weights.WeightsFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;

/**
 * Runs a model description on samples: loads its weights once, then for each sample checks and arranges the inputs,
 * applies the effective preprocessing to the whole sample (statistics from the whole sample), runs the network on the
 * whole sample or on blocks with halo, stitches the blocks' inner regions, and applies the postprocessing to the
 * stitched outputs.
 *
 * <pre>{@code
 * ModelDescr model = Descriptions.read(folder.resolve("rdf.yaml"));
 * try (PredictionPipeline p = PredictionPipeline.create(model, folder, PredictionOptions.defaults())) {
 *     Map<String, Tensor> out = p.predict(Map.of("raw", Npy.read(image, List.of("y", "x"))));
 *     Tensor probability = out.get("probability"); // axes batch, channel, y, x
 * }
 * }</pre>
 *
 * <p>Thread-safety: a pipeline is thread-safe; threads may call {@link #predict} concurrently and share the loaded
 * model (each call uses its own DJL predictor and native memory scope, freed before the call returns). No native
 * array escapes a call. Descriptions with dataset-scope statistics update a running aggregate that is shared (and
 * synchronised) across calls. {@link #close()} frees the native model; it must not run while predictions are in
 * flight.
 */
public final class PredictionPipeline implements AutoCloseable {
    private final ModelDescr model;
    private final PredictionOptions options;
    private final DjlRunner runner;
    private final WeightsFormat format;
    private final @Nullable Path temporaryWeights;
    private final List<String> skippedWeights;
    private final InputLayout layout;
    private final ProcessingChain pre;
    private final ProcessingChain post;
    private final Set<Measure> postMeasuresOfInputs;
    private final AtomicBoolean closed = new AtomicBoolean();

    private PredictionPipeline(
            ModelDescr model, PredictionOptions options, WeightsSelection.Loaded loaded, InputLayout layout) {
        this.model = model;
        this.options = options;
        this.runner = loaded.runner();
        this.format = loaded.format();
        this.temporaryWeights = loaded.temporary();
        this.skippedWeights = List.copyOf(loaded.skipped());
        this.layout = layout;
        this.pre = Processing.preprocessing(model);
        this.post = Processing.postprocessing(model);
        Set<String> inputIds = new LinkedHashSet<>(ModelAxes.inputIds(model));
        Set<Measure> m = new LinkedHashSet<>();
        for (Measure ms : post.requiredMeasures()) {
            if (inputIds.contains(ms.tensorId()) && ms.scope() == Measure.Scope.SAMPLE) {
                m.add(ms);
            }
        }
        this.postMeasuresOfInputs = Set.copyOf(m);
    }

    /**
     * Loads a model whose files resolve against a resource root (folder, zip or URL).
     *
     * @param model the description
     * @param root where its files are
     * @param options weights priority, device, tiling, progress and cancellation
     * @return the pipeline; close it to free native memory
     * @throws UnsupportedWeightsException when no weights of the priority list can run, listing what the description
     *     offers and each failure
     * @throws UnsupportedProcessingException when a postprocessing step is one this SDK does not run, naming it and
     *     what it needs
     */
    public static PredictionPipeline create(ModelDescr model, ResourceRoot root, PredictionOptions options)
            throws UnsupportedWeightsException, UnsupportedProcessingException {
        return create(model, WeightsSelection.of(root), options);
    }

    /**
     * Loads a model whose files are in a local folder.
     *
     * @param model the description
     * @param folder the folder its relative file references resolve against
     * @param options weights priority, device, tiling, progress and cancellation
     * @return the pipeline; close it to free native memory
     * @throws UnsupportedWeightsException when no weights of the priority list can run
     * @throws UnsupportedProcessingException when a postprocessing step is one this SDK does not run
     */
    public static PredictionPipeline create(ModelDescr model, Path folder, PredictionOptions options)
            throws UnsupportedWeightsException, UnsupportedProcessingException {
        return create(model, WeightsSelection.of(folder), options);
    }

    private static PredictionPipeline create(
            ModelDescr model, WeightsSelection.WeightsFiles files, PredictionOptions options)
            throws UnsupportedWeightsException, UnsupportedProcessingException {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(options, "options");
        Optional<String> unsupported = Processing.unsupported(model);
        if (unsupported.isPresent()) {
            throw new UnsupportedProcessingException(unsupported.get());
        }
        InputLayout layout = new InputLayout(model);
        List<WeightsFormat> priority = options.weightsPriorityIsSet()
                ? options.weightsPriority()
                : WeightsOrder.fastestFirst(WeightsOrder.device(options.gpu(), WeightsSelection::gpuCount));
        WeightsSelection.Loaded loaded =
                WeightsSelection.load(model, files, priority, options.gpu(), options.verifyHashes());
        try {
            return new PredictionPipeline(model, options, loaded, layout);
        } catch (RuntimeException e) {
            loaded.runner().close();
            throw e;
        }
    }

    /** {@return the description this pipeline runs} */
    public ModelDescr model() {
        return model;
    }

    /**
     * {@return the weights formats earlier in the priority order that were not used, each with the reason, for example
     * {@code torchscript: cannot load weights.pt with PyTorch: ...}; empty when the first choice runs}
     */
    public List<String> skippedWeights() {
        return skippedWeights;
    }

    /** {@return the weights format that was loaded} */
    public WeightsFormat weightsFormat() {
        return format;
    }

    /** {@return the DJL engine running the weights: {@code PyTorch} or {@code OnnxRuntime}} */
    public String engineName() {
        return runner.engine().djlName();
    }

    /** {@return the engine's native version, for example {@code 2.7.1}} */
    public String engineVersion() {
        return runner.engineVersion();
    }

    /** {@return the device in DJL's notation: {@code cpu()} or {@code gpu(0)}} */
    public String device() {
        return runner.device();
    }

    /** {@return the options this pipeline was created with} */
    public PredictionOptions options() {
        return options;
    }

    /**
     * Predicts one sample.
     *
     * @param sample the inputs
     * @return the outputs
     * @throws InferenceException as {@link #predict(Map)}
     */
    public Sample predict(Sample sample) throws InferenceException {
        return Sample.of(predict(sample.tensors()));
    }

    /**
     * Predicts one sample given as tensors by input id. Tensors may have their axes in any order and may leave out
     * axes of size 1 that the model allows to be 1 (batch, a single channel); extra axes of size 1 are dropped.
     *
     * @param inputs tensors by input id; optional inputs may be absent
     * @return the outputs by output id, with the model's axis ids and order, postprocessed
     * @throws InvalidInputException for unknown or missing inputs, axes the model does not have, wrong channel counts,
     *     sizes the description does not allow (with {@link Tiling#none()}, or block sizes that do not fit), or inputs
     *     the network rejects
     * @throws PredictionCancelledException when the cancellation was set or the thread interrupted between blocks
     * @throws InferenceException when the network fails or returns outputs that do not fit the description
     */
    public Map<String, Tensor> predict(Map<String, Tensor> inputs) throws InferenceException {
        return predict(inputs, options.tiling());
    }

    /**
     * Predicts one sample with a tiling other than the one of the {@link #options()}; see {@link #predict(Map)}.
     *
     * @param inputs tensors by input id; optional inputs may be absent
     * @param tiling how to split the sample for this call
     * @return the outputs by output id
     * @throws InferenceException as {@link #predict(Map)}
     */
    public Map<String, Tensor> predict(Map<String, Tensor> inputs, Tiling tiling) throws InferenceException {
        Objects.requireNonNull(tiling, "tiling");
        checkOpen();
        Map<String, Tensor> arranged = layout.arrange(inputs);
        layout.checkChannels(arranged);
        InvalidInputException sizeProblem = layout.sizeProblem(arranged);
        boolean tiled;
        if (tiling instanceof Tiling.None) {
            if (sizeProblem != null) {
                throw sizeProblem;
            }
            tiled = false;
        } else if (tiling instanceof Tiling.Auto) {
            tiled = sizeProblem != null || bytes(arranged) > options.memoryBudget();
        } else {
            tiled = true;
        }
        if (tiled) {
            TiledPrediction t = tiled(arranged, tiling);
            BlockBatching.run(t, this::run, options.blockBatch(), options.memoryBudget(), steps());
            return t.finish();
        }
        Sample raw = Sample.of(arranged);
        Statistics known = SampleStatistics.compute(raw, postMeasuresOfInputs);
        // the preprocessed sample dies inside networkOutputs: postprocessing does not hold it
        return postprocess(networkOutputs(raw), known);
    }

    /**
     * Starts a tiled prediction of one sample whose blocks the caller runs, for example on other machines: the
     * inputs are checked, arranged and preprocessed as a whole here, and split into blocks by the options' tiling
     * ({@link Tiling#auto()}: blocks under the memory budget, one block when the sample fits). Each block then goes
     * through {@link #predictBlock} (on this pipeline or on another one of the same description) and back into
     * {@link TiledPrediction#putBlockOutputs}; {@link TiledPrediction#finish()} stitches and postprocesses. The result
     * equals {@link #predict(Map)} with the same tiling (within float tolerance where that batches blocks).
     *
     * @param inputs tensors by input id, as for {@link #predict(Map)}
     * @return the planned prediction, holding the preprocessed sample until it is finished
     * @throws IllegalStateException when the options' tiling is {@link Tiling#none()}
     * @throws InvalidInputException as {@link #predict(Map)}, and for block sizes that do not fit
     * @throws InferenceException when an output cannot be stitched from blocks
     */
    public TiledPrediction tile(Map<String, Tensor> inputs) throws InferenceException {
        checkOpen();
        Tiling tiling = options.tiling();
        if (tiling instanceof Tiling.None) {
            throw new IllegalStateException("tile: these options have Tiling.none(); give another tiling");
        }
        Map<String, Tensor> arranged = layout.arrange(inputs);
        layout.checkChannels(arranged);
        return tiled(arranged, tiling);
    }

    private TiledPrediction tiled(Map<String, Tensor> arranged, Tiling tiling) throws InferenceException {
        Sample raw = Sample.of(arranged);
        Statistics known = SampleStatistics.compute(raw, postMeasuresOfInputs);
        Map<String, int[]> shapes = layout.blockShapes(arranged, tiling, options.memoryBudget());
        return new TiledPrediction(this, layout, preprocess(raw).tensors(), shapes, known);
    }

    /**
     * Runs the network alone on one block of a {@link TiledPrediction}: no checks of sizes, no pre- or
     * postprocessing.
     *
     * @param blockInputs the block's preprocessed inputs by id, as {@link TiledPrediction#blockInputs(int)} gives them
     *     (each with the model's axis ids in the model's order)
     * @return the network's outputs by output id, with the model's axis ids
     * @throws InvalidInputException for unknown inputs, axes other than the model's, or inputs the network rejects
     * @throws InferenceException when the network fails or returns outputs that do not fit the description
     */
    public Map<String, Tensor> predictBlock(Map<String, Tensor> blockInputs) throws InferenceException {
        checkOpen();
        for (Map.Entry<String, Tensor> e : blockInputs.entrySet()) {
            if (!ModelAxes.inputIds(model).contains(e.getKey())) {
                throw new InvalidInputException(
                        e.getKey(),
                        null,
                        "unknown input '" + e.getKey() + "', expected one of " + ModelAxes.inputIds(model));
            }
            List<String> axes = ModelAxes.ids(ModelAxes.input(model, e.getKey()).axes());
            if (!e.getValue().axes().equals(axes)) {
                throw new InvalidInputException(
                        e.getKey(),
                        null,
                        "block of input '" + e.getKey() + "': found axes "
                                + e.getValue().axes() + ", expected " + axes);
            }
        }
        return run(blockInputs);
    }

    private void checkOpen() {
        if (closed.get()) {
            throw new IllegalStateException("pipeline is closed");
        }
    }

    /** The effective preprocessing of the whole sample. */
    Sample preprocess(Sample raw) throws InvalidInputException {
        try {
            return pre.apply(raw);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(null, null, "preprocessing failed: " + e.getMessage());
        }
    }

    /** The effective postprocessing of whole network outputs; {@code known} holds the raw inputs' statistics. */
    Map<String, Tensor> postprocess(Map<String, Tensor> raws, Statistics known) throws InferenceException {
        Sample out;
        try {
            out = post.apply(Sample.of(raws), known);
        } catch (IllegalArgumentException e) {
            throw new InferenceException("postprocessing failed: " + e.getMessage(), e);
        }
        Map<String, Tensor> result = new LinkedHashMap<>();
        for (OutputTensorDescr o : model.outputs()) {
            result.put(o.id(), out.tensor(o.id()));
        }
        return result;
    }

    /** Preprocesses the whole sample and runs the network on it. */
    private Map<String, Tensor> networkOutputs(Sample raw) throws InferenceException {
        Sample ready = preprocess(raw);
        checkCancelled(0, 1);
        Map<String, Tensor> out = run(ready.tensors());
        options.progress().blockDone(1, 1);
        return out;
    }

    private static long bytes(Map<String, Tensor> sample) {
        long total = 0;
        for (Tensor t : sample.values()) {
            total += (long) t.size() * t.dtype().byteSize();
        }
        return total;
    }

    private BlockBatching.Steps steps() {
        return new BlockBatching.Steps() {
            @Override
            public void before(int done, int total) throws PredictionCancelledException {
                checkCancelled(done, total);
            }

            @Override
            public void blockDone(int done, int total) {
                options.progress().blockDone(done, total);
            }
        };
    }

    private void checkCancelled(int done, int total) throws PredictionCancelledException {
        if (options.cancellation().isCancelled() || Thread.currentThread().isInterrupted()) {
            throw new PredictionCancelledException("prediction cancelled after " + done + " of " + total + " blocks");
        }
    }

    /** Runs the network once on tensors in the model's axis order; returns outputs with the model's axis ids. */
    private Map<String, Tensor> run(Map<String, Tensor> ready) throws InferenceException {
        List<NativeArray> in = new ArrayList<>();
        boolean gap = false;
        for (InputTensorDescr d : model.inputs()) {
            Tensor t = ready.get(d.id());
            if (t == null) {
                gap = true;
                continue;
            }
            if (gap) {
                throw new InvalidInputException(
                        d.id(),
                        null,
                        "an optional input before input '" + d.id()
                                + "' is absent; the engines take inputs by position, so only trailing optional inputs may"
                                + " be left out");
            }
            in.add(NativeTensors.toNative(t));
        }
        List<NativeArray> out;
        try {
            out = runner.predict(in);
        } catch (IOException e) {
            throw rejected(ready, e);
        }
        if (out.size() != model.outputs().size()) {
            throw new InferenceException("the network returned " + out.size() + " outputs, the description declares "
                    + model.outputs().size() + " " + ModelAxes.outputIds(model));
        }
        Map<String, Tensor> result = new LinkedHashMap<>();
        for (int i = 0; i < out.size(); i++) {
            OutputTensorDescr d = model.outputs().get(i);
            List<String> axes = ModelAxes.ids(d.axes());
            NativeArray a = out.get(i);
            if (a.shape().length != axes.size()) {
                throw new InferenceException("output '" + d.id() + "': the network returned shape "
                        + Arrays.toString(a.shape()) + ", expected one size per axis " + axes);
            }
            result.put(d.id(), NativeTensors.fromNative(a, axes));
        }
        return result;
    }

    private InvalidInputException rejected(Map<String, Tensor> ready, IOException e) {
        StringBuilder sb = new StringBuilder("the network rejected the inputs (");
        String hint = "";
        String first = null;
        for (InputTensorDescr d : model.inputs()) {
            Tensor t = ready.get(d.id());
            if (t == null) {
                continue;
            }
            if (first == null) {
                first = d.id();
            } else {
                sb.append(", ");
            }
            sb.append(d.id()).append(": ").append(t.dtype()).append(' ').append(Arrays.toString(t.shape()));
            if (!t.dtype().isFloatingPoint() && hint.isEmpty()) {
                List<Op> ops = Processing.effectivePreprocessing(d);
                hint = "; input '" + d.id() + "' reaches the network as " + t.dtype() + " after preprocessing ("
                        + ops.get(ops.size() - 1) + "), most networks need float32: end its preprocessing with"
                        + " ensure_dtype float32";
            }
        }
        sb.append(" after preprocessing): ").append(e.getMessage()).append(hint);
        return new InvalidInputException(first, null, sb.toString());
    }

    /** Frees the native model and any temporary weights copy; idempotent. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            runner.close();
            if (temporaryWeights != null) {
                try {
                    Files.deleteIfExists(temporaryWeights);
                } catch (IOException ignored) {
                    // a leftover temporary file is harmless
                }
            }
        }
    }

    @Override
    public String toString() {
        return "PredictionPipeline[" + model.name() + ", " + format + " on " + engineName() + " " + device() + "]";
    }
}
