package eu.riscale.modelhub.core.testing;

import eu.riscale.modelhub.spec.validation.Diagnostic;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;

/**
 * Runs a model's checks as JUnit 5/6 dynamic tests, one per {@link TestDetail}, so that failures show in surefire
 * reports. A failed detail fails its test with the errors as message; a skipped one is aborted (reported as skipped)
 * with the reason.
 *
 * <pre>{@code
 * class MyModelTest {
 *     @TestFactory
 *     Stream<DynamicTest> myModel() {
 *         return ModelTestFactory.dynamicTests("src/main/model/bioimageio.yaml");
 *     }
 * }
 * }</pre>
 *
 * <p>Needs {@code org.junit.jupiter:junit-jupiter-api} on the class path: modelhub-core declares it optional, so the
 * consumer's test scope provides it. The model is tested once, when the stream is made.
 */
public final class ModelTestFactory {
    private ModelTestFactory() {}

    /**
     * Tests a source with the default options and returns one dynamic test per check.
     *
     * @param source a description file, a folder, a zip package or an http(s) URL
     * @return the tests
     * @throws UncheckedIOException when the source cannot be read at all
     */
    public static Stream<DynamicTest> dynamicTests(String source) {
        return dynamicTests(source, TestOptions.defaults());
    }

    /**
     * Tests a source and returns one dynamic test per check.
     *
     * @param source a description file, a folder, a zip package or an http(s) URL
     * @param options the options
     * @return the tests
     * @throws UncheckedIOException when the source cannot be read at all
     */
    public static Stream<DynamicTest> dynamicTests(String source, TestOptions options) {
        try {
            return dynamicTests(ModelTests.test(source, options));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot test " + source + ": " + e.getMessage(), e);
        }
    }

    /**
     * Turns an existing summary into dynamic tests.
     *
     * @param summary the summary
     * @return one test per detail, named {@code check: name}
     */
    public static Stream<DynamicTest> dynamicTests(TestSummary summary) {
        Objects.requireNonNull(summary, "summary");
        return summary.details().stream()
                .map(d -> DynamicTest.dynamicTest(d.check().id() + ": " + d.name(), () -> verify(d)));
    }

    private static void verify(TestDetail detail) {
        if (detail.status() == DetailStatus.SKIPPED) {
            Assumptions.abort("skipped: " + detail.skipReason());
        }
        if (detail.status() == DetailStatus.FAILED) {
            Assertions.fail(detail.errors().stream().map(Diagnostic::describe).collect(Collectors.joining("\n")));
        }
    }
}
