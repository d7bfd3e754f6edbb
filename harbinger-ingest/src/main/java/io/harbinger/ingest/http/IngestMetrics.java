package io.harbinger.ingest.http;

import io.harbinger.core.parse.ParseResult;
import io.harbinger.core.parse.RejectReason;
import io.harbinger.core.parse.Rejection;
import io.harbinger.core.point.Point;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The ingest path's meters for one endpoint: what was accepted, refused and how long acks took. */
final class IngestMetrics {
    private final MeterRegistry registry;
    private final String endpoint;
    private final Counter points;
    private final Counter samples;
    private final Counter bytes;
    private final Timer ackLatency;
    private final Map<RejectReason, Counter> rejected = new EnumMap<>(RejectReason.class);
    private final Map<Integer, Counter> responses = new ConcurrentHashMap<>();
    private final RegionActivity regions;

    IngestMetrics(MeterRegistry registry, String endpoint, RegionActivity regions) {
        this.registry = registry;
        this.endpoint = endpoint;
        this.regions = regions;
        this.points = Counter.builder("harbinger.ingest.points").description("points acknowledged (durable in Kafka)")
                .tag("endpoint", endpoint).register(registry);
        this.samples = Counter.builder("harbinger.ingest.samples").description("field values acknowledged (durable in Kafka)")
                .tag("endpoint", endpoint).register(registry);
        this.bytes = Counter.builder("harbinger.ingest.bytes").description("request body bytes received (as sent)")
                .baseUnit("bytes").tag("endpoint", endpoint).register(registry);
        this.ackLatency = Timer.builder("harbinger.ingest.ack.latency").description("time from parsed request to Kafka acknowledgement")
                .tag("endpoint", endpoint).publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(60)).register(registry);
        for (RejectReason reason : RejectReason.values()) {
            rejected.put(reason, Counter.builder("harbinger.ingest.rejected").description("items refused, by reason")
                    .tag("endpoint", endpoint).tag("reason", reason.label()).register(registry));
        }
    }

    void received(long bodyBytes) {
        bytes.increment(bodyBytes);
    }

    void acknowledged(List<Point> written, long nanos) {
        points.increment(written.size());
        long values = 0;
        for (Point p : written) values += p.fields().size();
        samples.increment(values);
        ackLatency.record(nanos, java.util.concurrent.TimeUnit.NANOSECONDS);
        regions.acknowledged(written);
    }

    /** Counts every refused item under its reason; items beyond the detailed list under the first listed reason. */
    void refused(ParseResult.Rejected result) {
        for (Rejection r : result.rejections()) rejected.get(r.reason()).increment();
        long unlisted = result.rejectedCount() - result.rejections().size();
        if (unlisted > 0) rejected.get(result.rejections().getFirst().reason()).increment(unlisted);
    }

    void refusedWhole(RejectReason reason) {
        rejected.get(reason).increment();
    }

    void responded(int status) {
        responses.computeIfAbsent(status, s -> Counter.builder("harbinger.ingest.responses").description("HTTP answers by status")
                .tag("endpoint", endpoint).tag("status", Integer.toString(s)).register(registry)).increment();
    }
}
