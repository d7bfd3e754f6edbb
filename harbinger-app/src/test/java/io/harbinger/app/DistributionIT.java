package io.harbinger.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.harbinger.core.TestData;
import io.harbinger.ingest.http.IngestRoutes;
import io.harbinger.parsers.prometheus.RemoteWriteEncoder;
import io.harbinger.parsers.prometheus.RemoteWriteEncoder.Sample;
import io.harbinger.parsers.prometheus.RemoteWriteEncoder.Series;
import io.opentelemetry.sdk.common.CompletableResultCode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.xerial.snappy.Snappy;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged distribution ({@code java -jar target/harbinger.jar serve}, its class path made only of
 * {@code target/lib}) as an operator runs it, fed by real clients on every ingest endpoint. The other
 * integration tests run the node on the test class path, where a dependency missing from {@code lib/}
 * goes unnoticed: here a valid request must be accepted and a malformed one refused with a 4xx, never
 * a 5xx. One node for the whole class.
 */
class DistributionIT {
    private static final String REGION = "dist";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dataDir;
    private static HarbingerProcess node;

    @BeforeAll
    static void startThePackagedNode() throws Exception {
        node = HarbingerProcess.start(dataDir, List.of("-Xmx512m"));
    }

    @AfterAll
    static void stopTheNode_itLoadedEveryClassItNeeded() throws Exception {
        if (node == null) return;
        node.terminate();
        assertThat(node.missingClassLines()).as("the node's log lines about a class missing from lib/").isEmpty();
    }

    @Test
    void otlpProtobuf_fromTheOpenTelemetrySdkExporter_isExportedSuccessfully() throws Exception {
        CompletableResultCode result = OtelSdk.export(node.base() + "/v1/metrics", OtelSdk.cpuUtilization(REGION, "otel-protobuf", 0.25));
        assertThat(result.isSuccess()).as("the SDK exporter's result (the node logged %s)", errorLines()).isTrue();
        assertThat(points("otel-protobuf", 1)).isEqualTo(1);
    }

    /** The SDK's exporter does not offer JSON publicly: the body is its own JSON encoding, posted with java.net.http. */
    @Test
    void otlpJson_asTheOpenTelemetrySdkEncodesIt_isAccepted() throws Exception {
        byte[] body = OtelSdk.json(OtelSdk.cpuUtilization(REGION, "otel-json", 0.5));
        HttpResponse<String> r = Http.post(node.base() + "/v1/metrics", "application/json", body);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(Http.json(r.body()).path("partialSuccess").path("rejectedDataPoints").asLong()).isZero();
        assertThat(points("otel-json", 1)).isEqualTo(1);
    }

