package eu.riscale.modelhub.core.testing;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The result of testing a model: the overall status and one {@link TestDetail} per check.
 *
 * <p>The status follows the reference: {@link SummaryStatus#FAILED} when a {@code format} or {@code io} check failed;
 * {@link SummaryStatus#VALID_FORMAT} when a {@code reproduce} or {@code shapes} check failed, or when no {@code
 * reproduce} check ran (every weights format skipped); {@link SummaryStatus#PASSED} otherwise. Render it with {@link
 * SummaryJson}, {@link SummaryMarkdown} or {@link SummaryText}.
 *
 * @param source the tested source as given (path or URL)
 * @param name the model's name, or {@code null} when the description could not be read
 * @param formatVersion the declared format version, or {@code null} when unreadable
 * @param details the checks in the order they ran
 */
public record TestSummary(
        String source, @Nullable String name, @Nullable String formatVersion, List<TestDetail> details) {
    /** Checks presence and copies the details. */
    public TestSummary {
        Objects.requireNonNull(source, "source");
        details = List.copyOf(details);
    }

    /** {@return the overall status, derived from the details} */
    public SummaryStatus status() {
        boolean reproduced = false;
        boolean dynamicFailed = false;
        for (TestDetail d : details) {
            boolean failed = d.status() == DetailStatus.FAILED;
            if (failed && (d.check() == CheckKind.FORMAT || d.check() == CheckKind.IO)) {
                return SummaryStatus.FAILED;
            }
            dynamicFailed |= failed;
            reproduced |= d.check() == CheckKind.REPRODUCE && d.status() == DetailStatus.PASSED;
        }
        return dynamicFailed || !reproduced ? SummaryStatus.VALID_FORMAT : SummaryStatus.PASSED;
    }

    /** {@return whether the model passed: {@link #status()} is {@link SummaryStatus#PASSED}} */
    public boolean passed() {
        return status() == SummaryStatus.PASSED;
    }
}
