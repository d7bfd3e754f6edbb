package io.harbinger.parsers.otlp;

import io.harbinger.core.admit.IngestLimits;
import io.harbinger.core.admit.ParseContext;
import io.harbinger.core.admit.TimeWindow;
import io.harbinger.core.parse.ParseResult;
import io.harbinger.core.parse.RejectReason;
import io.harbinger.core.parse.Rejection;
import io.harbinger.core.point.Field;
import io.harbinger.core.point.Point;
import io.harbinger.core.point.Tag;
import io.opentelemetry.proto.metrics.v1.AggregationTemporality;
import io.opentelemetry.proto.metrics.v1.DataPointFlags;
import io.opentelemetry.proto.metrics.v1.ExponentialHistogram;
import io.opentelemetry.proto.metrics.v1.ExponentialHistogramDataPoint;
import io.opentelemetry.proto.metrics.v1.Histogram;
import io.opentelemetry.proto.metrics.v1.HistogramDataPoint;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import io.opentelemetry.proto.metrics.v1.Sum;
import io.opentelemetry.proto.metrics.v1.Summary;
import io.opentelemetry.proto.metrics.v1.SummaryDataPoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static io.harbinger.parsers.otlp.Otlp.*;
import static org.assertj.core.api.Assertions.assertThat;

class OtlpMetricsParserTest {
    static final io.opentelemetry.proto.resource.v1.Resource DB7 = resource(attr("host.name", "db-7"), attr("cloud.region", "us-east-1"),
            attr("service.name", "otelcol"), attr("os.type", "linux"));

    @Test
    void gauge_mapsResourceToHostRegionAndAttributesToTagsPlusServiceName() {
        Point p = accepted(parse(request(DB7, gauge("disk.temperature", number(41.5, attr("device", "sda"), attr("model", "ST4000DM000")))))).getFirst();

        assertThat(p).isEqualTo(new Point("disk.temperature", "us-east-1", "db-7", "sda",
                List.of(new Tag("device", "sda"), new Tag("model", "ST4000DM000"), new Tag("service.name", "otelcol")),
                List.of(new Field("value", 41.5)), TEN_SECONDS_AGO));
    }

    @Test
    void sumWithIntValue_isValueAsDouble() {
        Metric sum = Metric.newBuilder().setName("system.disk.io").setSum(Sum.newBuilder()
                .setAggregationTemporality(AggregationTemporality.AGGREGATION_TEMPORALITY_CUMULATIVE).setIsMonotonic(true)
                .addDataPoints(NumberDataPoint.newBuilder().setAsInt(1_234_567_890_123L).setTimeUnixNano(TEN_SECONDS_AGO))).build();

        assertThat(accepted(parse(request(DB7, sum))).getFirst().fields()).containsExactly(new Field("value", 1_234_567_890_123.0));
    }

    @Test
    void histogram_isCountSumMinMax_withoutBuckets() {
        Metric h = Metric.newBuilder().setName("http.server.request.duration").setHistogram(Histogram.newBuilder()
                .addDataPoints(HistogramDataPoint.newBuilder().setTimeUnixNano(TEN_SECONDS_AGO).setCount(42).setSum(3.75).setMin(0.001).setMax(0.6)
                        .addAllBucketCounts(List.of(0L, 40L, 2L)).addAllExplicitBounds(List.of(0.005, 0.5)))
                .addDataPoints(HistogramDataPoint.newBuilder().setTimeUnixNano(TEN_SECONDS_AGO).setCount(-1L))) // 2^64-1, unsigned
                .build();

        List<Point> points = accepted(parse(request(DB7, h)));

        assertThat(points.get(0).fields()).containsExactly(new Field("count", 42), new Field("sum", 3.75), new Field("min", 0.001), new Field("max", 0.6));
        assertThat(points.get(1).fields()).containsExactly(new Field("count", 18446744073709551615.0));
    }

    @Test
    void exponentialHistogram_isCountAndSum() {
        Metric h = Metric.newBuilder().setName("rpc.duration").setExponentialHistogram(ExponentialHistogram.newBuilder()
                .addDataPoints(ExponentialHistogramDataPoint.newBuilder().setTimeUnixNano(TEN_SECONDS_AGO).setCount(7).setSum(1.25).setScale(3)
                        .setPositive(ExponentialHistogramDataPoint.Buckets.newBuilder().setOffset(1).addBucketCounts(7)))).build();

        assertThat(accepted(parse(request(DB7, h))).getFirst().fields()).containsExactly(new Field("count", 7), new Field("sum", 1.25));
    }

