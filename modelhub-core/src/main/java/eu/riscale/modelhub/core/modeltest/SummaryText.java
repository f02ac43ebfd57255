package eu.riscale.modelhub.core.modeltest;

import eu.riscale.modelhub.spec.validation.Diagnostic;
import java.util.List;
import java.util.Locale;

/** Renders a {@link TestSummary} as readable plain text for a console. Thread-safe. */
public final class SummaryText {
    private SummaryText() {}

    /**
     * Renders the summary: one line per check with its status, then its errors and warnings indented.
     *
     * @param summary the summary
     * @return the text, ending with a line break
     */
    public static String render(TestSummary summary) {
        StringBuilder b = new StringBuilder();
        b.append("model test of ").append(summary.source());
        if (summary.name() != null) {
            b.append(" (").append(summary.name()).append(')');
        }
        b.append(": ").append(summary.status().id().toUpperCase(Locale.ROOT)).append('\n');
        for (TestDetail d : summary.details()) {
            b.append(String.format(
                    Locale.ROOT,
                    "  %-7s %-9s %s (%.2f s)%n",
                    d.status().id(),
                    d.check().id(),
                    d.name(),
                    d.duration().toNanos() / 1e9));
            if (d.skipReason() != null) {
                b.append("      skipped: ").append(d.skipReason()).append('\n');
            }
            lines(b, "error", d.errors());
            lines(b, "warning", d.warnings());
        }
        if (!summary.env().isEmpty()) {
            b.append("  environment: ");
            for (int i = 0; i < summary.env().size(); i++) {
                b.append(i == 0 ? "" : ", ").append(summary.env().get(i).describe());
            }
            b.append('\n');
        }
        return b.toString();
    }

    private static void lines(StringBuilder b, String kind, List<Diagnostic> messages) {
        for (Diagnostic m : messages) {
            b.append("      ").append(kind).append(": ").append(m.describe()).append('\n');
        }
    }
}
