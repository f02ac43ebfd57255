package eu.riscale.modelhub.imglib2;

import eu.riscale.modelhub.core.inference.Cancellation;
import eu.riscale.modelhub.core.inference.InferenceBackend;
import eu.riscale.modelhub.core.inference.InferenceException;
import eu.riscale.modelhub.core.inference.PipelineBackend;
import eu.riscale.modelhub.core.inference.PredictionCancelledException;
import eu.riscale.modelhub.core.inference.ProgressListener;
import eu.riscale.modelhub.core.inference.WeightsOrder;
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
import eu.riscale.modelhub.spec.axis.ChannelAxis;
import eu.riscale.modelhub.spec.axis.DataDependentSize;
import eu.riscale.modelhub.spec.axis.FixedSize;
import eu.riscale.modelhub.spec.axis.InputAxis;
import eu.riscale.modelhub.spec.axis.InputSize;
import eu.riscale.modelhub.spec.axis.OutputAxis;
import eu.riscale.modelhub.spec.axis.OutputSize;
import eu.riscale.modelhub.spec.axis.ParameterizedSize;
import eu.riscale.modelhub.spec.axis.SizeReference;
import eu.riscale.modelhub.spec.op.BinarizeDescr;
import eu.riscale.modelhub.spec.op.EnsureDtypeDescr;
import eu.riscale.modelhub.spec.op.EnsureDtypeKwargs;
import eu.riscale.modelhub.spec.op.PostprocessingDescr;
import eu.riscale.modelhub.spec.op.PreprocessingDescr;
import eu.riscale.modelhub.spec.tensor.DType;
import eu.riscale.modelhub.spec.tensor.InputTensorDescr;
import eu.riscale.modelhub.spec.tensor.OutputTensorDescr;
import eu.riscale.modelhub.spec.weights.WeightsFormat;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import net.imglib2.Cursor;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.basictypeaccess.array.ArrayDataAccess;
import net.imglib2.img.cell.Cell;
import net.imglib2.img.cell.CellGrid;
import net.imglib2.img.cell.LazyCellImg;
import net.imglib2.type.NativeType;
import net.imglib2.type.numeric.RealType;
import net.imglib2.util.IntervalIndexer;
import net.imglib2.util.Util;
import net.imglib2.view.Views;
import org.jspecify.annotations.Nullable;

/**
 * Predicts an ImgLib2 image of any size block by block, with the same blocks, halo, reflect padding and stitching as
 * the SDK's tiled prediction ({@code PredictionPipeline} with {@code Tiling.blockShape} or {@code sizeParameter}):
 *
 * <ul>
 *   <li>{@link #output(String, AxisOrder)}: a lazy image whose cells are computed on first access, for viewers
 *       (BigDataViewer) that browse a whole slide or volume while only the visible cells are predicted;
 *   <li>{@link #predictInto}: an eager prediction into a preallocated image, cell by cell, with progress.
 * </ul>
 *
 * <pre>{@code
 * ModelDescr model = Descriptions.read(folder.resolve("rdf.yaml"));
 * try (ResourceRoot root = ResourceRoot.open(folder);
 *         ImgPrediction p = ImgPrediction.builder(model, root)
 *                 .input(image, AxisOrder.of("xy"))
 *                 .build()) {
 *     RandomAccessibleInterval<FloatType> probability = p.output("probability", AxisOrder.of("xy"));
 *     // cells are predicted when first read, e.g. by BigDataViewer
 * }
 * }</pre>
 *
 * <p>Cells: along every input axis that is split, cells are the blocks' inner regions ({@code block - 2 halo}) on a
 * regular grid from 0; other axes are whole. Reading a cell runs the network on one block; only the cell just before a
 * last block that was shifted back to end at the border (when the size is not a multiple of the inner size) also needs
 * that last block, because in the SDK's stitching the last block overwrites the overlap.
 *
 * <p>Processing: statistics the preprocessing needs (such as the mean and standard deviation of {@code
 * zero_mean_unit_variance}) come from the whole input, computed once when the prediction is built (or given with
 * {@link Builder#statistics}), so each block is preprocessed exactly as in the SDK's whole-sample pipeline. The
 * postprocessing must need no statistics (sigmoid, softmax, binarize, fixed scalings run per block); a model whose
 * postprocessing measures its outputs (for example {@code scale_range}) is rejected when built.
 *
 * <p>Thread-safety: an instance is thread-safe. The lazy images may be read from many threads; concurrent reads of the
 * same cell compute it once (the others wait), different cells are computed concurrently. The input image is read
 * concurrently and must not change while the prediction is in use. Writes to a lazy image are kept only while its cell
 * stays cached: treat it as read-only.
 *
 * <p>Memory: at most {@link Builder#cacheCells} computed cells are kept (least recently used dropped; a dropped cell is
 * predicted again when read again), each holding every output of the model for that cell. Building reads the whole
 * input once into a tensor when the preprocessing needs statistics (at most {@link Tensor#MAX_ELEMENTS} pixels; give
 * {@link Builder#statistics} for larger images).
 *
 * <p>Cancellation: after {@link #cancel()} (or the builder's {@link Cancellation}), reading a cell not yet computed
 * throws {@link CancellationException}, and {@link #predictInto} throws {@link PredictionCancelledException}; cached
 * cells stay readable. Network failures surface from lazy reads as {@link BlockPredictionException}.
 */
public final class ImgPrediction implements AutoCloseable {
    /** The block size aimed at along parameterized axes unless the builder sets one: {@value}. */
    public static final int DEFAULT_BLOCK_SIZE = 512;

    /** The number of cells cached unless the builder sets another: {@value}. */
    public static final int DEFAULT_CACHE_CELLS = 64;

