package eu.riscale.modelhub.core.batch;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What a batch did.
 *
 * @param total samples given
 * @param written samples whose outputs were written
 * @param failures the failed samples, in the order they failed
 * @param notRun samples never finished because the batch was cancelled
 * @param elapsed the batch's wall-clock time
 */
public record BatchSummary(int total, int written, List<SampleFailure> failures, int notRun, Duration elapsed) {
    /** Checks the counts and copies the list. */
    public BatchSummary {
        failures = List.copyOf(failures);
        Objects.requireNonNull(elapsed, "elapsed");
        if (written < 0 || notRun < 0 || written + failures.size() + notRun != total) {
            throw new IllegalArgumentException("found written " + written + ", failed " + failures.size() + ", not run "
                    + notRun + ", expected them to add up to total " + total);
        }
    }

    /** {@return whether every sample was written} */
    public boolean allWritten() {
        return written == total;
    }

    /** {@return whether the batch stopped before every sample finished} */
    public boolean cancelled() {
        return notRun > 0;
    }
}
