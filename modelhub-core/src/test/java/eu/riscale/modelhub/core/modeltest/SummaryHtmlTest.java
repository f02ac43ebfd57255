package eu.riscale.modelhub.core.modeltest;

import static org.assertj.core.api.Assertions.assertThat;

import eu.riscale.modelhub.core.tensor.Tensor;
import eu.riscale.modelhub.spec.validation.Diagnostic;
import eu.riscale.modelhub.spec.validation.Location;
import eu.riscale.modelhub.spec.weights.WeightsFormat;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SummaryHtmlTest {
    private static final String HOSTILE = "<script>alert('x')</script> | **bold** [link](http://evil) `code` & \"q\"";

    private static TestSummary summary() {
        Tensor e = Tensor.of(new float[] {0, 1}, new int[] {1, 2}, List.of("y", "x"));
        Tensor a = Tensor.of(new float[] {0, 3}, new int[] {1, 2}, List.of("y", "x"));
        Deviation d = Deviation.compare("prob", a, e, Tolerance.DEFAULT);
        TestDetail format = TestDetail.ran(
                CheckKind.FORMAT,
                "Format validation",
                null,
                List.of(),
                List.of(Diagnostic.warning(Location.of("name"), HOSTILE)),
                List.of(),
                Duration.ofMillis(12));
        TestDetail reproduce = TestDetail.ran(
                CheckKind.REPRODUCE,
                "Reproduce test outputs from test inputs (onnx)",
                WeightsFormat.ONNX,
                List.of(Diagnostic.error(Location.of("outputs", 0, "<b>"), d.describe())),
                List.of(),
                List.of(d),
                Duration.ofMillis(1500));
        TestDetail skipped =
                TestDetail.skipped(CheckKind.REPRODUCE, "Reproduce (torchscript)", WeightsFormat.TORCHSCRIPT, HOSTILE);
        return new TestSummary(
                "m/<rdf>.yaml",
                "My <i>model</i>",
                "0.5.7",
                List.of(format, reproduce, skipped),
                "model",
                "affable-shark",
                List.of(
                        new EnvironmentEntry("OnnxRuntime", "1.21.1", ""),
                        new EnvironmentEntry("device", "cpu()", "")));
    }

    @Test
    void thePageHasTheVerdictTheChecksTheFindingsAndTheEnvironment() {
        String html = SummaryHtml.render(summary());
        assertThat(html)
                .startsWith("<!DOCTYPE html>")
                .endsWith("</html>\n")
                .contains("<div class=\"verdict valid-format\">")
                .contains("<title>Model test valid-format: My &lt;i&gt;model&lt;/i&gt;</title>")
                .contains("model, format 0.5.7", "id affable-shark", "3 checks, 1 error, 1 warning")
                .contains("<td><span class=\"pill failed\">failed</span></td><td>reproduce</td>")
                .contains("<td class=\"num\">1.50 s</td>")
                .contains("Reproduce (torchscript)<div class=\"skip\">&lt;script&gt;")
                .contains("<code>outputs.0.&lt;b&gt;</code> output &#39;prob&#39;: 1 of 2 elements mismatched")
                .contains("<td>prob</td><td class=\"num\">1 of 2</td><td class=\"num\">500000.0</td>")
                .contains("<td>OnnxRuntime</td><td>1.21.1</td>", "<td>device</td><td>cpu()</td>");
        // self-contained: no script, no external resource
        assertThat(html).doesNotContain("<script", "src=", "href=", "@import", "url(");
        // the verdict comes before the table of checks
        assertThat(html.indexOf("class=\"verdict")).isLessThan(html.indexOf("<h2>Checks</h2>"));
    }

    @Test
    void hostileTextIsEscapedInHtml() {
        String html = SummaryHtml.render(summary());
        assertThat(html)
                .doesNotContain(HOSTILE)
                .doesNotContain("<i>model</i>")
                .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; | **bold** [link](http://evil) `code`"
                        + " &amp; &quot;q&quot;")
                .contains("m/&lt;rdf&gt;.yaml");
    }

    @Test
    void hostileTextIsEscapedInMarkdown() {
        String md = SummaryMarkdown.render(summary());
        assertThat(md)
                .doesNotContain("<script>", "<i>", "**bold**", "[link]")
                .contains("&lt;script&gt;alert('x')&lt;/script&gt; \\| \\*\\*bold\\*\\* \\[link\\](http://evil)"
                        + " \\`code\\` &amp; \"q\"")
                .contains("- <code>outputs.0.&lt;b&gt;</code>: output 'prob'")
                .contains("- name: My &lt;i&gt;model&lt;/i&gt;")
                .contains("| OnnxRuntime | 1.21.1 |  |");
        // a pipe in a name cannot add a table column: each row of the checks table has 8 unescaped pipes
        for (String row : md.lines().filter(l -> l.startsWith("| reproduce")).toList()) {
            assertThat(row.replace("\\|", "").chars().filter(c -> c == '|').count())
                    .isEqualTo(8);
        }
    }
}
