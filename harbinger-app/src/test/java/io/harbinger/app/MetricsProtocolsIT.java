package io.harbinger.app;

import io.harbinger.parsers.prometheus.RemoteWriteEncoder;
import io.harbinger.parsers.prometheus.RemoteWriteEncoder.Sample;
import io.harbinger.parsers.prometheus.RemoteWriteEncoder.Series;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceResponse;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.metrics.v1.Gauge;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import io.opentelemetry.proto.metrics.v1.ResourceMetrics;
import io.opentelemetry.proto.metrics.v1.ScopeMetrics;
import io.opentelemetry.proto.resource.v1.Resource;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Prometheus remote write and OTLP/HTTP end to end on a real node. */
class MetricsProtocolsIT {
    private static final String BASE = SharedNode.base();

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void remoteWrite_isAcknowledged_andTheHostComesFromInstanceWithoutPort() throws Exception {
        String host = unique("prom");
        long now = System.currentTimeMillis();
        byte[] body = RemoteWriteEncoder.encode(List.of(
                Series.of(List.of(new Sample(0.5, now), new Sample(0.7, now + 1000)), "__name__", "node_load1", "instance", host + ":9100", "region", "prom"),
                Series.of(List.of(new Sample(42, now)), "__name__", "node_hwmon_temp_celsius", "instance", host + ":9100", "region", "prom")));
        HttpResponse<String> r = Http.post(BASE + "/api/v1/write", "application/x-protobuf", body,
                "Content-Encoding", "snappy", "X-Prometheus-Remote-Write-Version", "0.1.0");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(204);
        assertThat(IngestEndpointsIT.pointsOf("prom", host, 3)).isEqualTo(3);
    }

    @Test
    void remoteWrite_withANonFiniteSample_isRefusedWhole() throws Exception {
        String host = unique("promnan");
        long now = System.currentTimeMillis();
        byte[] body = RemoteWriteEncoder.encode(List.of(
                Series.of(List.of(new Sample(1, now)), "__name__", "up", "host", host, "region", "prom"),
                Series.of(List.of(new Sample(Double.POSITIVE_INFINITY, now)), "__name__", "temp", "host", host, "region", "prom")));
        HttpResponse<String> r = Http.post(BASE + "/api/v1/write", "application/x-protobuf", body, "Content-Encoding", "snappy");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(Http.json(r.body()).path("rejections").get(0).path("reason").asText()).isEqualTo("non_finite_value");
    }

    @Test
    void remoteWrite_garbage_is400() throws Exception {
        HttpResponse<String> r = Http.post(BASE + "/api/v1/write", "application/x-protobuf", "definitely not snappy".getBytes(), "Content-Encoding", "snappy");
        assertThat(r.statusCode()).isEqualTo(400);
    }

    @Test
    void otlpProtobuf_partialSuccess_writesTheValidPointsAndCountsTheRest() throws Exception {
        String host = unique("otel");
        long now = System.currentTimeMillis() * 1_000_000L;
        long twoHoursAgo = now - Duration.ofHours(2).toNanos();
        ExportMetricsServiceRequest request = request(host, List.of(point(1.5, now), point(2.5, now + 1), point(3.5, twoHoursAgo)));
        HttpResponse<byte[]> r = Http.postForBytes(BASE + "/v1/metrics", "application/x-protobuf", request.toByteArray());
        assertThat(r.statusCode()).isEqualTo(200);
        ExportMetricsServiceResponse response = ExportMetricsServiceResponse.parseFrom(r.body());
        assertThat(response.getPartialSuccess().getRejectedDataPoints()).isEqualTo(1);
        assertThat(response.getPartialSuccess().getErrorMessage()).contains("timestamp_too_old");
        assertThat(IngestEndpointsIT.pointsOf("otel", host, 2)).isEqualTo(2);
    }

    @Test
    void otlpJson_isAcceptedAndAnsweredInJson() throws Exception {
        String host = unique("oteljson");
        long now = System.currentTimeMillis() * 1_000_000L;
        String json = com.google.protobuf.util.JsonFormat.printer().print(request(host, List.of(point(7, now))));
        HttpResponse<String> r = Http.post(BASE + "/v1/metrics", "application/json", json.getBytes());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        assertThat(IngestEndpointsIT.pointsOf("otel", host, 1)).isEqualTo(1);
    }

    @Test
    void otlpUndecodable_is400WithAStatus() throws Exception {
        HttpResponse<String> r = Http.post(BASE + "/v1/metrics", "application/json", "{\"resourceMetrics\": 5".getBytes());
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(Http.json(r.body()).path("code").asInt()).isEqualTo(3);
    }

    private static NumberDataPoint point(double value, long timeNanos) {
        return NumberDataPoint.newBuilder().setAsDouble(value).setTimeUnixNano(timeNanos).build();
    }

    private static ExportMetricsServiceRequest request(String host, List<NumberDataPoint> points) {
        Resource resource = Resource.newBuilder()
                .addAttributes(KeyValue.newBuilder().setKey("host.name").setValue(AnyValue.newBuilder().setStringValue(host)))
                .addAttributes(KeyValue.newBuilder().setKey("cloud.region").setValue(AnyValue.newBuilder().setStringValue("otel")))
                .build();
        Metric metric = Metric.newBuilder().setName("system.cpu.utilization").setGauge(Gauge.newBuilder().addAllDataPoints(points)).build();
        return ExportMetricsServiceRequest.newBuilder()
                .addResourceMetrics(ResourceMetrics.newBuilder().setResource(resource)
                        .addScopeMetrics(ScopeMetrics.newBuilder().addMetrics(metric)))
                .build();
    }
}
