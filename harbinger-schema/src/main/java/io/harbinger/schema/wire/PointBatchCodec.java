package io.harbinger.schema.wire;

import io.harbinger.core.point.Field;
import io.harbinger.core.point.Point;
import io.harbinger.core.point.Tag;
import io.harbinger.schema.topic.Codec;
import io.harbinger.schema.topic.CorruptRecordException;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The binary form of a {@link PointBatch} on Kafka. Pure: bytes in, values out, no Kafka types.
 *
 * <pre>
 * byte    version (1)
 * int64   fingerprint                       little-endian
 * int64   base timestamp (first point's)    little-endian, epoch nanoseconds
 * varint  point count
 * point*: string measurement, string region, string host, string drive,
 *         varint tag count,   (string key, string value)*,
 *         varint field count, (string name, float64 value little-endian)*,
 *         zigzag-varint timestamp minus base
 * string: varint n; n = 0: a literal follows (varint UTF-8 length, bytes) and becomes the next
 *         entry of the batch's string table; n &gt;= 1: the n-th entry of that table
 * </pre>
 *
 * The string table makes repeated field names, tag keys, region and host cost one byte after their
 * first use (a smart point repeats eight field names and four tag keys per drive); timestamps of one
 * request are usually equal, so their deltas cost one byte. Decoding never throws on malformed
 * input: it answers {@link DecodeResult.Corrupt} naming the offset and what was expected.
 */
public final class PointBatchCodec {
    public static final int VERSION = 1;
    /** Offset of the first byte covered by the content fingerprint (after version and fingerprint). */
    static final int CONTENT_OFFSET = 9;
    private static final long CONTENT_SEED = 0x5EED_C0DE_0001L;
    private static final long IDEMPOTENCY_SEED = 0x5EED_1DE0_0002L;
    /** Smallest encoded point: four one-byte strings, two counts, one field (ref + 8), one delta byte. */
    private static final int MIN_POINT_BYTES = 4 + 1 + 1 + 9 + 1;

    /** {@link #encode} and {@link #decode} as the samples topic's value codec. */
    public static final Codec<PointBatch> CODEC = new Codec<>() {
        @Override
        public byte[] encode(PointBatch batch) {
            return PointBatchCodec.encode(batch);
        }

        @Override
        public PointBatch decode(byte[] bytes) {
            return switch (PointBatchCodec.decode(bytes)) {
                case DecodeResult.Decoded d -> d.batch();
                case DecodeResult.Corrupt c -> throw new CorruptRecordException(c.detail());
            };
        }
    };

    private PointBatchCodec() {}

    public static byte[] encode(PointBatch batch) {
        BatchWriter w = header(batch.fingerprint(), batch.points());
        writePoints(w, batch.points());
        return w.toByteArray();
    }

    /**
     * Encodes {@code points} with the fingerprint set to a hash of everything after it, so that a
     * byte-identical retry of the same points encodes to the same record value.
     */
    public static byte[] encodeWithContentFingerprint(List<Point> points) {
        BatchWriter w = header(0L, points);
        writePoints(w, points);
        w.setLong(1, Hash64.hash(w.buffer(), CONTENT_OFFSET, w.position() - CONTENT_OFFSET, CONTENT_SEED));
        return w.toByteArray();
    }

    /** The fingerprint of part {@code part} of a request the client tagged with {@code idempotencyKey}. */
    public static long idempotencyFingerprint(String idempotencyKey, String routingKey, int part) {
        byte[] bytes = (idempotencyKey + '\u0000' + routingKey + '\u0000' + part).getBytes(StandardCharsets.UTF_8);
        return Hash64.hash(bytes, 0, bytes.length, IDEMPOTENCY_SEED);
    }

    public static DecodeResult decode(byte[] bytes) {
        if (bytes == null) return new DecodeResult.Corrupt("no record value (null)");
        BatchReader r = new BatchReader(bytes);
        int version = r.readByte("version");
        if (!r.failed() && version != VERSION) {
            return new DecodeResult.Corrupt("unknown wire version " + version + " at byte 0 (this reader knows " + VERSION + ")");
        }
        long fingerprint = r.readLong("fingerprint");
        long base = r.readLong("base timestamp");
        int count = r.readCount("point count", MIN_POINT_BYTES);
        if (!r.failed() && count == 0) r.fail("point count at byte 17 is 0: a batch holds at least one point");
        if (r.failed()) return new DecodeResult.Corrupt(r.error());
        List<Point> points = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Point p = readPoint(r, base);
            if (r.failed()) return new DecodeResult.Corrupt("point " + i + " of " + count + ": " + r.error());
            points.add(p);
        }
        if (r.remaining() > 0) {
            return new DecodeResult.Corrupt(r.remaining() + " trailing bytes at byte " + r.position() + " after the last of " + count + " points");
        }
        return new DecodeResult.Decoded(new PointBatch(fingerprint, points));
    }

    /**
     * Reads, per host, the point and value counts and the newest timestamp of a batch, stepping over
     * measurements, tags and field names without building them: several times cheaper than
     * {@link #decode} for steps that need no point (the structure is checked as in {@code decode};
     * the UTF-8 of skipped names is not).
     */
    public static SummaryResult summarize(byte[] bytes) {
        if (bytes == null) return new SummaryResult.Corrupt("no record value (null)");
        BatchReader r = new BatchReader(bytes);
        int version = r.readByte("version");
        if (!r.failed() && version != VERSION) {
            return new SummaryResult.Corrupt("unknown wire version " + version + " at byte 0 (this reader knows " + VERSION + ")");
        }
        long fingerprint = r.readLong("fingerprint");
        long base = r.readLong("base timestamp");
        int count = r.readCount("point count", MIN_POINT_BYTES);
        if (!r.failed() && count == 0) r.fail("point count at byte 17 is 0: a batch holds at least one point");
        HostTally tally = new HostTally();
        for (int i = 0; i < count && !r.failed(); i++) {
            r.skipString("measurement");
            String region = required(r, r.readString("region"), "region");
            String host = required(r, r.readString("host"), "host");
            r.skipString("drive");
            int fields = skipTagsAndFields(r);
            long timestamp = base + r.readZigZag("timestamp delta");
            if (!r.failed()) tally.add(region, host, fields, timestamp);
        }
        if (r.failed()) return new SummaryResult.Corrupt(r.error());
        if (r.remaining() > 0) {
            return new SummaryResult.Corrupt(r.remaining() + " trailing bytes at byte " + r.position() + " after the last of " + count + " points");
        }
        return new BatchSummary(fingerprint, tally.hosts());
    }

    /** @return the point's field count */
    private static int skipTagsAndFields(BatchReader r) {
        int tags = r.readCount("tag count", 2);
        for (int i = 0; i < tags && !r.failed(); i++) {
            r.skipString("tag key");
            r.skipString("tag value");
        }
        int fields = r.readCount("field count", 9);
        if (!r.failed() && fields == 0) r.fail("field count is 0 before byte " + r.position() + ": a point needs at least one field");
        for (int i = 0; i < fields && !r.failed(); i++) {
            r.skipString("field name");
            r.skip(8, "field value");
        }
        return fields;
    }

    private static BatchWriter header(long fingerprint, List<Point> points) {
        // a smart point takes ~140 bytes before the string table kicks in and brings ~6 new strings
        BatchWriter w = new BatchWriter(64 + points.size() * 160, Math.min(4096, 8 + points.size() * 6));
        w.writeByte(VERSION);
        w.writeLong(fingerprint);
        w.writeLong(points.getFirst().timestampNanos());
        return w;
    }

    private static void writePoints(BatchWriter w, List<Point> points) {
        long base = points.getFirst().timestampNanos();
        w.writeVarint(points.size());
        for (Point p : points) {
            w.writeString(p.measurement());
            w.writeString(p.region());
            w.writeString(p.host());
            w.writeString(p.drive());
            w.writeVarint(p.tags().size());
            for (Tag t : p.tags()) {
                w.writeString(t.key());
                w.writeString(t.value());
            }
            w.writeVarint(p.fields().size());
            for (Field f : p.fields()) {
                w.writeString(f.name());
                w.writeDouble(f.value());
            }
            w.writeZigZag(p.timestampNanos() - base);
        }
    }

    /** Reads one point; the result is meaningful only when {@code r} has not failed. */
    private static Point readPoint(BatchReader r, long base) {
        String measurement = required(r, r.readString("measurement"), "measurement");
        String region = required(r, r.readString("region"), "region");
        String host = required(r, r.readString("host"), "host");
        String drive = r.readString("drive");
        List<Tag> tags = readTags(r);
        List<Field> fields = readFields(r);
        long timestamp = base + r.readZigZag("timestamp delta");
        return r.failed() ? null : new Point(measurement, region, host, drive, tags, fields, timestamp);
    }

    private static List<Tag> readTags(BatchReader r) {
        int count = r.readCount("tag count", 2);
        List<Tag> tags = new ArrayList<>(count);
        for (int i = 0; i < count && !r.failed(); i++) {
            String key = required(r, r.readString("tag key"), "tag key");
            String value = r.readString("tag value");
            if (!r.failed()) tags.add(new Tag(key, value));
        }
        return tags;
    }

    private static List<Field> readFields(BatchReader r) {
        int count = r.readCount("field count", 9);
        if (!r.failed() && count == 0) r.fail("field count is 0 before byte " + r.position() + ": a point needs at least one field");
        List<Field> fields = new ArrayList<>(count);
        for (int i = 0; i < count && !r.failed(); i++) {
            String name = required(r, r.readString("field name"), "field name");
            double value = r.readDouble("field value");
            if (!r.failed()) fields.add(new Field(name, value));
        }
        return fields;
    }

    private static String required(BatchReader r, String value, String what) {
        if (!r.failed() && value.isEmpty()) r.fail("empty " + what + " before byte " + r.position() + ": it must be non-empty");
        return value;
    }
}
