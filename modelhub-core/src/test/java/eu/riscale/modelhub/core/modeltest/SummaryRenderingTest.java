package eu.riscale.modelhub.core.modeltest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.riscale.modelhub.core.tensor.Tensor;
import eu.riscale.modelhub.spec.validation.Diagnostic;
import eu.riscale.modelhub.spec.validation.Location;
import eu.riscale.modelhub.spec.weights.WeightsFormat;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class SummaryRenderingTest {
    private static final TestDetail FORMAT = TestDetail.ran(
            CheckKind.FORMAT,
            "Format validation",
            null,
            List.of(),
            List.of(Diagnostic.warning(Location.of("cite"), "Needs to be filled")),
            List.of(),
            Duration.ofMillis(12));

    private static TestDetail reproduceFailed() {
        Tensor e = Tensor.of(new float[] {0, 1}, new int[] {1, 2}, List.of("y", "x"));
        Tensor a = Tensor.of(new float[] {0, 3}, new int[] {1, 2}, List.of("y", "x"));
        Deviation d = Deviation.compare("prob", a, e, Tolerance.DEFAULT);
        return TestDetail.ran(
                CheckKind.REPRODUCE,
                "Reproduce test outputs from test inputs (onnx)",
                WeightsFormat.ONNX,
                List.of(Diagnostic.error(Location.of("outputs", 0), d.describe())),
                List.of(),
                List.of(d),
                Duration.ofMillis(1500));
    }

    @Test
    void statusFollowsTheReference() {
        TestDetail passed = TestDetail.ran(
                CheckKind.REPRODUCE, "r", WeightsFormat.ONNX, List.of(), List.of(), List.of(), Duration.ZERO);
        TestDetail skipped = TestDetail.skipped(CheckKind.REPRODUCE, "r", WeightsFormat.TORCHSCRIPT, "no engine");
        TestDetail ioFailed = TestDetail.ran(
                CheckKind.IO,
                "io",
                null,
                List.of(Diagnostic.error(Location.of("covers", 0), "missing")),
                List.of(),
                List.of(),
                Duration.ZERO);
        assertThat(new TestSummary("s", "n", "0.5.7", List.of(FORMAT, passed, skipped)).status())
                .isEqualTo(SummaryStatus.PASSED);
        assertThat(new TestSummary("s", "n", "0.5.7", List.of(FORMAT, skipped)).status())
                .isEqualTo(SummaryStatus.VALID_FORMAT);
        assertThat(new TestSummary("s", "n", "0.5.7", List.of(FORMAT, passed, reproduceFailed())).status())
                .isEqualTo(SummaryStatus.VALID_FORMAT);
        assertThat(new TestSummary("s", "n", "0.5.7", List.of(FORMAT, ioFailed, passed)).status())
                .isEqualTo(SummaryStatus.FAILED);
    }

    @Test
    void detailsMustAgreeWithTheirStatus() {
        assertThatThrownBy(() -> new TestDetail(
                        CheckKind.IO,
                        "io",
                        DetailStatus.PASSED,
                        null,
                        List.of(Diagnostic.error(Location.ROOT, "x")),
                        List.of(),
                        null,
                        List.of(),
                        Duration.ZERO))
                .hasMessageContaining("status passed with 1 errors");
        assertThatThrownBy(() -> new TestDetail(
                        CheckKind.IO,
                        "io",
                        DetailStatus.SKIPPED,
                        null,
                        List.of(),
                        List.of(),
                        null,
                        List.of(),
                        Duration.ZERO))
                .hasMessageContaining("skip reason");
    }

    @Test
    void jsonHasTheDocumentedKeys() {
        TestSummary s = new TestSummary(
                "m/rdf.yaml",
                "My model",
                "0.5.7",
                List.of(
                        FORMAT,
                        reproduceFailed(),
                        TestDetail.skipped(CheckKind.SHAPES, "sh", WeightsFormat.ONNX, "why")));
        String line = SummaryJson.line(s);
        assertThat(line).doesNotContain("\n");
        JsonNode root = JsonMapper.builder().build().readTree(line);
        assertThat(root.get("schema_version").asInt()).isEqualTo(2);
        assertThat(root.get("source").asString()).isEqualTo("m/rdf.yaml");
        // the reference's ValidationSummary keys (bioimageio.spec summary.py)
        assertThat(root.get("name").asString()).isEqualTo("modelhub test");
        assertThat(root.get("source_name").asString()).isEqualTo("m/rdf.yaml");
        assertThat(root.get("model_name").asString()).isEqualTo("My model");
        assertThat(root.get("format_version").asString()).isEqualTo("0.5.7");
        assertThat(root.get("type").asString()).isEqualTo("unknown");
        assertThat(root.get("id").isNull()).isTrue();
        assertThat(root.get("env").isArray()).isTrue();
        assertThat(root.get("status").asString()).isEqualTo("valid-format");
        JsonNode format = root.get("details").get(0);
        assertThat(format.get("check").asString()).isEqualTo("format");
        assertThat(format.get("status").asString()).isEqualTo("passed");
        assertThat(format.get("weights_format").isNull()).isTrue();
        assertThat(format.get("loc").isArray()).isTrue();
        assertThat(format.get("loc")).isEmpty();
        assertThat(format.get("warnings").get(0).get("loc").toString()).isEqualTo("[\"cite\"]");
        assertThat(format.get("warnings").get(0).get("type").asString()).isEqualTo("warning");
        assertThat(format.get("warnings").get(0).get("severity").asInt()).isEqualTo(30);
        assertThat(format.get("duration_s").asDouble()).isEqualTo(0.012);
        JsonNode reproduce = root.get("details").get(1);
        assertThat(reproduce.get("weights_format").asString()).isEqualTo("onnx");
        assertThat(reproduce.get("status").asString()).isEqualTo("failed");
        assertThat(reproduce.get("loc").toString()).isEqualTo("[\"weights\",\"onnx\"]");
        JsonNode error = reproduce.get("errors").get(0);
        assertThat(error.get("type").asString()).isEqualTo("error");
        assertThat(error.get("loc").toString()).isEqualTo("[\"outputs\",0]");
        assertThat(error.get("msg").asString()).startsWith("output 'prob': 1 of 2 elements mismatched");
        JsonNode dev = reproduce.get("deviations").get(0);
        assertThat(dev.get("output_id").asString()).isEqualTo("prob");
        assertThat(dev.get("mismatched").asLong()).isEqualTo(1);
        assertThat(dev.get("mismatched_per_million").asDouble()).isEqualTo(500_000.0);
        assertThat(dev.get("max_absolute").asDouble()).isEqualTo(2.0);
        assertThat(dev.get("max_absolute_index").get("x").asInt()).isEqualTo(1);
        assertThat(dev.get("tolerance").get("mismatched_elements_per_million").asInt())
                .isEqualTo(100);
        JsonNode skipped = root.get("details").get(2);
        assertThat(skipped.get("status").asString()).isEqualTo("skipped");
        assertThat(skipped.get("skip_reason").asString()).isEqualTo("why");
        assertThat(SummaryJson.pretty(s)).contains("\n  \"status\" : \"valid-format\"");
    }

    @Test
    void markdownAndTextNameEveryCheckAndMessage() {
        TestSummary s = new TestSummary("m/rdf.yaml", "My model", "0.5.7", List.of(FORMAT, reproduceFailed()));
        String md = SummaryMarkdown.render(s);
        assertThat(md)
                .startsWith("# ⚠️ Model test: valid-format")
                .contains(
                        "| reproduce | Reproduce test outputs from test inputs (onnx) | onnx | failed | 1 | 0 | 1.50 s |")
                .contains("- <code>outputs.0</code>: output 'prob': 1 of 2 elements mismatched")
                .contains("- <code>cite</code>: Needs to be filled");
        String text = SummaryText.render(s);
        assertThat(text)
                .startsWith("model test of m/rdf.yaml (My model): VALID-FORMAT\n")
                .contains("  passed  format    Format validation (0.01 s)\n")
                .contains("      warning: cite: Needs to be filled\n")
                .contains("      error: outputs.0: output 'prob': 1 of 2 elements mismatched");
    }
}
