package eu.riscale.modelhub.core.modeltest;

import eu.riscale.modelhub.spec.validation.Diagnostic;
import java.util.List;
import java.util.Locale;

/**
 * Renders a {@link TestSummary} as Markdown, for a {@code .md} summary file or a CI job summary (GitHub's {@code
 * $GITHUB_STEP_SUMMARY}). Text from the summary is escaped: the Markdown characters that start emphasis, code, links, tables or
 * headings get a backslash and {@code <},
 * {@code >}, {@code &} become entities, so a hostile message can neither inject HTML (which Markdown renderers pass
 * through) nor break the table. Locations are written as HTML {@code <code>} spans with escaped content, which stays
 * safe whatever characters a location holds. Thread-safe.
 */
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
        b.append(escape(SummaryHtml.headline(summary.status()))).append("\n\n");
        b.append("- source: ").append(code(summary.source())).append('\n');
        if (summary.name() != null) {
            b.append("- name: ").append(escape(summary.name())).append('\n');
        }
        if (summary.type() != null) {
            b.append("- type: ").append(escape(summary.type())).append('\n');
        }
        if (summary.formatVersion() != null) {
            b.append("- format version: ")
                    .append(escape(summary.formatVersion()))
                    .append('\n');
        }
        if (summary.id() != null) {
            b.append("- id: ").append(escape(summary.id())).append('\n');
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
        if (!summary.env().isEmpty()) {
            b.append("\n## Environment\n\n| name | version | build |\n|---|---|---|\n");
            for (EnvironmentEntry e : summary.env()) {
                b.append("| ")
                        .append(escape(e.name()))
                        .append(" | ")
                        .append(escape(e.version()))
                        .append(" | ")
                        .append(escape(e.build()))
                        .append(" |\n");
            }
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
                b.append(code(m.loc())).append(": ");
            }
            b.append(escape(m.message())).append('\n');
        }
        b.append('\n');
    }

    private static String icon(SummaryStatus s) {
        return s == SummaryStatus.PASSED ? "✔️" : s == SummaryStatus.FAILED ? "❌" : "⚠️";
    }

    /** Escapes text for Markdown: punctuation gets a backslash, HTML characters become entities, lines join. */
    static String escape(String text) {
        StringBuilder b = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<':
                    b.append("&lt;");
                    break;
                case '>':
                    b.append("&gt;");
                    break;
                case '&':
                    b.append("&amp;");
                    break;
                case '\n':
                case '\r':
                    b.append(' ');
                    break;
                default:
                    if ("\\`*_[]|~#".indexOf(c) >= 0) {
                        b.append('\\');
                    }
                    b.append(c);
            }
        }
        return b.toString();
    }

    private static String code(String text) {
        return "<code>"
                + SummaryHtml.escape(text.replace('\n', ' ').replace('\r', ' ')).replace("|", "&#124;") + "</code>";
    }
}
