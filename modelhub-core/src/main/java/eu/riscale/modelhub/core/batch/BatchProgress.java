package eu.riscale.modelhub.core.batch;

import java.time.Duration;
import java.util.Optional;

/**
 * How far a batch has got, as told to a {@link BatchListener} after each sample.
 *
 * @param finished samples finished so far, written or failed
 * @param failed of those, the failed ones
 * @param total samples in the batch
 * @param elapsed time since the batch started
 */
public record BatchProgress(int finished, int failed, int total, Duration elapsed) {
    /** Checks the counts. */
    public BatchProgress {
        if (finished < 0 || failed < 0 || failed > finished || finished > total) {
            throw new IllegalArgumentException("found finished " + finished + ", failed " + failed + ", total " + total
                    + "; expected 0 <= failed <= finished <= total");
        }
        java.util.Objects.requireNonNull(elapsed, "elapsed");
    }

    /** {@return samples finished per second so far; 0 before the first} */
    public double rate() {
        double seconds = elapsed.toNanos() / 1e9;
        return finished == 0 || seconds <= 0 ? 0 : finished / seconds;
    }

    /** {@return the time left at the rate so far; empty before the first sample finished} */
    public Optional<Duration> remaining() {
        double r = rate();
        if (r <= 0) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofMillis(Math.round((total - finished) / r * 1000)));
    }
}
