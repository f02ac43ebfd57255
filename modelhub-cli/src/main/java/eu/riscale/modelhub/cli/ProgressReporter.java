package eu.riscale.modelhub.cli;

import eu.riscale.modelhub.core.batch.BatchListener;
import eu.riscale.modelhub.core.batch.BatchProgress;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;

/**
 * Shows a batch's progress on stderr. On a terminal, a bar redrawn in place (at most ten times a second) with the
 * samples done, the rate and the time left; otherwise (a log file, CI) a plain line every tenth of the batch and at
 * least every 30 seconds, so that logs stay short and readable instead of holding hundreds of redraws.
 */
final class ProgressReporter implements BatchListener {
    /** How progress is shown. */
    enum Mode {
        BAR,
        LINES,
        NONE
    }

    private static final int WIDTH = 30;
    private final PrintWriter err;
    private final Mode mode;
    private final Clock clock;
    private long lastNanos;
    private int lastFinished;
    private boolean drawn;

    /** The time source, replaceable in tests. */
    @FunctionalInterface
    interface Clock {
        long nanoTime();
    }

    ProgressReporter(PrintWriter err, Mode mode, Clock clock) {
        this.err = err;
        this.mode = mode;
        this.clock = clock;
        this.lastNanos = clock.nanoTime();
    }

    /** {@return BAR when the process has a terminal, else LINES} (Java 17 cannot ask about stderr alone) */
    static Mode auto() {
        return System.console() != null && !"dumb".equals(System.getenv("TERM")) ? Mode.BAR : Mode.LINES;
    }

    @Override
    public synchronized void sampleFinished(BatchProgress p) {
        long now = clock.nanoTime();
        boolean last = p.finished() == p.total();
        if (mode == Mode.BAR) {
            if (last || now - lastNanos >= 100_000_000L) {
                err.print("\r" + bar(p));
                err.flush();
                drawn = true;
                lastNanos = now;
            }
        } else if (mode == Mode.LINES) {
            int step = Math.max(1, p.total() / 10);
            if (last || p.finished() - lastFinished >= step || now - lastNanos >= 30_000_000_000L) {
                err.println(line(p));
                err.flush();
                lastNanos = now;
                lastFinished = p.finished();
            }
        }
    }

    /** Ends the bar's line, so that what follows starts on a line of its own. */
    synchronized void finish() {
        if (drawn) {
            err.println();
            err.flush();
            drawn = false;
        }
    }

    static String bar(BatchProgress p) {
        int filled = p.total() == 0 ? WIDTH : (int) ((long) WIDTH * p.finished() / p.total());
        return "[" + "#".repeat(filled) + "-".repeat(WIDTH - filled) + "] " + counts(p);
    }

    static String line(BatchProgress p) {
        return "predicted " + counts(p);
    }

    private static String counts(BatchProgress p) {
        StringBuilder sb = new StringBuilder();
        sb.append(p.finished()).append('/').append(p.total()).append(" samples, ");
        sb.append(String.format(Locale.ROOT, "%.2f", p.rate())).append(" samples/s");
        p.remaining().ifPresent(r -> sb.append(", ").append(duration(r)).append(" left"));
        if (p.failed() > 0) {
            sb.append(", ").append(p.failed()).append(" failed");
        }
        return sb.toString();
    }

    /** {@return h:mm:ss or m:ss} */
    static String duration(Duration d) {
        long s = Math.round(d.toMillis() / 1000.0);
        long h = s / 3600;
        long m = (s % 3600) / 60;
        long sec = s % 60;
        return h > 0
                ? String.format(Locale.ROOT, "%d:%02d:%02d", h, m, sec)
                : String.format(Locale.ROOT, "%d:%02d", m, sec);
    }
}
