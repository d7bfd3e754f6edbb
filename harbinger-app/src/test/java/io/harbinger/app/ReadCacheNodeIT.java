package io.harbinger.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On a running node (cache on by default, Caffeine alone): a new prediction changes the cached answers
 * it affects, a drive's predictions, its region's at-risk list and the fleet's riskiest drives, within the
 * loaders' commit interval plus the invalidation delay, though the same read was answered from the cache
 * just before. The time from the new rows being visible in PostgreSQL to the API showing them is reported.
 * The reads counted as cache hits are scoped to this test's own region: a fleet-wide answer is rightly
 * invalidated by any other test's predictions on the shared node.
 */
class ReadCacheNodeIT {
    private static final String BASE = SharedNode.base();
    private static final String HEADER = "serial_number,date,model,failure,smart_5_raw,smart_9_raw,smart_187_raw,smart_188_raw,smart_193_raw,"
            + "smart_194_raw,smart_197_raw,smart_198_raw,smart_241_raw,smart_242_raw\n";
    private static final Pattern CAFFEINE_HITS = Pattern.compile("^harbinger_cache_hits_total\\{tier=\"caffeine\",?} ([0-9.E]+)$", Pattern.MULTILINE);

    @Test
    void newPrediction_changesTheCachedDriveAndRiskAnswers() throws Exception {
        String region = "cache-" + UUID.randomUUID().toString().substring(0, 8);
        DataSource db = SharedNode.get().primaryFor(region);
        String predictions = BASE + "/api/v1/drives/" + region + "/h1/CACHE1/predictions?from=2018-01-01T00:00:00Z&to=2018-03-01T00:00:00Z";
        String atRisk = BASE + "/api/v1/fleet/at-risk?region=" + region + "&bucket=good,warning,bad,unknown&limit=10";
        String risk = BASE + "/api/v1/risk?limit=10000&asOf=2018-02-03T00:00:00Z";

        importDay(region, "CACHE1", "2018-02-01", 16);
        importDay(region, "CACHE1", "2018-02-02", 24);
        Sql.await(() -> Sql.count(db, "SELECT count(*) FROM predictions WHERE region = ?", region), 2, Duration.ofSeconds(60));
        Sql.await(() -> Sql.count(db, "SELECT count(*) FROM disk_samples WHERE region = ?", region), 2, Duration.ofSeconds(60));
        awaitJson(predictions, a -> a.size() == 2);
        awaitJson(atRisk, a -> drives(a.path("items"), region).equals(List.of("CACHE1")));
        awaitJson(risk, a -> drives(a, region).equals(List.of("CACHE1")));
        // the loaders' last invalidations may still be on their way (each loader commits, then publishes):
        // an answer they evict is loaded again, so once nothing changes, two reads are two hits
        boolean cached = false;
        for (int attempt = 0; attempt < 10 && !cached; attempt++) {
            double hits = caffeineHits();
            assertThat(Http.getJson(predictions).size()).isEqualTo(2);
            assertThat(drives(Http.getJson(atRisk).path("items"), region)).containsExactly("CACHE1");
            cached = caffeineHits() >= hits + 2;
            if (!cached) Thread.sleep(200);
        }
        assertThat(cached).as("both answered from the cache once no invalidation was in flight").isTrue();

        importDay(region, "CACHE1", "2018-02-03", 30);
        importDay(region, "CACHE2", "2018-02-02", 40);
        long visible = awaitRows(db, region, 4);
        long drive = awaitJson(predictions, a -> a.size() == 3) - visible;
        long regional = awaitJson(atRisk, a -> drives(a.path("items"), region).size() == 2) - visible;
        long top = awaitJson(risk, a -> drives(a, region).size() == 2) - visible;
        System.out.printf("ReadCacheNodeIT: rows visible in PostgreSQL -> new answer: drive predictions %d ms, region at-risk %d ms, risk %d ms%n",
                TimeUnit.NANOSECONDS.toMillis(drive), TimeUnit.NANOSECONDS.toMillis(regional), TimeUnit.NANOSECONDS.toMillis(top));
    }

    private static void importDay(String region, String serial, String date, int pending) throws Exception {
        String csv = HEADER + serial + "," + date + ",ST4000DM000,0,8,17952,0,0,34046,23," + pending + ",16,39414155008,52891914613\n";
        HttpResponse<String> r = Http.post(BASE + "/api/v1/import/backblaze?date=" + date + "&host=h1&region=" + region, "text/csv",
                csv.getBytes(StandardCharsets.UTF_8));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }

    /** Polls until {@code region} has {@code n} predictions; when it saw them (System.nanoTime). */
    private static long awaitRows(DataSource db, String region, long n) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (Sql.count(db, "SELECT count(*) FROM predictions WHERE region = ?", region) < n) {
            assertThat(System.nanoTime()).as("%d predictions of %s", n, region).isLessThan(deadline);
            Thread.sleep(2);
        }
        return System.nanoTime();
    }

    /** Polls {@code url} until its JSON satisfies {@code done} (at most 30 s: the cache's TTL is 10 minutes); when it did. */
    private static long awaitJson(String url, Predicate<JsonNode> done) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        JsonNode last;
        while (!done.test(last = Http.getJson(url))) {
            assertThat(System.nanoTime()).as("%s never showed the change; last answer %s", url, last).isLessThan(deadline);
            Thread.sleep(2);
        }
        return System.nanoTime();
    }

    private static List<String> drives(JsonNode risk, String region) {
        List<String> drives = new ArrayList<>();
        risk.forEach(p -> {
            if (p.path("region").asText().equals(region)) drives.add(p.path("drive").asText());
        });
        return drives;
    }

    private static double caffeineHits() throws Exception {
        Matcher m = CAFFEINE_HITS.matcher(Http.get(BASE + "/metrics").body());
        assertThat(m.find()).as("harbinger_cache_hits_total{tier=caffeine} in /metrics").isTrue();
        return Double.parseDouble(m.group(1));
    }
}