    @Test
    void summary_isCountSumAndOneFieldPerQuantile() {
        Metric s = Metric.newBuilder().setName("rpc.latency").setSummary(Summary.newBuilder().addDataPoints(SummaryDataPoint.newBuilder()
                .setTimeUnixNano(TEN_SECONDS_AGO).setCount(10).setSum(5.5)
                .addQuantileValues(quantile(0, 0.1)).addQuantileValues(quantile(0.5, 0.4))
                .addQuantileValues(quantile(0.99, 1.2)).addQuantileValues(quantile(1.0, 2.0)))).build();

        assertThat(accepted(parse(request(DB7, s))).getFirst().fields()).containsExactly(new Field("count", 10), new Field("sum", 5.5),
                new Field("q0", 0.1), new Field("q0.5", 0.4), new Field("q0.99", 1.2), new Field("q1", 2.0));
    }

    @ParameterizedTest
    @CsvSource({"-0.1", "1.5", "NaN"})
    void summaryQuantileOutsideZeroToOne_isMalformed(double q) {
        Metric s = Metric.newBuilder().setName("rpc.latency").setSummary(Summary.newBuilder().addDataPoints(SummaryDataPoint.newBuilder()
                .setTimeUnixNano(TEN_SECONDS_AGO).setCount(1).setSum(1).addQuantileValues(quantile(q, 1)))).build();

        Rejection rej = rejected(parse(request(DB7, s))).rejections().getFirst();

        assertThat(rej.reason()).isEqualTo(RejectReason.MALFORMED);
        assertThat(rej.detail()).contains("quantile", "[0, 1]", "'rpc.latency'");
    }

    @Test
    void hostFallsBackFromHostNameToHostToDefault_andRegionFromCloudRegionToRegionToDefault() {
        var request = request(
                resourceMetrics(resource(attr("host.name", "a"), attr("host", "ignored"), attr("cloud.region", "r1"), attr("region", "ignored")), gauge("m", number(1))),
                resourceMetrics(resource(attr("host", "b"), attr("region", "r2")), gauge("m", number(1))),
                resourceMetrics(resource(), gauge("m", number(1))));

        List<Point> points = accepted(OtlpMetricsParser.parseProtobuf(request.toByteArray(), CTX.withDefaultHost("fallback")));

        assertThat(points).extracting(Point::host).containsExactly("a", "b", "fallback");
        assertThat(points).extracting(Point::region).containsExactly("r1", "r2", "eu-west");
    }

    @Test
    void dataPointHostAndRegionAttributes_overrideTheResourceAndAreNotTags() {
        Point p = accepted(parse(request(DB7, gauge("m", number(1, attr("host", "disk-shelf-3"), attr("region", "eu-north"), attr("k", "v")))))).getFirst();

        assertThat(p.host()).isEqualTo("disk-shelf-3");
        assertThat(p.region()).isEqualTo("eu-north");
        assertThat(p.tags()).containsExactly(new Tag("k", "v"), new Tag("service.name", "otelcol"));
    }

    @Test
    void noHostAnywhere_isMissingHostPerDataPoint() {
        Rejection rej = rejected(parse(request(resource(attr("service.name", "x")), gauge("m", number(1))))).rejections().getFirst();

        assertThat(rej.reason()).isEqualTo(RejectReason.MISSING_HOST);
        assertThat(rej.line()).isEqualTo(1);
        assertThat(rej.detail()).contains("host.name");
    }

    @Test
    void zeroTimestamp_isTheContextsNow() {
        NumberDataPoint unset = NumberDataPoint.newBuilder().setAsDouble(1).build();

        assertThat(accepted(parse(request(DB7, gauge("m", unset)))).getFirst().timestampNanos()).isEqualTo(NOW_NS);
    }

