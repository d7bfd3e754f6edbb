package io.harbinger.parsers.otlp;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import io.harbinger.core.parse.ParseResult;
import io.harbinger.core.parse.RejectReason;
import io.harbinger.core.parse.Rejection;
import io.harbinger.core.point.Field;
import io.harbinger.core.point.Point;
import io.harbinger.core.point.Tag;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static io.harbinger.parsers.otlp.Otlp.*;
import static org.assertj.core.api.Assertions.assertThat;

class OtlpJsonTest {
    /**
     * Shaped like what the OpenTelemetry Collector's otlphttp exporter (encoding: json) and file
     * exporter write: lowerCamelCase keys, 64-bit integers as strings, enums as numbers, hex trace and
     * span ids in exemplars, a schemaUrl, and one field this parser does not know.
     */
    static final String COLLECTOR_JSON = """
            {"resourceMetrics":[{"resource":{"attributes":[
              {"key":"host.name","value":{"stringValue":"db-7"}},
              {"key":"os.type","value":{"stringValue":"linux"}},
              {"key":"cloud.region","value":{"stringValue":"us-east-1"}},
              {"key":"service.name","value":{"stringValue":"otelcol-contrib"}}]},
             "scopeMetrics":[
              {"scope":{"name":"github.com/open-telemetry/opentelemetry-collector-contrib/receiver/hostmetricsreceiver/internal/scraper/diskscraper","version":"0.128.0"},
               "metrics":[
                {"name":"system.disk.io","description":"Disk bytes transferred.","unit":"By","sum":{"dataPoints":[
                  {"attributes":[{"key":"device","value":{"stringValue":"sda"}},{"key":"direction","value":{"stringValue":"read"}}],
                   "startTimeUnixNano":"1748736000000000000","timeUnixNano":"1748779190000000000","asInt":"1234567890"},
                  {"attributes":[{"key":"device","value":{"stringValue":"sda"}},{"key":"direction","value":{"stringValue":"write"}}],
                   "startTimeUnixNano":"1748736000000000000","timeUnixNano":"1748779190000000000","asInt":"987654321"}],
                 "aggregationTemporality":2,"isMonotonic":true}},
                {"name":"system.disk.operation_time","unit":"s","sum":{"dataPoints":[
                  {"attributes":[{"key":"device","value":{"stringValue":"sda"}},{"key":"direction","value":{"stringValue":"read"}}],
                   "startTimeUnixNano":"1748736000000000000","timeUnixNano":"1748779190000000000","asDouble":12.5}],
                 "aggregationTemporality":2,"isMonotonic":true}}]},
              {"scope":{"name":"io.opentelemetry.runtime-telemetry-java17","version":"2.16.0-alpha"},
               "metrics":[
                {"name":"http.server.request.duration","unit":"s","histogram":{"dataPoints":[
                  {"attributes":[{"key":"http.request.method","value":{"stringValue":"POST"}},{"key":"http.response.status_code","value":{"intValue":"200"}}],
                   "startTimeUnixNano":"1748736000000000000","timeUnixNano":"1748779190000000000","count":"42","sum":3.75,
                   "bucketCounts":["0","40","2"],"explicitBounds":[0.005,0.5],
                   "exemplars":[{"timeUnixNano":"1748779185000000000","asDouble":0.6,"spanId":"b7ad6b7169203331","traceId":"0af7651916cd43dd8448eb211c80319c"}],
                   "min":0.001,"max":0.6}],
                 "aggregationTemporality":2}},
                {"name":"rpc.latency","summary":{"dataPoints":[
                  {"timeUnixNano":"1748779190000000000","count":"10","sum":5.5,"quantileValues":[{"quantile":0.5,"value":0.4},{"quantile":0.99,"value":1.2}]}]}},
                {"name":"jvm.memory.used","unit":"By","gauge":{"dataPoints":[
                  {"attributes":[{"key":"jvm.memory.pool.name","value":{"stringValue":"G1 Eden Space"}}],
                   "timeUnixNano":"1748779190000000000","asInt":"52428800","flags":0}]},
                 "someFieldFromAFutureSpec":{"x":[1,2,3]}}]}],
             "schemaUrl":"https://opentelemetry.io/schemas/1.9.0"}]}
            """;
    static final long T = 1_748_779_190_000_000_000L;

    @Test
    void collectorJson_isParsedWithStringInt64sEnumNumbersHexIdsAndUnknownFields() {
        List<Point> points = accepted(OtlpMetricsParser.parseJson(COLLECTOR_JSON.getBytes(StandardCharsets.UTF_8), CTX));

        Tag svc = new Tag("service.name", "otelcol-contrib");
        assertThat(points).containsExactly(
                new Point("system.disk.io", "us-east-1", "db-7", "sda", List.of(new Tag("device", "sda"), new Tag("direction", "read"), svc),
                        List.of(new Field("value", 1234567890)), T),
                new Point("system.disk.io", "us-east-1", "db-7", "sda", List.of(new Tag("device", "sda"), new Tag("direction", "write"), svc),
                        List.of(new Field("value", 987654321)), T),
                new Point("system.disk.operation_time", "us-east-1", "db-7", "sda", List.of(new Tag("device", "sda"), new Tag("direction", "read"), svc),
                        List.of(new Field("value", 12.5)), T),
                new Point("http.server.request.duration", "us-east-1", "db-7", "",
                        List.of(new Tag("http.request.method", "POST"), new Tag("http.response.status_code", "200"), svc),
                        List.of(new Field("count", 42), new Field("sum", 3.75), new Field("min", 0.001), new Field("max", 0.6)), T),
                new Point("rpc.latency", "us-east-1", "db-7", "", List.of(svc),
                        List.of(new Field("count", 10), new Field("sum", 5.5), new Field("q0.5", 0.4), new Field("q0.99", 1.2)), T),
                new Point("jvm.memory.used", "us-east-1", "db-7", "", List.of(new Tag("jvm.memory.pool.name", "G1 Eden Space"), svc),
                        List.of(new Field("value", 52428800)), T));
    }

