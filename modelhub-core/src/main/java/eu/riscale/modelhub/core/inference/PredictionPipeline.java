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
import eu.riscale.modelhub.core.tensor.PadMode;
import eu.riscale.modelhub.core.tensor.Sample;
import eu.riscale.modelhub.core.tensor.Tensor;
import eu.riscale.modelhub.core.tensor.internal.Storage;
import eu.riscale.modelhub.spec.ModelDescr;
import eu.riscale.modelhub.spec.axis.BatchAxis;
import eu.riscale.modelhub.spec.axis.DataDependentSize;
import eu.riscale.modelhub.spec.axis.InputAxis;
import eu.riscale.modelhub.spec.axis.OutputAxis;
import eu.riscale.modelhub.spec.axis.OutputSize;
import eu.riscale.modelhub.spec.axis.SizeReference;
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
        if (closed.get()) {
            throw new IllegalStateException("pipeline is closed");
        }
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
        Sample raw = Sample.of(arranged);
        Statistics known = SampleStatistics.compute(raw, postMeasuresOfInputs);
        // the preprocessed sample dies inside networkOutputs: postprocessing does not hold it
        Map<String, Tensor> raws =
                networkOutputs(raw, tiled ? layout.blockShapes(arranged, tiling, options.memoryBudget()) : null);
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

    /** Preprocesses the whole sample and runs the network on it, or on blocks of the given shapes. */
    private Map<String, Tensor> networkOutputs(Sample raw, @Nullable Map<String, int[]> blocks)
            throws InferenceException {
        Sample ready;
        try {
            ready = pre.apply(raw);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(null, null, "preprocessing failed: " + e.getMessage());
        }
        if (blocks != null) {
            return predictBlocks(ready.tensors(), blocks);
        }
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

    private Map<String, Tensor> predictBlocks(Map<String, Tensor> ready, Map<String, int[]> blockShapes)
            throws InferenceException {
        // segments per input and axis
        Map<String, List<List<Segment>>> segs = new LinkedHashMap<>();
        Map<String, Integer> counts = new LinkedHashMap<>();
        int total = 1;
        for (Map.Entry<String, Tensor> e : ready.entrySet()) {
            String id = e.getKey();
            Tensor t = e.getValue();
            InputTensorDescr d = ModelAxes.input(model, id);
            int[] block = blockShapes.get(id);
            List<List<Segment>> perAxis = new ArrayList<>();
            int n = 1;
            for (int i = 0; i < block.length; i++) {
                String axis = d.axes().get(i).id();
                int h = layout.halo(id, axis);
                if (block[i] - 2 * h < 1) {
                    throw new InvalidInputException(
                            id,
                            axis,
                            "block size of input '" + id + "' axis '" + axis
                                    + "': found " + block[i] + ", which leaves no inner region inside the halo of " + h
                                    + " on each side; expected more than " + 2 * h);
                }
                List<Segment> s = Segment.split(t.size(axis), block[i], h);
                perAxis.add(s);
                n = Math.multiplyExact(n, s.size());
            }
            segs.put(id, perAxis);
            counts.put(id, n);
            if (n > 1) {
                if (total > 1 && total != n) {
                    throw new InvalidInputException(
                            id,
                            null,
                            "inputs split into different numbers of blocks " + counts
                                    + "; give block shapes that split them alike");
                }
                total = n;
            }
        }
        Map<String, Stitch> stitches = new LinkedHashMap<>();
        for (OutputTensorDescr o : model.outputs()) {
            stitches.put(o.id(), stitch(o, ready, segs, total));
        }
        for (int k = 0; k < total; k++) {
            checkCancelled(k, total);
            Map<String, Tensor> blockIn = new LinkedHashMap<>();
            for (Map.Entry<String, Tensor> e : ready.entrySet()) {
                String id = e.getKey();
                List<List<Segment>> perAxis = segs.get(id);
                int index = counts.get(id) == 1 ? 0 : k;
                blockIn.put(id, extract(e.getValue(), perAxis, select(perAxis, index)));
            }
            Map<String, Tensor> blockOut = run(blockIn);
            for (OutputTensorDescr o : model.outputs()) {
                stitches.get(o.id()).write(blockOut.get(o.id()), k);
            }
            options.progress().blockDone(k + 1, total);
        }
        Map<String, Tensor> result = new LinkedHashMap<>();
        stitches.forEach((id, s) -> result.put(id, s.result()));
        return result;
    }

    /** Row-major block index to per-axis segment indices. */
    private static int[] select(List<List<Segment>> perAxis, int index) {
        int[] idx = new int[perAxis.size()];
        int rest = index;
        for (int i = perAxis.size() - 1; i >= 0; i--) {
            int n = perAxis.get(i).size();
            idx[i] = rest % n;
            rest /= n;
        }
        return idx;
    }

    /** Cuts one block out of a tensor, reflect-padding where it reaches past the borders. */
    private static Tensor extract(Tensor t, List<List<Segment>> perAxis, int[] idx) {
        Tensor b = t;
        List<String> axes = t.axes();
        for (int i = 0; i < idx.length; i++) {
            Segment s = perAxis.get(i).get(idx[i]);
            int n = t.size(axes.get(i));
            if (!s.whole(n)) {
                b = b.crop(axes.get(i), Math.max(0, s.outerStart()), Math.min(n, s.outerStart() + s.size()));
            }
        }
        for (int i = 0; i < idx.length; i++) {
            Segment s = perAxis.get(i).get(idx[i]);
            int n = t.size(axes.get(i));
            int before = Math.max(0, -s.outerStart());
            int after = Math.max(0, s.outerStart() + s.size() - n);
            if (before > 0 || after > 0) {
                b = b.pad(axes.get(i), before, after, PadMode.REFLECT, 0);
            }
        }
        return b;
    }

    /** How one output axis is assembled from blocks. */
    private record AxisPlan(@Nullable String inputId, int inputAxis, double factor) {
        boolean stitched() {
            return inputId != null;
        }
    }

    private Stitch stitch(
            OutputTensorDescr o, Map<String, Tensor> ready, Map<String, List<List<Segment>>> segs, int total)
            throws InferenceException {
        List<AxisPlan> plans = new ArrayList<>();
        for (OutputAxis axis : o.axes()) {
            AxisPlan plan = new AxisPlan(null, -1, 1);
            OutputSize size = ModelAxes.size(axis);
            if (size instanceof DataDependentSize && total > 1) {
                throw new InferenceException("output '" + o.id() + "' axis '" + axis.id()
                        + "' has a data-dependent size, so its blocks cannot be stitched; predict without tiling");
            }
            String inputId = null;
            InputAxis inAxis = null;
            int offset = 0;
            if (size instanceof SizeReference) {
                SizeReference ref = (SizeReference) size;
                inputId = ref.tensorId();
                inAxis = ModelAxes.inputAxis(ModelAxes.input(model, inputId), ref.axisId());
                offset = ref.offset();
            } else if (axis instanceof BatchAxis) {
                for (InputTensorDescr d : model.inputs()) {
                    for (InputAxis a : d.axes()) {
                        if (a instanceof BatchAxis && inputId == null && ready.containsKey(d.id())) {
                            inputId = d.id();
                            inAxis = a;
                        }
                    }
                }
            }
            if (inputId != null && inAxis != null && ready.containsKey(inputId)) {
                List<InputAxis> inAxes = ModelAxes.input(model, inputId).axes();
                int i = inAxes.indexOf(inAxis);
                List<Segment> s = segs.get(inputId).get(i);
                int n = ready.get(inputId).size(inAxis.id());
                if (!(s.size() == 1 && s.get(0).whole(n))) {
                    if (offset != 0) {
                        throw new InferenceException("output '" + o.id() + "' axis '" + axis.id()
                                + "' has a size reference with offset " + offset + ", so blocks of input '" + inputId
                                + "' axis '" + inAxis.id() + "' cannot be mapped onto it; predict without tiling");
                    }
                    plan = new AxisPlan(inputId, i, ModelAxes.scale(inAxis) / ModelAxes.scale(axis));
                }
            }
            plans.add(plan);
        }
        return new Stitch(o, plans, segs, ready);
    }

    /** Collects the inner regions of the output blocks of one output. Not thread-safe; one per prediction. */
    private static final class Stitch {
        private final OutputTensorDescr output;
        private final List<AxisPlan> plans;
        private final Map<String, List<List<Segment>>> segs;
        private final Map<String, Tensor> ready;
        private @Nullable Tensor target;
        private @Nullable Object data;

        Stitch(
                OutputTensorDescr output,
                List<AxisPlan> plans,
                Map<String, List<List<Segment>>> segs,
                Map<String, Tensor> ready) {
            this.output = output;
            this.plans = plans;
            this.segs = segs;
            this.ready = ready;
        }

        void write(Tensor block, int k) throws InferenceException {
            int nd = plans.size();
            int[] bShape = block.shape();
            int[] srcStart = new int[nd];
            int[] dstStart = new int[nd];
            int[] count = new int[nd];
            int[] full = new int[nd];
            for (int i = 0; i < nd; i++) {
                AxisPlan p = plans.get(i);
                String axis = block.axes().get(i);
                if (!p.stitched()) {
                    count[i] = bShape[i];
                    full[i] = bShape[i];
                    continue;
                }
                List<List<Segment>> perAxis = segs.get(p.inputId());
                int blocks = 1;
                for (List<Segment> l : perAxis) {
                    blocks *= l.size();
                }
                Segment s = perAxis.get(p.inputAxis()).get(select(perAxis, blocks == 1 ? 0 : k)[p.inputAxis()]);
                int expected = scaled(s.size(), p, axis);
                if (bShape[i] != expected) {
                    throw new InferenceException("output '" + output.id() + "' axis '" + axis + "': the network"
                            + " returned size " + bShape[i] + " for a block of " + s.size() + ", expected " + expected);
                }
                srcStart[i] = scaled(s.innerStart() - s.outerStart(), p, axis);
                dstStart[i] = scaled(s.innerStart(), p, axis);
                count[i] = scaled(s.innerEnd() - s.innerStart(), p, axis);
                full[i] = scaled(
                        ready.get(p.inputId())
                                .size(ready.get(p.inputId()).axes().get(p.inputAxis())),
                        p,
                        axis);
            }
            if (target == null) {
                target = Tensor.zeros(block.dtype(), full, block.axes());
                // the new tensor is not shared until result(): fill its storage in place
                data = Storage.data(target);
            } else if (!Arrays.equals(target.shape(), full) || target.dtype() != block.dtype()) {
                throw new InferenceException("output '" + output.id() + "': block " + k + " has dtype "
                        + block.dtype() + " and full shape " + Arrays.toString(full) + ", earlier blocks "
                        + target.dtype() + " " + Arrays.toString(target.shape()));
            }
            Regions.copy(Storage.data(block), bShape, srcStart, data, full, dstStart, count);
        }

        private int scaled(int v, AxisPlan p, String axis) throws InferenceException {
            double x = v * p.factor();
            if (x != Math.rint(x)) {
                throw new InferenceException("output '" + output.id() + "' axis '" + axis + "': " + v
                        + " input elements are " + x + " output elements; choose blocks that scale to whole numbers");
            }
            return (int) x;
        }

        Tensor result() {
            return Objects.requireNonNull(target, "no block written");
        }
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
