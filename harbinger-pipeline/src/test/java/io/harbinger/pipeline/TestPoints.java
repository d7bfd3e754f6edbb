package io.harbinger.pipeline;

import io.harbinger.core.sample.Field;
import io.harbinger.core.sample.Point;
import io.harbinger.core.sample.Tag;

import java.util.ArrayList;
import java.util.List;

/** Small builders for points shaped like real agent data. */
public final class TestPoints {
    public static final long T0 = 1_767_225_600_000_000_000L; // 2026-01-01T00:00:00Z in nanos

    private TestPoints() {}

    /** A {@code smart} point: 8 fields, tags dc, disk, model (region and host are first-class). */
    public static Point smart(String region, String host, String serial, long timestampNanos) {
        List<Tag> tags = List.of(new Tag("dc", region + "-a"), new Tag("disk", serial), new Tag("model", "ST4000DM000"));
        List<Field> fields = List.of(new Field("smart_5_raw", 0), new Field("smart_9_raw", 31_337),
                new Field("smart_187_raw", 0), new Field("smart_188_raw", 0), new Field("smart_194_raw", 36),
                new Field("smart_197_raw", 0), new Field("smart_198_raw", 0), new Field("smart_199_raw", 2));
        return new Point("smart", region, host, serial, tags, fields, timestampNanos);
    }

    /** A {@code host} point with 4 fields. */
    public static Point host(String region, String host, long timestampNanos) {
        List<Field> fields = List.of(new Field("load1", 0.42), new Field("mem_used_pct", 61.5),
                new Field("uptime_s", 86_400), new Field("procs", 213));
        return new Point("host", region, host, "", List.of(new Tag("dc", region + "-a")), fields, timestampNanos);
    }

    /** The bench workload's request for one host: 3 smart points and 1 host point. */
    public static List<Point> request(String region, String host, long timestampNanos) {
        List<Point> points = new ArrayList<>();
        for (int d = 0; d < 3; d++) points.add(smart(region, host, "ZA" + host.hashCode() + "-" + d, timestampNanos));
        points.add(host(region, host, timestampNanos));
        return points;
    }

    public static long samples(List<Point> points) {
        return points.stream().mapToLong(p -> p.fields().size()).sum();
    }
}
