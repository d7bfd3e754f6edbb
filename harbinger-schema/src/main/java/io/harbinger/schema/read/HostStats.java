package io.harbinger.schema.read;

import io.harbinger.core.point.Point;

/**
 * What the pipeline knows about one host, as queried from its state store.
 *
 * @param points            accepted points
 * @param samples           accepted field values (a point with eight fields is eight samples)
 * @param lastSampleNanos   the newest point timestamp seen, epoch nanoseconds
 * @param lastArrivalMillis the newest Kafka record timestamp (when ingest wrote it), epoch millis,
 *                          including retries that were dropped as duplicates: the host was heard from
 * @param duplicates        records dropped because their fingerprint was among the host's last 64
 */
public record HostStats(String region, String host, long points, long samples,
                        long lastSampleNanos, long lastArrivalMillis, long duplicates) {
    public String routingKey() {
        return Point.routingKey(region, host);
    }
}
