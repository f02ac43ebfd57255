package eu.riscale.modelhub.core.inference;

import eu.riscale.modelhub.core.tensor.Tensor;
import eu.riscale.modelhub.spec.ModelDescr;
import eu.riscale.modelhub.spec.axis.Axis;
import eu.riscale.modelhub.spec.axis.BatchAxis;
import eu.riscale.modelhub.spec.tensor.InputTensorDescr;
import eu.riscale.modelhub.spec.tensor.OutputTensorDescr;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Runs the blocks of a tiled prediction with several blocks in one engine call, stacked along the batch axis, where
 * the description allows it: every given input and every output has a batch axis, and no input's batch axis has a
 * fixed size. The first block runs alone; its input and output bytes give the batch size {@code k}: the largest
 * {@code k} up to the requested maximum for which {@code k * (input + output) * }{@value #ENGINE_MARGIN} (the factor
 * leaves as much again for the engine's own buffers) fits the memory budget. All blocks of a tiling have the same shape
 * (border blocks are shifted back or reflect-padded to the block shape), so any {@code k} blocks stack. When the
 * engine rejects a batch (weights exported with a fixed batch size although the description leaves it free), the
 * remaining blocks run one per call.
 */
final class BlockBatching {
    /** The factor on a batch's input and output bytes that must fit the memory budget. */
    static final int ENGINE_MARGIN = 2;

    /** One engine call on stacked block inputs, in the model's axis order. */
    @FunctionalInterface
    interface Engine {
        Map<String, Tensor> run(Map<String, Tensor> inputs) throws InferenceException;
    }

    /** Progress and cancellation between engine calls. */
    interface Steps {
        /** Called before each engine call with the blocks done so far. */
        void before(int done, int total) throws PredictionCancelledException;

        /** Called after each block's outputs are stitched. */
        void blockDone(int done, int total);
    }

    private BlockBatching() {}

    /**
     * Tells whether blocks of this model may be stacked along the batch axis.
     *
     * @param model the description
     * @param given the ids of the inputs present in the sample
     * @return true when every given input has a batch axis without a fixed size and every output a batch axis
     */
    static boolean allowed(ModelDescr model, Set<String> given) {
        boolean any = false;
        for (InputTensorDescr in : model.inputs()) {
            if (!given.contains(in.id())) {
                continue;
            }
            BatchAxis b = batchAxis(in.axes());
            if (b == null || b.size() != null) {
                return false;
            }
            any = true;
        }
        for (OutputTensorDescr out : model.outputs()) {
            if (batchAxis(out.axes()) == null) {
                return false;
            }
        }
        return any;
    }

    /**
     * The batch size for blocks of a given size.
     *
     * @param blockBytes the input and output bytes of one block
     * @param budget the memory budget in bytes
     * @param max the most blocks per call, at least 1
     * @return the number of blocks per engine call, from 1 to {@code max}
     */
    static int size(long blockBytes, long budget, int max) {
        long perBlock = blockBytes > Long.MAX_VALUE / ENGINE_MARGIN ? Long.MAX_VALUE : blockBytes * ENGINE_MARGIN;
        long fit = budget / Math.max(1, perBlock);
        return (int) Math.max(1, Math.min(max, fit));
    }

    /**
     * Runs every block of a tiled prediction and stitches its outputs.
     *
     * @param t the tiled prediction, no block put yet
     * @param engine the network
     * @param max the most blocks per call, at least 1
     * @param budget the memory budget in bytes
     * @param steps progress and cancellation
     * @return the number of blocks per call that was used for the blocks after the first (1 when not batched)
     */
    static int run(TiledPrediction t, Engine engine, int max, long budget, Steps steps) throws InferenceException {
        int total = t.blockCount();
        boolean batch = max > 1 && total > 1 && allowed(t.model(), t.inputIds());
        int k = 1;
        int done = 0;
        while (done < total) {
            steps.before(done, total);
            int n = Math.min(k, total - done);
            Map<String, Tensor> in = n == 1 ? t.blockInputs(done) : t.batchInputs(done, n);
            Map<String, Tensor> out;
            try {
                out = engine.run(in);
            } catch (InvalidInputException e) {
                if (n == 1) {
                    throw e;
                }
                // the weights take one block at a time although the description leaves the batch free
                k = 1;
                continue;
            }
            if (n == 1) {
                t.putBlockOutputs(done, out);
            } else {
                t.putBatchOutputs(done, n, out);
            }
            if (done == 0 && batch) {
                k = size(bytes(in) + bytes(out), budget, max);
            }
            for (int j = 1; j <= n; j++) {
                steps.blockDone(done + j, total);
            }
            done += n;
        }
        return k;
    }

    static long bytes(Map<String, Tensor> tensors) {
        long total = 0;
        for (Tensor t : tensors.values()) {
            total += (long) t.size() * t.dtype().byteSize();
        }
        return total;
    }

    /** {@return the index of the batch axis, or -1} */
    static int batchIndex(List<? extends Axis> axes) {
        for (int i = 0; i < axes.size(); i++) {
            if (axes.get(i) instanceof BatchAxis) {
                return i;
            }
        }
        return -1;
    }

    private static @Nullable BatchAxis batchAxis(List<? extends Axis> axes) {
        int i = batchIndex(axes);
        return i < 0 ? null : (BatchAxis) axes.get(i);
    }
}
