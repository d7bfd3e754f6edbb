package io.harbinger.parsers.smartctl;

import io.harbinger.core.parse.ParseResult;
import io.harbinger.core.parse.RejectReason;
import io.harbinger.core.parse.Rejection;
import io.harbinger.core.point.Point;
import io.harbinger.core.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import static io.harbinger.parsers.smartctl.DiskPoints.backfill;
import static io.harbinger.parsers.smartctl.DiskPoints.field;
import static io.harbinger.parsers.smartctl.DiskPoints.nanos;
import static io.harbinger.parsers.smartctl.DiskPoints.onlyRejection;
import static io.harbinger.parsers.smartctl.DiskPoints.points;
import static io.harbinger.parsers.smartctl.DiskPoints.tag;
import static org.assertj.core.api.Assertions.assertThat;

class CephTelemetryParserTest {

    /** Values of each sample's first and last scrape, read from the files (see ceph-telemetry/SOURCE.txt). */
    record Sample(String file, String model, String vendor, long capacity, String firstScrape, String lastScrape,
                  int firstAttributes, double lastRaw5, double lastRaw9, double lastRaw194, double lastNormalized194) {
        @Override
        public String toString() {
            return file;
        }
    }

    static Stream<Sample> samples() {
        return Stream.of(
                // 194 raw 81604378662 packs min/max above the current temperature 38 (= val_norm on Seagates)
                new Sample("predict_1669.json", "ST8000NM0045-1RL112", "seagate", 8_001_563_222_016L, "2020-07-07T00:12:38Z", "2020-07-18T00:10:16Z", 24, 2, 12028, 38, 38),
                new Sample("predict_2756.json", "ST14000VN0008-2J", "seagate", 14_000_519_643_136L, "2020-07-07T00:01:29Z", "2020-07-18T00:05:20Z", 23, 0, 11666, 27, 27),
                new Sample("predict_3701.json", "ST10000NM0156-2AA111", "seagate", 10_000_831_348_736L, "2020-07-07T00:00:11Z", "2020-07-18T00:05:51Z", 25, 752, 19433, 33, 33),
                new Sample("predict_5496.json", "WD1000FYPS-01ZKB1", "wdc", 1_000_204_886_016L, "2020-07-07T00:08:54Z", "2020-07-18T00:09:00Z", 17, 2, 94503, 32, 120),
                new Sample("predict_6795.json", "SSD_883", "samsung", 1_920_383_410_176L, "2020-07-07T00:03:04Z", "2020-07-18T00:06:56Z", 26, 0, 294, 26, 74));
    }

