package io.harbinger.app;

import com.fasterxml.jackson.databind.JsonNode;
import io.harbinger.auth.AuthConfig;
import io.harbinger.auth.key.Keys;
import io.harbinger.auth.store.PostgresAuditLog;
import io.harbinger.auth.store.PostgresKeyStore;
import io.harbinger.core.config.Settings;
import io.harbinger.parsers.prometheus.RemoteWriteEncoder;
import io.harbinger.parsers.prometheus.RemoteWriteEncoder.Sample;
import io.harbinger.parsers.prometheus.RemoteWriteEncoder.Series;
import io.harbinger.pipeline.PipelineConfig;
import io.harbinger.schema.auth.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A node started with {@code --auth keys} ({@code --role ingest,api}: every route group, no processor), on the
 * shared test broker and a database of its own in the shared test PostgreSQL: each route group answers 401
 * without a key and 403 with the wrong role; every credential form agents send is accepted, by the real
 * clients where the tests have them; a key revoked elsewhere is refused within the cache's TTL; the table
 * holds hashes only; {@code harbinger keys} works against the same database.
 */
class AuthIT {
    private static final String REGION = "eu-auth";
    private static final io.harbinger.schema.auth.Principal CLI = Keys.cli("test", "acme");
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static Harbinger node;
    private static String base;
    private static String postgres;
    private static Keys keys;
    private static String admin;
    private static String reader;
    private static String writer;

    @BeforeAll
    static void startANodeWithKeys() throws Exception {
        Harbinger shared = SharedNode.get();
        String id = UUID.randomUUID().toString().substring(0, 8);
        String database = "auth_" + id;
        try (Connection c = DriverManager.getConnection(shared.bundledPostgresUrl("postgres").orElseThrow(), "postgres", "")) {
            c.createStatement().execute("CREATE DATABASE " + database);
        }
        postgres = shared.bundledPostgresUrl(database).orElseThrow();
        Path dir = Files.createTempDirectory("harbinger-auth-");
        Settings settings = Settings.builder(ServeConfig.SETTINGS).set(ServeConfig.ROLE, Roles.parse("ingest,api")).set(ServeConfig.PORT, 0)
                .set(ServeConfig.DATA_DIR, dir).set(ServeConfig.KAFKA, Optional.of(shared.bootstrapServers()))
                .set(StoreSettings.POSTGRES, Optional.of(postgres))
                .set(PipelineConfig.TOPIC_PREFIX, "auth-" + id + ".").set(PipelineConfig.APPLICATION_ID, "auth-" + id)
                .set(PipelineConfig.PARTITIONS, 1).set(PipelineConfig.SAMPLES_RETENTION, Duration.ofDays(1))
                .set(AuthConfig.AUTH, Optional.of(AuthConfig.Mode.KEYS)).set(AuthConfig.CACHE_TTL, Duration.ofSeconds(1))
                .build();
        node = Harbinger.start(ServeConfig.from(settings, ""), Clock.systemUTC());
        base = "http://127.0.0.1:" + node.port();
        PGSimpleDataSource db = new PGSimpleDataSource();
        db.setUrl(postgres);
        db.setUser("postgres");
        keys = new Keys(new PostgresKeyStore(db), new PostgresAuditLog(db), new SecureRandom(), Clock.systemUTC());
        admin = keys.create(CLI, "acme", Set.of(Role.ADMIN)).key().token();
        reader = keys.create(CLI, "acme", Set.of(Role.READ)).key().token();
        writer = keys.create(CLI, "acme", Set.of(Role.WRITE)).key().token();
    }

    @AfterAll
    static void stop() {
        if (node != null) node.close();
    }

