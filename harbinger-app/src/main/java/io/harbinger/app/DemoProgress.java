package io.harbinger.app;

import io.harbinger.schema.read.BucketCounts;
import io.harbinger.schema.read.FleetSummary;
import io.harbinger.schema.read.ReadUnavailableException;
import io.harbinger.schema.read.Totals;

import java.util.Locale;

/**
 * The demo's progress line, one every few seconds: time since start, the feed's day and acknowledged
 * readings (with their rate since the line before), what the processor has seen, the fleet's drives by
 * bucket and the alerts firing, e.g.
 * {@code 0:35  simulated 2026-09-14 · 13,440 readings acked (384/s) · processed 13,610 points · drives 452 good, 9 warning, 3 bad, 16 unknown · 2 alerts · 4 drives failed}.
 */
final class DemoProgress {
    private final long startNanos;
    private long lastNanos;
    private long lastRows;

    DemoProgress(long startNanos) {
        this.startNanos = startNanos;
        this.lastNanos = startNanos;
    }

    /** The line for now, reading the node's processor and fleet summary (each may not answer yet: then it says so). */
    String line(long nowNanos, DemoFeed.Status feed, Harbinger node) {
        Totals totals = read(() -> node.pipeline().totals());
        FleetSummary summary = read(() -> node.fleet().summary(1));
        return line(nowNanos, feed, totals, summary);
    }

    String line(long nowNanos, DemoFeed.Status feed, Totals totals, FleetSummary summary) {
        double seconds = (nowNanos - lastNanos) / 1e9;
        long rate = seconds > 0 ? Math.round((feed.rowsAcked() - lastRows) / seconds) : 0;
        lastNanos = nowNanos;
        lastRows = feed.rowsAcked();
        StringBuilder line = new StringBuilder(160).append(String.format(Locale.ROOT, "%4s  %s %s", clock(nowNanos - startNanos), feed.kind(),
                feed.day() == null ? "(first day not acknowledged yet)" : feed.day() + (feed.live() ? " (live)" : "")));
        line.append(String.format(Locale.ROOT, " · %,d readings acked (%,d/s)", feed.rowsAcked(), rate));
        line.append(totals == null ? " · processor starting" : String.format(Locale.ROOT, " · processed %,d points", totals.points()));
        if (summary == null) {
            line.append(" · fleet not readable yet");
        } else {
            BucketCounts b = summary.total().buckets();
            line.append(String.format(Locale.ROOT, " · drives %,d good, %,d warning, %,d bad, %,d unknown · %,d alert%s", b.good(), b.warning(), b.bad(),
                    b.unknown(), summary.total().alertsOpen(), summary.total().alertsOpen() == 1 ? "" : "s"));
        }
        if (feed.failed() > 0) line.append(String.format(Locale.ROOT, " · %,d drive%s failed", feed.failed(), feed.failed() == 1 ? "" : "s"));
        return line.toString();
    }

    /** {@code 0:35}, {@code 12:03}, {@code 1:02:03}. */
    static String clock(long nanos) {
        long s = nanos / 1_000_000_000L;
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60) : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }

    private static <T> T read(java.util.function.Supplier<T> read) {
        try {
            return read.get();
        } catch (ReadUnavailableException notYet) {
            return null;
        }
    }
}
