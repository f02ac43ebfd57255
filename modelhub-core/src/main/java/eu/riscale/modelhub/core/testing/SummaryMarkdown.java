package eu.riscale.modelhub.core.testing;

import eu.riscale.modelhub.spec.validation.Diagnostic;
import java.util.List;
import java.util.Locale;

/** Renders a {@link TestSummary} as Markdown, for a {@code .md} summary file or a CI job summary. Thread-safe. */
public final class SummaryMarkdown {
    private SummaryMarkdown() {}

    /**
     * Renders the summary: a heading with the status, a table of the checks, then each check's errors and warnings.
     *
     * @param summary the summary
     * @return the Markdown text
     */
    public static String render(TestSummary summary) {
        StringBuilder b = new StringBuilder();
        b.append("# ")
                .append(icon(summary.status()))
                .append(" Model test: ")
                .append(summary.status().id())
                .append("\n\n");
        b.append("- source: `").append(summary.source()).append("`\n");
        if (summary.name() != null) {
            b.append("- name: ").append(escape(summary.name())).append('\n');
        }
        if (summary.formatVersion() != null) {
            b.append("- format version: ").append(summary.formatVersion()).append('\n');
        }
        b.append("\n| check | name | weights format | status | errors | warnings | duration |\n");
        b.append("|---|---|---|---|---|---|---|\n");
        for (TestDetail d : summary.details()) {
            b.append("| ")
                    .append(d.check().id())
                    .append(" | ")
                    .append(escape(d.name()))
                    .append(" | ")
                    .append(d.weightsFormat() == null ? "" : d.weightsFormat().id())
                    .append(" | ")
                    .append(d.status().id())
                    .append(" | ")
                    .append(d.errors().size())
                    .append(" | ")
                    .append(d.warnings().size())
                    .append(" | ")
                    .append(String.format(Locale.ROOT, "%.2f s", d.duration().toNanos() / 1e9))
                    .append(" |\n");
        }
        for (TestDetail d : summary.details()) {
            if (d.errors().isEmpty() && d.warnings().isEmpty() && d.skipReason() == null) {
                continue;
            }
            b.append("\n## ")
                    .append(d.status().id())
                    .append(": ")
                    .append(escape(d.name()))
                    .append("\n\n");
            if (d.skipReason() != null) {
                b.append("Skipped: ").append(escape(d.skipReason())).append("\n\n");
            }
            list(b, "Errors", d.errors());
            list(b, "Warnings", d.warnings());
        }
        return b.toString();
    }

    private static void list(StringBuilder b, String title, List<Diagnostic> messages) {
        if (messages.isEmpty()) {
            return;
        }
        b.append(title).append(":\n\n");
        for (Diagnostic m : messages) {
            b.append("- ");
            if (!m.loc().isEmpty()) {
                b.append('`').append(m.loc()).append("`: ");
            }
            b.append(escape(m.message())).append('\n');
        }
        b.append('\n');
    }

    private static String icon(SummaryStatus s) {
        return s == SummaryStatus.PASSED ? "✔️" : s == SummaryStatus.FAILED ? "❌" : "⚠️";
    }

    private static String escape(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
