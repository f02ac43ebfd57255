package eu.riscale.modelhub.core.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.riscale.modelhub.spec.validation.Diagnostic;
import eu.riscale.modelhub.spec.validation.Location;
import eu.riscale.modelhub.spec.weights.WeightsFormat;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

class ModelTestFactoryTest {
    @Test
    void oneDynamicTestPerDetailThatFailsPassesOrAbortsLikeIt() throws Throwable {
        TestSummary s = new TestSummary(
                "x",
                "n",
                "0.5.7",
                List.of(
                        TestDetail.ran(
                                CheckKind.FORMAT,
                                "Format validation",
                                null,
                                List.of(),
                                List.of(),
                                List.of(),
                                Duration.ZERO),
                        TestDetail.ran(
                                CheckKind.IO,
                                "I/O",
                                null,
                                List.of(Diagnostic.error(Location.of("covers", 0), "file not found")),
                                List.of(),
                                List.of(),
                                Duration.ZERO),
                        TestDetail.skipped(CheckKind.REPRODUCE, "Reproduce (onnx)", WeightsFormat.ONNX, "no engine")));
        List<DynamicTest> tests = ModelTestFactory.dynamicTests(s).toList();
        assertThat(tests)
                .extracting(DynamicTest::getDisplayName)
                .containsExactly("format: Format validation", "io: I/O", "reproduce: Reproduce (onnx)");
        tests.get(0).getExecutable().execute();
        assertThatThrownBy(() -> tests.get(1).getExecutable().execute())
                .isInstanceOf(AssertionFailedError.class)
                .hasMessage("covers.0: file not found");
        assertThatThrownBy(() -> tests.get(2).getExecutable().execute())
                .isInstanceOf(TestAbortedException.class)
                .hasMessageContaining("no engine");
    }
}
