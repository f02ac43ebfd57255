package eu.riscale.modelhub.cli;

import static org.assertj.core.api.Assertions.assertThat;

import eu.riscale.modelhub.core.batch.BatchProgress;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ProgressReporterTest {
    private long now;

    @Test
    void linesComeEveryTenthOfTheBatchWithRateAndTimeLeft() {
        StringWriter s = new StringWriter();
        ProgressReporter r = new ProgressReporter(new PrintWriter(s), ProgressReporter.Mode.LINES, () -> now);
        for (int i = 1; i <= 20; i++) {
            now = i * 500_000_000L;
            r.sampleFinished(new BatchProgress(i, i >= 7 ? 1 : 0, 20, Duration.ofMillis(i * 500L)));
        }
        assertThat(s.toString().lines())
                .hasSize(10)
                .startsWith("predicted 2/20 samples, 2.00 samples/s, 0:09 left")
                .contains("predicted 8/20 samples, 2.00 samples/s, 0:06 left, 1 failed")
                .endsWith("predicted 20/20 samples, 2.00 samples/s, 0:00 left, 1 failed");
    }

    @Test
    void theBarIsRedrawnInPlaceAtMostTenTimesASecond() {
        StringWriter s = new StringWriter();
        ProgressReporter r = new ProgressReporter(new PrintWriter(s), ProgressReporter.Mode.BAR, () -> now);
        now = 200_000_000L;
        r.sampleFinished(new BatchProgress(1, 0, 3, Duration.ofSeconds(2)));
        now = 250_000_000L;
        r.sampleFinished(new BatchProgress(2, 0, 3, Duration.ofSeconds(4)));
        now = 260_000_000L;
        r.sampleFinished(new BatchProgress(3, 0, 3, Duration.ofSeconds(6)));
        r.finish();
        assertThat(s.toString())
                .isEqualTo("\r[##########--------------------] 1/3 samples, 0.50 samples/s, 0:04 left"
                        + "\r[##############################] 3/3 samples, 0.50 samples/s, 0:00 left\n");
    }

    @Test
    void durationsReadAsClockTime() {
        assertThat(ProgressReporter.duration(Duration.ofSeconds(59))).isEqualTo("0:59");
        assertThat(ProgressReporter.duration(Duration.ofSeconds(3725))).isEqualTo("1:02:05");
    }
}
