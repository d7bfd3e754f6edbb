package io.harbinger.parsers.otlp;

import com.google.protobuf.ByteString;
import io.harbinger.core.admit.IngestLimits;
import io.harbinger.core.admit.ParseContext;
import io.harbinger.core.admit.TimeWindow;
import io.harbinger.core.parse.ParseResult;
import io.harbinger.core.point.Point;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.ArrayValue;
import io.opentelemetry.proto.common.v1.InstrumentationScope;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.common.v1.KeyValueList;
import io.opentelemetry.proto.metrics.v1.Gauge;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import io.opentelemetry.proto.metrics.v1.ResourceMetrics;
import io.opentelemetry.proto.metrics.v1.ScopeMetrics;
import io.opentelemetry.proto.resource.v1.Resource;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Small builders over the generated OTLP classes, for tests. */
final class Otlp {
    static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");
    static final long NOW_NS = NOW.getEpochSecond() * 1_000_000_000L;
    static final long TEN_SECONDS_AGO = NOW_NS - 10_000_000_000L;
    static final ParseContext CTX = new ParseContext("eu-west", "", NOW_NS, TimeWindow.LIVE_DEFAULT, IngestLimits.DEFAULTS);

    private Otlp() {
    }

    static KeyValue attr(String key, String value) {
        return attr(key, AnyValue.newBuilder().setStringValue(value).build());
    }

    static KeyValue attr(String key, AnyValue value) {
        return KeyValue.newBuilder().setKey(key).setValue(value).build();
    }

    static AnyValue intValue(long v) {
        return AnyValue.newBuilder().setIntValue(v).build();
    }

    static AnyValue doubleValue(double v) {
        return AnyValue.newBuilder().setDoubleValue(v).build();
    }

    static AnyValue boolValue(boolean v) {
        return AnyValue.newBuilder().setBoolValue(v).build();
    }

    static AnyValue bytesValue(byte... v) {
        return AnyValue.newBuilder().setBytesValue(ByteString.copyFrom(v)).build();
    }

    static AnyValue array(AnyValue... values) {
        return AnyValue.newBuilder().setArrayValue(ArrayValue.newBuilder().addAllValues(List.of(values))).build();
    }

    static AnyValue kvlist(KeyValue... values) {
        return AnyValue.newBuilder().setKvlistValue(KeyValueList.newBuilder().addAllValues(List.of(values))).build();
    }

    static Resource resource(KeyValue... attributes) {
        return Resource.newBuilder().addAllAttributes(List.of(attributes)).build();
    }

    static ResourceMetrics resourceMetrics(Resource resource, Metric... metrics) {
        return ResourceMetrics.newBuilder().setResource(resource)
                .addScopeMetrics(ScopeMetrics.newBuilder().setScope(InstrumentationScope.newBuilder().setName("test").setVersion("1.0"))
                        .addAllMetrics(List.of(metrics)))
                .build();
    }

    static ExportMetricsServiceRequest request(ResourceMetrics... resources) {
        return ExportMetricsServiceRequest.newBuilder().addAllResourceMetrics(List.of(resources)).build();
    }

    static ExportMetricsServiceRequest request(Resource resource, Metric... metrics) {
        return request(resourceMetrics(resource, metrics));
    }

    static NumberDataPoint number(double value, KeyValue... attributes) {
        return NumberDataPoint.newBuilder().setAsDouble(value).setTimeUnixNano(TEN_SECONDS_AGO).addAllAttributes(List.of(attributes)).build();
    }

    static Metric gauge(String name, NumberDataPoint... points) {
        return Metric.newBuilder().setName(name).setGauge(Gauge.newBuilder().addAllDataPoints(List.of(points))).build();
    }

    static ParseResult parse(ExportMetricsServiceRequest request) {
        return OtlpMetricsParser.parseProtobuf(request.toByteArray(), CTX);
    }

    static List<Point> accepted(ParseResult result) {
        assertThat(result).isInstanceOf(ParseResult.Accepted.class);
        return ((ParseResult.Accepted) result).points();
    }

    static ParseResult.Rejected rejected(ParseResult result) {
        assertThat(result).isInstanceOf(ParseResult.Rejected.class);
        return (ParseResult.Rejected) result;
    }
}
