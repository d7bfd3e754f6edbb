package io.harbinger.core.admit;

import io.harbinger.core.parse.RejectReason;
import io.harbinger.core.parse.Rejection;

import java.time.Duration;
import java.time.Instant;

/**
 * Which timestamps live ingest accepts, relative to the server's "now" (passed in, never read here):
 * at most {@code behind} in the past, at most {@code ahead} in the future. Back-fill endpoints use
 * {@link #backfill(Duration)}: anything from {@link #EARLIEST} on, still bounded ahead.
 */
public record TimeWindow(Duration behind, Duration ahead) {
    /** Nothing older is telemetry: earlier timestamps are unit mistakes (seconds sent as nanoseconds, ...). */
    public static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
    public static final TimeWindow LIVE_DEFAULT = new TimeWindow(Duration.ofHours(1), Duration.ofMinutes(10));

    public TimeWindow {
        if (behind == null || behind.isNegative()) throw new IllegalArgumentException("behind must be >= 0, got " + behind);
        if (ahead == null || ahead.isNegative()) throw new IllegalArgumentException("ahead must be >= 0, got " + ahead);
    }

    public static TimeWindow backfill(Duration ahead) {
        return new TimeWindow(Duration.ofNanos(Long.MAX_VALUE), ahead);
    }

    /** @return null when {@code timestampNanos} is inside the window, else the rejection for {@code line} */
    public Rejection check(long timestampNanos, long nowNanos, long line) {
        long earliest = Math.max(nowNanos - saturatedNanos(behind), EARLIEST.getEpochSecond() * 1_000_000_000L);
        long latest = nowNanos + Math.min(saturatedNanos(ahead), Long.MAX_VALUE - nowNanos);
        if (timestampNanos < earliest) {
            return new Rejection(RejectReason.TIMESTAMP_TOO_OLD, line,
                    "timestamp " + format(timestampNanos) + " is before the accepted window starting " + format(earliest));
        }
        if (timestampNanos > latest) {
            return new Rejection(RejectReason.TIMESTAMP_TOO_NEW, line,
                    "timestamp " + format(timestampNanos) + " is after the accepted window ending " + format(latest));
        }
        return null;
    }

    private static long saturatedNanos(Duration d) {
        try {
            return d.toNanos();
        } catch (ArithmeticException overflow) {
            return Long.MAX_VALUE;
        }
    }

    private static String format(long nanos) {
        return Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L)).toString();
    }
}