    private final InputTensorDescr input;
    private final RandomAccessibleInterval<?> image;
    private final AxisOrder imageAxes;
    private final List<String> inAxes;
    private final int[] imageDimOfAxis;
    private final int[] modelAxisOfDim;
    private final List<AxisBlocks> blocks;
    private final int[] cellCounts;
    private final ProcessingChain pre;
    private final Statistics known;
    private final InferenceBackend.Session session;
    private final WeightsFormat format;
    private final Map<String, OutputPlan> outputs;
    private final CellCache<Map<String, Object>> cache;
    private final Cancellation cancellation;
    private final AtomicLong blocksPredicted = new AtomicLong();
    private final AtomicBoolean closed = new AtomicBoolean();

    /**
     * How one output is laid out.
     *
     * @param id the output id
     * @param dtype the data type after postprocessing
     * @param axes the output's axis ids in the model's order
     * @param full the full size per axis
     * @param inputAxis per axis, the split input axis it follows, or -1 for a whole axis
     */
    private record OutputPlan(String id, DType dtype, List<String> axes, int[] full, int[] inputAxis) {}

    private ImgPrediction(Builder b, Setup s) {
        this.input = s.input;
        this.image = Objects.requireNonNull(b.image);
        this.imageAxes = Objects.requireNonNull(b.imageAxes);
        this.inAxes = s.inAxes;
        this.imageDimOfAxis = s.imageDimOfAxis;
        this.modelAxisOfDim = s.modelAxisOfDim;
        this.blocks = s.blocks;
        this.cellCounts = new int[blocks.size()];
        for (int k = 0; k < cellCounts.length; k++) {
            cellCounts[k] = blocks.get(k).cells();
        }
        this.pre = s.pre;
        this.known = s.known;
        this.session = s.session;
        this.format = s.format;
        this.outputs = s.outputs;
        this.cache = new CellCache<>(b.cacheCells);
        this.cancellation = b.cancellation;
    }

    /**
     * Starts a builder.
     *
     * @param model the description
     * @param root where its weights are; it may be closed once {@link Builder#build()} returned
     * @return the builder
     */
    public static Builder builder(ModelDescr model, ResourceRoot root) {
        return new Builder(model, root);
    }

    /** {@return the weights format the network runs} */
    public WeightsFormat weightsFormat() {
        return format;
    }

    /** {@return the output ids, in the model's order} */
    public List<String> outputIds() {
        return List.copyOf(outputs.keySet());
    }

    /** {@return the block size per input axis id, in the model's axis order} */
    public Map<String, Integer> blockShape() {
        Map<String, Integer> m = new LinkedHashMap<>();
        for (int k = 0; k < inAxes.size(); k++) {
            m.put(inAxes.get(k), blocks.get(k).block());
        }
        return m;
    }

    /** {@return the halo per input axis id, in the model's axis order} */
    public Map<String, Integer> halo() {
        Map<String, Integer> m = new LinkedHashMap<>();
        for (int k = 0; k < inAxes.size(); k++) {
            m.put(inAxes.get(k), blocks.get(k).halo());
        }
        return m;
    }

    /** {@return the number of cells of the grid (every output has this many)} */
    public long cellCount() {
        long n = 1;
        for (int c : cellCounts) {
            n *= c;
        }
        return n;
    }

    /** {@return how many blocks the network has run on so far} */
    public long blocksPredicted() {
        return blocksPredicted.get();
    }

    /** {@return how many computed cells are cached now} */
    public int cachedCells() {
        return cache.size();
    }

    /** Cancels: cells not yet computed are not computed any more; idempotent, from any thread. */
    public void cancel() {
        cancellation.cancel();
    }

    /**
     * Returns a lazy output image with the model's axes reversed (so that dimension 0 is the model's last, fastest
     * axis, usually x).
     *
     * @param outputId the output id
     * @param <T> the pixel type of the output's data type ({@link ImgTensors#typeOf})
     * @return the lazy image
     * @throws IllegalArgumentException for an unknown output id
     */
    public <T extends RealType<T> & NativeType<T>> RandomAccessibleInterval<T> output(String outputId) {
        return output(outputId, AxisOrder.ofTensorAxes(plan(outputId).axes()));
    }

    /**
     * Returns a lazy output image with the given dimension order; output axes of size 1 may be left out (for example
     * {@code "xy"} for an output with axes batch, channel, y, x and one channel).
     *
     * @param outputId the output id
     * @param axes the image's axis ids, dimension 0 first
     * @param <T> the pixel type of the output's data type ({@link ImgTensors#typeOf})
     * @return the lazy image; its cells are predicted on first read
     * @throws IllegalArgumentException for an unknown output id, or axes that name an axis the output lacks or leave
     *     out one of size above 1
     */
    public <T extends RealType<T> & NativeType<T>> RandomAccessibleInterval<T> output(String outputId, AxisOrder axes) {
        OutputPlan plan = plan(outputId);
        Objects.requireNonNull(axes, "axes");
        RandomAccessibleInterval<T> img = lazyImage(plan);
        return arrangeView(img, plan, axes);
    }

