package io.harbinger.parsers.prometheus;

import io.harbinger.core.admit.IngestLimits;
import io.harbinger.core.admit.ParseContext;
import io.harbinger.core.admit.TimeWindow;
import io.harbinger.core.parse.ParseResult;
import io.harbinger.core.parse.RejectReason;
import io.harbinger.core.parse.Rejection;
import io.harbinger.core.point.Field;
import io.harbinger.core.point.Point;
import io.harbinger.core.point.Tag;
import io.harbinger.parsers.prometheus.RemoteWriteEncoder.Sample;
import io.harbinger.parsers.prometheus.RemoteWriteEncoder.Series;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.xerial.snappy.Snappy;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RemoteWriteParserTest {
    static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");
    static final long NOW_MS = NOW.toEpochMilli();
    static final long NOW_NS = NOW_MS * 1_000_000L;
    static final int MAX_DECODED = 1 << 20;
    static final ParseContext CTX = new ParseContext("eu-west", "", NOW_NS, TimeWindow.LIVE_DEFAULT, IngestLimits.DEFAULTS);

    static ParseResult parse(ParseContext ctx, Series... series) {
        return RemoteWriteParser.parse(RemoteWriteEncoder.encode(List.of(series)), MAX_DECODED, ctx);
    }

    static ParseResult parse(Series... series) {
        return parse(CTX, series);
    }

    static ParseResult parseRaw(byte[] protobuf) throws IOException {
        return RemoteWriteParser.parse(Snappy.compress(protobuf), MAX_DECODED, CTX);
    }

    static List<Point> accepted(ParseResult result) {
        assertThat(result).isInstanceOf(ParseResult.Accepted.class);
        return ((ParseResult.Accepted) result).points();
    }

    static ParseResult.Rejected rejected(ParseResult result) {
        assertThat(result).isInstanceOf(ParseResult.Rejected.class);
        return (ParseResult.Rejected) result;
    }

    static Series series(double value, String... labels) {
        return Series.of(List.of(new Sample(value, NOW_MS - 10_000)), labels);
    }

    @Test
    void roundTrip_nodeExporterDiskSeries_onePointPerSampleWithLabelsMapped() {
        Series reads = Series.of(List.of(new Sample(1.5e9, NOW_MS - 30_000), new Sample(1.6e9, NOW_MS - 15_000)),
                "__name__", "node_disk_read_bytes_total", "device", "sda", "instance", "node1:9100", "job", "node");
        Series up = Series.of(List.of(new Sample(1, NOW_MS - 15_000)), "__name__", "up", "instance", "node2:9100", "job", "node", "region", "us-east");

        List<Point> points = accepted(parse(reads, up));

        assertThat(points).containsExactly(
                new Point("node_disk_read_bytes_total", "eu-west", "node1", "sda",
                        List.of(new Tag("device", "sda"), new Tag("instance", "node1:9100"), new Tag("job", "node")),
                        List.of(new Field("value", 1.5e9)), (NOW_MS - 30_000) * 1_000_000L),
                new Point("node_disk_read_bytes_total", "eu-west", "node1", "sda",
                        List.of(new Tag("device", "sda"), new Tag("instance", "node1:9100"), new Tag("job", "node")),
                        List.of(new Field("value", 1.6e9)), (NOW_MS - 15_000) * 1_000_000L),
                new Point("up", "us-east", "node2", "",
                        List.of(new Tag("instance", "node2:9100"), new Tag("job", "node")),
                        List.of(new Field("value", 1.0)), (NOW_MS - 15_000) * 1_000_000L));
    }

    @Test
    void hostLabel_winsOverInstance_andIsRemovedFromTagsWhileInstanceStays() {
        Point p = accepted(parse(series(3, "__name__", "smart_temp", "host", "db-7", "instance", "exporter:9633", "serial", "ZA1"))).getFirst();

        assertThat(p.host()).isEqualTo("db-7");
        assertThat(p.drive()).isEqualTo("ZA1");
        assertThat(p.tags()).containsExactly(new Tag("instance", "exporter:9633"), new Tag("serial", "ZA1"));
    }

    @ParameterizedTest
    @CsvSource({
            "node1:9100, node1",
            "10.0.0.7:9100, 10.0.0.7",
            "'[2001:db8::1]:9100', 2001:db8::1",
            "'[::1]', ::1",
            "node1, node1",
            "2001:db8::1, 2001:db8::1",
            "node1:metrics, node1:metrics",
            "http://node1:9100/metrics, http://node1:9100/metrics",
            ":9100, :9100",
    })
    void hostOfInstance_stripsOnlyANumericPort(String instance, String host) {
        assertThat(SeriesLabels.hostOfInstance(instance)).isEqualTo(host);
    }

    @Test
    void noHostOrInstance_usesDefaultHost() {
        Point p = accepted(parse(CTX.withDefaultHost("from-query"), series(1, "__name__", "up"))).getFirst();

        assertThat(p.host()).isEqualTo("from-query");
        assertThat(p.region()).isEqualTo("eu-west");
    }

    @Test
    void noHostAnywhere_isMissingHostAtThatSeries_andOtherSeriesStayValid() {
        ParseResult.Rejected r = rejected(parse(series(1, "__name__", "up", "host", "a"), series(1, "__name__", "up", "job", "x")));

        assertThat(r.rejections()).singleElement().satisfies(rej -> {
            assertThat(rej.reason()).isEqualTo(RejectReason.MISSING_HOST);
            assertThat(rej.line()).isEqualTo(2);
            assertThat(rej.detail()).contains("series 2", "'up'", "instance");
        });
        assertThat(r.validPoints()).extracting(Point::host).containsExactly("a");
    }

    @Test
    void missingName_isMalformedNamingSeriesIndexAndLabels() {
        ParseResult.Rejected r = rejected(parse(series(1, "__name__", "up", "host", "a"), series(1, "__name__", "up", "host", "a"),
                series(1, "job", "node", "host", "a")));

        Rejection rej = r.rejections().getFirst();
        assertThat(rej.reason()).isEqualTo(RejectReason.MALFORMED);
        assertThat(rej.line()).isEqualTo(3);
        assertThat(rej.detail()).contains("__name__", "job=\"node\"");
        assertThat(r.validPoints()).hasSize(2);
    }

    @Test
    void emptyLabelValue_isTreatedAsAbsent() {
        Point p = accepted(parse(series(1, "__name__", "up", "host", "a", "job", "", "env", "prod"))).getFirst();

        assertThat(p.tags()).containsExactly(new Tag("env", "prod"));
    }

    @Test
    void emptyLabelName_isMalformed() {
        Rejection rej = rejected(parse(series(1, "__name__", "up", "host", "a", "", "v"))).rejections().getFirst();

        assertThat(rej.reason()).isEqualTo(RejectReason.MALFORMED);
        assertThat(rej.detail()).contains("label 3", "empty name");
    }

    @Test
    void labelValueLongerThanMaxNameBytes_isMalformed() {
        ParseContext ctx = new ParseContext("eu-west", "h", NOW_NS, TimeWindow.LIVE_DEFAULT, new IngestLimits(1024, 64, 16, 8));

        Rejection rej = rejected(parse(ctx, series(1, "__name__", "up", "job", "éééééé"))).rejections().getFirst();

        assertThat(rej.reason()).isEqualTo(RejectReason.MALFORMED);
        assertThat(rej.detail()).contains("'job'", "longer than 8 bytes", "value 12");
    }

    @Test
    void stalenessMarker_isSkippedSilently() {
        double stale = Double.longBitsToDouble(SeriesMapper.STALE_NAN_BITS);
        Series s = Series.of(List.of(new Sample(7, NOW_MS - 20_000), new Sample(stale, NOW_MS - 10_000)), "__name__", "up", "host", "a");

        assertThat(accepted(parse(s))).extracting(p -> p.fields().getFirst().value()).containsExactly(7.0);
    }

    @ParameterizedTest
    @CsvSource({"NaN", "Infinity", "-Infinity"})
    void otherNonFiniteValues_areNonFiniteValueRejections(double value) {
        Series s = Series.of(List.of(new Sample(5, NOW_MS - 20_000), new Sample(value, NOW_MS - 10_000)), "__name__", "up", "host", "a");

        ParseResult.Rejected r = rejected(parse(s));

        assertThat(r.rejections()).singleElement().satisfies(rej -> {
            assertThat(rej.reason()).isEqualTo(RejectReason.NON_FINITE_VALUE);
            assertThat(rej.line()).isEqualTo(1);
            assertThat(rej.detail()).contains("series 1 ('up') sample 2", "value");
        });
        assertThat(r.validPoints()).hasSize(1);
    }

    @Test
    void timestampsOutsideWindow_areTooOldOrTooNew() {
        Series s = Series.of(List.of(new Sample(1, NOW_MS - Duration.ofHours(2).toMillis()), new Sample(1, NOW_MS + Duration.ofHours(1).toMillis()),
                new Sample(1, 0), new Sample(1, Long.MAX_VALUE)), "__name__", "up", "host", "a");

        assertThat(rejected(parse(s)).rejections()).extracting(Rejection::reason).containsExactly(
                RejectReason.TIMESTAMP_TOO_OLD, RejectReason.TIMESTAMP_TOO_NEW, RejectReason.TIMESTAMP_TOO_OLD, RejectReason.TIMESTAMP_TOO_NEW);
    }

    @Test
    void tooManyLabels_isTooManyTags() {
        ParseContext ctx = new ParseContext("eu-west", "h", NOW_NS, TimeWindow.LIVE_DEFAULT, new IngestLimits(1024, 3, 16, 256));

        Rejection rej = rejected(parse(ctx, series(1, "__name__", "up", "a", "1", "b", "2"))).rejections().getFirst();

        assertThat(rej.reason()).isEqualTo(RejectReason.TOO_MANY_TAGS);
    }

    @Test
    void invalidUtf8InLabelValue_isInvalidUtf8ForThatSeriesOnly() throws IOException {
        byte[] body = RawProtobuf.build(w -> w
                .series(1, NOW_MS - 1000, "__name__", "up", "host", "a")
                .message(1, s -> s
                        .message(1, l -> l.string(1, "__name__").string(2, "up"))
                        .message(1, l -> l.string(1, "host").bytes(2, new byte[]{'a', (byte) 0xC3, '(', 'b'}))
                        .message(2, smp -> smp.fixed64Double(1, 1).varint(2, NOW_MS - 1000))));

        ParseResult.Rejected r = rejected(parseRaw(body));

        assertThat(r.rejections()).singleElement().satisfies(rej -> {
            assertThat(rej.reason()).isEqualTo(RejectReason.INVALID_UTF8);
            assertThat(rej.line()).isEqualTo(2);
            assertThat(rej.detail()).contains("label 2's value");
        });
        assertThat(r.validPoints()).hasSize(1);
    }

    @Test
    void nonAsciiUtf8Labels_areDecoded() {
        Point p = accepted(parse(series(1, "__name__", "temp", "host", "höst-東京", "room", "Zürich"))).getFirst();

        assertThat(p.host()).isEqualTo("höst-東京");
        assertThat(p.tags()).containsExactly(new Tag("room", "Zürich"));
    }

    @Test
    void metadataExemplarsHistogramsAndUnknownFields_areSkipped() throws IOException {
        byte[] body = RawProtobuf.build(w -> w
                .message(3, md -> md.varint(1, 1).string(2, "up").string(4, "help text"))
                .message(1, s -> s
                        .varint(99, 12345)
                        .message(2, smp -> smp.fixed64Double(1, 4).varint(2, NOW_MS - 1000).varint(7, 1))
                        .message(3, ex -> ex.message(1, l -> l.string(1, "trace_id").string(2, "abc")).fixed64Double(2, 9))
                        .message(4, h -> h.varint(1, 10))
                        .message(1, l -> l.string(1, "__name__").string(2, "up").varint(3, 0))
                        .message(1, l -> l.string(1, "host").string(2, "a")))
                .varint(42, 7));

        assertThat(accepted(parseRaw(body))).singleElement().satisfies(p -> {
            assertThat(p.measurement()).isEqualTo("up");
            assertThat(p.fields()).containsExactly(new Field("value", 4));
        });
    }

    @Test
    void seriesWithoutSamples_yieldsNothing() {
        assertThat(accepted(parse(Series.of(List.of(), "__name__", "up")))).isEmpty();
    }

    @Test
    void emptyWriteRequest_isAcceptedWithNoPoints() {
        assertThat(accepted(parse())).isEmpty();
    }

    @Test
    void truncatedProtobuf_isMalformedNamingTheSeries() throws IOException {
        byte[] full = RemoteWriteEncoder.encodeProtobuf(List.of(series(1, "__name__", "a", "host", "h"), series(2, "__name__", "b", "host", "h")));
        byte[] truncated = Arrays.copyOf(full, full.length - 3);

        ParseResult.Rejected r = rejected(parseRaw(truncated));

        assertThat(r.rejections()).singleElement().satisfies(rej -> {
            assertThat(rej.reason()).isEqualTo(RejectReason.MALFORMED);
            assertThat(rej.line()).isEqualTo(2);
            assertThat(rej.detail()).contains("in series 2", "of " + truncated.length + " decoded");
        });
        assertThat(r.validPoints()).isEmpty();
    }

    @Test
    void garbageBetweenSeries_isMalformedAfterTheLastGoodSeries() throws IOException {
        byte[] body = RawProtobuf.build(w -> w.series(1, NOW_MS, "__name__", "a", "host", "h").raw((byte) 0x0F)); // wire type 7

        Rejection rej = rejected(parseRaw(body)).rejections().getFirst();

        assertThat(rej.reason()).isEqualTo(RejectReason.MALFORMED);
        assertThat(rej.detail()).contains("after series 1");
    }

    @Test
    void strayEndGroup_isMalformed() throws IOException {
        byte[] body = RawProtobuf.build(w -> w.tag(5, RawProtobuf.END_GROUP));

        Rejection rej = rejected(parseRaw(body)).rejections().getFirst();

        assertThat(rej.reason()).isEqualTo(RejectReason.MALFORMED);
        assertThat(rej.detail()).contains("before the first series", "end-group");
    }

    @Test
    void deeplyNestedGroups_areMalformedNotAStackOverflow() throws IOException {
        byte[] body = new byte[200_000];
        Arrays.fill(body, (byte) 0x0B); // field 1, start group, forever

        assertThat(rejected(parseRaw(body)).rejections().getFirst().reason()).isEqualTo(RejectReason.MALFORMED);
    }

    @Test
    void decodedSizeOverCap_isBadEncodingNamingBothSizes() {
        byte[] body = RemoteWriteEncoder.encode(List.of(series(1, "__name__", "up", "host", "a")));
        int decoded = RemoteWriteEncoder.encodeProtobuf(List.of(series(1, "__name__", "up", "host", "a"))).length;

        Rejection rej = rejected(RemoteWriteParser.parse(body, decoded - 1, CTX)).rejections().getFirst();

        assertThat(rej.reason()).isEqualTo(RejectReason.BAD_ENCODING);
        assertThat(rej.line()).isZero();
        assertThat(rej.detail()).contains("declares " + decoded + " decoded bytes", "at most " + (decoded - 1));
        assertThat(accepted(RemoteWriteParser.parse(body, decoded, CTX))).hasSize(1);
    }

    @Test
    void hugeDeclaredLength_isRefusedBeforeAllocating() {
        byte[] header = {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x07, 0x00}; // declares 2^31-1 bytes

        Rejection rej = rejected(RemoteWriteParser.parse(header, MAX_DECODED, CTX)).rejections().getFirst();

        assertThat(rej.reason()).isEqualTo(RejectReason.BAD_ENCODING);
        assertThat(rej.detail()).contains("2147483647", String.valueOf(MAX_DECODED));
    }

    @Test
    void corruptSnappy_isBadEncoding() {
        byte[] body = RemoteWriteEncoder.encode(List.of(series(1, "__name__", "up", "host", "a"), series(2, "__name__", "up", "host", "b")));
        byte[] cut = Arrays.copyOf(body, body.length / 2);

        for (byte[] bad : List.of(new byte[0], cut, "not snappy at all, just text".getBytes())) {
            Rejection rej = rejected(RemoteWriteParser.parse(bad, MAX_DECODED, CTX)).rejections().getFirst();
            assertThat(rej.reason()).as("%d bytes", bad.length).isEqualTo(RejectReason.BAD_ENCODING);
            assertThat(rej.detail()).contains("Snappy");
        }
    }

    @Test
    void millisToNanos_saturatesInsteadOfOverflowing() {
        assertThat(SeriesMapper.millisToNanos(1_000)).isEqualTo(1_000_000_000L);
        assertThat(SeriesMapper.millisToNanos(Long.MAX_VALUE)).isEqualTo(Long.MAX_VALUE);
        assertThat(SeriesMapper.millisToNanos(Long.MIN_VALUE)).isEqualTo(Long.MIN_VALUE);
    }

    @Test
    void manySeries_roundTripInOrder() {
        List<Series> many = new ArrayList<>();
        for (int i = 0; i < 2000; i++) many.add(series(i, "__name__", "m" + (i % 7), "host", "h" + i, "cpu", String.valueOf(i % 4)));

        List<Point> points = accepted(RemoteWriteParser.parse(RemoteWriteEncoder.encode(many), 4 << 20, CTX));

        assertThat(points).hasSize(2000);
        assertThat(points.get(1234).host()).isEqualTo("h1234");
        assertThat(points.get(1234).fields().getFirst().value()).isEqualTo(1234.0);
    }
}
