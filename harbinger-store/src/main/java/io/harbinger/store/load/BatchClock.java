package io.harbinger.store.load;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * When the rows gathered since the last write are due: once they reach the row bound, or once the
 * oldest record of the batch is the latency bound old. A record with no rows for any shard still
 * starts a batch (its offsets must be stored). Time comes from the injected ticker (nanoseconds).
 */
final class BatchClock {
    private final LongSupplier ticker;
    private final int maxRows;
    private final long maxLatencyNanos;
    private int rows;
    private boolean started;
    private long startNanos;

    BatchClock(LongSupplier ticker, int maxRows, Duration maxLatency) {
        this.ticker = ticker;
        this.maxRows = maxRows;
        this.maxLatencyNanos = maxLatency.toNanos();
    }

    /** A record was taken, with {@code rowsAdded} rows for the shards. */
    void accepted(int rowsAdded) {
        rows += rowsAdded;
        if (!started) {
            started = true;
            startNanos = ticker.getAsLong();
        }
    }

    boolean hasPending() {
        return started;
    }

    int rows() {
        return rows;
    }

    boolean due() {
        return started && (rows >= maxRows || ticker.getAsLong() - startNanos >= maxLatencyNanos);
    }

    /** After a flush: {@code rowsLeft} rows still wait (shards that failed); none left ends the batch. */
    void flushed(int rowsLeft, boolean nothingLeft) {
        rows = rowsLeft;
        if (nothingLeft) started = false;
    }

    /** Everything buffered was dropped. */
    void reset() {
        rows = 0;
        started = false;
    }
}
