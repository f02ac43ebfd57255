package eu.riscale.modelhub.core.modeltest;

import eu.riscale.modelhub.spec.validation.Diagnostic;
import eu.riscale.modelhub.spec.validation.Location;
import java.time.Duration;
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
 * @param type the declared resource type ({@code model}), or {@code null} when unreadable
 * @param id the resource's {@code id} as declared, or {@code null} when it has none
 * @param env what the checks ran with: the SDK, the engines that ran, Java, the OS, the device
 */
public record TestSummary(
        String source,
        @Nullable String name,
        @Nullable String formatVersion,
        List<TestDetail> details,
        @Nullable String type,
        @Nullable String id,
        List<EnvironmentEntry> env) {
    /** Checks presence and copies the lists. */
    public TestSummary {
        Objects.requireNonNull(source, "source");
        details = List.copyOf(details);
        env = List.copyOf(env);
    }

    /**
     * Makes a summary without type, id or environment, for example in tests of renderers.
     *
     * @param source the tested source
     * @param name the model's name, or {@code null}
     * @param formatVersion the declared format version, or {@code null}
     * @param details the checks
     */
    public TestSummary(String source, @Nullable String name, @Nullable String formatVersion, List<TestDetail> details) {
        this(source, name, formatVersion, details, null, null, List.of());
    }

    /**
     * Makes the summary of a source that could not be read at all (a missing file, a folder without a description, a
     * refused zip, a failed download): one failed {@code format} detail with the reason, status {@link
     * SummaryStatus#FAILED}, and the {@link EnvironmentEntry#base() base environment}. {@code modelhub test} writes it
     * like any other summary, so that a script that parses the output always finds one.
     *
     * @param source the source as given
     * @param reason why it could not be read
     * @return the summary
     */
    public static TestSummary unreadable(String source, String reason) {
        TestDetail detail = TestDetail.ran(
                CheckKind.FORMAT,
                FormatCheck.NAME,
                null,
                List.of(Diagnostic.error(Location.ROOT, "cannot read " + source + ": " + reason)),
                List.of(),
                List.of(),
                Duration.ZERO);
        return new TestSummary(source, null, null, List.of(detail), null, null, EnvironmentEntry.base());
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
