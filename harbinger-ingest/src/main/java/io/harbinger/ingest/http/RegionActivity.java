package io.harbinger.ingest.http;

import io.harbinger.core.point.Point;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * When this node last acknowledged points of each region: one gauge per region,
 * {@code harbinger.ingest.last.ack.timestamp{region}} in seconds since the epoch, so that monitoring can
 * tell a region that went silent from a quiet fleet. Shared by every endpoint. At most {@link #MAX_REGIONS}
 * regions are tracked (region names come from clients); points of further regions are still acknowledged,
 * only not timed.
 */
final class RegionActivity {
    static final int MAX_REGIONS = 1024;

    private final MeterRegistry registry;
    private final Clock clock;
    private final Map<String, AtomicLong> lastAckMillis = new ConcurrentHashMap<>();

    RegionActivity(MeterRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
    }

    /** Stamps the regions of {@code points}, which Kafka has just acknowledged, with the clock's time. */
    void acknowledged(List<Point> points) {
        long now = clock.millis();
        String previous = null;
        for (Point p : points) {
            if (p.region().equals(previous)) continue; // a batch is mostly one region: one lookup per run
            previous = p.region();
            AtomicLong last = lastAckMillis.get(previous);
            if (last == null) last = track(previous);
            if (last != null) last.accumulateAndGet(now, Math::max);
        }
    }

    private AtomicLong track(String region) {
        if (lastAckMillis.size() >= MAX_REGIONS) return null;
        return lastAckMillis.computeIfAbsent(region, r -> {
            AtomicLong last = new AtomicLong();
            Gauge.builder("harbinger.ingest.last.ack.timestamp", last, a -> a.get() / 1000.0).tag("region", r).baseUnit("seconds")
                    .description("when points of the region were last acknowledged (durable in Kafka), seconds since the epoch").register(registry);
            return last;
        });
    }
}
