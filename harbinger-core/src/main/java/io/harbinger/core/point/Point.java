package io.harbinger.core.point;

import java.util.List;

/**
 * One measurement of one host (and, for disk telemetry, one drive) at one instant: the unit every
 * ingest protocol is translated into.
 *
 * <p>{@code region} and {@code host} are first-class because they route the point (Kafka key,
 * storage shard). {@code drive} is the drive's identity (serial number where the agent sends one),
 * or the empty string for host-level points. {@code tags} holds every other dimension, in the order
 * the agent sent them. Lists are taken as given, not copied: parsers hand over fresh lists and never
 * touch them again.
 *
 * @param timestampNanos Unix epoch nanoseconds
 */
public record Point(String measurement, String region, String host, String drive,
                    List<Tag> tags, List<Field> fields, long timestampNanos) {
    public Point {
        requireText(measurement, "measurement");
        requireText(region, "region");
        requireText(host, "host");
        if (drive == null) throw new IllegalArgumentException("drive must be non-null (empty for host-level points)");
        if (tags == null) throw new IllegalArgumentException("tags must be non-null");
        if (fields == null || fields.isEmpty()) throw new IllegalArgumentException("a point needs at least one field");
    }

    /** The Kafka/partitioning key: one host's data stays in one partition, in order. */
    public String routingKey() {
        return routingKey(region, host);
    }

    public static String routingKey(String region, String host) {
        return region + '/' + host;
    }

    private static void requireText(String value, String what) {
        if (value == null || value.isEmpty()) throw new IllegalArgumentException(what + " must be non-empty");
    }
}
