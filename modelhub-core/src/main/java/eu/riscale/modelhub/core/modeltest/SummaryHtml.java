package eu.riscale.modelhub.core.modeltest;

import eu.riscale.modelhub.spec.validation.Diagnostic;
import java.util.List;
import java.util.Locale;

/**
 * Renders a {@link TestSummary} as one self-contained HTML page (no scripts, no external style sheets, fonts or
 * images), for a {@code .html} summary file or a CI artefact: the verdict on top, a table of the checks with coloured
 * statuses, each check's errors and warnings with their locations, the reproduction figures, and the environment.
 *
 * <p>Every text taken from the summary (names, messages, locations, sources) is HTML-escaped, so a hostile
 * description cannot inject markup. Thread-safe.
 */
public final class SummaryHtml {
    private static final String STYLE = String.join(
            "\n",
            "body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;margin:0;background:#f5f6f8;"
                    + "color:#1f2328;line-height:1.45}",
            "main{max-width:1100px;margin:0 auto;padding:24px}",
            ".verdict{border-radius:10px;padding:20px 24px;color:#fff;margin-bottom:20px}",
            ".verdict h1{margin:0 0 6px;font-size:28px}",
            ".verdict p{margin:2px 0;opacity:.95;word-break:break-all}",
            ".passed{background:#1a7f37}.valid-format{background:#9a6700}.failed{background:#cf222e}",
            "section{background:#fff;border:1px solid #d0d7de;border-radius:10px;padding:16px 20px;margin-bottom:16px}",
            "h2{font-size:18px;margin:0 0 12px}h3{font-size:15px;margin:14px 0 6px}",
            "table{border-collapse:collapse;width:100%;font-size:14px}",
            "th,td{text-align:left;padding:6px 8px;border-bottom:1px solid #eaeef2;vertical-align:top}",
            "th{background:#f6f8fa;font-weight:600}",
            "td.num{text-align:right;white-space:nowrap}",
            ".pill{display:inline-block;border-radius:999px;padding:1px 10px;font-size:12px;font-weight:600;color:#fff}",
            ".pill.passed{background:#1a7f37}.pill.failed{background:#cf222e}.pill.skipped{background:#6e7781}",
            ".pill.valid-format{background:#9a6700}",
            "ul.msgs{margin:4px 0 8px;padding-left:20px}ul.msgs li{margin:3px 0;word-break:break-word}",
            "li.error::marker{color:#cf222e}li.warning::marker{color:#9a6700}",
            ".kind{font-weight:600;margin-right:6px}.kind.error{color:#cf222e}.kind.warning{color:#9a6700}",
            "code{font-family:ui-monospace,SFMono-Regular,Menlo,monospace;font-size:12.5px;background:#eff1f3;"
                    + "padding:1px 5px;border-radius:4px}",
            ".skip{color:#57606a;font-size:12.5px;margin-top:2px;word-break:break-word}",
            "footer{color:#6e7781;font-size:12px;text-align:center;margin-top:8px}");

    private SummaryHtml() {}

    /**
     * Renders the summary.
     *
     * @param summary the summary
     * @return the HTML document, UTF-8 text
     */
    public static String render(TestSummary summary) {
        StringBuilder b = new StringBuilder(8192);
        String status = summary.status().id();
        String title = summary.name() == null ? summary.source() : summary.name();
        b.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>")
                .append(escape("Model test " + status + ": " + title))
                .append("</title>\n<style>\n")
                .append(STYLE)
                .append("\n</style>\n</head>\n<body>\n<main>\n");
        verdict(b, summary, status, title);
        checks(b, summary);
        for (TestDetail d : summary.details()) {
            findings(b, d);
        }
        environment(b, summary);
        b.append("<footer>")
                .append(escape(SummaryJson.NAME + ", summary schema " + SummaryJson.SCHEMA_VERSION))
                .append("</footer>\n</main>\n</body>\n</html>\n");
        return b.toString();
    }

    private static void verdict(StringBuilder b, TestSummary summary, String status, String title) {
        int errors = 0;
        int warnings = 0;
        for (TestDetail d : summary.details()) {
            errors += d.errors().size();
            warnings += d.warnings().size();
        }
        b.append("<div class=\"verdict ")
                .append(status)
                .append("\">\n<h1>")
                .append(icon(summary.status()))
                .append(' ')
                .append(escape(headline(summary.status())))
                .append("</h1>\n<p><strong>")
                .append(escape(title))
                .append("</strong></p>\n<p>source: ")
                .append(escape(summary.source()))
                .append("</p>\n<p>");
        if (summary.type() != null || summary.formatVersion() != null) {
            b.append(escape((summary.type() == null ? "" : summary.type() + ", ")
                            + (summary.formatVersion() == null ? "" : "format " + summary.formatVersion())))
                    .append(" &middot; ");
        }
        if (summary.id() != null) {
            b.append("id ").append(escape(summary.id())).append(" &middot; ");
        }
        b.append(summary.details().size())
                .append(summary.details().size() == 1 ? " check, " : " checks, ")
                .append(errors)
                .append(errors == 1 ? " error, " : " errors, ")
                .append(warnings)
                .append(warnings == 1 ? " warning" : " warnings")
                .append("</p>\n</div>\n");
    }

