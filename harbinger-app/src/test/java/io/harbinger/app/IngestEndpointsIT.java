package io.harbinger.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ingest endpoints end to end on a real node: HTTP -> Kafka (acks=all) -> Kafka Streams, checked
 * through what the processor saw per host. Each test uses hosts of its own.
 */
class IngestEndpointsIT {
    private static final String BASE = SharedNode.base();

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static long nowNanos() {
        return System.currentTimeMillis() * 1_000_000L;
    }

    /** The processor's point count for one host once it reached {@code atLeast} (or after 30 s). */
    static long pointsOf(String region, String host, long atLeast) throws Exception {
        return Http.hostPoints(BASE, region, host, atLeast);
    }

    private static HttpResponse<String> write(String body, String... headers) throws Exception {
        return Http.post(BASE + "/write", "text/plain", body.getBytes(StandardCharsets.UTF_8), headers);
    }

    @Test
    void lineProtocol_isAcknowledgedOnlyAfterKafka_andReachesTheProcessor() throws Exception {
        String host = unique("lp");
        HttpResponse<String> r = write("host,region=it,host=" + host + " cpu=1.5,mem=2i\nhost,region=it,host=" + host + " cpu=2.5,mem=3i\n");
        assertThat(r.statusCode()).isEqualTo(204);
        assertThat(pointsOf("it", host, 2)).isEqualTo(2);
    }

    @Test
    void apiV2Write_andGzipBodies_areAccepted() throws Exception {
        String host = unique("v2");
        byte[] gz = Http.gzip(("disk,host=" + host + ",serial=S1 smart_5_raw=3i " + nowNanos() / 1_000_000 + "\n").getBytes());
        HttpResponse<String> r = Http.post(BASE + "/api/v2/write?bucket=b&org=o&precision=ms", "text/plain", gz, "Content-Encoding", "gzip");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(204);
        assertThat(pointsOf("default", host, 1)).as("region defaults to the configured one").isEqualTo(1);
    }

    @Test
    void badLine_gets400NamingLineAndReason_andNothingOfTheRequestIsWritten() throws Exception {
        String host = unique("bad");
        HttpResponse<String> r = write("host,region=it,host=" + host + " cpu=1\nhost,region=it,host=" + host + " cpu=\nhost,region=it,host=" + host + " cpu=3\n");
        assertThat(r.statusCode()).isEqualTo(400);
        JsonNode error = Http.json(r.body());
        assertThat(error.path("rejections").get(0).path("line").asInt()).isEqualTo(2);
        assertThat(error.path("error").asText()).contains("line 2");
        // A later good write to the same host (same partition, in order) proves the processor moved past the refused request.
        assertThat(write("host,region=it,host=" + host + " cpu=9\n").statusCode()).isEqualTo(204);
        assertThat(pointsOf("it", host, 1)).isEqualTo(1);
    }

    @Test
    void timestampOutsideTheWindow_isRefusedWithItsReason() throws Exception {
        long twoHoursAgo = nowNanos() - Duration.ofHours(2).toNanos();
        HttpResponse<String> r = write("host,host=" + unique("old") + " cpu=1 " + twoHoursAgo + "\n");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(Http.json(r.body()).path("rejections").get(0).path("reason").asText()).isEqualTo("timestamp_too_old");
    }

    @Test
    void unknownPrecision_isRefused() throws Exception {
        HttpResponse<String> r = Http.post(BASE + "/write?precision=fortnight", "text/plain", "host,host=x cpu=1\n".getBytes());
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("precision");
    }

    @Test
    void oversizedBody_gets413_andUnknownEncoding415_andCorruptGzip400() throws Exception {
        byte[] big = new byte[(int) SharedNode.MAX_BODY + 1];
        java.util.Arrays.fill(big, (byte) '#');
        assertThat(Http.post(BASE + "/write", "text/plain", big).statusCode()).isEqualTo(413);
        assertThat(Http.post(BASE + "/write", "text/plain", "x".getBytes(), "Content-Encoding", "br").statusCode()).isEqualTo(415);
        HttpResponse<String> corrupt = Http.post(BASE + "/write", "text/plain", "not gzip".getBytes(), "Content-Encoding", "gzip");
        assertThat(corrupt.statusCode()).isEqualTo(400);
        assertThat(corrupt.body()).contains("gzip");
    }

