package io.harbinger.store.load;

import java.time.Duration;

/** Exponential back-off: initial, doubling per consecutive failure, capped; reset by a success. */
final class Backoff {
    private final long initialNanos;
    private final long maxNanos;
    private int failures;

    Backoff(Duration initial, Duration max) {
        this.initialNanos = initial.toNanos();
        this.maxNanos = max.toNanos();
    }

    /** The wait before the next attempt, after one more failure. */
    long nextNanos() {
        long wait = initialNanos;
        for (int i = 0; i < failures && wait < maxNanos; i++) wait *= 2;
        failures++;
        return Math.min(wait, maxNanos);
    }

    void reset() {
        failures = 0;
    }

    int failures() {
        return failures;
    }
}
