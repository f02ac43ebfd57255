package eu.riscale.modelhub.core.inference;

import eu.riscale.modelhub.core.stats.Statistics;
import eu.riscale.modelhub.core.tensor.PadMode;
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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One sample's tiled prediction taken apart into its steps, so that the blocks can run elsewhere: on other threads,
 * or on other machines with their own {@link PredictionPipeline} of the same description (the Spark module does so).
 * {@link PredictionPipeline#tile} preprocesses the whole sample and splits it; {@link #blockInputs(int)} cuts one
 * block (reflect-padded at the borders), {@link PredictionPipeline#predictBlock} runs the network on it, {@link
 * #putBlockOutputs} stitches its inner region into place, and {@link #finish()} postprocesses the stitched outputs.
 * {@link PredictionPipeline#predict} runs these same steps in one loop, so both give the same numbers (within the
 * engine's float tolerance where it stacks several blocks into one call, {@link PredictionOptions#blockBatch()}).
 *
 * <pre>{@code
 * TiledPrediction t = pipeline.tile(Map.of("raw", image));
 * for (int k = 0; k < t.blockCount(); k++) {
 *     t.putBlockOutputs(k, pipeline.predictBlock(t.blockInputs(k))); // or on another machine
 * }
 * Map<String, Tensor> out = t.finish();
 * }</pre>
 *
 * <p>Memory: it holds the preprocessed sample and the stitched outputs until {@link #finish()}. Not thread-safe:
 * {@link #blockInputs} may be called from several threads, the other methods from one at a time.
 */
public final class TiledPrediction {
    private final PredictionPipeline pipeline;
    private final ModelDescr model;
    private final Statistics known;
    private @Nullable Map<String, Tensor> ready;
    private final Map<String, List<List<Segment>>> segs = new LinkedHashMap<>();
    private final Map<String, Integer> counts = new LinkedHashMap<>();
    private final Map<String, Stitch> stitches = new LinkedHashMap<>();
    private final int total;
    private final BitSet done = new BitSet();
    private boolean finished;

    /**
     * Splits preprocessed inputs into blocks.
     *
     * @param ready the preprocessed whole sample, in the model's axis order
     * @param blockShapes the block shape of each input
     * @param known the raw inputs' statistics that postprocessing refers to
     */
    TiledPrediction(
            PredictionPipeline pipeline,
            InputLayout layout,
            Map<String, Tensor> ready,
            Map<String, int[]> blockShapes,
            Statistics known)
            throws InferenceException {
        this.pipeline = pipeline;
        this.model = pipeline.model();
        this.known = known;
        this.ready = ready;
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
        this.total = total;
        for (OutputTensorDescr o : model.outputs()) {
            stitches.put(o.id(), stitch(model, o, ready, segs, total));
        }
    }

    /** {@return the number of blocks, at least 1} */
    public int blockCount() {
        return total;
    }

    /**
     * Cuts one block out of the preprocessed sample.
     *
     * @param k the block index, from 0 to {@link #blockCount()} - 1 (row-major over the split axes)
     * @return the block's inputs by id, in the model's axis order, reflect-padded where the block reaches past the
     *     sample's borders
     * @throws IndexOutOfBoundsException for an index out of range
     * @throws IllegalStateException after {@link #finish()}
     */
    public Map<String, Tensor> blockInputs(int k) {
        Objects.checkIndex(k, total);
        Map<String, Tensor> sample = ready;
        if (sample == null) {
            throw new IllegalStateException("the tiled prediction is finished");
        }
        Map<String, Tensor> blockIn = new LinkedHashMap<>();
        for (Map.Entry<String, Tensor> e : sample.entrySet()) {
            String id = e.getKey();
            List<List<Segment>> perAxis = segs.get(id);
            int index = counts.get(id) == 1 ? 0 : k;
            blockIn.put(id, extract(e.getValue(), perAxis, select(perAxis, index)));
        }
        return blockIn;
    }

    /**
     * Stitches the network's outputs of one block into place (its inner region; the halo is dropped).
     *
     * @param k the block index
     * @param networkOutputs the outputs of {@link PredictionPipeline#predictBlock} on {@link #blockInputs(int)
     *     blockInputs(k)}
     * @throws IndexOutOfBoundsException for an index out of range
     * @throws IllegalStateException when block {@code k} was already put, or after {@link #finish()}
     * @throws InferenceException when an output is missing or its shape or dtype does not fit
     */
    public void putBlockOutputs(int k, Map<String, Tensor> networkOutputs) throws InferenceException {
        Objects.checkIndex(k, total);
        if (finished) {
            throw new IllegalStateException("the tiled prediction is finished");
        }
        if (done.get(k)) {
            throw new IllegalStateException("block " + k + " was already put");
        }
        for (OutputTensorDescr o : model.outputs()) {
            Tensor t = networkOutputs.get(o.id());
            if (t == null) {
                throw new InferenceException("block " + k + ": output '" + o.id() + "' is missing, the outputs are "
                        + networkOutputs.keySet());
            }
            stitches.get(o.id()).write(t, k, -1, 0, 0);
        }
        done.set(k);
    }

    /**
     * Cuts consecutive blocks and stacks each input's blocks along its batch axis, for one engine call.
     *
     * @param first the first block index
     * @param n the number of blocks, at least 1
     * @return the stacked inputs by id; the batch axis is {@code n} times a block's
     */
    Map<String, Tensor> batchInputs(int first, int n) {
        Objects.checkFromIndexSize(first, n, total);
        List<Map<String, Tensor>> blocks = new ArrayList<>(n);
        for (int j = 0; j < n; j++) {
            blocks.add(blockInputs(first + j));
        }
        Map<String, Tensor> stacked = new LinkedHashMap<>();
        for (String id : blocks.get(0).keySet()) {
            int axis = BlockBatching.batchIndex(ModelAxes.input(model, id).axes());
            Tensor one = blocks.get(0).get(id);
            int[] shape = one.shape().clone();
            int per = shape[axis];
            shape[axis] = Math.multiplyExact(per, n);
            Tensor out = Tensor.zeros(one.dtype(), shape, one.axes());
            // the new tensor is not shared until returned: fill its storage in place
            Object data = Storage.data(out);
            int[] dstStart = new int[shape.length];
            for (int j = 0; j < n; j++) {
                Tensor b = blocks.get(j).get(id);
                dstStart[axis] = j * per;
                Regions.copy(Storage.data(b), b.shape(), new int[shape.length], data, shape, dstStart, b.shape());
            }
            stacked.put(id, out);
        }
        return stacked;
    }

    /**
     * Stitches the outputs of one engine call on {@link #batchInputs(int, int) batchInputs(first, n)}: each output's
     * batch axis is split into {@code n} equal parts, block {@code first + j} getting part {@code j}.
     *
     * @throws InferenceException when an output is missing, its batch size is not a multiple of {@code n}, or a part
     *     does not fit as {@link #putBlockOutputs} checks
     */
    void putBatchOutputs(int first, int n, Map<String, Tensor> networkOutputs) throws InferenceException {
        Objects.checkFromIndexSize(first, n, total);
        if (finished) {
            throw new IllegalStateException("the tiled prediction is finished");
        }
        for (int j = 0; j < n; j++) {
            if (done.get(first + j)) {
                throw new IllegalStateException("block " + (first + j) + " was already put");
            }
        }
        for (OutputTensorDescr o : model.outputs()) {
            Tensor t = networkOutputs.get(o.id());
            if (t == null) {
                throw new InferenceException("blocks " + first + " to " + (first + n - 1) + ": output '" + o.id()
                        + "' is missing, the outputs are " + networkOutputs.keySet());
            }
            int axis = BlockBatching.batchIndex(o.axes());
            int size = t.shape()[axis];
            if (size % n != 0) {
                throw new InferenceException("output '" + o.id() + "': the network returned batch size " + size
                        + " for " + n + " stacked blocks, expected a multiple of " + n);
            }
            for (int j = 0; j < n; j++) {
                stitches.get(o.id()).write(t, first + j, axis, j * (size / n), size / n);
            }
        }
        done.set(first, first + n);
    }

    ModelDescr model() {
        return model;
    }

    /** {@return the ids of the inputs the sample has} */
    Set<String> inputIds() {
        Map<String, Tensor> sample = ready;
        if (sample == null) {
            throw new IllegalStateException("the tiled prediction is finished");
        }
        return sample.keySet();
    }

    /** {@return the number of blocks put so far} */
    public int blocksDone() {
        return done.cardinality();
    }

    /**
     * Postprocesses the stitched outputs; frees the preprocessed sample first.
     *
     * @return the outputs by output id, as {@link PredictionPipeline#predict} returns them
     * @throws IllegalStateException when blocks are missing or it was already finished
     * @throws InferenceException when postprocessing fails
     */
    public Map<String, Tensor> finish() throws InferenceException {
        if (finished) {
            throw new IllegalStateException("the tiled prediction is finished");
        }
        if (done.cardinality() != total) {
            throw new IllegalStateException("finish: " + (total - done.cardinality()) + " of " + total
                    + " blocks have no outputs yet, the first is block " + done.nextClearBit(0));
        }
        finished = true;
        ready = null;
        Map<String, Tensor> raws = new LinkedHashMap<>();
        stitches.forEach((id, s) -> raws.put(id, s.result()));
        return pipeline.postprocess(raws, known);
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

    private static Stitch stitch(
            ModelDescr model,
            OutputTensorDescr o,
            Map<String, Tensor> ready,
            Map<String, List<List<Segment>>> segs,
            int total)
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

        /**
         * Writes the inner region of block {@code k}; when {@code sliceAxis} is not negative, only elements {@code
         * [sliceStart, sliceStart + sliceSize)} of that axis of {@code block} are the block's (a stacked batch).
         */
        void write(Tensor block, int k, int sliceAxis, int sliceStart, int sliceSize) throws InferenceException {
            int nd = plans.size();
            int[] bShape = block.shape().clone();
            if (sliceAxis >= 0) {
                bShape[sliceAxis] = sliceSize;
            }
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
            if (sliceAxis >= 0) {
                srcStart[sliceAxis] += sliceStart;
            }
            Regions.copy(Storage.data(block), block.shape(), srcStart, data, full, dstStart, count);
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
}