    @Test
    void jsonAndProtobufOfTheSameRequest_giveTheSamePoints() throws InvalidProtocolBufferException {
        var request = request(
                resourceMetrics(resource(attr("host.name", "a"), attr("cloud.region", "r")), gauge("m", number(1.5, attr("k", intValue(7))), number(2))),
                resourceMetrics(resource(attr("host", "b")), gauge("n", number(-3, attr("arr", array(boolValue(true)))))));
        byte[] json = JsonFormat.printer().print(request).getBytes(StandardCharsets.UTF_8);

        assertThat(accepted(OtlpMetricsParser.parseJson(json, CTX))).isEqualTo(accepted(parse(request))).hasSize(3);
    }

    @Test
    void snakeCaseNamesAndNumericInt64s_areAlsoAccepted() {
        String json = """
                {"resource_metrics":[{"resource":{"attributes":[{"key":"host.name","value":{"string_value":"h"}}]},
                  "scope_metrics":[{"metrics":[{"name":"m","gauge":{"data_points":[{"time_unix_nano":1748779190000000000,"as_int":5}]}}]}]}]}
                """;

        assertThat(accepted(OtlpMetricsParser.parseJson(json.getBytes(StandardCharsets.UTF_8), CTX)))
                .singleElement().satisfies(p -> assertThat(p.fields()).containsExactly(new Field("value", 5)));
    }

    @Test
    void nonFiniteJsonValues_arePartialSuccess() {
        String json = """
                {"resourceMetrics":[{"resource":{"attributes":[{"key":"host.name","value":{"stringValue":"h"}}]},
                  "scopeMetrics":[{"metrics":[{"name":"m","gauge":{"dataPoints":[
                    {"timeUnixNano":"1748779190000000000","asDouble":"NaN"},{"timeUnixNano":"1748779190000000000","asDouble":1}]}}]}]}]}
                """;

        ParseResult.Rejected r = rejected(OtlpMetricsParser.parseJson(json.getBytes(StandardCharsets.UTF_8), CTX));

        assertThat(r.rejections()).singleElement().satisfies(rej -> {
            assertThat(rej.reason()).isEqualTo(RejectReason.NON_FINITE_VALUE);
            assertThat(rej.line()).isEqualTo(1);
        });
        assertThat(r.validPoints()).hasSize(1);
    }

    @Test
    void invalidJson_isMalformedWholeWithNoValidPoints() {
        for (String bad : List.of("", "{", "[]", "42", "{\"resourceMetrics\":{}}", "{\"resourceMetrics\":[{\"resource\":7}]}",
                COLLECTOR_JSON.substring(0, COLLECTOR_JSON.length() / 2),
                COLLECTOR_JSON.replace("\"1234567890\"", "\"12x\""))) {
            ParseResult.Rejected r = rejected(OtlpMetricsParser.parseJson(bad.getBytes(StandardCharsets.UTF_8), CTX));
            assertThat(r.rejections()).as(bad).singleElement().satisfies(rej -> {
                assertThat(rej.reason()).isEqualTo(RejectReason.MALFORMED);
                assertThat(rej.line()).isZero();
                assertThat(rej.detail()).contains("OTLP/JSON");
            });
            assertThat(r.validPoints()).isEmpty();
        }
    }

    @Test
    void deeplyNestedJson_isMalformedNotAStackOverflow() {
        String deep = "{\"unknownField\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}";

        Rejection rej = rejected(OtlpMetricsParser.parseJson(deep.getBytes(StandardCharsets.UTF_8), CTX)).rejections().getFirst();

        assertThat(rej.reason()).isEqualTo(RejectReason.MALFORMED);
    }

    @Test
    void deeplyNestedAttributeValues_areMalformedNotAStackOverflow() {
        String open = "{\"arrayValue\":{\"values\":[";
        String close = "]}}";
        String json = "{\"resourceMetrics\":[{\"resource\":{\"attributes\":[{\"key\":\"k\",\"value\":"
                + open.repeat(5_000) + close.repeat(5_000) + "}]}}]}";

        Rejection rej = rejected(OtlpMetricsParser.parseJson(json.getBytes(StandardCharsets.UTF_8), CTX)).rejections().getFirst();

        assertThat(rej.reason()).isEqualTo(RejectReason.MALFORMED);
    }

    @Test
    void invalidUtf8Body_isInvalidUtf8() {
        byte[] body = COLLECTOR_JSON.replace("db-7", "db_7").getBytes(StandardCharsets.UTF_8);
        int at = COLLECTOR_JSON.indexOf("db-7") + 2;
        body[at] = (byte) 0xC3; // lead byte followed by ASCII: not UTF-8

        Rejection rej = rejected(OtlpMetricsParser.parseJson(body, CTX)).rejections().getFirst();

        assertThat(rej.reason()).isEqualTo(RejectReason.INVALID_UTF8);
        assertThat(rej.line()).isZero();
    }
}
