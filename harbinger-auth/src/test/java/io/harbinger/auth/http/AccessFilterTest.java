package io.harbinger.auth.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.harbinger.auth.key.AccessPolicy;
import io.harbinger.auth.key.Authenticator;
import io.harbinger.auth.key.InMemoryAuditLog;
import io.harbinger.auth.key.InMemoryKeyStore;
import io.harbinger.auth.key.Keys;
import io.harbinger.schema.auth.Principal;
import io.harbinger.schema.auth.Role;
import io.javalin.Javalin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The filter and the key routes on a real server, with the store in memory (AuthIT has the real node and PostgreSQL). */
class AccessFilterTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final InMemoryKeyStore STORE = new InMemoryKeyStore();
    private static final InMemoryAuditLog AUDIT = new InMemoryAuditLog();
    private static final Keys KEYS = new Keys(STORE, AUDIT, new SecureRandom(), Clock.systemUTC());
    private static Javalin app;
    private static String admin;
    private static String reader;
    private static String writer;

    @BeforeAll
    static void start() {
        app = Javalin.create(c -> c.showJavalinBanner = false);
        Authenticator authenticator = new Authenticator(STORE, Duration.ofMinutes(1), com.github.benmanes.caffeine.cache.Ticker.systemTicker());
        AccessFilter.install(app, new AccessPolicy(Set.of("/write")), authenticator);
        KeyRoutes.register(app, KEYS, authenticator);
        AuditTrail.install(app, AUDIT, Clock.systemUTC());
        AuditRoutes.register(app, AUDIT);
        app.get("/health", ctx -> ctx.result("up"));
        app.post("/write", ctx -> ctx.status(204));
        app.get("/api/v1/fleet/summary", ctx -> ctx.result(((Principal) ctx.attribute(Principal.ATTRIBUTE)).tenant()));
        app.post("/api/v1/model/reload", ctx -> ctx.json(java.util.Map.of("reloaded", true)));
        app.start("127.0.0.1", 0);
        admin = KEYS.create(Keys.cli("test", "acme"), "acme", Set.of(Role.ADMIN)).key().token();
        reader = KEYS.create(Keys.cli("test", "acme"), "acme", Set.of(Role.READ)).key().token();
        writer = KEYS.create(Keys.cli("test", "acme"), "acme", Set.of(Role.WRITE)).key().token();
    }

    @AfterAll
    static void stop() {
        app.stop();
    }

    private static HttpResponse<String> send(String method, String path, String key, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (key != null) b.header("Authorization", "Bearer " + key);
        return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void withoutAKey_401_withWwwAuthenticate_andWhy() throws Exception {
        HttpResponse<String> r = send("GET", "/api/v1/fleet/summary", null, null);

        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer realm=\"harbinger\""));
        assertThat(JSON.readTree(r.body()).path("reason").asText()).isEqualTo("missing");
    }

    @Test
    void aValidKey_reachesTheRoute_asItsPrincipal() throws Exception {
        HttpResponse<String> r = send("GET", "/api/v1/fleet/summary", reader, null);

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("acme");
    }

    @Test
    void theWrongRole_403_namingTheRoleNeeded() throws Exception {
        HttpResponse<String> r = send("POST", "/api/v1/model/reload", reader, null);

        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(r.body()).path("error").asText()).startsWith("POST /api/v1/model/reload needs the admin role; key ")
                .endsWith("(tenant acme) has read");
        assertThat(send("GET", "/api/v1/fleet/summary", writer, null).statusCode()).isEqualTo(403);
        assertThat(send("POST", "/write", reader, "").statusCode()).isEqualTo(403);
        assertThat(send("POST", "/write", writer, "").statusCode()).isEqualTo(204);
    }

    @Test
    void aTrailingSlash_isJudgedAsTheRouteItReaches() throws Exception {
        assertThat(send("POST", "/api/v1/model/reload/", reader, null).statusCode()).isEqualTo(403);
        assertThat(send("POST", "/write/", null, "").statusCode()).isEqualTo(401);
    }

    @Test
    void theProbes_andUnknownPaths_needNoKey() throws Exception {
        assertThat(send("GET", "/health", null, null).statusCode()).isEqualTo(200);
        assertThat(send("GET", "/nothing-here", null, null).statusCode()).isEqualTo(404);
    }

    @Test
    void anAdmin_createsListsAndRevokes_keysOfItsTenant() throws Exception {
        HttpResponse<String> created = send("POST", "/api/v1/admin/keys", admin, "{\"roles\": [\"write\", \"read\"]}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode key = JSON.readTree(created.body());
        assertThat(key.path("tenant").asText()).isEqualTo("acme");
        assertThat(key.path("key").asText()).startsWith("hbk_" + key.path("id").asText() + "_");
        assertThat(send("GET", "/api/v1/fleet/summary", key.path("key").asText(), null).statusCode()).isEqualTo(200);

        HttpResponse<String> listed = send("GET", "/api/v1/admin/keys", admin, null);
        assertThat(listed.body()).contains(key.path("id").asText()).doesNotContain(key.path("key").asText());

        assertThat(send("DELETE", "/api/v1/admin/keys/" + key.path("id").asText(), admin, null).statusCode()).isEqualTo(204);
        HttpResponse<String> after = send("GET", "/api/v1/fleet/summary", key.path("key").asText(), null);
        assertThat(after.statusCode()).as("refused on this node at once").isEqualTo(401);
        assertThat(JSON.readTree(after.body()).path("reason").asText()).isEqualTo("revoked");
        String id = key.path("id").asText();
        String adminId = admin.substring(4, 16);
        assertThat(AUDIT.entries).filteredOn(e -> e.target().equals(id)).extracting(e -> e.action().label() + " by " + e.keyId() + " of " + e.tenant())
                .containsExactly("key.create by " + adminId + " of acme", "key.revoke by " + adminId + " of acme");
    }

    @Test
    void anotherTenantsKeys_are403_andBadBodies400() throws Exception {
        String other = KEYS.create(Keys.cli("test", "globex"), "globex", Set.of(Role.READ)).key().id();

        assertThat(send("POST", "/api/v1/admin/keys", admin, "{\"roles\": [\"read\"], \"tenant\": \"globex\"}").statusCode()).isEqualTo(403);
        assertThat(send("DELETE", "/api/v1/admin/keys/" + other, admin, null).statusCode()).isEqualTo(403);
        assertThat(send("GET", "/api/v1/admin/keys", admin, null).body()).doesNotContain(other);
        assertThat(send("DELETE", "/api/v1/admin/keys/000000000000", admin, null).statusCode()).isEqualTo(404);
        HttpResponse<String> bad = send("POST", "/api/v1/admin/keys", admin, "{\"roles\": [\"root\"]}");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(bad.body()).path("error").asText()).isEqualTo("body field roles: unknown role 'root': expected write, read, admin");
        assertThat(send("POST", "/api/v1/admin/keys", admin, "nope").statusCode()).isEqualTo(400);
    }

    @Test
    void aModelReload_isAudited_withWhoAndWhatHappened_andTheAuditIsForAdmins() throws Exception {
        assertThat(send("POST", "/api/v1/model/reload", admin, null).statusCode()).isEqualTo(200);

        JsonNode audit = JSON.readTree(send("GET", "/api/v1/admin/audit?action=model.reload", admin, null).body());
        JsonNode newest = audit.path("items").get(0);
        assertThat(newest.path("keyId").asText()).isEqualTo(admin.substring(4, 16));
        assertThat(newest.path("tenant").asText()).isEqualTo("acme");
        assertThat(newest.path("status").asInt()).isEqualTo(200);
        assertThat(newest.path("detail").asText()).isEqualTo("{\"reloaded\":true}");
        assertThat(send("GET", "/api/v1/admin/audit", reader, null).statusCode()).isEqualTo(403);
        assertThat(send("GET", "/api/v1/admin/audit?action=nope", admin, null).statusCode()).isEqualTo(400);
    }
}
