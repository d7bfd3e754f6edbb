package io.harbinger.bench;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import io.harbinger.core.admit.IngestLimits;
import io.harbinger.core.admit.ParseContext;
import io.harbinger.core.admit.TimeWindow;
import io.harbinger.core.parse.ParseResult;
import io.harbinger.parsers.otlp.OtlpMetricsParser;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.InstrumentationScope;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.metrics.v1.Gauge;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import io.opentelemetry.proto.metrics.v1.ResourceMetrics;
import io.opentelemetry.proto.metrics.v1.ScopeMetrics;
import io.opentelemetry.proto.resource.v1.Resource;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * OTLP/HTTP metrics data points per second on one thread: {@value #HOSTS} hosts x
 * {@value #POINTS_PER_HOST} gauge data points with hostmetrics-like attributes, as protobuf and as
 * OTLP/JSON. Scores are data points/s ({@link OperationsPerInvocation}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@OperationsPerInvocation(OtlpParserBench.HOSTS * OtlpParserBench.POINTS_PER_HOST)
public class OtlpParserBench {
    static final int HOSTS = 10;
    static final int POINTS_PER_HOST = 100;
    static final long NOW_NS = 1_748_779_200_000_000_000L;

    private byte[] protobuf;
    private byte[] json;
    private ParseContext ctx;

    @Setup
    public void setUp() throws InvalidProtocolBufferException {
        ctx = new ParseContext("eu-west", "", NOW_NS, TimeWindow.LIVE_DEFAULT, IngestLimits.DEFAULTS);
        ExportMetricsServiceRequest.Builder request = ExportMetricsServiceRequest.newBuilder();
        for (int h = 0; h < HOSTS; h++) {
            Metric.Builder io = Metric.newBuilder().setName("system.disk.io").setUnit("By");
            Gauge.Builder gauge = Gauge.newBuilder();
            for (int i = 0; i < POINTS_PER_HOST; i++) {
                gauge.addDataPoints(NumberDataPoint.newBuilder().setTimeUnixNano(NOW_NS - 5_000_000_000L).setAsInt(1_000_000L * i)
                        .addAttributes(attr("device", "sd" + (char) ('a' + i % 16)))
                        .addAttributes(attr("direction", i % 2 == 0 ? "read" : "write")));
            }
            request.addResourceMetrics(ResourceMetrics.newBuilder()
                    .setResource(Resource.newBuilder().addAttributes(attr("host.name", "node-" + h + ".dc1.example.com"))
                            .addAttributes(attr("cloud.region", "us-east-1")).addAttributes(attr("service.name", "otelcol-contrib")))
                    .addScopeMetrics(ScopeMetrics.newBuilder().setScope(InstrumentationScope.newBuilder().setName("hostmetricsreceiver/disk"))
                            .addMetrics(io.setGauge(gauge))));
        }
        protobuf = request.build().toByteArray();
        json = JsonFormat.printer().print(request).getBytes(StandardCharsets.UTF_8);
        if (!(OtlpMetricsParser.parseProtobuf(protobuf, ctx) instanceof ParseResult.Accepted)
                || !(OtlpMetricsParser.parseJson(json, ctx) instanceof ParseResult.Accepted)) {
            throw new IllegalStateException("benchmark request must be accepted");
        }
    }

    private static KeyValue attr(String key, String value) {
        return KeyValue.newBuilder().setKey(key).setValue(AnyValue.newBuilder().setStringValue(value)).build();
    }

    @Benchmark
    public ParseResult protobuf() {
        return OtlpMetricsParser.parseProtobuf(protobuf, ctx);
    }

    @Benchmark
    public ParseResult json() {
        return OtlpMetricsParser.parseJson(json, ctx);
    }
}
