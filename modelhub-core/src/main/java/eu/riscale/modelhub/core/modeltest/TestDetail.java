package eu.riscale.modelhub.core.modeltest;

import eu.riscale.modelhub.spec.validation.Diagnostic;
import eu.riscale.modelhub.spec.validation.Location;
import eu.riscale.modelhub.spec.weights.WeightsFormat;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One check of a model test.
 *
 * @param check the kind of check, a fixed machine-readable id
 * @param name a readable name, for example {@code Reproduce test outputs from test inputs (onnx)}
 * @param status passed, failed or skipped
 * @param weightsFormat the weights format the check ran with, or {@code null} for checks of the description
 * @param errors what failed; empty unless the status is {@link DetailStatus#FAILED}
 * @param warnings what should be looked at without failing the check, including files not checked
 * @param skipReason why the check was skipped, or {@code null} when it ran
 * @param deviations for {@link CheckKind#REPRODUCE}: how each compared output deviates from its test output
 * @param duration how long the check took
 */
public record TestDetail(
        CheckKind check,
        String name,
        DetailStatus status,
        @Nullable WeightsFormat weightsFormat,
        List<Diagnostic> errors,
        List<Diagnostic> warnings,
        @Nullable String skipReason,
        List<Deviation> deviations,
        Duration duration) {
    /**
     * Checks consistency and copies the lists.
     *
     * @throws IllegalArgumentException when the status does not agree with the errors or the skip reason
     */
    public TestDetail {
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
        errors = List.copyOf(errors);
        warnings = List.copyOf(warnings);
        deviations = List.copyOf(deviations);
        Objects.requireNonNull(duration, "duration");
        if ((status == DetailStatus.FAILED) == errors.isEmpty()) {
            throw new IllegalArgumentException("status " + status.id() + " with " + errors.size() + " errors");
        }
        if ((status == DetailStatus.SKIPPED) != (skipReason != null)) {
            throw new IllegalArgumentException("a skip reason goes with status skipped only, found " + status.id());
        }
    }

    /**
     * Makes a detail of a check that ran: failed when there are errors, passed otherwise.
     *
     * @param check the kind of check
     * @param name the readable name
     * @param weightsFormat the weights format, or {@code null}
     * @param errors the errors
     * @param warnings the warnings
     * @param deviations the output deviations (reproduce checks)
     * @param duration how long it took
     * @return the detail
     */
    public static TestDetail ran(
            CheckKind check,
            String name,
            @Nullable WeightsFormat weightsFormat,
            List<Diagnostic> errors,
            List<Diagnostic> warnings,
            List<Deviation> deviations,
            Duration duration) {
        return new TestDetail(
                check,
                name,
                errors.isEmpty() ? DetailStatus.PASSED : DetailStatus.FAILED,
                weightsFormat,
                errors,
                warnings,
                null,
                deviations,
                duration);
    }

    /**
     * Makes a detail of a check that could not run.
     *
     * @param check the kind of check
     * @param name the readable name
     * @param weightsFormat the weights format, or {@code null}
     * @param reason why it could not run
     * @return the detail
     */
    public static TestDetail skipped(
            CheckKind check, String name, @Nullable WeightsFormat weightsFormat, String reason) {
        return new TestDetail(
                check,
                name,
                DetailStatus.SKIPPED,
                weightsFormat,
                List.of(),
                List.of(),
                Objects.requireNonNull(reason, "reason"),
                List.of(),
                Duration.ZERO);
    }

    /**
     * {@return where in the description this check applies, as the reference's detail {@code loc}: {@code weights.<format>}
     * for the checks of one weights format, the root for the checks of the whole description}
     */
    public Location location() {
        return weightsFormat == null ? Location.ROOT : Location.of("weights", weightsFormat.id());
    }

    /** {@return the weights format, empty for checks of the description and its files} */
    public Optional<WeightsFormat> format() {
        return Optional.ofNullable(weightsFormat);
    }
}
