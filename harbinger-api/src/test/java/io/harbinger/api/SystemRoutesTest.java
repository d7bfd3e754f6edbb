package io.harbinger.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.harbinger.api.port.SystemStatus;
import io.javalin.Javalin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The system endpoints and the dashboard's static files on a real server (random port). */
class SystemRoutesTest {
    private static final Instant NOW = Instant.parse("2026-12-02T12:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient client = HttpClient.newHttpClient();
    private final AtomicInteger asked = new AtomicInteger();
    private Javalin app;

    /** A status whose figures all derive from {@code n}, so each answer is told apart. */
    static SystemStatus.Status status(Instant at, int n) {
        return new SystemStatus.Status(at, 10.0, 60L + n,
                new SystemStatus.Ingest(100.0 * n, 2.0 * n, new SystemStatus.AckLatency(OptionalDouble.of(3.5), OptionalDouble.empty()), 0.5),
                new SystemStatus.Processor(7L * n, 90.0 * n), List.of(new SystemStatus.Loader("samples", 4, 80.0)),
                Optional.empty(), Optional.of(Map.of("firing", 2.0)));
    }

    @BeforeEach
    void start() {
        app = HttpApi.server();
        SystemRoutes.register(app, () -> status(NOW, asked.incrementAndGet()));
        app.start("127.0.0.1", 0);
    }

    @AfterEach
    void stop() {
        app.stop();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void system_answersTheContractsFields_absentPartsAsNull() throws Exception {
        HttpResponse<String> r = get("/api/v1/system");
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(r.body());
        assertThat(body.path("ingest").path("pointsPerSecond").asDouble()).isEqualTo(100.0);
        assertThat(body.path("ingest").path("requestsPerSecond").asDouble()).isEqualTo(2.0);
        assertThat(body.path("ingest").path("rejectedPerSecond").asDouble()).isEqualTo(0.5);
        assertThat(body.path("ingest").path("ackLatencyMs").path("p50").asDouble()).isEqualTo(3.5);
        assertThat(body.path("ingest").path("ackLatencyMs").path("p99").isNull()).isTrue();
        assertThat(body.path("processor").path("lagRecords").asLong()).isEqualTo(7);
        assertThat(body.path("processor").path("pointsPerSecond").asDouble()).isEqualTo(90.0);
        assertThat(body.path("loaders").get(0).path("name").asText()).isEqualTo("samples");
        assertThat(body.path("loaders").get(0).path("lagRecords").asLong()).isEqualTo(4);
        assertThat(body.path("cache").isNull()).isTrue();
        assertThat(body.path("alerts").path("firing").asDouble()).isEqualTo(2.0);
        assertThat(body.path("uptimeSeconds").asLong()).isEqualTo(61);
        assertThat(body.path("at").asText()).isEqualTo("2026-12-02T12:00:00Z");
    }

    @Test
    void events_streamAFreshStatusEveryTwoSeconds_asServerSentEvents() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/api/v1/system/events"))
                .header("Accept", "text/event-stream").build();
        HttpResponse<InputStream> r = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/event-stream"));
        List<JsonNode> events = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8))) {
            String event = null;
            for (String line; events.size() < 2 && (line = lines.readLine()) != null; ) {
                if (line.startsWith("event:")) event = line.substring(6).trim();
                if (line.startsWith("data:")) {
                    assertThat(event).isEqualTo("system");
                    events.add(JSON.readTree(line.substring(5).trim()));
                }
            }
        }
        assertThat(events).hasSize(2);
        assertThat(events.get(1).path("ingest").path("pointsPerSecond").asDouble())
                .as("each event is a new reading").isGreaterThan(events.get(0).path("ingest").path("pointsPerSecond").asDouble());
        assertThat(SystemRoutes.EVERY).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void root_servesTheDashboard_andItsChartLibraryFromTheWebjar() throws Exception {
        HttpResponse<String> page = get("/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(page.body()).contains("<title>Harbinger</title>").contains("app.js");
        HttpResponse<String> app = get("/app.js");
        assertThat(app.statusCode()).isEqualTo(200);
        assertThat(app.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("javascript"));
        HttpResponse<String> uplot = get("/webjars/uplot/1.6.30/dist/uPlot.esm.js");
        assertThat(uplot.statusCode()).isEqualTo(200);
        assertThat(uplot.body()).contains("export");
    }

    @Test
    void dashboardFiles_nameNoHostButThisNode() throws Exception {
        for (String file : List.of("/", "/app.js", "/style.css")) {
            String body = get(file).body();
            assertThat(body).as(file).doesNotContainPattern("(?i)(https?:)?//[a-z0-9.-]+\\.[a-z]{2,}[/:]");
        }
    }
}
