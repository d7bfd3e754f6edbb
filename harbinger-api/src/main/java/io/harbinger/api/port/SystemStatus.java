package io.harbinger.api.port;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * How the node itself is doing right now ({@code GET /api/v1/system}): ingest rate and ack latency, the
 * processor's and each loader's lag and throughput. Rates and percentiles are over the last
 * {@link Status#windowSeconds} seconds, not since start.
 */
public interface SystemStatus {
    Status now();

    /**
     * @param cache  the read cache's figures (rates per second, sizes), empty when the node runs without one
     * @param alerts the alerting engine's figures, empty when the node runs without one
     */
    record Status(Instant at, double windowSeconds, long uptimeSeconds, Ingest ingest, Processor processor, List<Loader> loaders,
                  Optional<Map<String, Double>> cache, Optional<Map<String, Double>> alerts) {
        public Status {
            loaders = List.copyOf(loaders);
        }
    }

    /** Points and requests acknowledged per second, items refused per second; ack latency percentiles (empty when nothing was acked). */
    record Ingest(double pointsPerSecond, double requestsPerSecond, AckLatency ackLatencyMs, double rejectedPerSecond) {}

    record AckLatency(OptionalDouble p50, OptionalDouble p99) {}

    /** Records of the samples topic not yet processed, and samples processed per second. */
    record Processor(long lagRecords, double pointsPerSecond) {}

    /** One loader into PostgreSQL (samples, predictions): records behind its topic's end, rows written per second. */
    record Loader(String name, long lagRecords, double rowsPerSecond) {}
}
