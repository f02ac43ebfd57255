package eu.riscale.modelhub.core.op;

import eu.riscale.modelhub.core.stats.DatasetStatistics;
import eu.riscale.modelhub.core.stats.Measure;
import eu.riscale.modelhub.core.stats.SampleStatistics;
import eu.riscale.modelhub.core.stats.Statistics;
import eu.riscale.modelhub.core.tensor.Sample;
import eu.riscale.modelhub.core.tensor.Tensor;
import eu.riscale.modelhub.spec.tensor.DType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Applies lists of ops per tensor id to samples, the way the reference's prediction pipeline does:
 *
 * <ol>
 *   <li>the statistics all ops of the chain need ({@link #requiredMeasures()}) are computed once, on the <em>raw</em>
 *       sample, before any op runs (for {@code [scale_linear, scale_range]} the percentiles come from the unscaled
 *       tensor);
 *   <li>dataset statistics come from {@link Builder#datasetStatistics(Statistics) given values}; those not given are a
 *       running aggregate over all samples processed so far by this chain, including the current one (so the first
 *       sample gets its own statistics);
 *   <li>the ops of each tensor run in order; tensors without ops, and ops of tensors absent from the sample, are
 *       skipped.
 * </ol>
 *
 * <p>Consecutive elementwise ops ({@code scale_linear}, {@code clip}, {@code binarize}, {@code sigmoid}, {@code
 * ensure_dtype}, {@code fixed_zero_mean_unit_variance}, {@code zero_mean_unit_variance}, {@code scale_range}) run as
 * one task per core, with the values of running them one by one; a step whose input is an intermediate result of the
 * chain writes into that result's storage where the types allow. The tensors of the given sample are never
 * modified. Results handed back with {@link #recycle} are reused as the storage of later results.
 *
 * <pre>{@code
 * ProcessingChain pre = ProcessingChain.builder()
 *         .add("raw", ZeroMeanUnitVariance.over(Set.of("x", "y")), EnsureDtype.of(DType.FLOAT32))
 *         .build();
 * Sample ready = pre.apply(Sample.of(Map.of("raw", image)));
 * }</pre>
 *
 * <p>A chain whose dataset statistics are running (not all given up front) updates them on every {@link #apply} and is
 * not thread-safe; otherwise it is immutable and thread-safe.
 */
public final class ProcessingChain {
    private final Map<String, List<Op>> ops;
    private final Set<Measure> required;
    private final Statistics given;
    private final DatasetStatistics running;
    private final boolean updating;
    private final Buffers buffers = new Buffers();

    private ProcessingChain(Builder b) {
        Map<String, List<Op>> m = new LinkedHashMap<>();
        b.ops.forEach((k, v) -> m.put(k, List.copyOf(v)));
        this.ops = Collections.unmodifiableMap(m);
        Set<Measure> req = new LinkedHashSet<>();
        ops.forEach((id, list) -> list.forEach(op -> req.addAll(op.requiredMeasures(id))));
        this.required = Collections.unmodifiableSet(req);
        this.given = b.given;
        Set<Measure> toAccumulate = new LinkedHashSet<>();
        for (Measure ms : required) {
            if (ms.scope() == Measure.Scope.DATASET
                    && (b.updateGiven || given.find(ms).isEmpty())) {
                toAccumulate.add(ms);
            }
        }
        this.running = DatasetStatistics.accumulating(toAccumulate);
        this.updating = !toAccumulate.isEmpty();
    }

    /** {@return a new builder} */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Builds a chain in one expression.
     *
     * @param spec fills the builder
     * @return the chain
     */
    public static ProcessingChain of(Consumer<Builder> spec) {
        Builder b = builder();
        spec.accept(b);
        return b.build();
    }

    /** {@return the ops by tensor id} */
    public Map<String, List<Op>> ops() {
        return ops;
    }

    /** {@return every statistic the ops need, sample and dataset scope} */
    public Set<Measure> requiredMeasures() {
        return required;
    }

    /** {@return the current dataset statistics: the given ones plus the running aggregate} */
    public Statistics datasetStatistics() {
        return given.with(running.statistics());
    }

    /**
     * Processes a sample.
     *
     * @param sample the raw sample
     * @return a sample with the processed tensors (tensors without ops are passed through)
     * @throws IllegalArgumentException if a tensor does not fit an op or a measured tensor is missing
     */
    public Sample apply(Sample sample) {
        return apply(sample, Statistics.empty());
    }

    /**
     * Processes a sample with extra known statistics, for example the input statistics a postprocessing op with an
     * input as {@code reference_tensor} needs. Known values win over computed ones.
     *
     * @param sample the raw sample
     * @param known statistics computed elsewhere
     * @return the processed sample
     */
    public Sample apply(Sample sample, Statistics known) {
        Objects.requireNonNull(known, "known");
        Set<Measure> sampleMeasures = new LinkedHashSet<>();
        for (Measure m : required) {
            if (m.scope() == Measure.Scope.SAMPLE
                    && known.find(m).isEmpty()
                    && sample.tensors().containsKey(m.tensorId())) {
                sampleMeasures.add(m);
            }
        }
        Statistics stats;
        synchronized (running) {
            if (updating) {
                running.update(sample);
            }
            stats = given.with(running.statistics());
        }
        stats = stats.with(SampleStatistics.compute(sample, sampleMeasures)).with(known);
        Map<String, Tensor> out = new LinkedHashMap<>(sample.tensors());
        for (Map.Entry<String, List<Op>> e : ops.entrySet()) {
            Tensor t = out.get(e.getKey());
            if (t != null) {
                out.put(e.getKey(), run(t, e.getKey(), e.getValue(), stats, buffers));
            }
        }
        return Sample.of(out);
    }

    /**
     * The ops of one tensor: each run of consecutive elementwise ops in one {@link Pass}, the others ({@code softmax},
     * {@code scale_mean_variance}) on their own. A pass whose input is an intermediate result of this chain (not the
     * caller's tensor: no one else holds it) writes its result into the same storage when the storage types match.
     */
    private static Tensor run(Tensor input, String tensorId, List<Op> list, Statistics stats, Buffers buffers) {
        Tensor t = input;
        DType type = t.dtype();
        List<Kernel> pending = new ArrayList<>();
        for (Op op : list) {
            List<Kernel> ks = Pass.kernels(op, t, type, tensorId, stats);
            if (ks != null) {
                pending.addAll(ks);
                if (!ks.isEmpty()) {
                    type = ks.get(ks.size() - 1).out();
                }
                continue;
            }
            t = Pass.run(t, pending, t != input);
            pending.clear();
            t = op.apply(t, tensorId, stats);
            type = t.dtype();
        }
        // only results go through the buffers: an intermediate is never handed out, so never handed back
        return Pass.run(t, pending, t != input, buffers);
    }

    /**
     * Hands the tensors of a sample this chain returned back to it, for a later {@link #apply} to write its results
     * into their storage instead of new arrays (a loop over many samples of one shape then allocates nothing). The
     * caller must not use those tensors afterwards, nor tensors that share their storage ({@link Tensor#withAxes},
     * {@link Tensor#reshape}, {@link Tensor#insertAxis}, {@link Tensor#removeAxis}): their values change. Tensors
     * this chain did not allocate (for example the caller's own tensors passed through), tensors derived from a result
     * and results already handed back are ignored.
     *
     * <pre>{@code
     * for (Sample raw : samples) {
     *     Sample ready = pre.apply(raw);
     *     consume(ready); // copies the values out, for example into an engine's tensor
     *     pre.recycle(ready);
     * }
     * }</pre>
     *
     * @param processed a sample returned by {@link #apply} whose tensors are no longer used
     */
    public void recycle(Sample processed) {
        for (Tensor t : processed.tensors().values()) {
            buffers.give(t);
        }
    }

    @Override
    public String toString() {
        return "ProcessingChain" + ops;
    }

    /** Collects the ops per tensor and the dataset statistics. Not thread-safe. */
    public static final class Builder {
        private final Map<String, List<Op>> ops = new LinkedHashMap<>();
        private Statistics given = Statistics.empty();
        private boolean updateGiven;

        private Builder() {}

        /**
         * Appends ops for a tensor (they run after the ops already added for it).
         *
         * @param tensorId the tensor id
         * @param toAdd the ops, in order
         * @return this builder
         */
        public Builder add(String tensorId, Op... toAdd) {
            Objects.requireNonNull(tensorId, "tensorId");
            List<Op> list = ops.computeIfAbsent(tensorId, k -> new ArrayList<>());
            for (int i = 0; i < toAdd.length; i++) {
                list.add(Objects.requireNonNull(toAdd[i], "ops[" + i + "]"));
            }
            return this;
        }

        /**
         * Appends ops for a tensor.
         *
         * @param tensorId the tensor id
         * @param toAdd the ops, in order
         * @return this builder
         */
        public Builder add(String tensorId, List<? extends Op> toAdd) {
            return add(tensorId, toAdd.toArray(new Op[0]));
        }

        /**
         * Gives dataset statistics up front (for example loaded with {@link Statistics#load}); they are used as they
         * are unless {@link #keepUpdating(boolean)} is set.
         *
         * @param stats the values
         * @return this builder
         */
        public Builder datasetStatistics(Statistics stats) {
            this.given = Objects.requireNonNull(stats, "stats");
            return this;
        }

        /**
         * Whether given dataset statistics are replaced by a running aggregate over the processed samples (default
         * false: given values are frozen).
         *
         * @param keepUpdating true to keep updating
         * @return this builder
         */
        public Builder keepUpdating(boolean keepUpdating) {
            this.updateGiven = keepUpdating;
            return this;
        }

        /** {@return the chain} */
        public ProcessingChain build() {
            return new ProcessingChain(this);
        }
    }
}
