package io.harbinger.app;

import com.fasterxml.jackson.databind.JsonNode;
import io.harbinger.parsers.prometheus.RemoteWriteEncoder;
import io.harbinger.parsers.prometheus.RemoteWriteEncoder.Sample;
import io.harbinger.parsers.prometheus.RemoteWriteEncoder.Series;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pathological input sent to the real endpoints of a real node: each gets its precise 4xx (status and
 * reason), and afterwards the node is still healthy and still writes (checked once all have run).
 */
class HostileInputIT {
    private static final String BASE = SharedNode.base();

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static HttpResponse<String> write(byte[] body) throws Exception {
        return Http.post(BASE + "/write", "text/plain", body);
    }

    private static HttpResponse<String> write(String body) throws Exception {
        return write(body.getBytes(StandardCharsets.UTF_8));
    }

    /** Asserts a 400 whose first rejection has {@code reason}, and returns that rejection. */
    private static JsonNode rejected(HttpResponse<String> r, String reason) throws Exception {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        JsonNode first = Http.json(r.body()).path("rejections").path(0);
        assertThat(first.path("reason").asText()).as(r.body()).isEqualTo(reason);
        return first;
    }

    @Test
    void nulInATagValue_isRefused_notMadeAHostName() throws Exception {
        String host = unique("nul");
        JsonNode r = rejected(write("cpu,region=it,host=" + host + "\u0000x usage=1\n"), "control_character");
        int column = ("cpu,region=it,host=" + host).length() + 1;
        assertThat(r.path("detail").asText()).isEqualTo("column " + column + ": tag value '" + host + "\\x00x' holds the control character U+0000; names and tag values must be printable");
        assertThat(Http.get(BASE + "/api/v1/hosts/it/" + host).statusCode()).isEqualTo(404);
    }

    @Test
    void controlCharacters_inMeasurementTagKeyAndFieldKey_areRefused() throws Exception {
        rejected(write("cpu\u001b[2J,host=h usage=1\n"), "control_character");
        rejected(write("cpu,host=h,d\tc=x usage=1\n"), "control_character");
        rejected(write("cpu,host=h us\u007fage=1\n"), "control_character");
    }

    @Test
    void numbersPastDoubleRange_areRefused() throws Exception {
        rejected(write("cpu,host=h usage=1e999\n"), "non_finite_value");
        rejected(write("cpu,host=h usage=-1.8e308\n"), "non_finite_value");
        assertThat(rejected(write("cpu,host=h usage=99999999999999999999i\n"), "malformed").path("detail").asText()).contains("out of range");
        rejected(write("cpu,host=h usage=1 99999999999999999999\n"), "malformed");
    }

    @Test
    void veryLongLine_isRefusedWithoutBeingParsed() throws Exception {
        String line = "cpu,host=h,pad=" + "x".repeat(70_000) + " usage=1\n";
        rejected(write(line), "line_too_long");
    }

    @Test
    void thousandsOfTags_areRefused() throws Exception {
        StringBuilder line = new StringBuilder("cpu,host=h");
        for (int i = 0; i < 3000; i++) line.append(",t").append(i).append("=v");
        rejected(write(line.append(" usage=1\n").toString()), "too_many_tags");
    }

    @Test
    void invalidUtf8_isRefused() throws Exception {
        byte[] body = {'c', 'p', 'u', ',', 'h', 'o', 's', 't', '=', (byte) 0xC0, (byte) 0xAF, ' ', 'v', '=', '1', '\n'};
        assertThat(rejected(write(body), "invalid_utf8").path("detail").asText()).startsWith("column 10: byte 0xC0");
    }

    @Test
    void gzipBomb_isRefusedWith413() throws Exception {
        byte[] bomb = Http.gzip(new byte[70 << 20]);
        assertThat(Http.post(BASE + "/write", "text/plain", bomb, "Content-Encoding", "gzip").statusCode()).isEqualTo(413);
        assertThat(Http.post(BASE + "/api/v1/import/backblaze", "text/csv", bomb).statusCode()).as("sniffed gzip").isEqualTo(413);
    }

    @Test
    void snappyHeaderClaimingGigabytes_isRefusedBeforeAllocating() throws Exception {
        byte[] claim = {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x0F, 0x00, 'x'}; // varint 4 GiB - 1
        HttpResponse<String> r = Http.post(BASE + "/api/v1/write", "application/x-protobuf", claim, "Content-Encoding", "snappy");
        assertThat(rejected(r, "bad_encoding").path("detail").asText()).startsWith("Snappy block declares 4294967295 decoded bytes, at most");
    }

