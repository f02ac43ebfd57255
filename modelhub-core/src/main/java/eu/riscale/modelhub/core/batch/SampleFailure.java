package eu.riscale.modelhub.core.batch;

import java.util.Objects;

/**
 * One sample of a batch that failed; the other samples go on.
 *
 * @param sampleId the sample's id
 * @param stage where it failed
 * @param message what went wrong, naming the file, tensor or axis where the failure says so
 * @param cause the exception
 */
public record SampleFailure(String sampleId, Stage stage, String message, Exception cause) {
    /** The step of the pipeline a sample failed in. */
    public enum Stage {
        /** Reading the inputs. */
        READ,
        /** Preprocessing, the network or postprocessing. */
        PREDICT,
        /** Writing the outputs. */
        WRITE;

        /** {@return the stage in lower case, as in summary lines: {@code read}, {@code predict}, {@code write}} */
        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** Checks the components. */
    public SampleFailure {
        Objects.requireNonNull(sampleId, "sampleId");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(cause, "cause");
    }

    /** {@return one summary line: {@code failed SAMPLE (STAGE): MESSAGE}} */
    public String summaryLine() {
        return "failed " + sampleId + " (" + stage.label() + "): " + message;
    }
}
