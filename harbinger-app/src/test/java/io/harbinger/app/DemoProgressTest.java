package io.harbinger.app;

import io.harbinger.schema.read.BucketCounts;
import io.harbinger.schema.read.FleetSummary;
import io.harbinger.schema.read.Totals;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo's progress line: what a person reads every few seconds. */
class DemoProgressTest {
    private static final long SECOND = 1_000_000_000L;

    @Test
    void line_saysDayRowsRateProcessedBucketsAlertsAndFailures() {
        DemoProgress progress = new DemoProgress(0);
        DemoFeed.Status feed = new DemoFeed.Status("simulated", LocalDate.of(2026, 9, 14), 1_000, 4, false, true, null);
        FleetSummary summary = new FleetSummary(Optional.of(Instant.parse("2026-09-14T00:00:00Z")),
                new FleetSummary.Total(480, new BucketCounts(452, 9, 3, 16), 2), List.of(), List.of());

        String line = progress.line(5 * SECOND, feed, new Totals(60, 1_210, 5_000, 0, 0), summary);

        assertThat(line).isEqualTo("0:05  simulated 2026-09-14 · 1,000 readings acked (200/s) · processed 1,210 points"
                + " · drives 452 good, 9 warning, 3 bad, 16 unknown · 2 alerts · 4 drives failed");
    }

    @Test
    void line_rateIsSinceTheLineBefore_andSaysWhatCannotBeReadYet() {
        DemoProgress progress = new DemoProgress(0);
        progress.line(5 * SECOND, new DemoFeed.Status("replayed", null, 1_000, 0, false, true, null), null, null);

        String line = progress.line(10 * SECOND, new DemoFeed.Status("replayed", LocalDate.of(2018, 1, 2), 1_500, 0, true, true, null), null, null);

        assertThat(line).isEqualTo("0:10  replayed 2018-01-02 (live) · 1,500 readings acked (100/s) · processor starting · fleet not readable yet");
    }

    @Test
    void clock_minutesThenHours() {
        assertThat(DemoProgress.clock(65 * SECOND)).isEqualTo("1:05");
        assertThat(DemoProgress.clock(3_723 * SECOND)).isEqualTo("1:02:03");
    }
}