    private static void checks(StringBuilder b, TestSummary summary) {
        b.append("<section>\n<h2>Checks</h2>\n<table>\n<thead><tr><th>Status</th><th>Check</th><th>Name</th>")
                .append("<th>Weights</th><th>Errors</th><th>Warnings</th><th>Duration</th></tr></thead>\n<tbody>\n");
        for (TestDetail d : summary.details()) {
            b.append("<tr><td>")
                    .append(pill(d.status().id()))
                    .append("</td><td>")
                    .append(d.check().id())
                    .append("</td><td>")
                    .append(escape(d.name()));
            if (d.skipReason() != null) {
                b.append("<div class=\"skip\">").append(escape(d.skipReason())).append("</div>");
            }
            b.append("</td><td>")
                    .append(
                            d.weightsFormat() == null
                                    ? ""
                                    : escape(d.weightsFormat().id()))
                    .append("</td><td class=\"num\">")
                    .append(d.errors().size())
                    .append("</td><td class=\"num\">")
                    .append(d.warnings().size())
                    .append("</td><td class=\"num\">")
                    .append(String.format(Locale.ROOT, "%.2f s", d.duration().toNanos() / 1e9))
                    .append("</td></tr>\n");
        }
        b.append("</tbody>\n</table>\n</section>\n");
    }

    private static void findings(StringBuilder b, TestDetail d) {
        // a skip reason is shown in the table of checks; a section only for what ran and has something to say
        if (d.errors().isEmpty() && d.warnings().isEmpty() && d.deviations().isEmpty()) {
            return;
        }
        b.append("<section>\n<h2>")
                .append(pill(d.status().id()))
                .append(' ')
                .append(escape(d.name()))
                .append("</h2>\n");
        messages(b, "error", d.errors());
        messages(b, "warning", d.warnings());
        if (!d.deviations().isEmpty()) {
            b.append("<h3>Reproduction</h3>\n<table>\n<thead><tr><th>Output</th><th>Mismatched</th><th>ppm</th>")
                    .append("<th>Allowed ppm</th><th>rtol / atol</th><th>Max abs. deviation</th>")
                    .append("<th>Max rel. deviation</th></tr></thead>\n<tbody>\n");
            for (Deviation dev : d.deviations()) {
                b.append("<tr><td>")
                        .append(escape(dev.outputId()))
                        .append("</td><td class=\"num\">")
                        .append(dev.mismatched())
                        .append(" of ")
                        .append(dev.elements())
                        .append("</td><td class=\"num\">")
                        .append(String.format(Locale.ROOT, "%.1f", dev.mismatchedPerMillion()))
                        .append("</td><td class=\"num\">")
                        .append(dev.tolerance().mismatchedPerMillion())
                        .append("</td><td class=\"num\">")
                        .append(String.format(
                                Locale.ROOT,
                                "%.1e / %.1e",
                                dev.tolerance().relative(),
                                dev.tolerance().absolute()))
                        .append("</td><td class=\"num\">")
                        .append(String.format(Locale.ROOT, "%.3e", dev.maxAbsolute()))
                        .append("</td><td class=\"num\">")
                        .append(String.format(Locale.ROOT, "%.3e", dev.maxRelative()))
                        .append("</td></tr>\n");
            }
            b.append("</tbody>\n</table>\n");
        }
        b.append("</section>\n");
    }

    private static void messages(StringBuilder b, String kind, List<Diagnostic> messages) {
        if (messages.isEmpty()) {
            return;
        }
        b.append("<h3>")
                .append(kind.equals("error") ? "Errors" : "Warnings")
                .append(" (")
                .append(messages.size())
                .append(")</h3>\n<ul class=\"msgs\">\n");
        for (Diagnostic m : messages) {
            String severity = m.isError() ? "error" : m.severity().name().toLowerCase(Locale.ROOT);
            b.append("<li class=\"")
                    .append(kind)
                    .append("\"><span class=\"kind ")
                    .append(kind)
                    .append("\">")
                    .append(severity)
                    .append("</span>");
            if (!m.loc().isEmpty()) {
                b.append("<code>").append(escape(m.loc())).append("</code> ");
            }
            b.append(escape(m.message()));
            if (m.hasPosition()) {
                b.append(" (line ")
                        .append(m.line())
                        .append(", column ")
                        .append(m.column())
                        .append(')');
            }
            b.append("</li>\n");
        }
        b.append("</ul>\n");
    }

    private static void environment(StringBuilder b, TestSummary summary) {
        if (summary.env().isEmpty()) {
            return;
        }
        b.append("<section>\n<h2>Environment</h2>\n<table>\n<thead><tr><th>Name</th><th>Version</th>")
                .append("<th>Build</th></tr></thead>\n<tbody>\n");
        for (EnvironmentEntry e : summary.env()) {
            b.append("<tr><td>")
                    .append(escape(e.name()))
                    .append("</td><td>")
                    .append(escape(e.version()))
                    .append("</td><td>")
                    .append(escape(e.build()))
                    .append("</td></tr>\n");
        }
        b.append("</tbody>\n</table>\n</section>\n");
    }

    private static String pill(String status) {
        return "<span class=\"pill " + status + "\">" + status + "</span>";
    }

    static String headline(SummaryStatus status) {
        switch (status) {
            case PASSED:
                return "Passed: the model reproduces its test outputs";
            case VALID_FORMAT:
                return "Valid format: the description and files are valid, but no weights format passed every test";
            case FAILED:
                return "Failed: the description or its files are invalid";
            default:
                throw new AssertionError(status);
        }
    }

    private static String icon(SummaryStatus s) {
        return s == SummaryStatus.PASSED ? "&#10004;" : s == SummaryStatus.FAILED ? "&#10008;" : "&#9888;";
    }

    /** Escapes the five characters that matter in HTML text and attribute values. */
    static String escape(String text) {
        StringBuilder b = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&':
                    b.append("&amp;");
                    break;
                case '<':
                    b.append("&lt;");
                    break;
                case '>':
                    b.append("&gt;");
                    break;
                case '"':
                    b.append("&quot;");
                    break;
                case '\'':
                    b.append("&#39;");
                    break;
                default:
                    b.append(c);
            }
        }
        return b.toString();
    }
}
