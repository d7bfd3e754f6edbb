package io.harbinger.store.load;

import java.util.function.LongSupplier;

/**
 * The loader's waits after a failure: a failed write keeps its batch and is tried again after an
 * exponential back-off ({@link Backoff}); a failed read of the stored positions waits the same way
 * without a batch to keep. Time comes from the injected ticker (nanoseconds).
 */
final class RetrySchedule {
    private final LongSupplier ticker;
    private final Backoff backoff;
    private boolean failing;
    private boolean waited;
    private long retryAtNanos;

    RetrySchedule(LongSupplier ticker, Backoff backoff) {
        this.ticker = ticker;
        this.backoff = backoff;
    }

    /** A write failed: the batch is kept and written again after the next back-off. */
    void writeFailed() {
        failing = true;
        deferred();
    }

    /** Something failed that holds no batch (reading positions): wait the next back-off. */
    void deferred() {
        waited = true;
        retryAtNanos = ticker.getAsLong() + backoff.nextNanos();
    }

    /** Whether the next try is not due yet. */
    boolean waiting() {
        return waited && ticker.getAsLong() < retryAtNanos;
    }

    /** Whether a failed batch waits to be written again. */
    boolean failing() {
        return failing;
    }

    /** Whether anything failed since the last success (a write or a read). */
    boolean failedSinceSuccess() {
        return waited;
    }

    int failures() {
        return backoff.failures();
    }

    /** Writes succeed (again): the back-off starts over. */
    void succeeded() {
        backoff.reset();
        failing = false;
        waited = false;
        retryAtNanos = 0;
    }

    /** The failed batch was dropped (its partitions are read again): nothing waits to be written. */
    void batchDropped() {
        failing = false;
    }
}