    @Test
    void nulInARemoteWriteLabel_isRefused() throws Exception {
        byte[] body = RemoteWriteEncoder.encode(List.of(Series.of(List.of(new Sample(1, System.currentTimeMillis())),
                "__name__", "up", "host", "web\u00001")));
        rejected(Http.post(BASE + "/api/v1/write", "application/x-protobuf", body, "Content-Encoding", "snappy"), "control_character");
    }

    @Test
    void deeplyNestedJson_isRefused() throws Exception {
        String nested = "[".repeat(100_000) + "]".repeat(100_000);
        HttpResponse<String> smartctl = Http.post(BASE + "/api/v1/smartctl?host=h", "application/json",
                ("{\"serial_number\": \"S\", \"x\": " + nested + "}").getBytes(StandardCharsets.UTF_8));
        assertThat(rejected(smartctl, "malformed").path("detail").asText()).contains("nesting");
        HttpResponse<String> otlp = Http.post(BASE + "/v1/metrics", "application/json",
                ("{\"resourceMetrics\": [{\"x\": " + nested + "}]}").getBytes(StandardCharsets.UTF_8));
        assertThat(otlp.statusCode()).as(otlp.body()).isEqualTo(400);
        assertThat(Http.json(otlp.body()).path("message").asText()).startsWith("malformed:");
    }

    @Test
    void controlCharacters_inSmartctlAndBackblazeNames_areRefused() throws Exception {
        rejected(Http.post(BASE + "/api/v1/smartctl?host=h", "application/json",
                "{\"serial_number\": \"S\\u0000N\", \"smart_status\": {\"passed\": true}}".getBytes(StandardCharsets.UTF_8)), "control_character");
        rejected(Http.post(BASE + "/api/v1/smartctl?host=web%001", "application/json",
                "{\"serial_number\": \"SN\", \"smart_status\": {\"passed\": true}}".getBytes(StandardCharsets.UTF_8)), "control_character");
        rejected(Http.post(BASE + "/api/v1/import/backblaze?date=2023-07-01", "text/csv",
                "serial_number,failure\nZ\u0001A,0\n".getBytes(StandardCharsets.UTF_8)), "control_character");
    }

    @Test
    void absurdQueryParametersAndPathSegments_get400NamingTheParameter() throws Exception {
        assertError("/api/v1/fleet/hosts?limit=1e99", "query parameter limit is not a whole number: '1e99'");
        assertError("/api/v1/fleet/hosts?limit=-1", "query parameter limit must be 1..1000, got -1");
        assertError("/api/v1/fleet/hosts?limit=99999999999999999999", "query parameter limit must be 1..1000, got 99999999999999999999");
        assertError("/api/v1/fleet/hosts?limit=many", "query parameter limit is not a whole number: 'many'");
        assertError("/api/v1/fleet/hosts?region=%1B%5B2J", "query parameter region holds a control character");
        assertError("/api/v1/fleet/hosts/eu/" + "h".repeat(4000), "query parameter host is longer than 256 characters");
        assertError("/api/v1/fleet/hosts/eu/web%011", "query parameter host holds a control character");
        assertError("/api/v1/fleet/hosts/" + "r".repeat(300) + "/h", "query parameter region is longer than 256 characters");
        assertError("/api/v1/fleet/at-risk?cursor=" + "A".repeat(3000), "query parameter cursor is not a cursor of this list");
        assertError("/api/v1/risk?asOf=-1000000000-01-01T00:00:00Z", "query parameter asOf is out of range");
        assertError("/api/v1/fleet/drives/eu/h/d?from=2018%00", "query parameter from is not an ISO-8601 instant such as 2018-05-01T00:00:00Z: '2018\\u0000'");
        assertThat(Http.get(BASE + "/api/v1/fleet/hosts/eu/web%001").statusCode()).isEqualTo(400);
    }

    private static void assertError(String path, String message) throws Exception {
        HttpResponse<String> r = Http.get(BASE + path);
        assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(400);
        assertThat(Http.json(r.body()).path("error").asText()).as(path).startsWith(message);
    }

    /** After every hostile request above (JUnit runs this last): alive, and a normal write still goes through. */
    @AfterAll
    static void nodeIsStillHealthy_andWrites() throws Exception {
        assertThat(Http.get(BASE + "/health").statusCode()).isEqualTo(200);
        String host = unique("after");
        assertThat(write("cpu,region=it,host=" + host + " usage=1\n").statusCode()).isEqualTo(204);
        assertThat(Http.hostPoints(BASE, "it", host, 1)).isEqualTo(1);
    }
}