    @Test
    void prometheusRemoteWrite_asPrometheusSendsIt_isAcknowledged() throws Exception {
        HttpResponse<String> r = Http.post(node.base() + "/api/v1/write", "application/x-protobuf", remoteWrite("prom"),
                "Content-Encoding", "snappy", "X-Prometheus-Remote-Write-Version", "0.1.0");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(204);
        assertThat(points("prom", 1)).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/write", "/api/v2/write?bucket=b&org=o"})
    void influxLineProtocol_isAcknowledged(String path) throws Exception {
        String host = "influx" + path.replaceAll("\\W", "-");
        byte[] body = ("cpu,region=" + REGION + ",host=" + host + " usage_idle=97.5\n").getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> r = Http.post(node.base() + path, "text/plain; charset=utf-8", body);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(204);
        assertThat(points(host, 1)).isEqualTo(1);
    }

    @Test
    void backblazeDriveStatsCsv_isImported() throws Exception {
        String csv = "serial_number,date,model,failure,smart_5_raw,smart_9_raw,smart_187_raw,smart_188_raw,smart_193_raw,smart_194_raw,smart_197_raw,smart_198_raw,smart_241_raw,smart_242_raw\n"
                + "DIST1,2018-02-01,ST4000DM000,0,8,17952,0,0,34046,23,16,16,39414155008,52891914613\n"
                + "DIST2,2018-02-01,ST4000DM000,0,0,12000,0,0,20000,25,0,0,29414155008,42891914613\n";
        HttpResponse<String> r = Http.post(node.base() + "/api/v1/import/backblaze?date=2018-02-01&host=bb&region=" + REGION,
                "text/csv", csv.getBytes(StandardCharsets.UTF_8));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(Http.json(r.body()).path("written").asLong()).isEqualTo(2);
    }

    @Test
    void smartctlJsonDocument_isImported() throws Exception {
        HttpResponse<String> r = Http.post(node.base() + "/api/v1/smartctl?region=" + REGION + "&host=smart", "application/json",
                smartctlCapturedNow("smartctl-json/smart-ata.json"));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(points("smart", 1)).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void malformedBody_isRefusedWithA4xx_neverA5xx(Malformed request) throws Exception {
        HttpResponse<String> r = Http.post(node.base() + request.path(), request.contentType(), request.body(), request.headers());
        assertThat(r.statusCode()).as("%s answered %s", request, r.body()).isBetween(400, 499);
    }

    @Test
    void everyIngestPath_getsAMalformedBodyAbove() throws Exception {
        assertThat(malformed().stream().map(m -> m.path().replaceFirst("\\?.*", ""))).containsAll(IngestRoutes.PATHS);
    }

    /** A bad request body for one endpoint, named for the test report. */
    record Malformed(String what, String path, String contentType, byte[] body, String... headers) {
        @Override
        public String toString() {
            return path + ": " + what;
        }
    }

    static List<Malformed> malformed() throws IOException {
        byte[] otlp = OtelSdk.protobuf(OtelSdk.cpuUtilization(REGION, "truncated", 1));
        byte[] writeRequest = RemoteWriteEncoder.encodeProtobuf(List.of(series("truncated")));
        String[] snappy = {"Content-Encoding", "snappy"};
        return List.of(
                new Malformed("garbage bytes", "/write", "text/plain", garbage()),
                new Malformed("a line without fields", "/api/v2/write?bucket=b&org=o", "text/plain", "cpu,host=h\n".getBytes(StandardCharsets.UTF_8)),
                new Malformed("broken snappy", "/api/v1/write", "application/x-protobuf", garbage(), snappy),
                new Malformed("truncated protobuf", "/api/v1/write", "application/x-protobuf", Snappy.compress(half(writeRequest)), snappy),
                new Malformed("truncated protobuf", "/v1/metrics", "application/x-protobuf", half(otlp)),
                new Malformed("garbage bytes", "/v1/metrics", "application/x-protobuf", garbage()),
                new Malformed("broken JSON", "/v1/metrics", "application/json", "{\"resourceMetrics\": [".getBytes(StandardCharsets.UTF_8)),
                new Malformed("broken JSON", "/api/v1/smartctl?host=h", "application/json", "{\"smartctl\": {".getBytes(StandardCharsets.UTF_8)),
                new Malformed("garbage bytes", "/api/v1/smartctl?host=h", "application/json", garbage()),
                new Malformed("bad CSV header", "/api/v1/import/backblaze?date=2018-02-01", "text/csv", "foo,bar\n1,2\n".getBytes(StandardCharsets.UTF_8)),
                new Malformed("garbage bytes", "/api/v1/import/backblaze?date=2018-02-01", "text/csv", garbage()));
    }

    /** Over-long varints first (no protobuf, snappy or JSON parser reads past them), then text. */
    private static byte[] garbage() {
        byte[] bytes = new byte[32];
        Arrays.fill(bytes, 0, 16, (byte) 0xff);
        byte[] text = "this is no request".getBytes(StandardCharsets.UTF_8);
        System.arraycopy(text, 0, bytes, 16, 16);
        return bytes;
    }

    private static byte[] half(byte[] message) {
        return Arrays.copyOf(message, message.length / 2);
    }

    private static Series series(String host) {
        return Series.of(List.of(new Sample(0.75, System.currentTimeMillis())), "__name__", "node_load1", "instance", host + ":9100", "region", REGION);
    }

    private static byte[] remoteWrite(String host) {
        return RemoteWriteEncoder.encode(List.of(series(host)));
    }

    /** The fixture as a live agent sends it: smartctl stamps {@code local_time} when it runs. */
    private static byte[] smartctlCapturedNow(String fixture) throws IOException {
        ObjectNode doc = (ObjectNode) JSON.readTree(TestData.resolve(fixture).toFile());
        ((ObjectNode) doc.path("local_time")).put("time_t", System.currentTimeMillis() / 1000);
        return JSON.writeValueAsBytes(doc);
    }

    /** The node's log lines naming an error, for assertion messages. */
    private static List<String> errorLines() {
        return node.output().lines().filter(line -> line.contains("ERROR") || line.startsWith("Caused by")).limit(10).toList();
    }

    /** The processor's point count for a host of {@link #REGION} once it reached {@code atLeast} (or after 30 s). */
    private static long points(String host, long atLeast) throws Exception {
        return Http.hostPoints(node.base(), REGION, host, atLeast);
    }
}
