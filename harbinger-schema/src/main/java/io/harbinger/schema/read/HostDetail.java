package io.harbinger.schema.read;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One host: its drives with their latest predictions, and its host metrics.
 *
 * @param lastSeen its latest disk sample or metric point
 * @param drives   the drives it reported in the 7 days up to its latest sample, by drive
 * @param metrics  the latest point of each of its series within the day before its latest point, by
 *                 measurement then tags
 */
public record HostDetail(String region, String host, Instant lastSeen, List<Drive> drives, List<MetricPoint> metrics) {
    public HostDetail {
        drives = List.copyOf(drives);
        metrics = List.copyOf(metrics);
    }

    /** @param latest its latest prediction, with reasons; empty when it was never scored */
    public record Drive(String drive, Optional<String> driveModel, Optional<DriveRisk> latest) {
    }

    /** @param fields numbers, strings or booleans, as ingested */
    public record MetricPoint(String measurement, Map<String, String> tags, Instant ts, Map<String, Object> fields) {
        public MetricPoint {
            tags = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(tags)); // by name
            fields = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(fields));
        }
    }
}
