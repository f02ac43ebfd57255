package eu.riscale.modelhub.core.inference;

import eu.riscale.modelhub.spec.weights.WeightsFormat;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * How a {@link PredictionPipeline} runs: weights priority, device, tiling, memory budget, progress and cancellation.
 * Immutable.
 *
 * <pre>{@code
 * PredictionOptions o = PredictionOptions.of(b -> b.weightsPriority(List.of(WeightsFormat.ONNX))
 *         .tiling(Tiling.blockShape(Map.of("y", 256, "x", 256))));
 * }</pre>
 *
 * <p>Without a weights priority the pipeline takes {@link WeightsOrder}'s, the fastest formats first where the model
 * runs (CPU or GPU).
 */
public final class PredictionOptions {
    /** The default memory budget for automatic blocks: 64 MiB of input block elements. */
    public static final long DEFAULT_MEMORY_BUDGET = 64L << 20;

    /**
     * The default for {@link Builder#blockBatch(int)}: at most 8 blocks per engine call. Measured on the example's
     * 25 blocks of 512 x 512 (docs/performance.md, "Blocks in one engine call").
     */
    public static final int DEFAULT_BLOCK_BATCH = 8;

    private static final PredictionOptions DEFAULTS = builder().build();

    private final @Nullable List<WeightsFormat> weightsPriority;
    private final boolean gpu;
    private final Tiling tiling;
    private final long memoryBudget;
    private final int blockBatch;
    private final ProgressListener progress;
    private final Cancellation cancellation;
    private final boolean verifyHashes;

    private PredictionOptions(Builder b) {
        this.weightsPriority = b.weightsPriority;
        this.gpu = b.gpu;
        this.tiling = b.tiling;
        this.memoryBudget = b.memoryBudget;
        this.blockBatch = b.blockBatch;
        this.progress = b.progress;
        this.cancellation = b.cancellation;
        this.verifyHashes = b.verifyHashes;
    }

    /** {@return the defaults: the fastest weights on the CPU, automatic tiling, 64 MiB budget} */
    public static PredictionOptions defaults() {
        return DEFAULTS;
    }

    /** {@return a builder with the defaults} */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Builds options in one expression.
     *
     * @param spec fills the builder
     * @return the options
     */
    public static PredictionOptions of(Consumer<Builder> spec) {
        Builder b = builder();
        spec.accept(b);
        return b.build();
    }

