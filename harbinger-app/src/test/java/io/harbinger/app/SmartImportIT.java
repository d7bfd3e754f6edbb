package io.harbinger.app;

import io.harbinger.core.TestData;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Disk telemetry over HTTP from the real data set: smartctl JSON documents and Backblaze daily CSVs. */
class SmartImportIT {
    private static final String BASE = SharedNode.base();
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The fixture as a live agent would send it now: smartctl stamps {@code local_time} when it runs. */
    private static byte[] stampedNow(String fixture) throws IOException {
        ObjectNode doc = (ObjectNode) JSON.readTree(TestData.resolve(fixture).toFile());
        ((ObjectNode) doc.path("local_time")).put("time_t", System.currentTimeMillis() / 1000);
        return JSON.writeValueAsBytes(doc);
    }

    @Test
    void smartctlDocument_capturedYearsAgo_isRefusedAsTooOld() throws Exception {
        byte[] doc = Files.readAllBytes(TestData.resolve("smartctl-json/smart-ata.json"));
        HttpResponse<String> r = Http.post(BASE + "/api/v1/smartctl?host=h", "application/json", doc);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(Http.json(r.body()).path("rejections").get(0).path("reason").asText()).isEqualTo("timestamp_too_old");
    }

    @Test
    void smartctlDocument_withHost_isWrittenAsOnePoint() throws Exception {
        String host = "smart-" + UUID.randomUUID().toString().substring(0, 8);
        byte[] doc = stampedNow("smartctl-json/smart-ata.json");
        HttpResponse<String> r = Http.post(BASE + "/api/v1/smartctl?region=disks&host=" + host, "application/json", doc);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(IngestEndpointsIT.pointsOf("disks", host, 1)).isEqualTo(1);
    }

    @Test
    void smartctlDocument_withoutHost_gets400MissingHost() throws Exception {
        byte[] doc = Files.readAllBytes(TestData.resolve("smartctl-json/smart-nvme.json"));
        HttpResponse<String> r = Http.post(BASE + "/api/v1/smartctl", "application/json", doc);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(Http.json(r.body()).path("rejections").get(0).path("reason").asText()).isEqualTo("missing_host");
    }

    @Test
    void smartctlScanOutput_gets400TellingWhatToSend() throws Exception {
        byte[] doc = Files.readAllBytes(TestData.resolve("smartctl-json/smartctl_scan_simple.json"));
        HttpResponse<String> r = Http.post(BASE + "/api/v1/smartctl?host=h", "application/json", doc);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).containsIgnoringCase("smartctl");
    }

    @Test
    void backblazeDay_postedAsGzipFile_writesEveryRow() throws Exception {
        Path day = TestData.resolve("backblaze-fullfleet-2013/2013-04-10.csv.gz");
        String region = "bb-" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> r = Http.post(BASE + "/api/v1/import/backblaze?date=2013-04-10&region=" + region, "text/csv", Files.readAllBytes(day));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode answer = Http.json(r.body());
        long rows = dataRows(day);
        assertThat(answer.path("written").asLong()).isEqualTo(rows);
        javax.sql.DataSource db = SharedNode.get().primaryFor(region);
        assertThat(Sql.await(() -> Sql.count(db, "SELECT count(*) FROM disk_samples WHERE region = ?", region), rows, java.time.Duration.ofSeconds(60)))
                .as("every row of the day stored once in PostgreSQL (disk_samples, partitioned by region and day)").isEqualTo(rows);
        assertThat(Sql.count(db, "SELECT count(*) FROM disk_samples WHERE region = ? AND ts = timestamptz '2013-04-10 00:00:00+00'", region))
                .as("stamped with the day of the file").isEqualTo(rows);
    }

    @Test
    void backblazeBadDateParameter_isRefused() throws Exception {
        HttpResponse<String> r = Http.post(BASE + "/api/v1/import/backblaze?date=10/04/2013", "text/csv", "serial_number,date\n".getBytes());
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("YYYY-MM-DD");
    }

    private static long dataRows(Path gz) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(gz))) {
            long newlines = 0;
            for (byte b : in.readAllBytes()) if (b == '\n') newlines++;
            return newlines - 1;
        }
    }
}