    @Test
    void gzipBomb_isRefusedWith413_beforeItFillsTheHeap() throws Exception {
        byte[] zeros = new byte[70 << 20]; // decodes beyond the 64 MiB decoded-body limit, ~70 KB on the wire
        HttpResponse<String> r = Http.post(BASE + "/write", "text/plain", Http.gzip(zeros), "Content-Encoding", "gzip");
        assertThat(r.statusCode()).isEqualTo(413);
    }

    @Test
    void retryWithTheSameIdempotencyKey_isCountedOnce() throws Exception {
        String host = unique("idem");
        String body = "host,region=it,host=" + host + " cpu=1\nhost,region=it,host=" + host + " cpu=2\n";
        String key = UUID.randomUUID().toString();
        assertThat(write(body, "Idempotency-Key", key).statusCode()).isEqualTo(204);
        assertThat(write(body, "Idempotency-Key", key).statusCode()).isEqualTo(204);
        assertThat(write("host,region=it,host=" + host + " cpu=3\n").statusCode()).isEqualTo(204);
        assertThat(pointsOf("it", host, 3)).isEqualTo(3);
    }

    @Test
    void retryOfTimestampedData_isCountedOnceWithoutAnyKey() throws Exception {
        String host = unique("ts");
        String body = "host,region=it,host=" + host + " cpu=1 " + nowNanos() + "\n";
        assertThat(write(body).statusCode()).isEqualTo(204);
        assertThat(write(body).statusCode()).isEqualTo(204);
        assertThat(write("host,region=it,host=" + host + " cpu=3\n").statusCode()).isEqualTo(204);
        assertThat(pointsOf("it", host, 2)).isEqualTo(2);
    }

    @Test
    void drivesNamedByDevice_onSeveralHostsInOneRequest_areStoredAsSeparateRows() throws Exception {
        String region = unique("dev");
        String body = "smart,region=" + region + ",host=a,disk=sda smart_5_raw=1i\n"
                + "smart,region=" + region + ",host=b,disk=sda smart_5_raw=2i\n"
                + "host,region=" + region + ",host=a cpu=1\n";
        assertThat(write(body).statusCode()).isEqualTo(204); // one server timestamp for all three lines
        javax.sql.DataSource db = SharedNode.get().primaryFor(region);
        assertThat(Sql.await(() -> Sql.count(db, "SELECT count(*) FROM disk_samples WHERE region = ?", region), 2, Duration.ofSeconds(60)))
                .isEqualTo(2);
        assertThat(Sql.await(() -> Sql.count(db, "SELECT count(*) FROM host_metrics WHERE region = ?", region), 1, Duration.ofSeconds(60)))
                .isEqualTo(1);
    }

    @Test
    void metricsHealthAndReady_answer() throws Exception {
        write("host,host=" + unique("m") + " cpu=1\n");
        write("host,host=x cpu=NaN\n");
        String metrics = Http.get(BASE + "/metrics").body();
        assertThat(metrics).contains("harbinger_ingest_points_total{endpoint=\"influx\"")
                .contains("harbinger_ingest_rejected_total{endpoint=\"influx\",reason=\"non_finite_value\"")
                .contains("harbinger_ingest_ack_latency_seconds_bucket")
                .contains("harbinger_ingest_inflight_bytes");
        assertThat(Http.get(BASE + "/health").statusCode()).isEqualTo(200);
        HttpResponse<String> ready = Http.get(BASE + "/ready");
        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(Http.json(ready.body()).path("storage").asBoolean()).as("bundled PostgreSQL up, schema migrated").isTrue();
    }
}