    private static byte[] read(String file) {
        try {
            return Files.readAllBytes(TestData.resolve("ceph-telemetry/" + file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @ParameterizedTest
    @MethodSource("samples")
    void realSample_becomesOnePointPerDailyScrape(Sample s) {
        List<Point> points = points(CephTelemetryParser.parse(read(s.file()), backfill()));
        assertThat(points).hasSize(12);
        Point first = points.getFirst();
        Point last = points.getLast();
        assertThat(first.timestampNanos()).isEqualTo(nanos(Instant.parse(s.firstScrape())));
        assertThat(last.timestampNanos()).isEqualTo(nanos(Instant.parse(s.lastScrape())));
        assertThat(first.fields()).hasSize(1 + 2 * s.firstAttributes());
        for (Point p : points) {
            assertThat(p.measurement()).isEqualTo("smart");
            assertThat(p.host()).isEqualTo("node-1");
            assertThat(p.drive()).as("no serial in the record: model and capacity").isEqualTo(s.model() + "_" + s.capacity());
            assertThat(tag(p, "drive_identity")).isEqualTo("model_capacity");
            assertThat(tag(p, "model")).isEqualTo(s.model());
            assertThat(tag(p, "vendor")).isEqualTo(s.vendor());
            assertThat(field(p, "capacity_bytes")).isEqualTo(s.capacity());
        }
        assertThat(field(last, "smart_5_raw")).isEqualTo(s.lastRaw5());
        assertThat(field(last, "smart_9_raw")).isEqualTo(s.lastRaw9());
        assertThat(field(last, "smart_194_raw")).isEqualTo(s.lastRaw194());
        assertThat(field(last, "smart_194_normalized")).isEqualTo(s.lastNormalized194());
    }

    private static ParseResult parse(String json) {
        return CephTelemetryParser.parse(json.getBytes(StandardCharsets.UTF_8), backfill());
    }

    @Test
    void recordWithSerial_usesIt_andIsNotMarkedDerived() {
        Point p = points(parse("""
                {"serial_number": "ZA1", "model": "M", "capacity_bytes": 1,
                 "smart_data": {"2020-07-07 00:00:00": {"attr": {"5": {"val_norm": 100, "val_raw": 3}}}}}""")).getFirst();
        assertThat(p.drive()).isEqualTo("ZA1");
        assertThat(p.tags()).noneMatch(t -> t.key().equals("drive_identity"));
        assertThat(field(p, "smart_5_raw")).isEqualTo(3);
    }

    @Test
    void badScrape_isRefusedByItsPosition_andTheOthersAreKept() {
        ParseResult result = parse("""
                {"model": "M", "capacity_bytes": 1, "smart_data": {
                  "2020-07-07 00:00:00": {"attr": {"5": {"val_norm": 100, "val_raw": 3}}},
                  "2020-02-30 00:00:00": {"attr": {"5": {"val_norm": 100, "val_raw": 4}}},
                  "2020-07-09 00:00:00": {"attr": {"300": {"val_norm": 100, "val_raw": 4}}},
                  "2020-07-10 00:00:00": {"attr": {"5": {"val_norm": 100, "val_raw": 5}}}}}""");
        assertThat(result).isInstanceOf(ParseResult.Rejected.class);
        ParseResult.Rejected rejected = (ParseResult.Rejected) result;
        assertThat(rejected.validPoints()).hasSize(2);
        assertThat(rejected.rejections()).extracting(Rejection::line).containsExactly(2L, 3L);
        assertThat(rejected.rejections().get(0).detail()).contains("smart_data['2020-02-30 00:00:00']", "yyyy-MM-dd HH:mm:ss");
        assertThat(rejected.rejections().get(1).detail()).isEqualTo("smart_data['2020-07-09 00:00:00'].attr['300']: key is not an attribute id 1..255");
    }

    @Test
    void recordWithoutAnyIdentity_isMissingDrive() {
        onlyRejection(parse("""
                {"smart_data": {"2020-07-07 00:00:00": {"attr": {"5": {"val_norm": 100, "val_raw": 3}}}}}"""), RejectReason.MISSING_DRIVE);
    }

    @Test
    void smartctlReport_isUnsupported_withAHintWhereItGoes() {
        assertThat(onlyRejection(parse("{\"device\": {\"name\": \"/dev/sda\"}, \"serial_number\": \"X\"}"), RejectReason.UNSUPPORTED).detail())
                .contains("smartctl endpoint");
    }

    @Test
    void requestWithoutHost_isMissingHost() {
        ParseResult result = CephTelemetryParser.parse(read("predict_5496.json"), backfill().withDefaultHost(""));
        onlyRejection(result, RejectReason.MISSING_HOST);
    }

    @Test
    void wrongValueType_isMalformed_namingThePath() {
        ParseResult result = parse("""
                {"model": "M", "capacity_bytes": 1, "smart_data": {"2020-07-07 00:00:00": {"attr": {"5": {"val_norm": "high", "val_raw": 3}}}}}""");
        assertThat(onlyRejection(result, RejectReason.MALFORMED).detail())
                .isEqualTo("smart_data['2020-07-07 00:00:00'].attr['5'].val_norm is a string, expected a number");
    }
}
