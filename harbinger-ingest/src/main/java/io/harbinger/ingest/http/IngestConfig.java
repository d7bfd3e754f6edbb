package io.harbinger.ingest.http;

import io.harbinger.core.admit.IngestLimits;
import io.harbinger.core.admit.TimeWindow;

import java.time.Duration;

/**
 * Settings of the ingest endpoints, validated once at start-up.
 *
 * @param maxBodyBytes       largest request body as sent (compressed or not); larger: 413
 * @param maxDecodedBytes    largest body after gzip/snappy decoding; larger: 413
 * @param maxInFlightBytes   decoded bytes of all requests being parsed or awaiting Kafka's ack together;
 *                           a request that does not fit gets 429 with Retry-After. This bounds the heap
 *                           the ingest path can take (parsed points take roughly 5x their text).
 * @param ackTimeout         longest wait for Kafka to acknowledge a request's points; then 503
 * @param defaultRegion      region of points that name none
 * @param liveWindow         accepted timestamps on the live endpoints (import endpoints accept any past date)
 */
public record IngestConfig(long maxBodyBytes, long maxDecodedBytes, long maxInFlightBytes, Duration ackTimeout,
                           String defaultRegion, TimeWindow liveWindow, IngestLimits limits, int retryAfterSeconds) {

    public static final IngestConfig DEFAULTS = new IngestConfig(32L << 20, 64L << 20, 64L << 20, Duration.ofSeconds(30),
            "default", TimeWindow.LIVE_DEFAULT, IngestLimits.DEFAULTS, 1);

    public IngestConfig {
        requirePositive(maxBodyBytes, "maxBodyBytes");
        requirePositive(maxDecodedBytes, "maxDecodedBytes");
        requirePositive(maxInFlightBytes, "maxInFlightBytes");
        if (maxDecodedBytes > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("maxDecodedBytes must fit a Java array (< 2 GiB), got " + maxDecodedBytes);
        }
        if (maxInFlightBytes < maxDecodedBytes) {
            throw new IllegalArgumentException("maxInFlightBytes (" + maxInFlightBytes + ") must be >= maxDecodedBytes ("
                    + maxDecodedBytes + "), or the largest allowed request could never be accepted");
        }
        if (ackTimeout == null || ackTimeout.isNegative() || ackTimeout.isZero()) {
            throw new IllegalArgumentException("ackTimeout must be > 0, got " + ackTimeout);
        }
        if (defaultRegion == null || defaultRegion.isBlank()) throw new IllegalArgumentException("defaultRegion must be non-empty");
        if (liveWindow == null) throw new IllegalArgumentException("liveWindow must be non-null");
        if (limits == null) throw new IllegalArgumentException("limits must be non-null");
        if (retryAfterSeconds < 1) throw new IllegalArgumentException("retryAfterSeconds must be >= 1, got " + retryAfterSeconds);
    }

    public IngestConfig withMaxInFlightBytes(long bytes) {
        return new IngestConfig(maxBodyBytes, Math.min(maxDecodedBytes, bytes), bytes, ackTimeout, defaultRegion, liveWindow, limits, retryAfterSeconds);
    }

    public IngestConfig withDefaultRegion(String region) {
        return new IngestConfig(maxBodyBytes, maxDecodedBytes, maxInFlightBytes, ackTimeout, region, liveWindow, limits, retryAfterSeconds);
    }

    public IngestConfig withLiveWindow(TimeWindow window) {
        return new IngestConfig(maxBodyBytes, maxDecodedBytes, maxInFlightBytes, ackTimeout, defaultRegion, window, limits, retryAfterSeconds);
    }

    private static void requirePositive(long value, String name) {
        if (value <= 0) throw new IllegalArgumentException(name + " must be > 0, got " + value);
    }
}
