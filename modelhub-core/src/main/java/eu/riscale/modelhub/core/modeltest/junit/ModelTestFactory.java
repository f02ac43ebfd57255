package eu.riscale.modelhub.core.modeltest.junit;

import eu.riscale.modelhub.core.modeltest.DetailStatus;
import eu.riscale.modelhub.core.modeltest.ModelTestRun;
import eu.riscale.modelhub.core.modeltest.ModelTests;
import eu.riscale.modelhub.core.modeltest.TestDetail;
import eu.riscale.modelhub.core.modeltest.TestOptions;
import eu.riscale.modelhub.core.modeltest.TestSummary;
import eu.riscale.modelhub.core.resource.ResourceRoot;
import eu.riscale.modelhub.spec.validation.Diagnostic;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;

/**
 * Runs a model's checks as JUnit 5/6 dynamic tests, one per check, so that each shows in Surefire reports and IDEs
 * with its own name ({@code reproduce: Reproduce test outputs from test inputs (onnx)}) and its own time: each check
 * runs inside its dynamic test, not in the factory; the checks that follow are planned as the earlier ones finish (the
 * weights formats are known after the format check). A failed check fails its test with the errors as message; a
 * skipped one is aborted (reported as skipped) with the reason. With {@link TestOptions#stopEarly()} no test follows
 * the first failed one.
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
 * consumer's test scope provides it. The source is opened when the stream is made and closed with the stream (JUnit
 * closes it after the last test). Surefire names dynamic tests by the factory method and an index unless its JUnit
 * Platform reporters use phrased names: {@code docs/testing-models.md} shows the setting.
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
     * @throws UncheckedIOException when the source cannot be opened at all
     */
    public static Stream<DynamicTest> dynamicTests(String source, TestOptions options) {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(options, "options");
        ResourceRoot root;
        try {
            root = ResourceRoot.open(source, options.resources());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot test " + source + ": " + e.getMessage(), e);
        }
        ModelTestRun run = ModelTests.start(source, root, options);
        Iterator<DynamicTest> tests = new Iterator<>() {
            private ModelTestRun.@Nullable Check buffered;
            private ModelTestRun.@Nullable Check last;

            @Override
            public boolean hasNext() {
                if (buffered != null) {
                    return true;
                }
                ModelTestRun.Check previous = last;
                if (previous != null) {
                    // the next checks are known once the previous one ran; it normally ran in its own test already
                    try {
                        previous.run();
                    } catch (IOException e) {
                        return false; // the description could not be read: nothing follows, its test reports why
                    }
                }
                buffered = run.next().orElse(null);
                return buffered != null;
            }

            @Override
            public DynamicTest next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                ModelTestRun.Check step = Objects.requireNonNull(buffered);
                buffered = null;
                last = step;
                return DynamicTest.dynamicTest(step.check().id() + ": " + step.name(), () -> verify(step.run()));
            }
        };
        return StreamSupport.stream(
                        Spliterators.spliteratorUnknownSize(tests, Spliterator.ORDERED | Spliterator.NONNULL), false)
                .onClose(() -> {
                    run.close();
                    root.close();
                });
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
