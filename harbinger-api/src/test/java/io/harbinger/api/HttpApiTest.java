package io.harbinger.api;

import io.harbinger.api.port.ModelControl;
import io.harbinger.api.port.Readiness;
import io.harbinger.schema.read.HostStats;
import io.harbinger.schema.read.ProcessorReads;
import io.harbinger.schema.read.ReadUnavailableException;
import io.harbinger.schema.read.Totals;
import io.javalin.Javalin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** The route tree on a real server (random port), behind in-memory ports: parameters, status codes, mappers. */
class HttpApiTest {
    private static final Instant NOW = Instant.parse("2026-12-02T12:00:00Z");
    private final HttpClient client = HttpClient.newHttpClient();
    private final AtomicBoolean processorReady = new AtomicBoolean(true);
    private final AtomicReference<ModelControl.Reload> nextReload = new AtomicReference<>(new ModelControl.Reload.NoFile());
    private Javalin app;

    private final InMemoryFleet fleet = new InMemoryFleet();
    private final List<String> calls = fleet.calls;
    private final AtomicBoolean storageDown = fleet.down;

    private final ProcessorReads processor = new ProcessorReads() {
        @Override
        public boolean ready() {
            return processorReady.get();
        }

        @Override
        public List<HostStats> hosts() {
            if (!processorReady.get()) throw new ReadUnavailableException("the processor is REBALANCING", null);
            return List.of(new HostStats("eu", "h1", 3, 12, 1, 2, 0));
        }

        @Override
        public Optional<HostStats> host(String region, String host) {
            return hosts().stream().filter(h -> h.region().equals(region) && h.host().equals(host)).findFirst();
        }

        @Override
        public Totals totals() {
            return new Totals(1, 3, 12, 0, 0);
        }
    };

    private final ModelControl model = new ModelControl() {
        @Override
        public Map<String, Object> describe() {
            return Map.of("version", "xgb-1");
        }

        @Override
        public Reload reload() {
            return nextReload.get();
        }
    };

    private int start() {
        app = HttpApi.server();
        HttpApi.mount(app, new ApiPorts(processor, fleet, model, List.of(new Readiness("processor", processor::ready),
                new Readiness("storage", fleet::healthy)), () -> "harbinger_up 1\n", Clock.fixed(NOW, ZoneOffset.UTC)));
        app.start("127.0.0.1", 0);
        return app.port();
    }

