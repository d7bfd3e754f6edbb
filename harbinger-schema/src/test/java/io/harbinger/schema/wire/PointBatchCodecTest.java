package io.harbinger.schema.wire;

import io.harbinger.core.point.Field;
import io.harbinger.core.point.Point;
import io.harbinger.schema.TestPoints;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PointBatchCodecTest {
    private static final List<Point> REQUEST = TestPoints.request("eu", "web-1", TestPoints.T0);

    @Test
    void decode_ofEncodedBatch_returnsEqualBatch() {
        PointBatch batch = new PointBatch(42L, REQUEST);

        assertThat(PointBatchCodec.decode(PointBatchCodec.encode(batch))).isEqualTo(new DecodeResult.Decoded(batch));
    }

    @Test
    void encode_ofBenchShapedRequest_writesRepeatedStringsOnce() {
        byte[] bytes = PointBatchCodec.encode(new PointBatch(1L, REQUEST));

        int everyStringSpelledOut = REQUEST.stream().mapToInt(PointBatchCodecTest::spelledOutSize).sum();
        assertThat(bytes.length).isLessThan(everyStringSpelledOut * 7 / 10);
    }

    /** A point's size if every string were written in full with a one-byte length, 8-byte values and timestamp. */
    private static int spelledOutSize(Point p) {
        int size = 8 + 4 + p.measurement().length() + p.region().length() + p.host().length() + p.drive().length();
        for (var t : p.tags()) size += 2 + t.key().length() + t.value().length();
        for (var f : p.fields()) size += 1 + f.name().length() + 8;
        return size;
    }

    @Test
    void encode_ofPointsWithDifferentTimestamps_keepsEachTimestamp() {
        List<Point> points = List.of(TestPoints.host("eu", "a", TestPoints.T0), TestPoints.host("eu", "a", TestPoints.T0 - 5),
                TestPoints.host("eu", "a", Long.MAX_VALUE), TestPoints.host("eu", "a", Long.MIN_VALUE));

        DecodeResult result = PointBatchCodec.decode(PointBatchCodec.encode(new PointBatch(7L, points)));

        assertThat(result).isEqualTo(new DecodeResult.Decoded(new PointBatch(7L, points)));
    }

    @Test
    void encode_ofNonAsciiStringsAndSpecialDoubles_roundTrips() {
        Point p = new Point("température", "eu", "hôte-1", "ディスク", List.of(),
                List.of(new Field("x", Double.NaN), new Field("y", -0.0), new Field("z", Double.MIN_VALUE)), 0L);
        PointBatch batch = new PointBatch(-1L, List.of(p));

        assertThat(PointBatchCodec.decode(PointBatchCodec.encode(batch))).isEqualTo(new DecodeResult.Decoded(batch));
    }

    @Test
    void contentFingerprint_ofIdenticalPoints_isIdentical_andDiffersWhenAValueDiffers() {
        byte[] first = PointBatchCodec.encodeWithContentFingerprint(REQUEST);
        byte[] again = PointBatchCodec.encodeWithContentFingerprint(TestPoints.request("eu", "web-1", TestPoints.T0));
        byte[] later = PointBatchCodec.encodeWithContentFingerprint(TestPoints.request("eu", "web-1", TestPoints.T0 + 1));

        assertThat(fingerprint(first)).isEqualTo(fingerprint(again)).isNotEqualTo(fingerprint(later));
        assertThat(first).isEqualTo(again);
    }

    @Test
    void idempotencyFingerprint_dependsOnKeyRoutingKeyAndPart() {
        long base = PointBatchCodec.idempotencyFingerprint("req-1", "eu/web-1", 0);

        assertThat(PointBatchCodec.idempotencyFingerprint("req-1", "eu/web-1", 0)).isEqualTo(base);
        assertThat(List.of(PointBatchCodec.idempotencyFingerprint("req-2", "eu/web-1", 0),
                PointBatchCodec.idempotencyFingerprint("req-1", "eu/web-2", 0),
                PointBatchCodec.idempotencyFingerprint("req-1", "eu/web-1", 1))).doesNotContain(base).doesNotHaveDuplicates();
    }

    @Test
    void decode_ofUnknownVersion_namesTheVersion() {
        byte[] bytes = PointBatchCodec.encode(new PointBatch(1L, REQUEST));
        bytes[0] = 9;

        assertThat(corruptDetail(bytes)).isEqualTo("unknown wire version 9 at byte 0 (this reader knows 1)");
    }

    @Test
    void decode_ofTruncatedBatch_namesOffsetAndWhatWasExpected() {
        byte[] bytes = PointBatchCodec.encode(new PointBatch(1L, REQUEST));

        assertThat(corruptDetail(Arrays.copyOf(bytes, 5))).isEqualTo("truncated at byte 1: fingerprint needs 8 bytes, 4 left");
        assertThat(corruptDetail(Arrays.copyOf(bytes, bytes.length - 3))).startsWith("point 3 of 4: truncated at byte");
    }

    @Test
    void decode_ofEmptyOrNullValue_isCorrupt() {
        assertThat(corruptDetail(new byte[0])).isEqualTo("truncated at byte 0: version needs 1 bytes, 0 left");
        assertThat(PointBatchCodec.decode(null)).isEqualTo(new DecodeResult.Corrupt("no record value (null)"));
    }

    @Test
    void decode_ofHugePointCount_failsWithoutAllocating() {
        byte[] bytes = {1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x07};

        assertThat(corruptDetail(bytes)).isEqualTo("point count 2147483647 at byte 17 cannot fit in the 0 bytes left (each needs at least 16)");
    }

    @Test
    void decode_ofDanglingStringReference_namesTheReference() {
        byte[] bytes = PointBatchCodec.encode(new PointBatch(1L, List.of(TestPoints.host("eu", "a", 0))));
        bytes[18] = 5; // the measurement: a reference before any string is defined

        assertThat(corruptDetail(bytes)).isEqualTo("point 0 of 1: measurement at byte 18 refers to string #5 but only 0 are defined");
    }

    @Test
    void decode_ofTrailingBytes_isCorrupt() {
        byte[] bytes = PointBatchCodec.encode(new PointBatch(1L, REQUEST));
        byte[] longer = Arrays.copyOf(bytes, bytes.length + 2);

        assertThat(corruptDetail(longer)).isEqualTo("2 trailing bytes at byte " + bytes.length + " after the last of 4 points");
    }

    @Test
    void decode_ofInvalidUtf8_isCorrupt() {
        byte[] bytes = PointBatchCodec.encode(new PointBatch(1L, List.of(TestPoints.host("eu", "a", 0))));
        // measurement literal "host": ref 0 at 18, length 4 at 19, bytes at 20..23
        bytes[20] = (byte) 0xC3;
        bytes[21] = (byte) 0x28;

        assertThat(corruptDetail(bytes)).startsWith("point 0 of 1: measurement at byte 20 is not valid UTF-8");
    }

    static long fingerprint(byte[] encoded) {
        return ((DecodeResult.Decoded) PointBatchCodec.decode(encoded)).batch().fingerprint();
    }

    private static String corruptDetail(byte[] bytes) {
        DecodeResult result = PointBatchCodec.decode(bytes);
        assertThat(result).isInstanceOf(DecodeResult.Corrupt.class);
        return ((DecodeResult.Corrupt) result).detail();
    }
}