    /** {@return a builder with these options} */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.weightsPriority = weightsPriority;
        return b.gpu(gpu)
                .tiling(tiling)
                .memoryBudget(memoryBudget)
                .blockBatch(blockBatch)
                .progress(progress)
                .cancellation(cancellation)
                .verifyHashes(verifyHashes);
    }

    /**
     * The weights formats to try, in order: the one set on the builder, or else {@link WeightsOrder}'s for the
     * requested device (the pipeline takes the CPU's when a GPU was requested but no engine reports one).
     *
     * @return the formats, at least one
     */
    public List<WeightsFormat> weightsPriority() {
        return weightsPriority != null
                ? weightsPriority
                : WeightsOrder.fastestFirst(gpu ? WeightsOrder.Device.GPU : WeightsOrder.Device.CPU);
    }

    /** {@return whether a weights priority was set, rather than the fastest-first order for the device} */
    public boolean weightsPriorityIsSet() {
        return weightsPriority != null;
    }

    /** {@return whether to use the first GPU when the engine reports one} */
    public boolean gpu() {
        return gpu;
    }

    /** {@return how samples are split into blocks} */
    public Tiling tiling() {
        return tiling;
    }

    /**
     * {@return the memory budget in bytes: in automatic tiling the largest input bytes of one block, and for batched
     * blocks the bound on a call's input and output bytes times 2}
     */
    public long memoryBudget() {
        return memoryBudget;
    }

    /** {@return the most blocks of a tiled prediction per engine call; 1 runs one call per block} */
    public int blockBatch() {
        return blockBatch;
    }

    /** {@return the progress listener} */
    public ProgressListener progress() {
        return progress;
    }

    /** {@return the cancellation checked between blocks} */
    public Cancellation cancellation() {
        return cancellation;
    }

    /**
     * {@return whether a weights file is checked against the sha256 its description declares before it is loaded
     * (default true); a mismatch then fails {@code PredictionPipeline.create}}
     */
    public boolean verifyHashes() {
        return verifyHashes;
    }

    @Override
    public String toString() {
        return "PredictionOptions[weightsPriority=" + weightsPriority() + ", gpu=" + gpu + ", tiling=" + tiling
                + ", memoryBudget=" + memoryBudget + ", blockBatch=" + blockBatch + ", verifyHashes=" + verifyHashes
                + "]";
    }

    /** Collects the options. Not thread-safe. */
    public static final class Builder {
        private @Nullable List<WeightsFormat> weightsPriority;
        private boolean gpu;
        private Tiling tiling = Tiling.auto();
        private long memoryBudget = DEFAULT_MEMORY_BUDGET;
        private int blockBatch = DEFAULT_BLOCK_BATCH;
        private ProgressListener progress = ProgressListener.NONE;
        private Cancellation cancellation = Cancellation.create();
        private boolean verifyHashes = true;

        private Builder() {}

        /**
         * Sets the weights formats to try, in order; formats without a Java engine are reported, not tried. Without
         * it the fastest formats for the device come first ({@link WeightsOrder}).
         *
         * @param weightsPriority at least one format, no duplicates
         * @return this builder
         * @throws IllegalArgumentException if empty or with duplicates
         */
        public Builder weightsPriority(List<WeightsFormat> weightsPriority) {
            List<WeightsFormat> copy = List.copyOf(Objects.requireNonNull(weightsPriority, "weightsPriority"));
            if (copy.isEmpty()) {
                throw new IllegalArgumentException("weightsPriority: found [], expected at least one format");
            }
            if (copy.stream().distinct().count() != copy.size()) {
                throw new IllegalArgumentException("weightsPriority: found " + copy + ", expected no duplicates");
            }
            this.weightsPriority = copy;
            return this;
        }

        /**
         * Sets whether to use the first GPU when the engine reports one (default false: CPU).
         *
         * @param gpu true to prefer a GPU
         * @return this builder
         */
        public Builder gpu(boolean gpu) {
            this.gpu = gpu;
            return this;
        }

        /**
         * Sets the tiling (default {@link Tiling#auto()}).
         *
         * @param tiling the tiling
         * @return this builder
         */
        public Builder tiling(Tiling tiling) {
            this.tiling = Objects.requireNonNull(tiling, "tiling");
            return this;
        }

        /**
         * Sets the memory budget: in automatic tiling the bytes of a block's input elements, and for batched blocks
         * ({@link #blockBatch(int)}) the bound on twice a call's input and output bytes.
         *
         * @param bytes positive
         * @return this builder
         * @throws IllegalArgumentException if not positive
         */
        public Builder memoryBudget(long bytes) {
            if (bytes < 1) {
                throw new IllegalArgumentException("memoryBudget: found " + bytes + ", expected a positive number");
            }
            this.memoryBudget = bytes;
            return this;
        }

        /**
         * Sets the most blocks of a tiled prediction that go into one engine call, stacked along the batch axis
         * (default {@value PredictionOptions#DEFAULT_BLOCK_BATCH}). Fewer go when the memory budget is smaller: the
         * first block runs alone and a call's input and output bytes times 2 stay
         * within {@link #memoryBudget(long)}. Blocks run one per call whatever this says when the description fixes
         * the batch size of an input or an input or output has no batch axis. The outputs equal one call per block
         * within the engine's float tolerance.
         *
         * @param blocks 1 or more; 1 runs one call per block
         * @return this builder
         * @throws IllegalArgumentException if less than 1
         */
        public Builder blockBatch(int blocks) {
            if (blocks < 1) {
                throw new IllegalArgumentException("blockBatch: found " + blocks + ", expected 1 or more");
            }
            this.blockBatch = blocks;
            return this;
        }

        /**
         * Sets the progress listener.
         *
         * @param progress the listener
         * @return this builder
         */
        public Builder progress(ProgressListener progress) {
            this.progress = Objects.requireNonNull(progress, "progress");
            return this;
        }

        /**
         * Sets the cancellation checked between blocks.
         *
         * @param cancellation the flag
         * @return this builder
         */
        public Builder cancellation(Cancellation cancellation) {
            this.cancellation = Objects.requireNonNull(cancellation, "cancellation");
            return this;
        }

        /**
         * Sets whether weights files are checked against their declared sha256 before they are loaded (default true).
         * Switching this off runs a file that may not be the one the description pins: only for files you trust.
         *
         * @param verifyHashes false to load weights without checking their sha256
         * @return this builder
         */
        public Builder verifyHashes(boolean verifyHashes) {
            this.verifyHashes = verifyHashes;
            return this;
        }

        /** {@return the options} */
        public PredictionOptions build() {
            return new PredictionOptions(this);
        }
    }
}