    /**
     * Predicts one output eagerly into a preallocated image, cell by cell, without caching; progress is told after
     * each cell.
     *
     * @param outputId the output id
     * @param target the image, of the output's pixel type, with the output's sizes in the order of {@code axes}
     * @param axes the target's axis ids, dimension 0 first (size-1 output axes may be left out)
     * @param progress told {@code (cells done, cells total)} on the calling thread
     * @param <T> the pixel type
     * @throws IllegalArgumentException when the target's type or a size does not fit, naming the output and axis
     * @throws PredictionCancelledException when cancelled or interrupted between blocks
     * @throws InferenceException when the network fails or returns outputs that do not fit the description
     */
    public <T extends RealType<T> & NativeType<T>> void predictInto(
            String outputId, RandomAccessibleInterval<T> target, AxisOrder axes, ProgressListener progress)
            throws InferenceException {
        OutputPlan plan = plan(outputId);
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(progress, "progress");
        DType dtype = NativeTypes.dtypeOf(Util.getTypeFromInterval(target));
        if (dtype != plan.dtype()) {
            throw new IllegalArgumentException("target: found a " + dtype + " image for output '" + plan.id()
                    + "', which is " + plan.dtype() + "; expected a "
                    + NativeTypes.typeOf(plan.dtype()).getClass().getSimpleName() + " image");
        }
        RandomAccessibleInterval<T> shape = output(outputId, axes); // checks the axes; not read
        for (int d = 0; d < axes.size(); d++) {
            if (d >= target.numDimensions() || target.dimension(d) != shape.dimension(d)) {
                throw new IllegalArgumentException(
                        "target: output '" + plan.id() + "' axis '" + axes.ids().get(d)
                                + "' has size " + shape.dimension(d) + ", the target has "
                                + (d < target.numDimensions()
                                        ? target.dimension(d) + " in dimension " + d
                                        : "no dimension " + d)
                                + " " + java.util.Arrays.toString(target.dimensionsAsLongArray()));
            }
        }
        if (target.numDimensions() != axes.size()) {
            throw new IllegalArgumentException("target: found " + target.numDimensions() + " dimensions, expected "
                    + axes.size() + " for axes " + axes.ids());
        }
        long total = cellCount();
        for (long key = 0; key < total; key++) {
            Map<String, Object> cell;
            try {
                cell = computeCell(key);
            } catch (CancellationException e) {
                throw new PredictionCancelledException(
                        "prediction cancelled after " + key + " of " + total + " cells: " + e.getMessage());
            } catch (BlockPredictionException e) {
                throw new InferenceException(e.getMessage(), e.getCause() != null ? e.getCause() : e);
            }
            int[] idx = unravel(key);
            int[] cellShape = cellShape(plan, idx);
            long[] dims = new long[cellShape.length];
            for (int j = 0; j < dims.length; j++) {
                dims[j] = cellShape[cellShape.length - 1 - j];
            }
            ArrayImg<T, ?> cellImg = NativeTypes.wrap(plan.dtype(), cell.get(plan.id()), dims);
            RandomAccessibleInterval<T> src = arrangeView(cellImg, plan, axes);
            long[] min = new long[axes.size()];
            long[] max = new long[axes.size()];
            for (int d = 0; d < axes.size(); d++) {
                int j = plan.axes().indexOf(axes.ids().get(d));
                int k = plan.inputAxis()[j];
                long start = k < 0 ? 0 : blocks.get(k).cellStart(idx[k]);
                min[d] = target.min(d) + start;
                max[d] = min[d] + src.dimension(d) - 1;
            }
            copy(src, Views.interval(target, min, max));
            progress.blockDone((int) Math.min(Integer.MAX_VALUE, key + 1), (int) Math.min(Integer.MAX_VALUE, total));
        }
    }

    private static <T extends NativeType<T>> void copy(
            RandomAccessibleInterval<T> src, RandomAccessibleInterval<T> dst) {
        Cursor<T> s = Views.flatIterable(src).cursor();
        Cursor<T> d = Views.flatIterable(dst).cursor();
        while (s.hasNext()) {
            d.next().set(s.next());
        }
    }

    private OutputPlan plan(String outputId) {
        Objects.requireNonNull(outputId, "outputId");
        OutputPlan p = outputs.get(outputId);
        if (p == null) {
            throw new IllegalArgumentException(
                    "outputId: found '" + outputId + "', expected one of the model's outputs " + outputs.keySet());
        }
        return p;
    }

    /** The lazy cell image of an output in the model's axis order reversed (cells share the cache's arrays). */
    private <T extends RealType<T> & NativeType<T>> RandomAccessibleInterval<T> lazyImage(OutputPlan plan) {
        int n = plan.axes().size();
        long[] dims = new long[n];
        int[] cellDims = new int[n];
        for (int j = 0; j < n; j++) {
            int k = plan.inputAxis()[j];
            dims[n - 1 - j] = plan.full()[j];
            cellDims[n - 1 - j] = k < 0 ? plan.full()[j] : blocks.get(k).cellSize();
        }
        CellGrid grid = new CellGrid(dims, cellDims);
        long[] gridDims = grid.getGridDimensions();
        T type = NativeTypes.typeOf(plan.dtype());
        LazyCellImg.Get<Cell<ArrayDataAccess<?>>> get = index -> {
            long[] gridPos = new long[n];
            IntervalIndexer.indexToPosition(index, gridDims, gridPos);
            int[] idx = new int[blocks.size()];
            for (int j = 0; j < n; j++) {
                int k = plan.inputAxis()[j];
                if (k >= 0) {
                    idx[k] = (int) gridPos[n - 1 - j];
                }
            }
            Map<String, Object> cell = cache.get(ravel(idx), this::computeCell);
            long[] cellMin = new long[n];
            int[] cd = new int[n];
            grid.getCellDimensions(index, cellMin, cd);
            return new Cell<ArrayDataAccess<?>>(cd, cellMin, NativeTypes.access(plan.dtype(), cell.get(plan.id())));
        };
        return new LazyCellImg<T, ArrayDataAccess<?>>(grid, type, get);
    }

    /** A view of an image in the model's reversed axis order, in the requested order (size-1 axes sliced away). */
    private static <T> RandomAccessibleInterval<T> arrangeView(
            RandomAccessibleInterval<T> img, OutputPlan plan, AxisOrder axes) {
        List<String> cur = new ArrayList<>(AxisOrder.ofTensorAxes(plan.axes()).ids());
        for (String a : axes.ids()) {
            if (!cur.contains(a)) {
                throw new IllegalArgumentException(
                        "axes: output '" + plan.id() + "' has no axis '" + a + "'; its axes are " + plan.axes());
            }
        }
        RandomAccessibleInterval<T> v = img;
        for (int d = cur.size() - 1; d >= 0; d--) {
            String a = cur.get(d);
            if (axes.dimension(a) < 0) {
                int j = plan.axes().indexOf(a);
                if (plan.full()[j] != 1) {
                    throw new IllegalArgumentException("axes: output '" + plan.id() + "' axis '" + a + "' has size "
                            + plan.full()[j] + ", so the image axes " + axes.ids()
                            + " cannot leave it out (only size-1 axes may be left out)");
                }
                v = Views.hyperSlice(v, d, v.min(d));
                cur.remove(d);
            }
        }
        for (int d = 0; d < axes.size(); d++) {
            int from = cur.indexOf(axes.ids().get(d));
            if (from != d) {
                v = Views.moveAxis(v, from, d);
                cur.add(d, cur.remove(from));
            }
        }
        return v;
    }

