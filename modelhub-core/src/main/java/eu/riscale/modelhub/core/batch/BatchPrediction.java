package eu.riscale.modelhub.core.batch;

import eu.riscale.modelhub.core.inference.Cancellation;
import eu.riscale.modelhub.core.inference.PredictionCancelledException;
import eu.riscale.modelhub.core.tensor.Tensor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Predicts many samples with reading, prediction and writing overlapped: reader threads read the next samples while
 * the predictor threads run the model and writer threads write earlier outputs. The stages are joined by bounded
 * queues, so at most {@link #maxSamplesInFlight()} samples are in memory at once however many are given, and a slow
 * stage makes the faster ones wait instead of piling up samples.
 *
 * <p>A sample that fails to read, predict or write becomes a {@link SampleFailure} and the batch goes on with the next
 * one. A {@link Cancellation} stops the batch: no new sample is read or predicted, samples already predicted are still
 * written, and {@link #run} returns with the rest counted as {@link BatchSummary#notRun()}. A prediction that throws
 * {@link PredictionCancelledException} cancels the batch the same way.
 *
 * <pre>{@code
 * try (PredictionPipeline p = PredictionPipeline.create(model, folder, PredictionOptions.defaults())) {
 *     BatchPrediction<Path> batch = BatchPrediction.<Path>builder()
 *             .sampleId(file -> file.getFileName().toString())
 *             .reader(file -> Map.of("raw", Images.read(file)))
 *             .predictor(p::predict)
 *             .writer((file, out) -> Npy.write(out.get("probability"), outDir.resolve(file.getFileName() + ".npy")))
 *             .build();
 *     BatchSummary summary = batch.run(files);
 *     summary.failures().forEach(f -> System.err.println(f.summaryLine()));
 * }
 * }</pre>
 *
 * <p>Thread-safety: a {@code BatchPrediction} holds no state between runs and may run several batches, also
 * concurrently; the reader, predictor and writer it is given are called from several threads at once when their
 * stage has more than one thread (a {@link eu.riscale.modelhub.core.inference.PredictionPipeline} is thread-safe).
 *
 * @param <S> what describes one sample, for example its input files
 */
public final class BatchPrediction<S> {
    /**
     * Reads the inputs of one sample.
     *
     * @param <S> the sample type
     */
    @FunctionalInterface
    public interface Reader<S> {
        /**
         * Reads a sample.
         *
         * @param sample the sample
         * @return its input tensors by input id
         * @throws Exception when it cannot be read; the sample then fails at {@link SampleFailure.Stage#READ}
         */
        Map<String, Tensor> read(S sample) throws Exception;
    }

    /** Predicts one sample, for example {@code pipeline::predict}. */
    @FunctionalInterface
    public interface Predictor {
        /**
         * Predicts.
         *
         * @param inputs the input tensors by id
         * @return the output tensors by id
         * @throws Exception when the prediction fails; the sample then fails at {@link SampleFailure.Stage#PREDICT}
         *     ({@link PredictionCancelledException} cancels the batch instead)
         */
        Map<String, Tensor> predict(Map<String, Tensor> inputs) throws Exception;
    }

    /**
     * Writes the outputs of one sample.
     *
     * @param <S> the sample type
     */
    @FunctionalInterface
    public interface Writer<S> {
        /**
         * Writes.
         *
         * @param sample the sample
         * @param outputs its output tensors by id
         * @throws Exception when writing fails; the sample then fails at {@link SampleFailure.Stage#WRITE}
         */
        void write(S sample, Map<String, Tensor> outputs) throws Exception;
    }

    private final Function<? super S, String> sampleId;
    private final Reader<? super S> reader;
    private final Predictor predictor;
    private final Writer<? super S> writer;
    private final int queueCapacity;
    private final int readers;
    private final int predictors;
    private final int writers;
    private final BatchListener listener;
    private final Cancellation cancellation;
    private final boolean overlap;

    private BatchPrediction(Builder<S> b) {
        this.overlap = b.overlap;
        this.sampleId = b.sampleId;
        this.reader = b.reader;
        this.predictor = b.predictor;
        this.writer = b.writer;
        this.queueCapacity = b.queueCapacity;
        this.readers = b.readers;
        this.predictors = b.predictors;
        this.writers = b.writers;
        this.listener = b.listener;
        this.cancellation = b.cancellation;
    }

    /**
     * {@return a builder}
     *
     * @param <S> what describes one sample
     */
    public static <S> Builder<S> builder() {
        return new Builder<>();
    }

    /**
     * {@return the most samples held in memory at once: one per worker thread plus two full queues (1 without overlap)}
     */
    public int maxSamplesInFlight() {
        return !overlap ? 1 : readers + predictors + writers + 2 * queueCapacity;
    }

    /**
     * Runs the batch and waits for it to finish.
     *
     * @param samples the samples, in the order they are read (with several threads a stage may finish them out of
     *     order)
     * @return what was written, what failed and why, and what was not run after a cancellation
     * @throws InterruptedException when the calling thread is interrupted; the workers are stopped first
     */
    public BatchSummary run(List<? extends S> samples) throws InterruptedException {
        return overlap ? new Run(List.copyOf(samples)).execute() : sequential(List.copyOf(samples));
    }

    /** Reads, predicts and writes one sample after the other on the calling thread. */
    private BatchSummary sequential(List<S> samples) throws InterruptedException {
        long start = System.nanoTime();
        List<SampleFailure> failures = new ArrayList<>();
        int written = 0;
        int finished = 0;
        for (S s : samples) {
            if (cancellation.isCancelled()) {
                break;
            }
            if (Thread.interrupted()) {
                throw new InterruptedException("batch interrupted after " + finished + " samples");
            }
            SampleFailure.Stage stage = SampleFailure.Stage.READ;
            try {
                Map<String, Tensor> in = reader.read(s);
                stage = SampleFailure.Stage.PREDICT;
                Map<String, Tensor> out = predictor.predict(in);
                stage = SampleFailure.Stage.WRITE;
                writer.write(s, out);
                written++;
            } catch (PredictionCancelledException e) {
                break;
            } catch (Exception e) {
                SampleFailure f = failure(s, stage, e);
                failures.add(f);
                listener.sampleFailed(f);
            }
            finished++;
            listener.sampleFinished(new BatchProgress(
                    finished, failures.size(), samples.size(), Duration.ofNanos(System.nanoTime() - start)));
        }
        return new BatchSummary(
                samples.size(),
                written,
                failures,
                samples.size() - finished,
                Duration.ofNanos(System.nanoTime() - start));
    }

    private SampleFailure failure(S sample, SampleFailure.Stage stage, Exception e) {
        String message = e.getMessage() != null ? e.getMessage() : e.getClass().getName();
        return new SampleFailure(sampleId.apply(sample), stage, message, e);
    }

    /** A sample between stages. */
    private record Item<S>(S sample, Map<String, Tensor> tensors) {}

    /** The state of one run. */
    private final class Run {
        private final Object end = new Object();
        private final List<S> samples;
        private final AtomicInteger next = new AtomicInteger();
        private final BlockingQueue<Object> readQueue = new ArrayBlockingQueue<>(queueCapacity);
        private final BlockingQueue<Object> writeQueue = new ArrayBlockingQueue<>(queueCapacity);
        private final AtomicInteger readersLeft = new AtomicInteger(readers);
        private final AtomicInteger predictorsLeft = new AtomicInteger(predictors);
        private final List<Thread> threads = new ArrayList<>(); // complete before any starts
        private final Object lock = new Object();
        private final List<SampleFailure> failures = new ArrayList<>();
        private final long start = System.nanoTime();
        private int finished;
        private int written;
        private volatile boolean cancelled;
        private volatile @Nullable Throwable fatal;

        Run(List<S> samples) {
            this.samples = samples;
        }

        BatchSummary execute() throws InterruptedException {
            for (int i = 0; i < readers; i++) {
                worker("read-" + (i + 1), this::read);
            }
            for (int i = 0; i < predictors; i++) {
                worker("predict-" + (i + 1), this::predict);
            }
            for (int i = 0; i < writers; i++) {
                worker("write-" + (i + 1), this::write);
            }
            for (Thread t : threads) {
                t.start(); // all created first: abort() interrupts every one of them
            }
            try {
                for (Thread t : threads) {
                    t.join();
                }
            } catch (InterruptedException e) {
                abort(e);
                joinUninterruptibly();
                throw e;
            }
            Throwable f = fatal;
            if (f instanceof RuntimeException) {
                throw (RuntimeException) f;
            } else if (f instanceof Error) {
                throw (Error) f;
            } else if (f != null) {
                throw new IllegalStateException(f);
            }
            synchronized (lock) {
                return new BatchSummary(samples.size(), written, failures, samples.size() - finished, elapsed());
            }
        }

        private void worker(String name, Worker body) {
            Thread t = new Thread(
                    () -> {
                        try {
                            body.run();
                        } catch (InterruptedException e) {
                            // stopping: abort() interrupted this worker
                        } catch (Throwable e) {
                            abort(e);
                        }
                    },
                    "modelhub-batch-" + name);
            t.setDaemon(true);
            threads.add(t);
        }

        private boolean stopping() {
            return cancelled || fatal != null || cancellation.isCancelled();
        }

        private void read() throws InterruptedException {
            try {
                while (!stopping()) {
                    int i = next.getAndIncrement();
                    if (i >= samples.size()) {
                        break;
                    }
                    S s = samples.get(i);
                    Map<String, Tensor> inputs;
                    try {
                        inputs = reader.read(s);
                    } catch (Exception e) {
                        failed(s, SampleFailure.Stage.READ, e);
                        continue;
                    }
                    readQueue.put(new Item<>(s, inputs));
                }
            } finally {
                if (readersLeft.decrementAndGet() == 0) {
                    ends(readQueue, predictors);
                }
            }
        }

        @SuppressWarnings("unchecked")
        private void predict() throws InterruptedException {
            try {
                while (true) {
                    Object o = readQueue.take();
                    if (o == end) {
                        break;
                    }
                    Item<S> item = (Item<S>) o;
                    if (stopping()) {
                        continue; // cancelled: drop what was read but not predicted
                    }
                    Map<String, Tensor> outputs;
                    try {
                        outputs = predictor.predict(item.tensors());
                    } catch (PredictionCancelledException e) {
                        cancelled = true;
                        continue;
                    } catch (Exception e) {
                        failed(item.sample(), SampleFailure.Stage.PREDICT, e);
                        continue;
                    }
                    writeQueue.put(new Item<>(item.sample(), outputs));
                }
            } finally {
                if (predictorsLeft.decrementAndGet() == 0) {
                    ends(writeQueue, writers);
                }
            }
        }

        @SuppressWarnings("unchecked")
        private void write() throws InterruptedException {
            while (true) {
                Object o = writeQueue.take();
                if (o == end) {
                    return;
                }
                Item<S> item = (Item<S>) o;
                if (fatal != null) {
                    continue;
                }
                try {
                    writer.write(item.sample(), item.tensors());
                } catch (Exception e) {
                    failed(item.sample(), SampleFailure.Stage.WRITE, e);
                    continue;
                }
                synchronized (lock) {
                    written++;
                    finished++;
                    listener.sampleFinished(progress());
                }
            }
        }

        /** Tells the next stage's threads that no more samples come; after an abort nobody waits for them. */
        private void ends(BlockingQueue<Object> queue, int consumers) throws InterruptedException {
            for (int i = 0; i < consumers; i++) {
                if (fatal != null) {
                    queue.offer(end);
                } else {
                    queue.put(end);
                }
            }
        }

        private void failed(S sample, SampleFailure.Stage stage, Exception e) {
            String message =
                    e.getMessage() != null ? e.getMessage() : e.getClass().getName();
            SampleFailure f = new SampleFailure(sampleId.apply(sample), stage, message, e);
            synchronized (lock) {
                failures.add(f);
                finished++;
                listener.sampleFailed(f);
                listener.sampleFinished(progress());
            }
        }

        private BatchProgress progress() {
            return new BatchProgress(finished, failures.size(), samples.size(), elapsed());
        }

        private Duration elapsed() {
            return Duration.ofNanos(System.nanoTime() - start);
        }

        private void abort(Throwable e) {
            synchronized (lock) {
                if (fatal == null) {
                    fatal = e;
                }
            }
            for (Thread t : threads) {
                if (t != Thread.currentThread()) {
                    t.interrupt();
                }
            }
        }

        private void joinUninterruptibly() {
            boolean interrupted = false;
            for (Thread t : threads) {
                while (t.isAlive()) {
                    try {
                        t.join();
                    } catch (InterruptedException e) {
                        interrupted = true;
                    }
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The body of a worker thread. */
    @FunctionalInterface
    private interface Worker {
        void run() throws InterruptedException;
    }

    /**
     * Builds a {@link BatchPrediction}; {@code reader}, {@code predictor} and {@code writer} are required.
     *
     * @param <S> what describes one sample
     */
    public static final class Builder<S> {
        private Function<? super S, String> sampleId = String::valueOf;
        private @Nullable Reader<? super S> reader;
        private @Nullable Predictor predictor;
        private @Nullable Writer<? super S> writer;
        private int queueCapacity = 2;
        private int readers = 1;
        private int predictors = 1;
        private int writers = 1;
        private BatchListener listener = BatchListener.NONE;
        private Cancellation cancellation = Cancellation.create();
        private boolean overlap = true;

        private Builder() {}

        /**
         * Sets whether the stages overlap on worker threads (default) or run one sample after the other on the calling
         * thread, for comparison and debugging: the same results, one sample in memory, the model idle during I/O.
         *
         * @param overlap false to run sequentially
         * @return this builder
         */
        public Builder<S> overlap(boolean overlap) {
            this.overlap = overlap;
            return this;
        }

        /**
         * Sets how a sample is named in failures; default {@code String.valueOf}.
         *
         * @param sampleId the naming function
         * @return this builder
         */
        public Builder<S> sampleId(Function<? super S, String> sampleId) {
            this.sampleId = Objects.requireNonNull(sampleId, "sampleId");
            return this;
        }

        /**
         * Sets the reader (required).
         *
         * @param reader reads a sample's inputs
         * @return this builder
         */
        public Builder<S> reader(Reader<? super S> reader) {
            this.reader = Objects.requireNonNull(reader, "reader");
            return this;
        }

        /**
         * Sets the predictor (required), for example {@code pipeline::predict}.
         *
         * @param predictor runs the model
         * @return this builder
         */
        public Builder<S> predictor(Predictor predictor) {
            this.predictor = Objects.requireNonNull(predictor, "predictor");
            return this;
        }

        /**
         * Sets the writer (required).
         *
         * @param writer writes a sample's outputs
         * @return this builder
         */
        public Builder<S> writer(Writer<? super S> writer) {
            this.writer = Objects.requireNonNull(writer, "writer");
            return this;
        }

        /**
         * Sets how many samples wait between two stages; default 2.
         *
         * @param queueCapacity at least 1
         * @return this builder
         */
        public Builder<S> queueCapacity(int queueCapacity) {
            this.queueCapacity = positive(queueCapacity, "queueCapacity");
            return this;
        }

        /**
         * Sets the reader threads; default 1.
         *
         * @param readers at least 1
         * @return this builder
         */
        public Builder<S> readers(int readers) {
            this.readers = positive(readers, "readers");
            return this;
        }

        /**
         * Sets the predictor threads; default 1 (the engines use several cores per prediction already).
         *
         * @param predictors at least 1
         * @return this builder
         */
        public Builder<S> predictors(int predictors) {
            this.predictors = positive(predictors, "predictors");
            return this;
        }

        /**
         * Sets the writer threads; default 1.
         *
         * @param writers at least 1
         * @return this builder
         */
        public Builder<S> writers(int writers) {
            this.writers = positive(writers, "writers");
            return this;
        }

        /**
         * Sets the listener told after each sample; default none.
         *
         * @param listener the listener
         * @return this builder
         */
        public Builder<S> listener(BatchListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /**
         * Sets the flag that stops the batch; default a flag nobody cancels.
         *
         * @param cancellation the flag
         * @return this builder
         */
        public Builder<S> cancellation(Cancellation cancellation) {
            this.cancellation = Objects.requireNonNull(cancellation, "cancellation");
            return this;
        }

        /**
         * {@return the batch}
         *
         * @throws IllegalStateException naming the first required part that was not set
         */
        public BatchPrediction<S> build() {
            if (reader == null) {
                throw new IllegalStateException("reader is required");
            }
            if (predictor == null) {
                throw new IllegalStateException("predictor is required");
            }
            if (writer == null) {
                throw new IllegalStateException("writer is required");
            }
            return new BatchPrediction<>(this);
        }

        private static int positive(int value, String name) {
            if (value < 1) {
                throw new IllegalArgumentException(name + ": found " + value + ", expected at least 1");
            }
            return value;
        }
    }
}
