package io.harbinger.api;

import io.harbinger.api.port.ModelControl;
import io.harbinger.api.port.Readiness;
import io.harbinger.schema.read.DriveAlert;
import io.harbinger.schema.read.DrivePrediction;
import io.harbinger.schema.read.FleetReads;
import io.harbinger.schema.read.HostStats;
import io.harbinger.schema.read.ProcessorReads;
import io.harbinger.schema.read.ReadUnavailableException;
import io.harbinger.schema.read.RiskPrediction;
import io.harbinger.schema.read.StoredRows;
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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** The route tree on a real server (random port), behind in-memory ports: parameters, status codes, mappers. */
class HttpApiTest {
    private static final Instant NOW = Instant.parse("2026-12-02T12:00:00Z");
    private final HttpClient client = HttpClient.newHttpClient();
    private final List<String> calls = new ArrayList<>();
    private final AtomicBoolean storageDown = new AtomicBoolean();
    private final AtomicBoolean processorReady = new AtomicBoolean(true);
    private final AtomicReference<ModelControl.Reload> nextReload = new AtomicReference<>(new ModelControl.Reload.NoFile());
    private Javalin app;

    private final FleetReads fleet = new FleetReads() {
        @Override
        public List<DrivePrediction> drivePredictions(String region, String host, String drive, Instant from, Instant to) {
            calls.add("predictions " + region + "/" + host + "/" + drive + " " + from + ".." + to);
            if (storageDown.get()) throw new ReadUnavailableException("shard eu does not answer", null);
            return List.of();
        }

        @Override
        public List<DriveAlert> alerts(String region, Instant from, Instant to, boolean openOnly) {
            calls.add("alerts " + region + " " + from + ".." + to + (openOnly ? " open" : ""));
            return List.of();
        }

        @Override
        public List<RiskPrediction> topRisk(int limit, Instant asOf) {
            calls.add("risk " + limit + " " + asOf);
            return List.of();
        }

        @Override
        public io.harbinger.schema.read.FleetSummary summary(int days) {
            throw new UnsupportedOperationException("not yet routed");
        }

        @Override
        public io.harbinger.schema.read.Page<io.harbinger.schema.read.DriveRisk> atRisk(io.harbinger.schema.read.AtRiskQuery query) {
            throw new UnsupportedOperationException("not yet routed");
        }

        @Override
        public io.harbinger.schema.read.Page<io.harbinger.schema.read.HostSummary> hosts(io.harbinger.schema.read.HostsQuery query) {
            throw new UnsupportedOperationException("not yet routed");
        }

        @Override
        public Optional<io.harbinger.schema.read.HostDetail> host(String region, String host) {
            throw new UnsupportedOperationException("not yet routed");
        }

        @Override
        public Optional<io.harbinger.schema.read.DriveDetail> drive(io.harbinger.schema.read.DriveQuery query) {
            throw new UnsupportedOperationException("not yet routed");
        }

        @Override
        public StoredRows storedRows() {
            Map<String, Long> tables = new LinkedHashMap<>();
            tables.put("disk_samples", 5L);
            tables.put("host_metrics", 2L);
            tables.put("predictions", 5L);
            return new StoredRows(tables);
        }

        @Override
        public boolean healthy() {
            return !storageDown.get();
        }
    };

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
                new Readiness("storage", fleet::healthy)), () -> "harbinger_up 1\n", Clock.fixed(NOW, ZoneOffset.UTC),
                () -> SystemRoutesTest.status(NOW, 1)));
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
    void aRange_defaultsToThe30DaysBeforeNow_andReachesThePortAsGiven() throws Exception {
        start();

        assertThat(get("/api/v1/drives/eu/h1/ZA1/predictions").statusCode()).isEqualTo(200);
        assertThat(get("/api/v1/alerts?region=eu&from=2026-11-01T00:00:00Z&to=2026-11-02T00:00:00Z&open=true").statusCode()).isEqualTo(200);
        assertThat(get("/api/v1/risk?limit=5").statusCode()).isEqualTo(200);

        assertThat(calls).containsExactly("predictions eu/h1/ZA1 2026-11-02T12:00:00Z..2026-12-02T12:00:00Z",
                "alerts eu 2026-11-01T00:00:00Z..2026-11-02T00:00:00Z open", "risk 5 2026-12-02T12:00:00Z");
    }

    @Test
    void badParameters_are400NamingTheParameter_andReachNoPort() throws Exception {
        start();

        assertThat(get("/api/v1/alerts").body()).contains("query parameter region is required");
        assertThat(get("/api/v1/risk?limit=0").body()).contains("query parameter limit must be 1..10000, got 0");
        assertThat(get("/api/v1/risk?limit=many").body()).contains("query parameter limit is not a whole number: 'many'");
        assertThat(get("/api/v1/risk?asOf=yesterday").body()).contains("query parameter asOf is not an ISO-8601 instant");
        HttpResponse<String> reversed = get("/api/v1/drives/eu/h1/ZA1/predictions?from=2026-12-01T00:00:00Z&to=2026-11-01T00:00:00Z");
        assertThat(reversed.statusCode()).isEqualTo(400);
        assertThat(reversed.body()).contains("query parameter from must be before to");
        assertThat(get("/api/v1/alerts?region=eu&from=2020-01-01T00:00:00Z").body()).contains("spans more than 400 days");
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
}