    private long ravel(int[] idx) {
        long key = 0;
        for (int k = 0; k < idx.length; k++) {
            key = key * cellCounts[k] + idx[k];
        }
        return key;
    }

    private int[] unravel(long key) {
        int[] idx = new int[cellCounts.length];
        long rest = key;
        for (int k = cellCounts.length - 1; k >= 0; k--) {
            idx[k] = (int) (rest % cellCounts[k]);
            rest /= cellCounts[k];
        }
        return idx;
    }

    private int[] cellShape(OutputPlan plan, int[] idx) {
        int[] shape = new int[plan.axes().size()];
        for (int j = 0; j < shape.length; j++) {
            int k = plan.inputAxis()[j];
            shape[j] = k < 0
                    ? plan.full()[j]
                    : blocks.get(k).cellEnd(idx[k]) - blocks.get(k).cellStart(idx[k]);
        }
        return shape;
    }

    /** Computes every output of one cell: C-order arrays over the model's output axes, by output id. */
    private Map<String, Object> computeCell(long key) {
        if (closed.get()) {
            throw new IllegalStateException("the prediction is closed");
        }
        int[] idx = unravel(key);
        int nk = blocks.size();
        List<List<AxisBlocks.Piece>> pieces = new ArrayList<>(nk);
        for (int k = 0; k < nk; k++) {
            pieces.add(blocks.get(k).pieces(idx[k]));
        }
        Map<String, Object> arrays = new LinkedHashMap<>();
        for (OutputPlan plan : outputs.values()) {
            int size = 1;
            for (int s : cellShape(plan, idx)) {
                size = Math.multiplyExact(size, s);
            }
            arrays.put(
                    plan.id(),
                    java.lang.reflect.Array.newInstance(
                            Tensor.storageType(plan.dtype()).getComponentType(), size));
        }
        int[] pick = new int[nk];
        while (true) {
            if (cancellation.isCancelled() || Thread.currentThread().isInterrupted()) {
                throw new CancellationException("prediction cancelled before cell " + java.util.Arrays.toString(idx)
                        + " (cell indices along " + inAxes + ")");
            }
            AxisBlocks.Piece[] chosen = new AxisBlocks.Piece[nk];
            for (int k = 0; k < nk; k++) {
                chosen[k] = pieces.get(k).get(pick[k]);
            }
            Map<String, Tensor> out = runBlock(chosen);
            for (OutputPlan plan : outputs.values()) {
                place(plan, out.get(plan.id()), chosen, idx, arrays.get(plan.id()));
            }
            int k = nk - 1;
            while (k >= 0 && ++pick[k] == pieces.get(k).size()) {
                pick[k] = 0;
                k--;
            }
            if (k < 0) {
                return arrays;
            }
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private Map<String, Tensor> runBlock(AxisBlocks.Piece[] chosen) {
        int nd = image.numDimensions();
        long[] min = new long[nd];
        long[] max = new long[nd];
        for (int d = 0; d < nd; d++) {
            int k = modelAxisOfDim[d];
            if (k < 0) {
                min[d] = image.min(d);
                max[d] = image.min(d);
                continue;
            }
            AxisBlocks b = blocks.get(k);
            AxisBlocks.Segment s = b.segments().get(chosen[k].segment());
            min[d] = image.min(d) + Math.max(0, s.outerStart());
            max[d] = image.min(d) + Math.min(b.size(), s.outerStart() + b.block()) - 1;
        }
        Tensor t = arrangeInput(
                ImgTensors.toTensor((RandomAccessibleInterval) Views.interval(image, min, max), imageAxes));
        for (int k = 0; k < blocks.size(); k++) {
            AxisBlocks b = blocks.get(k);
            AxisBlocks.Segment s = b.segments().get(chosen[k].segment());
            int before = Math.max(0, -s.outerStart());
            int after = Math.max(0, s.outerStart() + b.block() - b.size());
            if (before > 0 || after > 0) {
                t = t.pad(inAxes.get(k), before, after, PadMode.REFLECT, 0);
            }
        }
        Sample ready;
        try {
            ready = pre.apply(Sample.of(Map.of(input.id(), t)), known);
        } catch (IllegalArgumentException e) {
            throw new BlockPredictionException(
                    "input '" + input.id() + "': preprocessing failed: " + e.getMessage(), e);
        }
        blocksPredicted.incrementAndGet();
        try {
            return session.predict(ready.tensors());
        } catch (IOException e) {
            throw new BlockPredictionException(
                    "the network failed on the block " + describe(chosen) + ": " + e.getMessage(), e);
        }
    }

    private String describe(AxisBlocks.Piece[] chosen) {
        StringBuilder sb = new StringBuilder("{");
        for (int k = 0; k < chosen.length; k++) {
            AxisBlocks b = blocks.get(k);
            int start = b.segments().get(chosen[k].segment()).outerStart();
            sb.append(k == 0 ? "" : ", ")
                    .append(inAxes.get(k))
                    .append('=')
                    .append(start)
                    .append("..")
                    .append(start + b.block());
        }
        return sb.append('}').toString();
    }

    /** Copies the part of a block's output that a cell takes into the cell's array. */
    private void place(OutputPlan plan, @Nullable Tensor out, AxisBlocks.Piece[] chosen, int[] idx, Object cell) {
        if (out == null) {
            throw new BlockPredictionException("the network returned no output '" + plan.id() + "'", null);
        }
        if (!out.axes().equals(plan.axes()) || out.dtype() != plan.dtype()) {
            throw new BlockPredictionException(
                    "output '" + plan.id() + "': the network returned " + out + ", expected " + plan.dtype()
                            + " with axes " + plan.axes(),
                    null);
        }
        int n = plan.axes().size();
        int[] bs = out.shape();
        int[] dstStart = new int[n];
        Tensor c = out;
        for (int j = 0; j < n; j++) {
            int k = plan.inputAxis()[j];
            String axis = plan.axes().get(j);
            if (k < 0) {
                if (bs[j] != plan.full()[j]) {
                    throw new BlockPredictionException(
                            "output '" + plan.id() + "' axis '" + axis + "': the network" + " returned size " + bs[j]
                                    + ", expected " + plan.full()[j],
                            null);
                }
                continue;
            }
            AxisBlocks b = blocks.get(k);
            if (bs[j] != b.block()) {
                throw new BlockPredictionException(
                        "output '" + plan.id() + "' axis '" + axis + "': the network" + " returned size " + bs[j]
                                + " for a block of " + b.block() + ", expected " + b.block(),
                        null);
            }
            AxisBlocks.Segment s = b.segments().get(chosen[k].segment());
            c = c.crop(axis, chosen[k].start() - s.outerStart(), chosen[k].end() - s.outerStart());
            dstStart[j] = chosen[k].start() - b.cellStart(idx[k]);
        }
        Regions.copy(Storage.data(c), c.shape(), cell, cellShape(plan, idx), dstStart);
    }

    /** Image-order tensor (axes reversed) to the model's axis order: extra size-1 axes dropped, missing inserted. */
    private Tensor arrangeInput(Tensor raw) {
        Tensor t = raw;
        for (String a : raw.axes()) {
            if (!inAxes.contains(a)) {
                t = t.removeAxis(a);
            }
        }
        for (String a : inAxes) {
            if (!t.axes().contains(a)) {
                t = t.insertAxis(t.ndim(), a);
            }
        }
        return t.axes().equals(inAxes) ? t : t.transpose(inAxes);
    }

    /** Closes the network session and drops the cache; idempotent. Lazy images must not be read afterwards. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            cache.clear();
            session.close();
        }
    }

    @Override
    public String toString() {
        return "ImgPrediction[input '" + input.id() + "' " + imageAxes.ids() + ", blocks " + blockShape() + ", halo "
                + halo() + ", " + cellCount() + " cells, " + format + "]";
    }

    /** What {@link Builder#build()} derives before the instance exists. */
    private static final class Setup {
        InputTensorDescr input;
        List<String> inAxes;
        int[] imageDimOfAxis;
        int[] modelAxisOfDim;
        List<AxisBlocks> blocks;
        ProcessingChain pre;
        Statistics known;
        InferenceBackend.Session session;
        WeightsFormat format;
        Map<String, OutputPlan> outputs;
    }

    /**
     * Collects the model, the input image and the options. Not thread-safe. {@link #input} is required; blocks default
     * to {@link #DEFAULT_BLOCK_SIZE} along parameterized axes (capped at the smallest valid size covering the image
     * plus halo), fixed axes keep their size.
     */
    public static final class Builder {
        private final ModelDescr model;
        private final ResourceRoot root;
        private @Nullable RandomAccessibleInterval<?> image;
        private @Nullable AxisOrder imageAxes;
        private Map<String, Integer> blockSizes = Map.of();
        private int sizeParameter = -1;
        private int cacheCells = DEFAULT_CACHE_CELLS;
        private InferenceBackend backend = PipelineBackend.create();
        private List<WeightsFormat> weightsPriority = WeightsOrder.fastestFirst(WeightsOrder.Device.CPU);
        private Cancellation cancellation = Cancellation.create();
        private @Nullable Statistics statistics;

        private Builder(ModelDescr model, ResourceRoot root) {
            this.model = Objects.requireNonNull(model, "model");
            this.root = Objects.requireNonNull(root, "root");
        }

        /**
         * Sets the input image.
         *
         * @param image the image, of a pixel type with a bioimage.io data type
         * @param axes its axis ids, dimension 0 first; axes the model input lacks must have size 1, and model axes
         *     the image lacks must allow size 1 (batch, a single channel)
         * @param <T> the pixel type
         * @return this builder
         */
        public <T extends RealType<T> & NativeType<T>> Builder input(
                RandomAccessibleInterval<T> image, AxisOrder axes) {
            this.image = Objects.requireNonNull(image, "image");
            this.imageAxes = Objects.requireNonNull(axes, "axes");
            return this;
        }

        /**
         * Sets explicit block sizes, as {@code Tiling.blockShape} does for the SDK's tiled prediction.
         *
         * @param sizes block size by input axis id, each valid for the model; axes not given use the default
         * @return this builder
         */
        public Builder blockShape(Map<String, Integer> sizes) {
            Objects.requireNonNull(sizes, "sizes").forEach((axis, size) -> {
                if (size == null || size < 1) {
                    throw new IllegalArgumentException(
                            "blockShape[" + axis + "]: found " + size + ", expected a positive block size");
                }
            });
            this.blockSizes = Map.copyOf(sizes);
            return this;
        }

        /**
         * Sets blocks of {@code min + n * step} along every parameterized axis (capped at the smallest valid size
         * covering the image), as {@code Tiling.sizeParameter(n)} does.
         *
         * @param n the size parameter, 0 or more
         * @return this builder
         */
        public Builder sizeParameter(int n) {
            if (n < 0) {
                throw new IllegalArgumentException("sizeParameter: found " + n + ", expected 0 or more");
            }
            this.sizeParameter = n;
            return this;
        }

        /**
         * Sets how many computed cells are kept.
         *
         * @param cells 1 or more
         * @return this builder
         */
        public Builder cacheCells(int cells) {
            if (cells < 1) {
                throw new IllegalArgumentException("cacheCells: found " + cells + ", expected 1 or more");
            }
            this.cacheCells = cells;
            return this;
        }

        /**
         * Sets what runs the network on each preprocessed block (default {@link PipelineBackend#create()}: the SDK's
         * pipeline on the CPU). The backend is opened with a derived description whose preprocessing is only the
         * final {@code ensure_dtype} (blocks arrive preprocessed) and whose postprocessing is the model's.
         *
         * @param backend the backend, thread-safe
         * @return this builder
         */
        public Builder backend(InferenceBackend backend) {
            this.backend = Objects.requireNonNull(backend, "backend");
            return this;
        }

        /**
         * Sets the weights formats to try, in order (default {@link WeightsOrder#fastestFirst} on the CPU).
         *
         * @param formats the formats, not empty
         * @return this builder
         */
        public Builder weightsPriority(List<WeightsFormat> formats) {
            if (Objects.requireNonNull(formats, "formats").isEmpty()) {
                throw new IllegalArgumentException("weightsPriority: found an empty list, expected 1 or more formats");
            }
            this.weightsPriority = List.copyOf(formats);
            return this;
        }

        /**
         * Sets the cancellation flag (default a new one; {@link ImgPrediction#cancel()} sets it).
         *
         * @param cancellation the flag, possibly shared
         * @return this builder
         */
        public Builder cancellation(Cancellation cancellation) {
            this.cancellation = Objects.requireNonNull(cancellation, "cancellation");
            return this;
        }

        /**
         * Gives the statistics the preprocessing needs instead of computing them from the whole input (for inputs
         * too large for one tensor, or to reuse them across predictions).
         *
         * @param statistics values for every measure of the model's preprocessing
         * @return this builder
         */
        public Builder statistics(Statistics statistics) {
            this.statistics = Objects.requireNonNull(statistics, "statistics");
            return this;
        }

        /**
         * Checks everything, computes the input statistics if needed, and loads the network.
         *
         * @return the prediction; close it to free the network
         * @throws IllegalArgumentException when the input does not fit the model (naming the input and axis), a block
         *     size is invalid, or the model is one this adapter cannot split (naming what and why)
         * @throws IOException when no weights format of the priority list can be loaded, listing each reason
         */
        public ImgPrediction build() throws IOException {
            if (image == null || imageAxes == null) {
                throw new IllegalArgumentException("input: not set; call input(image, axes)");
            }
            if (imageAxes.size() != image.numDimensions()) {
                throw new IllegalArgumentException("input: found " + imageAxes.size() + " axis ids " + imageAxes.ids()
                        + " for an image with " + image.numDimensions() + " dimensions, expected one id per dimension");
            }
            Optional<String> unsupported = eu.riscale.modelhub.core.op.Processing.unsupported(model);
            if (unsupported.isPresent()) {
                throw new IllegalArgumentException(unsupported.get());
            }
            NativeTypes.dtypeOf(Util.getTypeFromInterval(image));
            Setup s = new Setup();
            s.input = singleInput();
            InputTensorDescr in = s.input;
            s.inAxes = in.axes().stream().map(InputAxis::id).toList();
            int nk = s.inAxes.size();
            s.imageDimOfAxis = new int[nk];
            s.modelAxisOfDim = new int[image.numDimensions()];
            int[] sizes = new int[nk];
            for (int d = 0; d < image.numDimensions(); d++) {
                String a = imageAxes.ids().get(d);
                s.modelAxisOfDim[d] = s.inAxes.indexOf(a);
                if (s.modelAxisOfDim[d] < 0 && image.dimension(d) != 1) {
                    throw new IllegalArgumentException("input '" + in.id() + "': image axis '" + a + "' (dimension " + d
                            + ", size " + image.dimension(d) + ") is not an axis of the model input; expected axes "
                            + s.inAxes + " (axes of size 1 may be extra)");
                }
                if (image.dimension(d) > Integer.MAX_VALUE) {
                    throw new IllegalArgumentException("input '" + in.id() + "' axis '" + a + "': found size "
                            + image.dimension(d) + ", expected at most " + Integer.MAX_VALUE);
                }
            }
            for (int k = 0; k < nk; k++) {
                InputAxis axis = in.axes().get(k);
                int d = imageAxes.dimension(axis.id());
                s.imageDimOfAxis[k] = d;
                if (d < 0 && !maySingleton(axis)) {
                    throw new IllegalArgumentException("input '" + in.id() + "': missing axis '" + axis.id()
                            + "'; the image has axes " + imageAxes.ids() + ", the model input " + s.inAxes);
                }
                sizes[k] = d < 0 ? 1 : (int) image.dimension(d);
                if (axis instanceof ChannelAxis) {
                    List<String> names = ((ChannelAxis) axis).channelNames();
                    if (sizes[k] != names.size()) {
                        throw new IllegalArgumentException("input '" + in.id() + "' axis '" + axis.id() + "': found "
                                + sizes[k] + " channels, expected " + names.size() + " " + names);
                    }
                }
            }
            int[] halo = halo(in, s.inAxes);
            s.blocks = new ArrayList<>(nk);
            for (int k = 0; k < nk; k++) {
                int block = blockSize(in, in.axes().get(k), sizes[k], halo[k]);
                if (block - 2 * halo[k] < 1) {
                    throw new IllegalArgumentException("block size of input '" + in.id() + "' axis '" + s.inAxes.get(k)
                            + "': found " + block + ", which leaves no inner region inside the halo of " + halo[k]
                            + " on each side; expected more than " + 2 * halo[k]);
                }
                s.blocks.add(AxisBlocks.of(sizes[k], block, halo[k]));
            }
            s.outputs = plans(in, s);
            ProcessingChain post = eu.riscale.modelhub.core.op.Processing.postprocessing(model);
            if (!post.requiredMeasures().isEmpty()) {
                throw new IllegalArgumentException("the postprocessing measures statistics " + post.requiredMeasures()
                        + ", which blocks cannot know before the whole output exists; predict this model with"
                        + " PredictionPipeline (its tiling postprocesses the stitched output)");
            }
            preprocessing(s);
            open(s);
            return new ImgPrediction(this, s);
        }

        private InputTensorDescr singleInput() {
            List<InputTensorDescr> required =
                    model.inputs().stream().filter(i -> !i.optional()).toList();
            if (required.size() != 1) {
                throw new IllegalArgumentException("ImgPrediction runs models with one required input; this model"
                        + " needs "
                        + required.stream().map(InputTensorDescr::id).toList()
                        + ": predict it with PredictionPipeline");
            }
            return required.get(0);
        }

        private static boolean maySingleton(InputAxis axis) {
            if (axis instanceof BatchAxis) {
                Integer s = ((BatchAxis) axis).size();
                return s == null || s == 1;
            } else if (axis instanceof ChannelAxis) {
                return ((ChannelAxis) axis).channelNames().size() == 1;
            }
            InputSize size = axis.inputSize();
            if (size instanceof FixedSize) {
                return ((FixedSize) size).value() == 1;
            } else if (size instanceof ParameterizedSize) {
                return ((ParameterizedSize) size).min() == 1;
            }
            return false;
        }

        /** The input halo per axis: the largest output halo referring to it, in input units. */
        private int[] halo(InputTensorDescr in, List<String> inAxes) {
            int[] h = new int[inAxes.size()];
            for (OutputTensorDescr out : model.outputs()) {
                for (OutputAxis axis : out.axes()) {
                    OutputSize size = axis.outputSize();
                    if (axis.halo() == 0 || !(size instanceof SizeReference)) {
                        continue;
                    }
                    SizeReference ref = (SizeReference) size;
                    int k = inAxes.indexOf(ref.axisId());
                    if (!ref.tensorId().equals(in.id()) || k < 0) {
                        continue;
                    }
                    double inHalo =
                            axis.halo() * axis.scale() / in.axes().get(k).scale();
                    if (inHalo != Math.rint(inHalo)) {
                        throw new IllegalArgumentException("output '" + out.id() + "' axis '" + axis.id() + "': halo "
                                + axis.halo() + " is " + inHalo + " in units of input '" + in.id() + "' axis '"
                                + ref.axisId() + "', expected a whole number");
                    }
                    h[k] = Math.max(h[k], (int) inHalo);
                }
            }
            return h;
        }

        private int blockSize(InputTensorDescr in, InputAxis axis, int size, int halo) {
            Integer given = blockSizes.get(axis.id());
            if (axis instanceof BatchAxis) {
                Integer fixed = ((BatchAxis) axis).size();
                return fixed != null ? fixed : given != null ? Math.min(given, size) : size;
            } else if (axis instanceof ChannelAxis) {
                return size;
            }
            InputSize s = axis.inputSize();
            if (s instanceof FixedSize) {
                int v = ((FixedSize) s).value();
                if (given != null && given != v) {
                    throw new IllegalArgumentException("block size of input '" + in.id() + "' axis '" + axis.id()
                            + "': found " + given + ", expected " + v + " (the axis has a fixed size)");
                }
                return v;
            } else if (s instanceof ParameterizedSize) {
                ParameterizedSize p = (ParameterizedSize) s;
                if (given != null) {
                    if (given < p.min() || (given - p.min()) % p.step() != 0) {
                        throw new IllegalArgumentException("block size of input '" + in.id() + "' axis '" + axis.id()
                                + "': found " + given + ", expected min + n*step = " + p.min() + " + n*" + p.step());
                    }
                    return given;
                }
                if (sizeParameter >= 0) {
                    return Math.min(p.min() + sizeParameter * p.step(), smallestValid(p, size));
                }
                return Math.min(smallestValid(p, DEFAULT_BLOCK_SIZE), smallestValid(p, size + 2 * halo));
            }
            throw new IllegalArgumentException(
                    "input '" + in.id() + "' axis '" + axis.id() + "': its size refers to"
                            + " another tensor, which ImgPrediction does not split; predict this model with PredictionPipeline");
        }

        private static int smallestValid(ParameterizedSize p, int atLeast) {
            if (atLeast <= p.min()) {
                return p.min();
            }
            int n = (atLeast - p.min() + p.step() - 1) / p.step();
            return p.min() + n * p.step();
        }

        private Map<String, OutputPlan> plans(InputTensorDescr in, Setup s) {
            Map<String, OutputPlan> plans = new LinkedHashMap<>();
            for (OutputTensorDescr out : model.outputs()) {
                int n = out.axes().size();
                int[] full = new int[n];
                int[] inputAxis = new int[n];
                Set<Integer> followed = new LinkedHashSet<>();
                for (int j = 0; j < n; j++) {
                    OutputAxis axis = out.axes().get(j);
                    OutputSize size = axis.outputSize();
                    inputAxis[j] = -1;
                    String where = "output '" + out.id() + "' axis '" + axis.id() + "'";
                    if (size instanceof DataDependentSize) {
                        throw new IllegalArgumentException(where + " has a data-dependent size, so its cells cannot be"
                                + " laid out before prediction; predict this model with PredictionPipeline");
                    } else if (size instanceof SizeReference) {
                        SizeReference ref = (SizeReference) size;
                        int k = s.inAxes.indexOf(ref.axisId());
                        if (!ref.tensorId().equals(in.id()) || k < 0) {
                            throw new IllegalArgumentException(where + " refers to '" + ref.tensorId() + "' axis '"
                                    + ref.axisId() + "', which is not an axis of the input '" + in.id() + "'");
                        }
                        AxisBlocks b = s.blocks.get(k);
                        double factor = in.axes().get(k).scale() / axis.scale();
                        if (b.whole()) {
                            full[j] = (int) (b.size() * factor) + ref.offset();
                        } else {
                            if (factor != 1 || ref.offset() != 0) {
                                throw new IllegalArgumentException(where + " is input axis '" + ref.axisId()
                                        + "' scaled by " + factor + " with offset " + ref.offset()
                                        + "; ImgPrediction splits same-size outputs only (scale 1, offset 0)");
                            }
                            full[j] = b.size();
                            inputAxis[j] = k;
                            followed.add(k);
                        }
                    } else if (size instanceof FixedSize) {
                        full[j] = ((FixedSize) size).value();
                    } else if (axis instanceof ChannelAxis) {
                        full[j] = ((ChannelAxis) axis).channelNames().size();
                    } else if (axis instanceof BatchAxis) {
                        int k = s.inAxes.indexOf(axis.id());
                        full[j] = k < 0 ? 1 : s.blocks.get(k).size();
                        if (k >= 0 && !s.blocks.get(k).whole()) {
                            throw new IllegalArgumentException(where + ": the batch of "
                                    + s.blocks.get(k).size() + " does not fit the model's batch size "
                                    + s.blocks.get(k).block());
                        }
                    } else {
                        throw new IllegalArgumentException(where + " has no size ImgPrediction can lay out");
                    }
                }
                for (int k = 0; k < s.blocks.size(); k++) {
                    if (!s.blocks.get(k).whole() && !followed.contains(k)) {
                        throw new IllegalArgumentException("output '" + out.id() + "': input axis '" + s.inAxes.get(k)
                                + "' is split into blocks of " + s.blocks.get(k).block() + ", but no axis of the"
                                + " output follows it; give a block size covering the whole axis or use"
                                + " PredictionPipeline");
                    }
                }
                plans.put(
                        out.id(),
                        new OutputPlan(
                                out.id(),
                                lastDtype(out.effectivePostprocessing(), out.id()),
                                out.axes().stream().map(OutputAxis::id).toList(),
                                full,
                                inputAxis));
            }
            return java.util.Collections.unmodifiableMap(plans);
        }

        /** The preprocessing chain with every statistic known up front (so it is immutable and thread-safe). */
        @SuppressWarnings({"unchecked", "rawtypes"})
        private void preprocessing(Setup s) {
            String id = s.input.id();
            List<eu.riscale.modelhub.core.op.Op> ops =
                    eu.riscale.modelhub.core.op.Processing.effectivePreprocessing(s.input);
            Set<Measure> measures =
                    ProcessingChain.builder().add(id, ops).build().requiredMeasures();
            Statistics known = Statistics.empty();
            if (!measures.isEmpty()) {
                if (statistics != null) {
                    for (Measure m : measures) {
                        if (statistics.find(m).isEmpty()) {
                            throw new IllegalArgumentException("statistics: found no value for " + m
                                    + ", which the preprocessing of input '" + id + "' needs");
                        }
                    }
                    known = statistics;
                } else {
                    Tensor whole = ImgTensors.toTensor((RandomAccessibleInterval) image, imageAxes);
                    Tensor t = arrangeWhole(whole, s.inAxes);
                    Map<Measure, Measure> asSample = new LinkedHashMap<>();
                    for (Measure m : measures) {
                        asSample.put(
                                m,
                                new Measure(m.kind(), Measure.Scope.SAMPLE, m.tensorId(), m.axes(), m.q(), m.method()));
                    }
                    Statistics computed =
                            SampleStatistics.compute(Sample.of(Map.of(id, t)), new LinkedHashSet<>(asSample.values()));
                    Map<Measure, Tensor> values = new LinkedHashMap<>();
                    asSample.forEach((m, sm) -> values.put(m, computed.value(sm)));
                    known = Statistics.of(values);
                }
            }
            Map<Measure, Tensor> dataset = new LinkedHashMap<>();
            for (Measure m : measures) {
                if (m.scope() == Measure.Scope.DATASET) {
                    dataset.put(m, known.value(m));
                }
            }
            s.known = known;
            s.pre = ProcessingChain.builder()
                    .add(id, ops)
                    .datasetStatistics(Statistics.of(dataset))
                    .build();
        }

        private static Tensor arrangeWhole(Tensor raw, List<String> inAxes) {
            Tensor t = raw;
            for (String a : raw.axes()) {
                if (!inAxes.contains(a)) {
                    t = t.removeAxis(a);
                }
            }
            for (String a : inAxes) {
                if (!t.axes().contains(a)) {
                    t = t.insertAxis(t.ndim(), a);
                }
            }
            return t.axes().equals(inAxes) ? t : t.transpose(inAxes);
        }

        /** Loads the first weights format of the priority list that the description has and the backend runs. */
        private void open(Setup s) throws IOException {
            DType ready = lastDtype(s.input.effectivePreprocessing(), s.input.id());
            List<PreprocessingDescr> only = List.of(new EnsureDtypeDescr(new EnsureDtypeKwargs(ready)));
            List<InputTensorDescr> inputs = new ArrayList<>();
            for (InputTensorDescr i : model.inputs()) {
                inputs.add(i == s.input ? i.toBuilder().preprocessing(only).build() : i);
            }
            ModelDescr derived = model.toBuilder().inputs(inputs).build();
            List<String> reasons = new ArrayList<>();
            List<WeightsFormat> present = model.weights().formats();
            for (WeightsFormat f : weightsPriority) {
                if (!present.contains(f)) {
                    continue;
                }
                Optional<String> why = backend.unavailableReason(derived, f);
                if (why.isPresent()) {
                    reasons.add(f + ": " + why.get());
                    continue;
                }
                try {
                    s.session = backend.open(derived, root, f);
                    s.format = f;
                    return;
                } catch (IOException e) {
                    reasons.add(f + ": " + e.getMessage());
                }
            }
            throw new IOException("no weights of " + weightsPriority + " could be loaded (the description has "
                    + present + ")" + (reasons.isEmpty() ? "" : ": " + String.join("; ", reasons)));
        }

        /** The dtype an effective processing list ends in: its final ensure_dtype, or bool after binarize. */
        private static DType lastDtype(List<? extends PostprocessingDescr> ops, String tensorId) {
            PostprocessingDescr last = ops.isEmpty() ? null : ops.get(ops.size() - 1);
            if (last instanceof EnsureDtypeDescr) {
                return ((EnsureDtypeDescr) last).kwargs().dtype();
            } else if (last instanceof BinarizeDescr) {
                return DType.BOOL;
            }
            throw new AssertionError("tensor '" + tensorId + "': effective processing ends in " + last);
        }
    }
}
