package io.harbinger.ingest.http;

import io.harbinger.core.point.Field;
import io.harbinger.core.point.Point;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class RegionActivityTest {
    private static final Instant T0 = Instant.parse("2026-11-27T12:00:00Z");
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final MovableClock clock = new MovableClock(T0);
    private final RegionActivity regions = new RegionActivity(registry, clock);

    @Test
    void acknowledgedPoints_stampTheirRegionsOnly() {
        regions.acknowledged(List.of(point("eu"), point("eu"), point("us")));
        clock.now = T0.plusSeconds(90);
        regions.acknowledged(List.of(point("us")));

        assertThat(lastAck("eu")).isEqualTo(T0.getEpochSecond());
        assertThat(lastAck("us")).isEqualTo(T0.getEpochSecond() + 90);
        assertThat(registry.find("harbinger.ingest.last.ack.timestamp").gauges()).hasSize(2);
        assertThat(registry.get("harbinger.ingest.region.points").tag("region", "eu").counter().count()).isEqualTo(2.0);
        assertThat(registry.get("harbinger.ingest.region.points").tag("region", "us").counter().count()).isEqualTo(2.0);
    }

    @Test
    void aRegionNeverSeen_hasNoGauge() {
        regions.acknowledged(List.of(point("eu")));
        assertThat(registry.find("harbinger.ingest.last.ack.timestamp").tag("region", "ap").gauge()).isNull();
    }

    @Test
    void regionsBeyondTheCap_areAcknowledgedButNotTracked() {
        IntStream.range(0, RegionActivity.MAX_REGIONS + 5).forEach(i -> regions.acknowledged(List.of(point("r" + i))));
        assertThat(registry.find("harbinger.ingest.last.ack.timestamp").gauges()).hasSize(RegionActivity.MAX_REGIONS);
    }

    private double lastAck(String region) {
        Gauge g = registry.get("harbinger.ingest.last.ack.timestamp").tag("region", region).gauge();
        return g.value();
    }

    private static Point point(String region) {
        return new Point("smart", region, "h1", "d1", List.of(), List.of(new Field("smart_5_raw", 1)), T0.toEpochMilli() * 1_000_000L);
    }

    private static final class MovableClock extends Clock {
        Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