    private static HttpResponse<String> send(String method, String path, byte[] body, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        for (int i = 0; i < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
        return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String bearer(String key) {
        return "Bearer " + key;
    }

    private static byte[] line(String host) {
        return ("cpu,region=" + REGION + ",host=" + host + " usage_idle=97.5\n").getBytes(StandardCharsets.UTF_8);
    }

    /** One request of every route group, with the role it needs. */
    private record Route(String method, String path, byte[] body, Role needs) {
    }

    private static final List<Route> ROUTES = List.of(
            new Route("POST", "/write", line("routes"), Role.WRITE),
            new Route("POST", "/api/v1/write", RemoteWriteEncoder.encode(List.of(series("routes"))), Role.WRITE),
            new Route("POST", "/v1/metrics", new byte[0], Role.WRITE),
            new Route("GET", "/api/v1/fleet/summary", null, Role.READ),
            new Route("GET", "/api/v1/model", null, Role.READ),
            new Route("GET", "/api/v1/alerts", null, Role.READ),
            new Route("GET", "/api/v1/silences", null, Role.READ),
            new Route("POST", "/api/v1/silences", "{}".getBytes(StandardCharsets.UTF_8), Role.ADMIN),
            new Route("POST", "/api/v1/alerts/00000000-0000-0000-0000-000000000000/ack", "{\"by\": \"me\"}".getBytes(StandardCharsets.UTF_8), Role.ADMIN),
            new Route("POST", "/api/v1/model/reload", null, Role.ADMIN),
            new Route("GET", "/api/v1/admin/keys", null, Role.ADMIN));

    @Test
    void everyRouteGroup_is401WithoutAKey_403WithTheWrongRole_andServedWithTheRightOne() throws Exception {
        Map<Role, String> keyOf = Map.of(Role.WRITE, writer, Role.READ, reader, Role.ADMIN, admin);
        for (Route route : ROUTES) {
            HttpResponse<String> none = send(route.method(), route.path(), route.body());
            assertThat(none.statusCode()).as(route + ": " + none.body()).isEqualTo(401);
            assertThat(none.headers().firstValue("WWW-Authenticate")).as(route.path()).isPresent();
            assertThat(Http.json(none.body()).path("reason").asText()).isEqualTo("missing");
            for (Role role : Role.values()) {
                HttpResponse<String> r = send(route.method(), route.path(), route.body(), "Authorization", bearer(keyOf.get(role)));
                if (role == route.needs()) {
                    assertThat(r.statusCode()).as(route + " with " + role + ": " + r.body()).isNotIn(401, 403);
                } else {
                    assertThat(r.statusCode()).as(route + " with " + role + ": " + r.body()).isEqualTo(403);
                    assertThat(Http.json(r.body()).path("error").asText()).contains("needs the " + route.needs().label() + " role");
                }
            }
        }
    }

    @Test
    void probesScrapeDescriptionAndDashboard_needNoKey() throws Exception {
        for (String path : List.of("/health", "/ready", "/metrics", "/api/openapi.yaml", "/", "/app.js")) {
            assertThat(send("GET", path, null).statusCode()).as(path).isEqualTo(200);
        }
        assertThat(send("GET", "/api/openapi.yaml", null).body()).contains("/api/v1/admin/keys");
    }

    @Test
    void badKeys_are401_sayingWhy() throws Exception {
        String unknown = io.harbinger.auth.key.ApiKey.generate(new SecureRandom()).token();
        assertThat(reason(send("GET", "/api/v1/model", null, "Authorization", "Bearer hunter2"))).isEqualTo("malformed");
        assertThat(reason(send("GET", "/api/v1/model", null, "Authorization", "Bearer " + unknown))).isEqualTo("unknown");
        assertThat(reason(send("GET", "/api/v1/model", null, "Authorization", "Digest x"))).isEqualTo("malformed");
    }

    private static String reason(HttpResponse<String> r) throws Exception {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(401);
        return Http.json(r.body()).path("reason").asText();
    }

    @Test
    void influx_v1QueryParameters_andV2Token_areAccepted() throws Exception {
        assertThat(send("POST", "/write?db=telegraf&u=telegraf&p=" + writer, line("influx-v1")).statusCode()).isEqualTo(204);
        assertThat(send("POST", "/api/v2/write?org=o&bucket=b", line("influx-v2"), "Authorization", "Token " + writer).statusCode()).isEqualTo(204);
        assertThat(send("POST", "/write?u=telegraf&p=wrong", line("influx-v1")).statusCode()).isEqualTo(401);
    }

    @Test
    void prometheusRemoteWrite_withBasicAuthOrAuthorization_isAccepted() throws Exception {
        String basic = "Basic " + Base64.getEncoder().encodeToString(("prometheus:" + writer).getBytes(StandardCharsets.UTF_8));
        for (String authorization : List.of(basic, bearer(writer))) {
            HttpResponse<String> r = send("POST", "/api/v1/write", RemoteWriteEncoder.encode(List.of(series("prom"))), "Content-Type", "application/x-protobuf",
                    "Content-Encoding", "snappy", "X-Prometheus-Remote-Write-Version", "0.1.0", "Authorization", authorization);
            assertThat(r.statusCode()).as(r.body()).isEqualTo(204);
        }
    }

    @Test
    void theOtelSdkExporter_withItsConfiguredHeader_isAccepted_andWithoutIsRefused() {
        var metrics = OtelSdk.cpuUtilization(REGION, "otel-auth", 0.5);
        assertThat(OtelSdk.export(base + "/v1/metrics", metrics, Map.of("Authorization", bearer(writer))).isSuccess()).isTrue();
        assertThat(OtelSdk.export(base + "/v1/metrics", metrics).isSuccess()).isFalse();
    }

    @Test
    void aKeyRevokedElsewhere_isRefusedWithinTheTtl_andOneRevokedHere_atOnce() throws Exception {
        String elsewhere = keys.create(CLI, "acme", Set.of(Role.READ)).key().token();
        assertThat(send("GET", "/api/v1/model", null, "Authorization", bearer(elsewhere)).statusCode()).isEqualTo(200);
        keys.revoke(CLI, elsewhere.substring(4, 16)); // as another node or the CLI does: in the database only
        await().atMost(Duration.ofSeconds(5)).until(() -> send("GET", "/api/v1/model", null, "Authorization", bearer(elsewhere)).statusCode() == 401);
        assertThat(reason(send("GET", "/api/v1/model", null, "Authorization", bearer(elsewhere)))).isEqualTo("revoked");

        JsonNode created = Http.json(send("POST", "/api/v1/admin/keys", "{\"roles\": [\"read\"]}".getBytes(StandardCharsets.UTF_8),
                "Authorization", bearer(admin), "Content-Type", "application/json").body());
        String here = created.path("key").asText();
        assertThat(send("GET", "/api/v1/model", null, "Authorization", bearer(here)).statusCode()).isEqualTo(200);
        assertThat(send("DELETE", "/api/v1/admin/keys/" + created.path("id").asText(), null, "Authorization", bearer(admin)).statusCode()).isEqualTo(204);
        assertThat(send("GET", "/api/v1/model", null, "Authorization", bearer(here)).statusCode()).isEqualTo(401);
    }

    @Test
    void theTable_holdsTheSha256OfEachKey_neverTheKey() throws Exception {
        Keys.Issued issued = keys.create(CLI, "acme", Set.of(Role.WRITE));
        try (Connection c = DriverManager.getConnection(postgres, "postgres", "");
             ResultSet rows = c.createStatement().executeQuery("SELECT id, tenant, array_to_string(roles, ','), encode(hash, 'hex'), created, revoked FROM auth.api_keys")) {
            boolean found = false;
            while (rows.next()) {
                for (int i = 1; i <= 6; i++) assertThat(String.valueOf(rows.getString(i))).doesNotContain(issued.key().secret());
                if (rows.getString(1).equals(issued.key().id())) {
                    found = true;
                    String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(issued.key().token().getBytes(StandardCharsets.US_ASCII)));
                    assertThat(rows.getString(4)).isEqualTo(sha);
                }
            }
            assertThat(found).isTrue();
        }
    }

    @Test
    void theKeysCommand_createsListsAndRevokes_inTheDatabaseTheNodeReads() throws Exception {
        String token = run("keys", "create", "--postgres", postgres, "--tenant", "cli", "--role", "write,read").strip();
        assertThat(token).matches("hbk_[0-9a-f]{12}_[A-Za-z0-9_-]{43}");
        assertThat(send("GET", "/api/v1/model", null, "Authorization", bearer(token)).statusCode()).isEqualTo(200);
        String id = token.substring(4, 16);
        assertThat(run("keys", "list", "--postgres", postgres, "--tenant", "cli")).contains(id).contains("write,read").doesNotContain(token);
        assertThat(run("keys", "revoke", "--postgres", postgres, id)).contains("revoked");
        await().atMost(Duration.ofSeconds(5)).until(() -> send("GET", "/api/v1/model", null, "Authorization", bearer(token)).statusCode() == 401);
    }

    @Test
    void silencesAcknowledgementsReloadsAndKeys_areAudited_withWhoAndWhen_andQueryable() throws Exception {
        String adminId = admin.substring(4, 16);
        HttpResponse<String> silence = send("POST", "/api/v1/silences", ("{\"matchers\": [{\"name\": \"host\", \"value\": \"audited\"}], "
                + "\"duration\": \"1h\", \"createdBy\": \"ops\"}").getBytes(StandardCharsets.UTF_8), "Authorization", bearer(admin), "Content-Type", "application/json");
        assertThat(silence.statusCode()).as(silence.body()).isEqualTo(201);
        String silenceId = Http.json(silence.body()).path("id").asText();
        assertThat(send("DELETE", "/api/v1/silences/" + silenceId, null, "Authorization", bearer(admin)).statusCode()).isEqualTo(204);
        String alert = UUID.randomUUID().toString();
        send("POST", "/api/v1/alerts/" + alert + "/ack", "{\"by\": \"ops\"}".getBytes(StandardCharsets.UTF_8), "Authorization", bearer(admin));
        send("POST", "/api/v1/model/reload", null, "Authorization", bearer(admin));
        assertThat(send("POST", "/api/v1/silences", "{}".getBytes(StandardCharsets.UTF_8), "Authorization", bearer(reader)).statusCode())
                .as("refused before the route: not audited").isEqualTo(403);

        JsonNode items = Http.json(send("GET", "/api/v1/admin/audit?limit=1000", null, "Authorization", bearer(admin)).body()).path("items");
        List<String> mine = new java.util.ArrayList<>();
        items.forEach(e -> { if (e.path("keyId").asText().equals(adminId)) mine.add(e.path("action").asText() + " " + e.path("target").asText() + " " + e.path("status").asInt()); });
        assertThat(mine).containsSubsequence("model.reload  409", "alert.ack " + alert + " 404", "silence.expire " + silenceId + " 204", "silence.create " + silenceId + " 201");
        assertThat(items).allSatisfy(e -> assertThat(e.path("tenant").asText()).isEqualTo("acme"));
        JsonNode created = Http.json(send("GET", "/api/v1/admin/audit?action=key.create&limit=1000", null, "Authorization", bearer(admin)).body());
        assertThat(created.path("items")).as("the keys this test class made, by the CLI's Keys").anySatisfy(e -> {
            assertThat(e.path("keyId").asText()).isEqualTo("cli:test");
            assertThat(e.path("target").asText()).isEqualTo(admin.substring(4, 16));
        });
        JsonNode first = Http.json(send("GET", "/api/v1/admin/audit?limit=1", null, "Authorization", bearer(admin)).body());
        JsonNode second = Http.json(send("GET", "/api/v1/admin/audit?limit=1&cursor=" + first.path("nextCursor").asText(), null,
                "Authorization", bearer(admin)).body());
        assertThat(second.path("items").get(0).path("id").asLong()).isLessThan(first.path("items").get(0).path("id").asLong());
        assertThat(send("GET", "/api/v1/admin/audit", null, "Authorization", bearer(reader)).statusCode()).isEqualTo(403);
    }

    private static String run(String... args) {
        CommandLine cli = Main.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        assertThat(cli.execute(args)).as(String.join(" ", args) + ": " + err).isZero();
        return out.toString();
    }

    private static Series series(String host) {
        return Series.of(List.of(new Sample(0.75, System.currentTimeMillis())), "__name__", "node_load1", "instance", host + ":9100", "region", REGION);
    }
}
