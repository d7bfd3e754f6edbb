package io.harbinger.app;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.exporter.internal.otlp.metrics.MetricsRequestMarshaler;
import io.opentelemetry.exporter.otlp.http.metrics.OtlpHttpMetricExporter;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.metrics.InstrumentType;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.AggregationTemporality;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.metrics.export.CollectionRegistration;
import io.opentelemetry.sdk.metrics.export.MetricReader;
import io.opentelemetry.sdk.resources.Resource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Collection;
import java.util.concurrent.TimeUnit;

import static io.opentelemetry.api.common.AttributeKey.stringKey;

/** Metrics as the OpenTelemetry Java SDK makes, encodes and sends them: a real OTLP client for the tests. */
final class OtelSdk {
    private OtelSdk() {
    }

    /** One {@code system.cpu.utilization} gauge point of a host, recorded and collected by an SDK meter provider. */
    static Collection<MetricData> cpuUtilization(String region, String host, double value) {
        Resource resource = Resource.create(Attributes.of(stringKey("host.name"), host, stringKey("cloud.region"), region));
        Collector collector = new Collector();
        try (SdkMeterProvider provider = SdkMeterProvider.builder().setResource(resource).registerMetricReader(collector).build()) {
            provider.get("harbinger-tests").gaugeBuilder("system.cpu.utilization").build().set(value);
            return collector.registration.collectAllMetrics();
        }
    }

    /** Exports with the SDK's OTLP/HTTP metric exporter (protobuf, the JDK HttpClient sender). @return the export result */
    static CompletableResultCode export(String endpoint, Collection<MetricData> metrics) {
        return export(endpoint, metrics, java.util.Map.of());
    }

    /** As {@link #export(String, Collection)}, with {@code headers} set as the exporter sets configured ones ({@code OTEL_EXPORTER_OTLP_HEADERS}). */
    static CompletableResultCode export(String endpoint, Collection<MetricData> metrics, java.util.Map<String, String> headers) {
        var builder = OtlpHttpMetricExporter.builder().setEndpoint(endpoint);
        headers.forEach(builder::addHeader);
        try (OtlpHttpMetricExporter exporter = builder.build()) {
            return exporter.export(metrics).join(30, TimeUnit.SECONDS);
        }
    }

    /**
     * The export request in OTLP/JSON, encoded by the SDK's own marshaler (the one its exporter uses). The
     * exporter builder keeps JSON package-private ({@code exportAsJson()}), so the tests post this body themselves.
     */
    static byte[] json(Collection<MetricData> metrics) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        MetricsRequestMarshaler.create(metrics).writeJsonTo(out);
        return out.toByteArray();
    }

    /** The export request in OTLP protobuf, as the SDK's exporter sends it. */
    static byte[] protobuf(Collection<MetricData> metrics) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        MetricsRequestMarshaler.create(metrics).writeBinaryTo(out);
        return out.toByteArray();
    }

    /** A reader that only hands out what the meter provider collects. */
    private static final class Collector implements MetricReader {
        private CollectionRegistration registration = CollectionRegistration.noop();

        @Override
        public void register(CollectionRegistration registration) {
            this.registration = registration;
        }

        @Override
        public AggregationTemporality getAggregationTemporality(InstrumentType instrumentType) {
            return AggregationTemporality.CUMULATIVE;
        }

        @Override
        public CompletableResultCode forceFlush() {
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode shutdown() {
            return CompletableResultCode.ofSuccess();
        }
    }
}
