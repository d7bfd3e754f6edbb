package io.harbinger.alert.deliver;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Waits between delivery attempts, pure: exponential ({@code initial}, doubling per failed attempt, capped at
 * {@code max}) with "equal jitter": the wait after the n-th failure is uniformly in {@code [d/2, d]} for
 * {@code d = min(max, initial * 2^(n-1))}, so receivers recovering from an outage are not hit by every
 * sender at the same instant, and no wait is shorter than half the exponential one.
 *
 * @param random uniform in [0, 1)
 */
record Backoff(Duration initial, Duration max, DoubleSupplier random) {
    Backoff {
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("backoff needs 0 < initial <= max, got " + initial + " and " + max);
        }
    }

    /** The exponential wait after the {@code failures}-th failed attempt (1 = the first), before jitter. */
    Duration ceiling(int failures) {
        if (failures < 1) throw new IllegalArgumentException("failures count from 1, got " + failures);
        int doublings = Math.min(failures - 1, 62);
        long initialNanos = initial.toNanos();
        long nanos = initialNanos > (max.toNanos() >> doublings) ? max.toNanos() : initialNanos << doublings;
        return Duration.ofNanos(Math.min(nanos, max.toNanos()));
    }

    /** The wait after the {@code failures}-th failed attempt, with jitter, in {@code [ceiling/2, ceiling]}. */
    Duration delay(int failures) {
        long ceiling = ceiling(failures).toNanos();
        long half = ceiling / 2;
        return Duration.ofNanos(half + (long) (random.getAsDouble() * (ceiling - half)));
    }

    /** The wait, but never shorter than what the receiver asked for (Retry-After). */
    Duration delay(int failures, java.util.Optional<Duration> retryAfter) {
        Duration d = delay(failures);
        return retryAfter.filter(r -> r.compareTo(d) > 0).orElse(d);
    }
}
