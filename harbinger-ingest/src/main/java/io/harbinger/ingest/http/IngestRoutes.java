package io.harbinger.ingest.http;

import io.harbinger.core.point.PointSink;
import io.javalin.Javalin;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * The ingest endpoints, mounted on a Javalin server. All share one in-flight byte budget, so a flood
 * on any endpoint is answered 429 before it can exhaust the heap, one admission by waiting time, so
 * a node short of CPU answers 429 before its clients time out, and one gate, so shutdown can stop
 * taking requests and let the admitted ones finish.
 */
public final class IngestRoutes {
    /** The paths this registers, for the README and the tests. */
    public static final List<String> PATHS = List.of("/write", "/api/v2/write", "/api/v1/write", "/v1/metrics",
            "/api/v1/smartctl", "/api/v1/import/backblaze");

    private final Gate gate = new Gate();
    private final ThreadWait threadWait = new ThreadWait(THREAD_WAIT_PROBE_MILLIS);
    /** How often {@link ThreadWait} probes: often enough that a growing wait is seen well within a second. */
    private static final long THREAD_WAIT_PROBE_MILLIS = 100;

    private IngestRoutes() {
    }

    public static IngestRoutes register(Javalin app, IngestConfig config, PointSink sink, Clock clock, MeterRegistry registry) {
        IngestRoutes routes = new IngestRoutes();
        InFlightBudget budget = new InFlightBudget(config.maxInFlightBytes());
        Gauge.builder("harbinger.ingest.inflight.bytes", budget, InFlightBudget::used)
                .description("decoded request bytes being parsed or awaiting Kafka's ack").baseUnit("bytes").register(registry);
        Gauge.builder("harbinger.ingest.inflight.capacity.bytes", budget, InFlightBudget::capacity)
                .description("the in-flight budget; beyond it requests get 429").baseUnit("bytes").register(registry);
        QueueingAdmission admission = new QueueingAdmission(config.queueTarget().toMillis(), IngestConfig.QUEUE_INTERVAL.toMillis(),
                System.currentTimeMillis());
        Gauge.builder("harbinger.ingest.shedding", admission, a -> a.shedding() ? 1 : 0)
                .description("1 while requests get 429 because even the quickest answer of the last second took longer than --queue-target")
                .register(registry);
        Gauge.builder("harbinger.http.thread.wait", routes.threadWait, ThreadWait::millis)
                .description("how long a new virtual thread waits to run: what a request waits before the server reads it; above --queue-target ingest answers 429")
                .baseUnit("milliseconds").register(registry);
        routes.threadWait.start();
        Gauge.builder("harbinger.ingest.quickest.answer", admission, QueueingAdmission::lastQuickestMillis)
                .description("the quickest admitted request of the last second, arrival to answer").baseUnit("milliseconds").register(registry);
        RegionActivity regions = new RegionActivity(registry, clock);
        Factory f = protocol -> new IngestHandler(protocol, config, budget, admission, routes.threadWait, routes.gate, sink, clock,
                new IngestMetrics(registry, protocol.name(), regions));

        IngestHandler influx = f.handler(new InfluxProtocol());
        app.post("/write", influx);
        app.post("/api/v2/write", influx);
        app.post("/api/v1/write", f.handler(new RemoteWriteProtocol(config)));
        app.post("/v1/metrics", f.handler(new OtlpProtocol()));
        app.post("/api/v1/smartctl", f.handler(new SmartctlProtocol()));
        app.post("/api/v1/import/backblaze", f.handler(new BackblazeProtocol()));
        return routes;
    }

    /** Stops admitting requests (they get 503) and waits for the admitted ones. @return true if all finished in time */
    public boolean drain(Duration timeout) throws InterruptedException {
        gate.close();
        try {
            return gate.awaitIdle(timeout);
        } finally {
            threadWait.close();
        }
    }

    public boolean accepting() {
        return !gate.isClosed();
    }

    private interface Factory {
        IngestHandler handler(Protocol protocol);
    }
}