    @Test
    void refusedDataPoints_arePartialSuccessWithValidPointsKept_andLinesCountDataPointsAcrossTheRequest() {
        var request = request(
                resourceMetrics(DB7, gauge("a", number(1), number(Double.NaN)), gauge("b", number(2))),
                resourceMetrics(DB7, gauge("c", number(3), number(Double.POSITIVE_INFINITY))));

        ParseResult.Rejected r = rejected(parse(request));

        assertThat(r.rejectedCount()).isEqualTo(2);
        assertThat(r.rejections()).extracting(Rejection::reason).containsOnly(RejectReason.NON_FINITE_VALUE);
        assertThat(r.rejections()).extracting(Rejection::line).containsExactly(2L, 5L);
        assertThat(r.rejections().get(1).detail()).contains("data point 5", "metric 'c'");
        assertThat(r.validPoints()).extracting(Point::measurement).containsExactly("a", "b", "c");
    }

    @Test
    void noRecordedValueFlag_isSkippedSilentlyButStillCounted() {
        NumberDataPoint stale = NumberDataPoint.newBuilder().setTimeUnixNano(TEN_SECONDS_AGO)
                .setFlags(DataPointFlags.DATA_POINT_FLAGS_NO_RECORDED_VALUE_MASK_VALUE).build();

        ParseResult.Rejected r = rejected(parse(request(DB7, gauge("m", stale, number(Double.NaN)))));

        assertThat(r.rejections()).singleElement().extracting(Rejection::line).isEqualTo(2L);
        assertThat(r.validPoints()).isEmpty();
    }

    @Test
    void numberWithoutValue_isNoFields() {
        NumberDataPoint empty = NumberDataPoint.newBuilder().setTimeUnixNano(TEN_SECONDS_AGO).build();

        Rejection rej = rejected(parse(request(DB7, gauge("m", empty)))).rejections().getFirst();

        assertThat(rej.reason()).isEqualTo(RejectReason.NO_FIELDS);
        assertThat(rej.detail()).contains("asDouble", "asInt");
    }

    @Test
    void metricWithoutData_yieldsNothing() {
        assertThat(accepted(parse(request(DB7, Metric.newBuilder().setName("empty").build())))).isEmpty();
    }

    @Test
    void timestampsOutsideWindow_areTooOldOrTooNew() {
        NumberDataPoint old = number(1).toBuilder().setTimeUnixNano(NOW_NS - 7_200_000_000_000L).build();
        NumberDataPoint future = number(1).toBuilder().setTimeUnixNano(NOW_NS + 3_600_000_000_000L).build();
        NumberDataPoint unsignedHuge = number(1).toBuilder().setTimeUnixNano(-5L).build();

        assertThat(rejected(parse(request(DB7, gauge("m", old, future, unsignedHuge)))).rejections()).extracting(Rejection::reason)
                .containsExactly(RejectReason.TIMESTAMP_TOO_OLD, RejectReason.TIMESTAMP_TOO_NEW, RejectReason.TIMESTAMP_TOO_NEW);
    }

    @Test
    void tooManyAttributes_isTooManyTags_andTooManyQuantiles_isTooManyFields() {
        ParseContext ctx = new ParseContext("eu-west", "", NOW_NS, TimeWindow.LIVE_DEFAULT, new IngestLimits(1024, 4, 3, 256));
        Metric s = Metric.newBuilder().setName("s").setSummary(Summary.newBuilder().addDataPoints(SummaryDataPoint.newBuilder()
                .setTimeUnixNano(TEN_SECONDS_AGO).setCount(1).setSum(1).addQuantileValues(quantile(0.5, 1)).addQuantileValues(quantile(0.9, 1)))).build();
        var request = request(resource(attr("host.name", "h")), gauge("g", number(1, attr("a", "1"), attr("b", "2"), attr("c", "3"))), s);

        assertThat(rejected(OtlpMetricsParser.parseProtobuf(request.toByteArray(), ctx)).rejections()).extracting(Rejection::reason)
                .containsExactly(RejectReason.TOO_MANY_TAGS, RejectReason.TOO_MANY_FIELDS);
    }

