package io.harbinger.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The read API on the shared node, with data sent through its ingest endpoints: a region of its own
 * with 20 days of Backblaze rows (2018-01-01..20) of four drives on two hosts, one of them failing (its
 * pending and reallocated sectors grow over the last days), and live host metrics of one host.
 */
class FleetApiIT {
    private static final String BASE = SharedNode.base();
    private static final String REGION = "fleetapi-" + UUID.randomUUID().toString().substring(0, 8);
    private static final LocalDate FIRST = LocalDate.of(2018, 1, 1);
    private static final int DAYS = 20;
    private static final String HEADER = "serial_number,date,model,failure,smart_5_raw,smart_9_raw,smart_187_raw,smart_188_raw,"
            + "smart_193_raw,smart_194_raw,smart_197_raw,smart_198_raw,smart_241_raw,smart_242_raw\n";
    private static final String[] DRIVES = {"FAIL0001", "GOOD0001", "GOOD0002", "GOOD0003"};

    /** FAIL0001's pending sectors (SMART 197) on day d: 0 until day 16, then 8, 16, 24, 40. */
    static long pending(int day) {
        return day < 16 ? 0 : new long[] {8, 16, 24, 40}[day - 16];
    }

    static long reallocated(int day) {
        return day < 14 ? 0 : 100L * (day - 13);
    }

    @BeforeAll
    static void send() throws Exception {
        restoreShippedModel();
        for (int d = 0; d < DAYS; d++) {
            LocalDate day = FIRST.plusDays(d);
            for (String host : List.of("h1", "h2")) {
                StringBuilder csv = new StringBuilder(HEADER);
                for (String drive : host.equals("h1") ? List.of(DRIVES[0], DRIVES[1], DRIVES[2]) : List.of(DRIVES[3])) {
                    boolean failing = drive.equals(DRIVES[0]);
                    csv.append(drive).append(',').append(day).append(",ST4000DM000,0,").append(failing ? reallocated(d) : 0).append(',')
                            .append(20_000 + 24 * d).append(',').append(failing && d >= 17 ? 3 * (d - 16) : 0).append(",0,")
                            .append(30_000 + d).append(',').append(30 + (failing ? d / 4 : 0)).append(',').append(failing ? pending(d) : 0).append(',')
                            .append(failing ? pending(d) : 0).append(",39414155008,52891914613\n");
                }
                HttpResponse<String> r = Http.post(BASE + "/api/v1/import/backblaze?date=" + day + "&host=" + host + "&region=" + REGION, "text/csv",
                        csv.toString().getBytes(StandardCharsets.UTF_8));
                assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            }
        }
        long now = System.currentTimeMillis() * 1_000_000L;
        String metrics = "cpu,region=" + REGION + ",host=h1,cpu=cpu-total usage_user=12.5,usage_system=3 " + now + "\n"
                + "mem,region=" + REGION + ",host=h1 used_percent=40.5 " + now + "\n";
        HttpResponse<String> w = Http.post(BASE + "/write", "text/plain", metrics.getBytes(StandardCharsets.UTF_8));
        assertThat(w.statusCode()).as(w.body()).isEqualTo(204);
        javax.sql.DataSource db = SharedNode.get().primaryFor(REGION);
        assertThat(Sql.await(() -> Sql.count(db, "SELECT count(*) FROM predictions WHERE region = ?", REGION), 4L * DAYS, Duration.ofSeconds(120)))
                .isEqualTo(4L * DAYS);
        assertThat(Sql.await(() -> Sql.count(db, "SELECT count(*) FROM host_metrics WHERE region = ?", REGION), 2, Duration.ofSeconds(60))).isEqualTo(2);
    }

    /** Another IT of this JVM may have left a model of its own in force (ModelReloadIT): score with the one that ships. */
    private static void restoreShippedModel() throws Exception {
        Files.write(SharedNode.modelFile(), SharedNode.shippedModel());
        HttpResponse<String> r = Http.post(BASE + "/api/v1/model/reload", "application/json", new byte[0]);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }

    @Test
    void theFailingDrive_isAtRisk_withReasonsNamingItsCounters() throws Exception {
        JsonNode page = Http.getJson(BASE + "/api/v1/fleet/at-risk?region=" + REGION);

        JsonNode first = page.get("items").get(0);
        assertThat(first.get("drive").asText()).isEqualTo(DRIVES[0]);
        assertThat(first.get("bucket").asText()).isIn("bad", "warning");
        assertThat(first.get("ts").asText()).isEqualTo(FIRST.plusDays(DAYS - 1) + "T00:00:00Z");
        assertThat(first.get("driveModel").asText()).isEqualTo("ST4000DM000");
        List<String> reasons = new ArrayList<>();
        first.get("reasons").forEach(r -> reasons.add(r.asText()));
        assertThat(reasons).as("in words, naming a counter that grew").isNotEmpty()
                .anySatisfy(r -> assertThat(r).containsPattern("SMART (5|187|197|198) [a-z ]+"));
        assertThat(first.get("topFeatures")).allSatisfy(c -> assertThat(c.has("value")).isTrue());
        assertThat(first.get("topFeatures")).as("feature values carried end to end").anySatisfy(c -> assertThat(c.get("value").isNumber()).isTrue());
        assertThat(page.get("items")).extracting(i -> i.get("drive").asText()).doesNotContain(DRIVES[1], DRIVES[2], DRIVES[3]);
    }

    @Test
    void driveDetail_hasTheIngestedSmartHistory_andReasonsFromIt() throws Exception {
        JsonNode d = Http.getJson(BASE + "/api/v1/fleet/drives/" + REGION + "/h1/" + DRIVES[0]);

        assertThat(d.get("to").asText()).isEqualTo(FIRST.plusDays(DAYS) + "T00:00:00Z");
        assertThat(d.get("smart")).hasSize(DAYS);
        for (int day = 0; day < DAYS; day++) {
            JsonNode p = d.get("smart").get(day);
            assertThat(p.get("ts").asText()).isEqualTo(FIRST.plusDays(day) + "T00:00:00Z");
            assertThat(p.get("attributes").get("197").asLong()).as("day %d", day).isEqualTo(pending(day));
            assertThat(p.get("attributes").get("5").asLong()).as("day %d", day).isEqualTo(reallocated(day));
            assertThat(p.get("attributes").get("9").asLong()).isEqualTo(20_000 + 24 * day);
        }
        assertThat(d.get("risk")).hasSize(DAYS);
        assertThat(d.get("latest").get("probability").asDouble()).isEqualTo(d.get("risk").get(DAYS - 1).get("probability").asDouble());
        List<String> reasons = new ArrayList<>();
        d.get("latest").get("reasons").forEach(r -> reasons.add(r.asText()));
        assertThat(reasons).as("told from the readings").anySatisfy(r -> assertThat(r).matches("SMART \\d+ [a-z ]+ (\\d+ -> \\d+ in \\d+ days?|unchanged at \\d+ over \\d+ days?)"));

        JsonNode ranged = Http.getJson(BASE + "/api/v1/fleet/drives/" + REGION + "/h1/" + DRIVES[0] + "?from=2018-01-05T00:00:00Z&to=2018-01-08T00:00:00Z");
        assertThat(ranged.get("smart")).extracting(p -> p.get("ts").asText())
                .containsExactly("2018-01-05T00:00:00Z", "2018-01-06T00:00:00Z", "2018-01-07T00:00:00Z");
        HttpResponse<String> unknown = Http.get(BASE + "/api/v1/fleet/drives/" + REGION + "/h2/" + DRIVES[0]);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(Http.json(unknown.body()).get("error").asText()).isEqualTo("no drive " + REGION + "/h2/" + DRIVES[0]);
    }

