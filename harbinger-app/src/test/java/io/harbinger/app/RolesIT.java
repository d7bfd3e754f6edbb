package io.harbinger.app;

import com.fasterxml.jackson.databind.JsonNode;
import io.harbinger.core.config.Settings;
import io.harbinger.pipeline.PipelineConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Three nodes of one deployment, each running some roles (--role), on the shared test broker and a
 * database of their own in the shared test PostgreSQL, with their own topic prefix: a drive's days posted
 * to the ingest node are scored by the process node and read on the api,alert node, whose cache is evicted
 * by the process node's commits; each node serves only its roles' routes and readiness checks.
 */
class RolesIT {
    private static final String HEADER = "serial_number,date,model,failure,smart_5_raw,smart_9_raw,smart_187_raw,smart_188_raw,smart_193_raw,"
            + "smart_194_raw,smart_197_raw,smart_198_raw,smart_241_raw,smart_242_raw\n";
    private static final List<Harbinger> NODES = new ArrayList<>();
    private static String ingest;
    private static String process;
    private static String api;

    @BeforeAll
    static void startThreeNodes() throws Exception {
        Harbinger shared = SharedNode.get();
        String id = UUID.randomUUID().toString().substring(0, 8);
        String database = "roles_" + id;
        try (Connection c = DriverManager.getConnection(shared.bundledPostgresUrl("postgres").orElseThrow(), "postgres", "")) {
            c.createStatement().execute("CREATE DATABASE " + database);
        }
        String postgres = shared.bundledPostgresUrl(database).orElseThrow();
        Path dir = Files.createTempDirectory("harbinger-roles-");
        // the api node first: its readers are in place before anything is committed
        api = start("api,alert", dir, id, shared.bootstrapServers(), postgres);
        process = start("process", dir, id, shared.bootstrapServers(), postgres);
        ingest = start("ingest", dir, id, shared.bootstrapServers(), postgres);
        for (String node : List.of(api, process, ingest)) awaitJson(node + "/ready", r -> r.path("ready").asBoolean(), Duration.ofSeconds(90));
    }

    private static String start(String roles, Path dir, String id, String kafka, String postgres) throws Exception {
        Settings settings = Settings.builder(ServeConfig.SETTINGS).set(ServeConfig.ROLE, Roles.parse(roles)).set(ServeConfig.PORT, 0)
                .set(ServeConfig.DATA_DIR, dir.resolve(roles.replace(',', '-'))).set(ServeConfig.KAFKA, Optional.of(kafka))
                .set(StoreSettings.POSTGRES, Optional.of(postgres))
                .set(PipelineConfig.TOPIC_PREFIX, "roles-" + id + ".").set(PipelineConfig.APPLICATION_ID, "roles-" + id)
                .set(PipelineConfig.PARTITIONS, 2).set(PipelineConfig.COMMIT_INTERVAL, Duration.ofMillis(100))
                .set(PipelineConfig.SAMPLES_RETENTION, Duration.ofDays(1))
                .build();
        Harbinger node = Harbinger.start(ServeConfig.from(settings, ""), Clock.systemUTC());
        NODES.add(node);
        assertThat(node.roles()).hasToString(roles);
        return "http://127.0.0.1:" + node.port();
    }

    @AfterAll
    static void stop() {
        for (Harbinger node : NODES.reversed()) node.close();
    }

    @Test
    void aDrivesDays_postedToIngest_areScoredByTheProcessor_andReadOnTheApiNode_throughItsCache() throws Exception {
        String predictions = api + "/api/v1/drives/eu-roles/h1/ROLE1/predictions?from=2018-01-01T00:00:00Z&to=2018-03-01T00:00:00Z";
        importDay("ROLE1", "2018-02-01", 16);
        importDay("ROLE1", "2018-02-02", 24);

        awaitJson(predictions, a -> a.size() == 2, Duration.ofSeconds(60));
        assertThat(Http.getJson(predictions).size()).as("a second read, from the api node's cache").isEqualTo(2);
        importDay("ROLE1", "2018-02-03", 30);
        JsonNode three = awaitJson(predictions, a -> a.size() == 3, Duration.ofSeconds(60)); // the process node's commit evicted it
        assertThat(three.findValuesAsText("modelVersion")).isNotEmpty();
        JsonNode drive = Http.getJson(api + "/api/v1/fleet/drives/eu-roles/h1/ROLE1");
        assertThat(drive.toString()).contains("ROLE1");
    }

    @Test
    void eachNode_servesItsRolesRoutes_only() throws Exception {
        assertThat(status(ingest + "/api/v1/fleet/summary")).isEqualTo(404);
        assertThat(status(ingest + "/")).as("no dashboard on an ingest node").isEqualTo(404);
        assertThat(status(ingest + "/api/v1/stats")).isEqualTo(404);
        assertThat(status(process + "/api/v1/stats")).isEqualTo(200);
        assertThat(status(process + "/api/v1/model")).isEqualTo(200);
        assertThat(status(process + "/api/v1/fleet/summary")).isEqualTo(404);
        assertThat(Http.post(process + "/write", "text/plain", "cpu,region=eu-roles,host=h1 v=1\n".getBytes()).statusCode())
                .as("no ingest on a process node").isEqualTo(404);
        assertThat(status(api + "/")).as("the dashboard").isEqualTo(200);
        assertThat(status(api + "/api/v1/fleet/summary")).isEqualTo(200);
        assertThat(status(api + "/api/v1/alerts")).isEqualTo(200);
        assertThat(status(api + "/api/v1/stats")).as("the processor's state is on the process node").isEqualTo(404);
        for (String node : List.of(ingest, process, api)) {
            assertThat(status(node + "/health")).isEqualTo(200);
            assertThat(status(node + "/metrics")).isEqualTo(200);
        }
    }

    @Test
    void eachNode_isReadyByItsRolesChecks() throws Exception {
        assertThat(fieldNames(Http.getJson(ingest + "/ready"))).containsExactly("ingest", "ready");
        assertThat(fieldNames(Http.getJson(process + "/ready"))).containsExactly("processor", "storage", "ready");
        assertThat(fieldNames(Http.getJson(api + "/ready"))).containsExactly("storage", "alerting", "ready");
    }

    private static void importDay(String serial, String date, int pending) throws Exception {
        String csv = HEADER + serial + "," + date + ",ST4000DM000,0,8,17952,0,0,34046,23," + pending + ",16,39414155008,52891914613\n";
        HttpResponse<String> r = Http.post(ingest + "/api/v1/import/backblaze?date=" + date + "&host=h1&region=eu-roles", "text/csv",
                csv.getBytes(StandardCharsets.UTF_8));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }

    private static int status(String url) throws Exception {
        return Http.get(url).statusCode();
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** Polls {@code url} (any status: /ready answers 503 until ready) until its JSON satisfies {@code done}; the answer that did. */
    private static JsonNode awaitJson(String url, Predicate<JsonNode> done, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = null;
        while (System.nanoTime() < deadline) {
            HttpResponse<String> r = Http.get(url);
            last = r.statusCode() + " " + r.body();
            if (r.body().startsWith("{") || r.body().startsWith("[")) {
                JsonNode json = Http.json(r.body());
                if (done.test(json)) return json;
            }
            Thread.sleep(20);
        }
        throw new AssertionError(url + " did not answer as expected within " + timeout + "; last answer " + last);
    }
}
