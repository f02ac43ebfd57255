package eu.riscale.modelhub.core.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.riscale.modelhub.core.inference.Cancellation;
import eu.riscale.modelhub.core.inference.PredictionCancelledException;
import eu.riscale.modelhub.core.tensor.Tensor;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BatchPredictionTest {
    private static List<Integer> samples(int n) {
        return IntStream.range(0, n).boxed().toList();
    }

    private static Map<String, Tensor> tensor(int value) {
        return Map.of("x", Tensor.of(new float[] {value}, new int[] {1}, List.of("x")));
    }

    private static Map<String, Tensor> plusOne(Map<String, Tensor> in) {
        return Map.of("y", Tensor.of(new float[] {in.get("x").toFloatArray()[0] + 1}, new int[] {1}, List.of("x")));
    }

    /** Waits until a count reaches a value, failing after 10 s. */
    private static void awaitCount(IntSupplier count, int value) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (count.getAsInt() < value && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(count.getAsInt()).isEqualTo(value);
    }

    @Test
    void predictsEverySampleOnce() throws Exception {
        Map<Integer, Float> written = new ConcurrentHashMap<>();
        BatchSummary s = BatchPrediction.<Integer>builder()
                .reader(BatchPredictionTest::tensor)
                .predictor(BatchPredictionTest::plusOne)
                .writer((i, out) -> written.put(i, out.get("y").toFloatArray()[0]))
                .build()
                .run(samples(100));
        assertThat(s.allWritten()).isTrue();
        assertThat(s.written()).isEqualTo(100);
        assertThat(s.failures()).isEmpty();
        assertThat(written).hasSize(100);
        for (int i = 0; i < 100; i++) {
            assertThat(written.get(i)).isEqualTo(i + 1f);
        }
    }

    @Test
    void readerGetsAtMostQueuePlusTwoAheadOfAStuckPredictor() throws Exception {
        AtomicInteger reads = new AtomicInteger();
        CountDownLatch release = new CountDownLatch(1);
        BatchPrediction<Integer> batch = BatchPrediction.<Integer>builder()
                .queueCapacity(3)
                .reader(i -> {
                    reads.incrementAndGet();
                    return tensor(i);
                })
                .predictor(in -> {
                    release.await();
                    return plusOne(in);
                })
                .writer((i, out) -> {})
                .build();
        Thread runner = new Thread(() -> {
            try {
                batch.run(samples(50));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        runner.start();
        // one sample in the predictor, three in the queue, one in the reader's hand waiting for room: the reader
        // reads ahead while the model works, but no further
        awaitCount(reads::get, 5);
        Thread.sleep(300);
        assertThat(reads.get()).isEqualTo(5);
        release.countDown();
        runner.join(10_000);
        assertThat(reads.get()).isEqualTo(50);
    }

    @Test
    void aStuckWriterHoldsBackPredictionAndReading() throws Exception {
        AtomicInteger reads = new AtomicInteger();
        AtomicInteger predictions = new AtomicInteger();
        CountDownLatch release = new CountDownLatch(1);
        BatchPrediction<Integer> batch = BatchPrediction.<Integer>builder()
                .queueCapacity(2)
                .reader(i -> {
                    reads.incrementAndGet();
                    return tensor(i);
                })
                .predictor(in -> {
                    predictions.incrementAndGet();
                    return plusOne(in);
                })
                .writer((i, out) -> release.await())
                .build();
        assertThat(batch.maxSamplesInFlight()).isEqualTo(7);
        Thread runner = new Thread(() -> {
            try {
                batch.run(samples(50));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        runner.start();
        // writer 1 + write queue 2 + predictor waiting with 1; then read queue 2 + reader waiting with 1
        awaitCount(predictions::get, 4);
        awaitCount(reads::get, 7);
        Thread.sleep(300);
        assertThat(predictions.get()).isEqualTo(4);
        assertThat(reads.get()).isEqualTo(7);
        release.countDown();
        runner.join(10_000);
        assertThat(predictions.get()).isEqualTo(50);
    }

    @Test
    void samplesInMemoryStayWithinTheBoundWhateverTheNumberOfSamples() throws Exception {
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        BatchPrediction<Integer> batch = BatchPrediction.<Integer>builder()
                .readers(2)
                .writers(2)
                .reader(i -> {
                    most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                    return tensor(i);
                })
                .predictor(in -> {
                    Thread.sleep(1);
                    return plusOne(in);
                })
                .writer((i, out) -> inFlight.decrementAndGet())
                .build();
        BatchSummary s = batch.run(samples(500));
        assertThat(s.written()).isEqualTo(500);
        assertThat(most.get()).isBetween(2, batch.maxSamplesInFlight());
    }

    @Test
    void failedSamplesAreReportedAndTheOthersGoOn() throws Exception {
        List<SampleFailure> told = Collections.synchronizedList(new ArrayList<>());
        List<BatchProgress> progress = Collections.synchronizedList(new ArrayList<>());
        BatchSummary s = BatchPrediction.<Integer>builder()
                .sampleId(i -> "s" + i)
                .reader(i -> {
                    if (i == 3) {
                        throw new IOException("s3.tif: not a TIFF or PNG image");
                    }
                    return tensor(i);
                })
                .predictor(in -> {
                    if (in.get("x").toFloatArray()[0] == 5) {
                        throw new IllegalArgumentException("input 'x' axis 'x': found size 1, expected 2");
                    }
                    return plusOne(in);
                })
                .writer((i, out) -> {
                    if (i == 7) {
                        throw new IOException("cannot write s7.npy: permission denied");
                    }
                })
                .listener(new BatchListener() {
                    @Override
                    public void sampleFinished(BatchProgress p) {
                        progress.add(p);
                    }

                    @Override
                    public void sampleFailed(SampleFailure f) {
                        told.add(f);
                    }
                })
                .build()
                .run(samples(10));
        assertThat(s.written()).isEqualTo(7);
        assertThat(s.notRun()).isZero();
        assertThat(s.failures())
                .extracting(SampleFailure::summaryLine)
                .containsExactly(
                        "failed s3 (read): s3.tif: not a TIFF or PNG image",
                        "failed s5 (predict): input 'x' axis 'x': found size 1, expected 2",
                        "failed s7 (write): cannot write s7.npy: permission denied");
        assertThat(told).isEqualTo(s.failures());
        assertThat(progress).extracting(BatchProgress::finished).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
        assertThat(progress.get(9).failed()).isEqualTo(3);
    }

    @Test
    void cancellingStopsReadingAndWritesWhatWasPredicted() throws Exception {
        Cancellation cancel = Cancellation.create();
        AtomicInteger reads = new AtomicInteger();
        AtomicInteger predictions = new AtomicInteger();
        AtomicInteger writes = new AtomicInteger();
        BatchSummary s = BatchPrediction.<Integer>builder()
                .reader(i -> {
                    reads.incrementAndGet();
                    return tensor(i);
                })
                .predictor(in -> {
                    predictions.incrementAndGet();
                    return plusOne(in);
                })
                .writer((i, out) -> {
                    if (writes.incrementAndGet() == 5) {
                        cancel.cancel();
                    }
                })
                .cancellation(cancel)
                .build()
                .run(samples(100));
        assertThat(s.cancelled()).isTrue();
        assertThat(s.written()).isEqualTo(writes.get()).isEqualTo(predictions.get());
        assertThat(s.written()).isBetween(5, 5 + 2 + 1);
        assertThat(reads.get()).isLessThan(100);
        assertThat(s.notRun()).isEqualTo(100 - s.written());
    }

    @Test
    void aCancelledPredictionCancelsTheBatch() throws Exception {
        AtomicInteger predictions = new AtomicInteger();
        BatchSummary s = BatchPrediction.<Integer>builder()
                .reader(BatchPredictionTest::tensor)
                .predictor(in -> {
                    if (predictions.incrementAndGet() == 3) {
                        throw new PredictionCancelledException("prediction cancelled after 0 of 4 blocks");
                    }
                    return plusOne(in);
                })
                .writer((i, out) -> {})
                .build()
                .run(samples(20));
        assertThat(s.written()).isEqualTo(2);
        assertThat(s.failures()).isEmpty();
        assertThat(s.notRun()).isEqualTo(18);
        assertThat(predictions.get()).isEqualTo(3);
    }

    @Test
    void anErrorInAStageStopsTheBatchAndIsThrown() {
        BatchPrediction<Integer> batch = BatchPrediction.<Integer>builder()
                .reader(BatchPredictionTest::tensor)
                .predictor(in -> {
                    throw new OutOfMemoryError("Java heap space");
                })
                .writer((i, out) -> {})
                .build();
        assertThatThrownBy(() -> batch.run(samples(20)))
                .isInstanceOf(OutOfMemoryError.class)
                .hasMessage("Java heap space");
    }

    @Test
    void builderNamesWhatIsMissingOrWrong() {
        assertThatThrownBy(() -> BatchPrediction.<Integer>builder()
                        .predictor(in -> in)
                        .writer((i, o) -> {})
                        .build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("reader is required");
        assertThatThrownBy(() -> BatchPrediction.<Integer>builder().queueCapacity(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("queueCapacity: found 0, expected at least 1");
    }

    @Test
    void withoutOverlapEachSampleIsReadOnlyAfterThePreviousWasWritten() throws Exception {
        List<String> events = Collections.synchronizedList(new ArrayList<>());
        BatchSummary s = BatchPrediction.<Integer>builder()
                .overlap(false)
                .reader(i -> {
                    events.add("read " + i);
                    if (i == 1) {
                        throw new IOException("unreadable");
                    }
                    return tensor(i);
                })
                .predictor(BatchPredictionTest::plusOne)
                .writer((i, out) -> events.add("write " + i))
                .build()
                .run(samples(3));
        assertThat(events).containsExactly("read 0", "write 0", "read 1", "read 2", "write 2");
        assertThat(s.written()).isEqualTo(2);
        assertThat(s.failures()).extracting(SampleFailure::summaryLine).containsExactly("failed 1 (read): unreadable");
    }

    @Test
    void progressGivesRateAndTimeLeft() {
        BatchProgress p = new BatchProgress(10, 1, 40, Duration.ofSeconds(5));
        assertThat(p.rate()).isEqualTo(2.0);
        assertThat(p.remaining()).contains(Duration.ofSeconds(15));
        assertThat(new BatchProgress(0, 0, 40, Duration.ofSeconds(5)).remaining())
                .isEmpty();
        assertThatThrownBy(() -> new BatchProgress(3, 4, 40, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