    @Test
    void hostDetail_listsItsDrivesWithTheirLatestPredictions_andItsHostMetrics() throws Exception {
        JsonNode h = Http.getJson(BASE + "/api/v1/fleet/hosts/" + REGION + "/h1");

        assertThat(h.get("drives")).extracting(d -> d.get("drive").asText()).containsExactly(DRIVES[0], DRIVES[1], DRIVES[2]);
        assertThat(h.get("drives")).allSatisfy(d -> assertThat(d.get("latest").get("ts").asText()).isEqualTo(FIRST.plusDays(DAYS - 1) + "T00:00:00Z"));
        assertThat(h.get("metrics")).extracting(m -> m.get("measurement").asText()).containsExactlyInAnyOrder("cpu", "mem");
        JsonNode cpu = h.get("metrics").get(0).get("measurement").asText().equals("cpu") ? h.get("metrics").get(0) : h.get("metrics").get(1);
        assertThat(cpu.get("tags").get("cpu").asText()).isEqualTo("cpu-total");
        assertThat(cpu.get("fields").get("usage_user").asDouble()).isEqualTo(12.5);
        assertThat(Instant.parse(h.get("lastSeen").asText())).isAfter(Instant.parse("2025-01-01T00:00:00Z")); // the live metrics
        assertThat(Http.get(BASE + "/api/v1/fleet/hosts/" + REGION + "/h404").statusCode()).isEqualTo(404);
    }

    @Test
    void hostsAndSummary_ofTheRegion_countEachDriveOnce() throws Exception {
        JsonNode hosts = Http.getJson(BASE + "/api/v1/fleet/hosts?region=" + REGION);
        assertThat(hosts.get("items")).extracting(x -> x.get("host").asText() + " " + x.get("drives").asInt()).containsExactly("h1 3", "h2 1");
        assertThat(hosts.get("items").get(0).get("worstBucket").asText()).isIn("bad", "warning");

        JsonNode summary = Http.getJson(BASE + "/api/v1/fleet/summary?days=3");
        JsonNode region = null;
        for (JsonNode r : summary.get("regions")) if (r.get("region").asText().equals(REGION)) region = r;
        assertThat(region).as("the region in the summary").isNotNull();
        assertThat(region.get("drives").asInt()).isEqualTo(4);
        assertThat(region.get("asOf").asText()).isEqualTo(FIRST.plusDays(DAYS - 1) + "T00:00:00Z");
        JsonNode b = region.get("buckets");
        assertThat(b.get("good").asInt() + b.get("warning").asInt() + b.get("bad").asInt() + b.get("unknown").asInt()).isEqualTo(4);
        assertThat(summary.get("total").get("drives").asLong()).isGreaterThanOrEqualTo(4);
    }

    @Test
    void atRiskFleetWide_pagedWithASmallLimit_yieldsEveryItemOnce_inOrder() throws Exception {
        JsonNode whole = Http.getJson(BASE + "/api/v1/fleet/at-risk?limit=1000");
        List<String> all = keys(whole.get("items"));
        assertThat(all).contains(REGION + "/h1/" + DRIVES[0]);

        List<String> paged = new ArrayList<>();
        String cursor = null;
        List<Double> probabilities = new ArrayList<>();
        do {
            JsonNode page = Http.getJson(BASE + "/api/v1/fleet/at-risk?limit=3" + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8)));
            paged.addAll(keys(page.get("items")));
            page.get("items").forEach(i -> probabilities.add(i.get("probability").asDouble()));
            cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asText();
        } while (cursor != null && paged.size() <= all.size());

        assertThat(paged).as("every item once, in the order of one big page").containsExactlyElementsOf(all);
        assertThat(probabilities).isSortedAccordingTo((x, y) -> Double.compare(y, x));
        assertThat(Http.get(BASE + "/api/v1/fleet/at-risk?cursor=garbled").statusCode()).isEqualTo(400);
    }

    private static List<String> keys(JsonNode items) {
        List<String> out = new ArrayList<>();
        items.forEach(i -> out.add(i.get("region").asText() + "/" + i.get("host").asText() + "/" + i.get("drive").asText()));
        return out;
    }
}
