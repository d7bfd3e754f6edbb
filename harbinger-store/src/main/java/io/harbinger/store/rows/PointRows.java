package io.harbinger.store.rows;

import io.harbinger.core.point.Field;
import io.harbinger.core.point.Point;
import io.harbinger.core.point.Tag;
import io.harbinger.schema.disk.SmartAttribute;
import io.harbinger.schema.wire.PointBatch;
import io.harbinger.schema.disk.SmartFields;

import java.util.List;

/**
 * Maps a point to the row it is stored as. Pure and total: every point gives exactly one row.
 *
 * <ul>
 *   <li>A point with measurement {@value #SMART} and a non-empty drive becomes a {@link DiskSampleRow}:
 *       tag {@code model}; fields {@code capacity_bytes}, {@code smart_N_raw} for the attributes of
 *       {@link SmartAttribute}, {@code temperature_c}, {@code failure} (non-zero is
 *       true) go to their columns; every other field goes to {@code other}, a {@code smart_N_raw}
 *       under its attribute id ({@code "199"}), anything else under its own name
 *       ({@code "smart_5_normalized"}, {@code "power_on_hours"}). A column value that is not a whole
 *       number in bigint range goes to {@code other} under the same rule instead of being cut.
 *       Tags other than {@code model} are not stored with disk samples (the table has no place for
 *       them; drive, host and region are columns).</li>
 *   <li>Every other point (including a {@code smart} point without drive) becomes a
 *       {@link HostMetricRow}: its tags and fields as JSON objects. When the point has a drive that
 *       no tag carries, a tag {@code "drive"} is added so that two drives' points at one instant
 *       stay two rows.</li>
 * </ul>
 * Text loses NUL characters (PostgreSQL text and jsonb cannot hold them): they become U+FFFD. When a
 * field name repeats, the last value wins. Timestamps are floored to microseconds, PostgreSQL's
 * precision: two samples of one series less than a microsecond apart are one row.
 */
public final class PointRows {
    public static final String SMART = "smart";
    static final String MODEL = "model";
    static final String CAPACITY = "capacity_bytes";
    static final String TEMPERATURE = "temperature_c";
    static final String FAILURE = "failure";
    static final String DRIVE_TAG = "drive";

    private PointRows() {
    }

    /** The rows of a samples record: one per point, in order. */
    public static List<Row> of(PointBatch batch) {
        List<Row> rows = new java.util.ArrayList<>(batch.points().size());
        for (Point p : batch.points()) rows.add(of(p));
        return rows;
    }

    public static Row of(Point point) {
        return SMART.equals(point.measurement()) && !point.drive().isEmpty() ? diskSample(point) : hostMetric(point);
    }

    static DiskSampleRow diskSample(Point p) {
        long[] bigints = new long[DiskSampleRow.BIGINTS];
        int present = 0;
        float temperature = 0;
        boolean hasTemperature = false;
        boolean failure = false;
        JsonbText other = new JsonbText();
        for (Field f : p.fields()) {
            int column = bigintColumn(f.name());
            if (column >= 0 && isBigint(f.value())) {
                bigints[column] = (long) f.value();
                present |= 1 << column;
            } else if (TEMPERATURE.equals(f.name()) && Double.isFinite(f.value())) {
                temperature = (float) f.value();
                hasTemperature = true;
            } else if (FAILURE.equals(f.name())) {
                failure = f.value() != 0;
            } else {
                other.number(otherKey(f.name()), f.value());
            }
        }
        return new DiskSampleRow(clean(p.region()), clean(p.host()), clean(p.drive()), micros(p.timestampNanos()), clean(tag(p.tags(), MODEL)),
                bigints, present, temperature, hasTemperature, failure, other.isEmpty() ? "" : other.text());
    }

    static HostMetricRow hostMetric(Point p) {
        JsonbText tags = new JsonbText();
        boolean driveTagged = p.drive().isEmpty();
        for (Tag t : p.tags()) {
            tags.string(t.key(), t.value());
            driveTagged |= t.value().equals(p.drive());
        }
        if (!driveTagged) tags.string(DRIVE_TAG, p.drive());
        JsonbText fields = new JsonbText();
        for (Field f : p.fields()) fields.number(f.name(), f.value());
        return new HostMetricRow(clean(p.region()), clean(p.host()), clean(p.measurement()), tags.text(), micros(p.timestampNanos()), fields.text());
    }

    /** Index into {@link DiskSampleRow#bigints()} of a field name, or -1. */
    static int bigintColumn(String name) {
        if (CAPACITY.equals(name)) return 0;
        SmartAttribute attribute = SmartAttribute.ofRawField(name);
        return attribute == null ? -1 : 1 + attribute.slot();
    }

    static String otherKey(String name) {
        int attribute = SmartFields.rawAttributeId(name);
        return attribute < 0 ? name : Integer.toString(attribute);
    }

    private static boolean isBigint(double v) {
        return v == Math.rint(v) && v >= -0x1p63 && v < 0x1p63;
    }

    private static String tag(List<Tag> tags, String key) {
        for (Tag t : tags) {
            if (t.key().equals(key)) return t.value();
        }
        return "";
    }

    static long micros(long nanos) {
        return Math.floorDiv(nanos, 1000L);
    }

    static String clean(String s) {
        return s.indexOf('\u0000') < 0 ? s : s.replace('\u0000', '\uFFFD');
    }
}
