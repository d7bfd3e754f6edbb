package io.harbinger.ingest.http;

import io.harbinger.core.admit.IngestLimits;
import io.harbinger.core.admit.TimeWindow;
import io.harbinger.core.config.Rule;
import io.harbinger.core.config.Setting;
import io.harbinger.core.config.SettingSet;
import io.harbinger.core.config.Settings;

import java.time.Duration;

import static io.harbinger.core.config.SettingType.DURATION;
import static io.harbinger.core.config.SettingType.LONG;
import static io.harbinger.core.config.SettingType.TEXT;

/**
 * Settings of the ingest endpoints, validated once at start-up. Those an operator sets are declared
 * once below ({@link #SETTINGS}); {@link #from} builds the config from their validated values.
 *
 * @param maxBodyBytes       largest request body as sent (compressed or not); larger: 413
 * @param maxDecodedBytes    largest body after gzip/snappy decoding; larger: 413
 * @param maxInFlightBytes   decoded bytes of all requests being parsed or awaiting Kafka's ack together;
 *                           a request that does not fit gets 429 with Retry-After. This bounds the heap
 *                           the ingest path can take (parsed points take roughly 5x their text).
 * @param ackTimeout         longest wait for Kafka to acknowledge a request's points; then 503
 * @param defaultRegion      region of points that name none
 * @param liveWindow         accepted timestamps on the live endpoints (import endpoints accept any past date)
 * @param queueTarget        longest wait that is not yet a standing queue: while even the quickest request of the
 *                           last {@link #QUEUE_INTERVAL} took longer to be answered, new requests get 429 ({@link QueueingAdmission})
 */
public record IngestConfig(long maxBodyBytes, long maxDecodedBytes, long maxInFlightBytes, Duration ackTimeout,
                           String defaultRegion, TimeWindow liveWindow, IngestLimits limits, int retryAfterSeconds,
                           Duration queueTarget) {
    public static final Setting<Long> MAX_BODY_BYTES = Setting.of("max-body-bytes", LONG, 32L << 20).must(Rule.atLeast(1L))
            .description("Largest request body; larger gets 413.");
    public static final Setting<Long> MAX_IN_FLIGHT_BYTES = Setting.of("max-inflight-bytes", LONG, 64L << 20).must(Rule.atLeast(1L))
            .description("Decoded bytes in flight over all requests; beyond it 429.");
    public static final Setting<Duration> LATE = Setting.of("late", DURATION, TimeWindow.LIVE_DEFAULT.behind()).must(Rule.atLeast(Duration.ZERO))
            .description("How far behind the server clock live samples may be.");
    public static final Setting<Duration> AHEAD = Setting.of("ahead", DURATION, TimeWindow.LIVE_DEFAULT.ahead()).must(Rule.atLeast(Duration.ZERO))
            .description("How far ahead of the server clock samples may be.");
    public static final Setting<String> REGION = Setting.of("region", TEXT, "default").must(Rule.nonBlank())
            .env("HARBINGER_REGION").description("Region of points that carry none.");

    public static final Setting<Duration> QUEUE_TARGET = Setting.of("queue-target", DURATION, Duration.ofSeconds(1))
            .must(Rule.atLeast(Duration.ofMillis(1))).env("HARBINGER_QUEUE_TARGET")
            .description("Longest wait for an answer that is not yet overload: while even the quickest request of the last second waited longer, "
                    + "new requests get 429 with Retry-After instead of queueing.");

    public static final SettingSet SETTINGS = SettingSet.of(MAX_BODY_BYTES, MAX_IN_FLIGHT_BYTES, LATE, AHEAD, REGION, QUEUE_TARGET);

    /** Largest decoded body, unless the in-flight budget is smaller. */
    static final long MAX_DECODED_BYTES = 64L << 20;
    static final Duration ACK_TIMEOUT = Duration.ofSeconds(30);
    static final int RETRY_AFTER_SECONDS = 1;
    /** The span over which {@link QueueingAdmission} looks for a request answered within the target. */
    static final Duration QUEUE_INTERVAL = Duration.ofSeconds(1);

    public IngestConfig {
        MAX_BODY_BYTES.require(maxBodyBytes);
        MAX_IN_FLIGHT_BYTES.require(maxInFlightBytes);
        REGION.require(defaultRegion);
        if (maxDecodedBytes <= 0) throw new IllegalArgumentException("maxDecodedBytes must be > 0, got " + maxDecodedBytes);
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
        if (liveWindow == null) throw new IllegalArgumentException("liveWindow must be non-null");
        if (limits == null) throw new IllegalArgumentException("limits must be non-null");
        if (retryAfterSeconds < 1) throw new IllegalArgumentException("retryAfterSeconds must be >= 1, got " + retryAfterSeconds);
        QUEUE_TARGET.require(queueTarget);
    }

    /** The endpoints of {@code settings} (which must declare {@link #SETTINGS}); a decoded body is at most 64 MiB and the in-flight budget. */
    public static IngestConfig from(Settings settings) {
        long inFlight = settings.get(MAX_IN_FLIGHT_BYTES);
        return new IngestConfig(settings.get(MAX_BODY_BYTES), Math.min(MAX_DECODED_BYTES, inFlight), inFlight, ACK_TIMEOUT,
                settings.get(REGION), new TimeWindow(settings.get(LATE), settings.get(AHEAD)), IngestLimits.DEFAULTS, RETRY_AFTER_SECONDS,
                settings.get(QUEUE_TARGET));
    }
}