    @AfterEach
    void stop() {
        if (app != null) app.stop();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path)).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aNodeWithoutAPart_servesNoneOfItsRoutes_butAlwaysTheOperationsOnes() throws Exception {
        app = HttpApi.server(false);
        HttpApi.mount(app, ApiPorts.operations(List.of(new Readiness("ingest", () -> true)), () -> "harbinger_up 1\n", Clock.fixed(NOW, ZoneOffset.UTC))
                .withModel(model));
        app.start("127.0.0.1", 0);

        assertThat(get("/health").statusCode()).isEqualTo(200);
        assertThat(get("/ready").body()).isEqualTo("{\"ingest\":true,\"ready\":true}");
        assertThat(get("/metrics").body()).isEqualTo("harbinger_up 1\n");
        assertThat(get("/api/v1/model").statusCode()).isEqualTo(200);
        for (String absent : List.of("/api/v1/fleet/summary", "/api/v1/stats", "/api/v1/hosts", "/api/v1/alerts", "/api/v1/system", "/")) {
            assertThat(get(absent).statusCode()).as(absent).isEqualTo(404);
        }
        assertThat(calls).isEmpty();
    }

    @Test
    void aRange_defaultsToThe30DaysBeforeNow_andReachesThePortAsGiven() throws Exception {
        start();

        assertThat(get("/api/v1/drives/eu/h1/ZA1/predictions").statusCode()).isEqualTo(200);
        assertThat(get("/api/v1/episodes?region=eu&from=2026-11-01T00:00:00Z&to=2026-11-02T00:00:00Z&open=true").statusCode()).isEqualTo(200);
        assertThat(get("/api/v1/risk?limit=5").statusCode()).isEqualTo(200);

        assertThat(calls).containsExactly("predictions eu/h1/ZA1 2026-11-02T12:00:00Z..2026-12-02T12:00:00Z",
                "alerts eu 2026-11-01T00:00:00Z..2026-11-02T00:00:00Z open", "risk 5 2026-12-02T12:00:00Z");
    }

    @Test
    void badParameters_are400NamingTheParameter_andReachNoPort() throws Exception {
        start();

        assertThat(get("/api/v1/episodes").body()).contains("query parameter region is required");
        assertThat(get("/api/v1/risk?limit=0").body()).contains("query parameter limit must be 1..10000, got 0");
        assertThat(get("/api/v1/risk?limit=many").body()).contains("query parameter limit is not a whole number: 'many'");
        assertThat(get("/api/v1/risk?asOf=yesterday").body()).contains("query parameter asOf is not an ISO-8601 instant");
        HttpResponse<String> reversed = get("/api/v1/drives/eu/h1/ZA1/predictions?from=2026-12-01T00:00:00Z&to=2026-11-01T00:00:00Z");
        assertThat(reversed.statusCode()).isEqualTo(400);
        assertThat(reversed.body()).contains("query parameter from must be before to");
        assertThat(get("/api/v1/episodes?region=eu&from=2020-01-01T00:00:00Z").body()).contains("spans more than 400 days");
        assertThat(calls).isEmpty();
    }

    @Test
    void whatCannotBeReadNow_is503WithRetryAfter() throws Exception {
        start();
        storageDown.set(true);
        processorReady.set(false);

        HttpResponse<String> predictions = get("/api/v1/drives/eu/h1/ZA1/predictions");
        HttpResponse<String> hosts = get("/api/v1/hosts");

        assertThat(predictions.statusCode()).isEqualTo(503);
        assertThat(predictions.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(predictions.body()).contains("shard eu does not answer");
        assertThat(hosts.statusCode()).isEqualTo(503);
        assertThat(hosts.body()).contains("REBALANCING");
    }

    @Test
    void ready_is200OnlyWhenEveryCheckPasses_andNamesEach() throws Exception {
        start();
        assertThat(get("/ready").statusCode()).isEqualTo(200);

        storageDown.set(true);
        HttpResponse<String> notReady = get("/ready");

        assertThat(notReady.statusCode()).isEqualTo(503);
        assertThat(notReady.body()).isEqualTo("{\"processor\":true,\"storage\":false,\"ready\":false}");
        assertThat(get("/health").statusCode()).isEqualTo(200);
        assertThat(get("/metrics").body()).isEqualTo("harbinger_up 1\n");
    }

    @Test
    void hosts_unknownHostIs404_storeStatsCountIngestedRows() throws Exception {
        start();

        assertThat(get("/api/v1/hosts/eu/h1").body()).contains("\"points\":3");
        assertThat(get("/api/v1/hosts/eu/h9").statusCode()).isEqualTo(404);
        assertThat(get("/api/v1/store/stats").body()).contains("\"rows\":7");
        assertThat(get("/api/v1/store/hosts?prefix=h").body())
                .isEqualTo("{\"items\":[{\"region\":\"eu-1\",\"host\":\"h-001\",\"diskSamples\":5,\"hostMetrics\":2,\"predictions\":5}]}");
        assertThat(get("/api/v1/store/hosts?prefix=x&since=2026-01-01T00:00:00Z").body()).isEqualTo("{\"items\":[]}");
        HttpResponse<String> noPrefix = get("/api/v1/store/hosts");
        assertThat(noPrefix.statusCode()).isEqualTo(400);
        assertThat(noPrefix.body()).contains("prefix").contains("is required");
        assertThat(get("/api/v1/store/hosts?prefix=h&since=yesterday").statusCode()).isEqualTo(400);
    }

    @Test
    void modelReload_mapsEachOutcomeToItsStatus() throws Exception {
        start();

        assertThat(post("/api/v1/model/reload").statusCode()).isEqualTo(409);
        nextReload.set(new ModelControl.Reload.Refused("not a model file", "xgb-1"));
        assertThat(post("/api/v1/model/reload").statusCode()).isEqualTo(422);
        nextReload.set(new ModelControl.Reload.Replaced("xgb-1", "xgb-2"));
        assertThat(post("/api/v1/model/reload").body()).contains("\"reloaded\":true").contains("xgb-2");
        nextReload.set(new ModelControl.Reload.Unchanged("xgb-2"));
        assertThat(post("/api/v1/model/reload").body()).contains("\"reloaded\":false");
        assertThat(get("/api/v1/model").body()).isEqualTo("{\"version\":\"xgb-1\"}");
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonNode json(String path) throws Exception {
        HttpResponse<String> r = get(path);
        assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    private static String encoded(String v) {
        return java.net.URLEncoder.encode(v, java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void atRisk_pagedByOne_throughEachNextCursor_yieldsEveryItemOnceInOrder() throws Exception {
        start();
        List<String> paged = new java.util.ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = json("/api/v1/fleet/at-risk?limit=1" + (cursor == null ? "" : "&cursor=" + encoded(cursor)));
            page.get("items").forEach(i -> paged.add(i.get("drive").asText()));
            cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asText();
        } while (cursor != null && paged.size() < 10);

        assertThat(paged).containsExactly("ZJV0A001", "ZJV0B001", "ZJV0A002", "ZJV0B002");
        assertThat(calls.getFirst()).isEqualTo("at-risk * [WARNING, BAD] 1");
        assertThat(calls).hasSize(4);
    }

    @Test
    void atRisk_itemsSayWhyInWords_andAnUnknownFeatureValueIsNull() throws Exception {
        start();
        JsonNode first = json("/api/v1/fleet/at-risk?region=eu-1&bucket=bad").get("items").get(0);

        assertThat(first.get("reasons").get(0).asText()).isEqualTo("SMART 197 current pending sectors grew by 24 in 7 days (now 24)");
        assertThat(first.get("topFeatures").get(0).toString()).isEqualTo("{\"feature\":\"smart_197_change_7d\",\"contribution\":1.92,\"value\":24.0}");
        assertThat(first.get("topFeatures").get(2).get("value").isNull()).isTrue();
        assertThat(calls).containsExactly("at-risk eu-1 [BAD] 100");
    }

    @Test
    void pagedLists_refuseBadPagingParameters_namingThem() throws Exception {
        start();
        String hostsCursor = json("/api/v1/fleet/hosts?limit=1").get("nextCursor").asText();
        calls.clear();

        assertThat(get("/api/v1/fleet/at-risk?cursor=garbled!").body()).contains("query parameter cursor is not a cursor of this list");
        assertThat(get("/api/v1/fleet/at-risk?cursor=" + hostsCursor).statusCode()).as("a cursor of another list").isEqualTo(400);
        String tampered = (hostsCursor.charAt(3) == 'A' ? "B" : "A");
        assertThat(get("/api/v1/fleet/hosts?cursor=" + hostsCursor.substring(0, 3) + tampered + hostsCursor.substring(4)).body())
                .contains("query parameter cursor");
        assertThat(get("/api/v1/fleet/at-risk?limit=1001").body()).contains("query parameter limit must be 1..1000, got 1001");
        assertThat(get("/api/v1/fleet/hosts?limit=0").body()).contains("query parameter limit must be 1..1000, got 0");
        assertThat(get("/api/v1/fleet/at-risk?bucket=bad,nope").body()).contains("query parameter bucket must be a comma list of good, warning, bad, unknown: 'nope'");
        assertThat(get("/api/v1/fleet/at-risk?bucket=bad,").body()).contains("query parameter bucket");
        assertThat(get("/api/v1/fleet/summary?days=0").body()).contains("query parameter days must be 1..90, got 0");
        assertThat(get("/api/v1/fleet/summary?days=91").statusCode()).isEqualTo(400);
        assertThat(get("/api/v1/fleet/hosts?region=%01").body()).contains("query parameter region holds a control character");
        assertThat(calls).isEmpty();
    }

    @Test
    void summary_defaultsTo14DaysOfTrend() throws Exception {
        start();
        JsonNode s = json("/api/v1/fleet/summary");

        assertThat(s.get("regions").get(0).get("trend")).hasSize(14);
        assertThat(s.get("regions").get(0).get("trend").get(13).get("day").asText()).isEqualTo("2026-12-01");
        assertThat(s.get("total").get("buckets").toString()).isEqualTo("{\"good\":1180,\"warning\":10,\"bad\":4,\"unknown\":6}");
        assertThat(s.get("asOf").asText()).isEqualTo("2026-12-01T02:00:00Z");
        assertThat(calls).containsExactly("summary 14");
    }

    @Test
    void hostAndDriveDetail_are404WhenStorageHasNothing_andCheckTheirPathAndRange() throws Exception {
        start();
        assertThat(json("/api/v1/fleet/hosts/eu-1/h-001").get("metrics").get(1).get("fields").get("swapping").asBoolean()).isFalse();
        HttpResponse<String> noDrive = get("/api/v1/fleet/drives/eu-1/h-001/XYZ");
        assertThat(noDrive.statusCode()).isEqualTo(404);
        assertThat(noDrive.body()).isEqualTo("{\"error\":\"no drive eu-1/h-001/XYZ\"}");
        assertThat(get("/api/v1/fleet/hosts/eu-1/h-404").statusCode()).isEqualTo(404);
        JsonNode drive = json("/api/v1/fleet/drives/eu-1/h-001/ZJV0A001?from=2026-11-20T00:00:00Z");
        assertThat(drive.get("latest").get("reasons").get(0).asText()).isEqualTo("SMART 197 current pending sectors 0 -> 24 in 2 days");
        assertThat(drive.get("smart").get(4).get("attributes").get("197").asLong()).isEqualTo(24);
        assertThat(drive.get("smart").get(0).get("temperatureC").isNull()).isTrue();
        assertThat(calls).contains("drive eu-1/h-001/ZJV0A001 2026-11-20T00:00:00Z..-");
        calls.clear();

        assertThat(get("/api/v1/fleet/drives/eu-1/h-001/ZJV0A001?from=2026-12-01T00:00:00Z&to=2026-11-01T00:00:00Z").body())
                .contains("query parameter from must be before to");
        assertThat(get("/api/v1/fleet/drives/eu-1/h-001/ZJV0A001?to=tomorrow").body()).contains("query parameter to is not an ISO-8601 instant");
        assertThat(get("/api/v1/fleet/drives/eu-1/h%01x/ZJV0A001").body()).contains("query parameter host holds a control character");
        assertThat(get("/api/v1/fleet/hosts/eu-1/" + "h".repeat(300)).body()).contains("query parameter host is longer than 256 characters");
        assertThat(calls).isEmpty();
    }

    @Test
    void theApiDescription_isServed() throws Exception {
        start();
        HttpResponse<String> doc = get("/api/openapi.yaml");

        assertThat(doc.statusCode()).isEqualTo(200);
        assertThat(doc.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/yaml"));
        assertThat(doc.body()).contains("openapi: \"3.0.3\"").contains("/api/v1/fleet/at-risk:");
    }
}
