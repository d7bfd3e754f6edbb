package io.harbinger.schema;

import io.harbinger.core.point.Field;
import io.harbinger.core.point.Point;
import io.harbinger.core.point.Tag;

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

    /** Backblaze-shaped days: one disk sample per day at 00:00 UTC, day 0 being {@link #T0}'s. */
    public static long day(int day) {
        return T0 + day * 86_400_000_000_000L;
    }

    /**
     * A {@code smart} point with every attribute the features read, as a Backblaze day: counters and
     * temperature move a little each day; {@code errors} is the raw value of SMART 5 and 197.
     */
    public static Point disk(String region, String host, String serial, int day, double errors) {
        List<Field> fields = List.of(new Field("smart_5_raw", errors), new Field("smart_9_raw", 20_000 + 24 * day),
                new Field("smart_187_raw", 0), new Field("smart_188_raw", 0), new Field("smart_193_raw", 1_000 + 3 * day),
                new Field("smart_194_raw", 30 + day % 5), new Field("smart_197_raw", errors), new Field("smart_198_raw", 0),
                new Field("smart_241_raw", 1e9 * day), new Field("smart_242_raw", 2.5e9 * day), new Field("failure", 0));
        return new Point("smart", region, host, serial, List.of(new Tag("model", "ST4000DM000")), fields, day(day));
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