    @Test
    void emptyMetricName_emptyAttributeKey_andOverlongValues_areMalformed() {
        ParseContext ctx = new ParseContext("eu-west", "h", NOW_NS, TimeWindow.LIVE_DEFAULT, new IngestLimits(1024, 64, 16, 10));
        var request = request(resource(),
                gauge("", number(1)),
                gauge("m", number(1, attr("", "v"))),
                gauge("m", number(1, attr("k", "ééééééé"))), // 7 chars, 14 bytes
                gauge("a.very.long.metric.name", number(1)));

        ParseResult.Rejected r = rejected(OtlpMetricsParser.parseProtobuf(request.toByteArray(), ctx));

        assertThat(r.rejections()).extracting(Rejection::reason).containsOnly(RejectReason.MALFORMED);
        assertThat(r.rejections()).extracting(Rejection::detail).satisfiesExactly(
                d -> assertThat(d).contains("empty name"),
                d -> assertThat(d).contains("empty key"),
                d -> assertThat(d).contains("'k'", "longer than 10 bytes"),
                d -> assertThat(d).contains("metric name longer than 10 bytes"));
    }

    @Test
    void attributeValues_areStringified() {
        Point p = accepted(parse(request(DB7, gauge("m", number(1,
                attr("i", intValue(-3)), attr("d", doubleValue(2.5)), attr("b", boolValue(true)), attr("raw", bytesValue((byte) 1, (byte) 2)),
                attr("arr", array(intValue(1), attr("x", "q\"uote").getValue(), doubleValue(Double.NaN))),
                attr("kv", kvlist(attr("k", boolValue(false)), attr("n", io.opentelemetry.proto.common.v1.AnyValue.getDefaultInstance())))))))).getFirst();

        assertThat(p.tags()).containsExactly(new Tag("i", "-3"), new Tag("d", "2.5"), new Tag("b", "true"), new Tag("raw", "AQI="),
                new Tag("arr", "[1,\"q\\\"uote\",\"NaN\"]"), new Tag("kv", "{\"k\":false,\"n\":null}"), new Tag("service.name", "otelcol"));
    }

    @Test
    void dataPointServiceName_isNotDuplicatedByTheResources() {
        Point p = accepted(parse(request(DB7, gauge("m", number(1, attr("service.name", "mine")))))).getFirst();

        assertThat(p.tags()).containsExactly(new Tag("service.name", "mine"));
    }

    @Test
    void driveTag_isTheFirstOfSerialDriveDiskDevice() {
        Point p = accepted(parse(request(DB7, gauge("smart.attr", number(1, attr("device", "sda"), attr("serial", "ZA1B2C3")))))).getFirst();

        assertThat(p.drive()).isEqualTo("ZA1B2C3");
    }

    @Test
    void undecodableProtobuf_isMalformedWholeWithNoValidPoints() {
        ParseResult.Rejected r = rejected(OtlpMetricsParser.parseProtobuf(new byte[]{0x0A, 0x05, 0x01}, CTX));

        assertThat(r.rejections()).singleElement().satisfies(rej -> {
            assertThat(rej.reason()).isEqualTo(RejectReason.MALFORMED);
            assertThat(rej.line()).isZero();
            assertThat(rej.detail()).contains("ExportMetricsServiceRequest", "3 bytes");
        });
        assertThat(r.validPoints()).isEmpty();
    }

    @Test
    void deeplyNestedAttributeValueInProtobuf_isMalformedNotAStackOverflow() {
        io.opentelemetry.proto.common.v1.AnyValue nested = intValue(1);
        for (int i = 0; i < 500; i++) nested = array(nested);
        byte[] body = request(DB7, gauge("m", number(1, attr("deep", nested)))).toByteArray();

        Rejection rej = rejected(OtlpMetricsParser.parseProtobuf(body, CTX)).rejections().getFirst();

        assertThat(rej.reason()).isEqualTo(RejectReason.MALFORMED);
        assertThat(rej.detail()).containsIgnoringCase("recursion");
    }

    @Test
    void emptyBody_isAnEmptyRequest() {
        assertThat(accepted(OtlpMetricsParser.parseProtobuf(new byte[0], CTX))).isEmpty();
    }

    @Test
    void quantileFieldNames_areShortestDecimal() {
        assertThat(OtlpMapper.quantileField(0.5)).isEqualTo("q0.5");
        assertThat(OtlpMapper.quantileField(0.999)).isEqualTo("q0.999");
        assertThat(OtlpMapper.quantileField(1)).isEqualTo("q1");
        assertThat(OtlpMapper.quantileField(-0.0)).isEqualTo("q0");
    }

    private static SummaryDataPoint.ValueAtQuantile quantile(double q, double v) {
        return SummaryDataPoint.ValueAtQuantile.newBuilder().setQuantile(q).setValue(v).build();
    }
}
