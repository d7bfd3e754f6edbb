package io.harbinger.ingest.http;

import io.harbinger.core.point.Point;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What this node acknowledged of each region, and when last: per region the counter
 * {@code harbinger.ingest.region.points{region}} and the gauge {@code harbinger.ingest.last.ack.timestamp{region}}
 * in seconds since the epoch, so that monitoring can tell a region that went silent. Shared by every endpoint. At most {@link #MAX_REGIONS}
 * regions are tracked (region names come from clients); points of further regions are still acknowledged,
 * only not timed.
 */
final class RegionActivity {
    static final int MAX_REGIONS = 1024;

    private final MeterRegistry registry;
    private final Clock clock;
    private final Map<String, Region> regions = new ConcurrentHashMap<>();

    private record Region(AtomicLong lastAckMillis, Counter points) {
    }

    RegionActivity(MeterRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
    }

    /** Stamps the regions of {@code points}, which Kafka has just acknowledged, with the clock's time. */
    void acknowledged(List<Point> points) {
        long now = clock.millis();
        int i = 0;
        while (i < points.size()) { // a batch is mostly one region: one lookup per run of points of the same region
            String region = points.get(i).region();
            int run = 1;
            while (i + run < points.size() && points.get(i + run).region().equals(region)) run++;
            Region r = regions.get(region);
            if (r == null) r = track(region);
            if (r != null) {
                r.lastAckMillis().accumulateAndGet(now, Math::max);
                r.points().increment(run);
            }
            i += run;
        }
    }

    private Region track(String region) {
        if (regions.size() >= MAX_REGIONS) return null;
        return regions.computeIfAbsent(region, name -> {
            AtomicLong last = new AtomicLong();
            Gauge.builder("harbinger.ingest.last.ack.timestamp", last, a -> a.get() / 1000.0).tag("region", name).baseUnit("seconds")
                    .description("when points of the region were last acknowledged (durable in Kafka), seconds since the epoch").register(registry);
            Counter points = Counter.builder("harbinger.ingest.region.points").tag("region", name)
                    .description("points acknowledged (durable in Kafka), by region").register(registry);
            return new Region(last, points);
        });
    }
}
