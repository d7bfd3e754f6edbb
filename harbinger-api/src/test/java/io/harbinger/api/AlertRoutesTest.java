package io.harbinger.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.harbinger.schema.alert.Acknowledgement;
import io.harbinger.schema.alert.Alert;
import io.harbinger.schema.alert.AlertBook;
import io.harbinger.schema.alert.AlertCursor;
import io.harbinger.schema.alert.AlertPage;
import io.harbinger.schema.alert.AlertQuery;
import io.harbinger.schema.alert.AlertState;
import io.harbinger.schema.alert.NewSilence;
import io.harbinger.schema.alert.Silence;
import io.harbinger.schema.read.ReadUnavailableException;
import io.javalin.Javalin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/** The alert and silence routes on a real server (random port), behind an in-memory {@link AlertBook}. */
class AlertRoutesTest {
    private static final Instant NOW = Instant.parse("2026-12-02T12:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient client = HttpClient.newHttpClient();
    private final InMemoryBook book = new InMemoryBook();
    private Javalin app;

    @BeforeEach
    void start() {
        app = HttpApi.server();
        AlertRoutes.register(app, book, Clock.fixed(NOW, ZoneOffset.UTC));
        HttpApi.mapExceptions(app);
        app.start("127.0.0.1", 0);
    }

    @AfterEach
    void stop() {
        app.stop();
    }

    @Test
    void alerts_defaultToActive_newestFirst_pagedByCursor_inTheContractsShape() throws Exception {
        Alert firing = book.add("h-001", AlertState.FIRING, NOW.minusSeconds(10));
        Alert pending = book.add("h-002", AlertState.PENDING, NOW.minusSeconds(5));
        book.add("h-003", AlertState.RESOLVED, NOW.minusSeconds(1));
        JsonNode page1 = json(get("/api/v1/alerts?limit=1"));
        assertThat(page1.get("items")).hasSize(1);
        assertThat(page1.get("items").get(0).get("id").asText()).isEqualTo(pending.id().toString());
        JsonNode page2 = json(get("/api/v1/alerts?limit=1&cursor=" + page1.get("nextCursor").asText()));
        JsonNode item = page2.get("items").get(0);
        assertThat(item.get("id").asText()).isEqualTo(firing.id().toString());
        assertThat(page2.get("nextCursor").isNull()).isTrue();
        assertThat(item.get("state").asText()).isEqualTo("firing");
        assertThat(item.get("labels").get("host").asText()).isEqualTo("h-001");
        assertThat(item.get("annotations").get("summary").asText()).startsWith("Drive");
        assertThat(item.get("activeAt").asText()).isEqualTo(NOW.minusSeconds(10).toString());
        assertThat(item.get("resolvedAt").isNull()).isTrue();
        assertThat(item.get("acknowledged").isNull()).isTrue();
        assertThat(item.get("silencedBy").isArray()).isTrue();
        assertThat(item.get("lastProbability").asDouble()).isEqualTo(0.83);
        assertThat(book.queries.getFirst()).isEqualTo(new AlertQuery(AlertQuery.Selection.ACTIVE, Optional.empty(), Optional.empty(), 1, Optional.empty()));
        assertThat(json(get("/api/v1/alerts?state=all&region=eu-1&host=h-003")).get("items")).hasSize(1);
        assertThat(book.queries.getLast().host()).contains("h-003");
    }

    @Test
    void badParameters_are400NamingThem() throws Exception {
        assertError(get("/api/v1/alerts?state=burning"), 400, "query parameter state must be firing, pending, resolved, acknowledged, active or all");
        assertError(get("/api/v1/alerts?limit=0"), 400, "query parameter limit must be 1..1000");
        assertError(get("/api/v1/alerts?cursor=xyz"), 400, "query parameter cursor is not one this API gave out");
        assertError(get("/api/v1/alerts/not-a-uuid"), 400, "path parameter id is not an id");
        assertError(get("/api/v1/silences?state=soon"), 400, "query parameter state must be active, expired or all");
        assertError(get("/api/v1/alerts/" + UUID.randomUUID()), 404, "no alert ");
    }

    @Test
    void ack_recordsWhoAndWhy_andNeedsBy() throws Exception {
        Alert a = book.add("h-001", AlertState.FIRING, NOW);
        HttpResponse<String> acked = post("/api/v1/alerts/" + a.id() + "/ack", "{\"by\":\"ops\",\"comment\":\"replacing it\"}");
        assertThat(acked.statusCode()).isEqualTo(200);
        assertThat(json(acked).get("acknowledged").get("by").asText()).isEqualTo("ops");
        assertThat(json(acked).get("acknowledged").get("comment").asText()).isEqualTo("replacing it");
        assertThat(json(get("/api/v1/alerts/" + a.id())).get("acknowledged").get("at").asText()).isEqualTo(NOW.toString());
        assertError(post("/api/v1/alerts/" + a.id() + "/ack", "{\"comment\":\"x\"}"), 400, "body field by is required");
        assertError(post("/api/v1/alerts/" + a.id() + "/ack", "{not json"), 400, "body field (body) is not JSON");
        assertError(post("/api/v1/alerts/" + UUID.randomUUID() + "/ack", "{\"by\":\"ops\"}"), 404, "no alert ");
    }

    @Test
    void silences_areCreatedWithMatchersAndADurationOrEnd_listedByState_andExpiredByDelete() throws Exception {
        HttpResponse<String> created = post("/api/v1/silences", """
                {"matchers": [{"name": "host", "value": "h-001", "op": "="}, {"name": "drive", "value": "ZJ.*", "op": "=~"}],
                 "duration": "2h", "createdBy": "ops", "comment": "maintenance"}""");
        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode s = json(created);
        assertThat(s.get("status").asText()).isEqualTo("active");
        assertThat(s.get("startsAt").asText()).isEqualTo(NOW.toString());
        assertThat(s.get("endsAt").asText()).isEqualTo(NOW.plusSeconds(7200).toString());
        assertThat(s.get("matchers").get(1).get("op").asText()).isEqualTo("=~");
        String id = s.get("id").asText();
        assertThat(created.headers().firstValue("Location")).contains("/api/v1/silences/" + id);
        HttpResponse<String> later = post("/api/v1/silences", """
                {"matchers": [{"name": "region", "value": "eu-1"}], "startsAt": "2026-12-03T00:00:00Z", "endsAt": "2026-12-04T00:00:00Z", "createdBy": "ops"}""");
        assertThat(json(later).get("status").asText()).isEqualTo("pending");
        assertThat(json(get("/api/v1/silences")).get("items")).hasSize(2);

        assertThat(delete("/api/v1/silences/" + id).statusCode()).isEqualTo(204);
        assertThat(json(get("/api/v1/silences?state=expired")).get("items")).singleElement().satisfies(x -> assertThat(x.get("id").asText()).isEqualTo(id));
        assertThat(json(get("/api/v1/silences?state=active")).get("items")).hasSize(1);
        assertThat(json(get("/api/v1/silences?state=all")).get("items")).hasSize(2);
        assertError(delete("/api/v1/silences/" + UUID.randomUUID()), 404, "no silence ");
    }

    @Test
    void aBadSilence_is400NamingTheField() throws Exception {
        assertError(post("/api/v1/silences", "{\"duration\":\"2h\",\"createdBy\":\"ops\"}"), 400, "body field matchers must be a non-empty array");
        assertError(post("/api/v1/silences", "{\"matchers\":[{\"name\":\"host\",\"value\":\"h\",\"op\":\"~\"}],\"duration\":\"2h\",\"createdBy\":\"ops\"}"),
                400, "body field matchers[0].op must be =, !=, =~ or !~");
        assertError(post("/api/v1/silences", "{\"matchers\":[{\"name\":\"host\",\"value\":\"h-(\",\"op\":\"=~\"}],\"duration\":\"2h\",\"createdBy\":\"ops\"}"),
                400, "body field matchers[0].value is not a regular expression");
        assertError(post("/api/v1/silences", "{\"matchers\":[{\"value\":\"h\"}],\"duration\":\"2h\",\"createdBy\":\"ops\"}"), 400, "body field matchers[0].name is required");
        assertError(post("/api/v1/silences", "{\"matchers\":[{\"name\":\"host\",\"value\":\"h\"}],\"createdBy\":\"ops\"}"), 400, "body field endsAt or duration must be given");
        assertError(post("/api/v1/silences", "{\"matchers\":[{\"name\":\"host\",\"value\":\"h\"}],\"duration\":\"soon\",\"createdBy\":\"ops\"}"), 400, "body field duration is not a duration");
        assertError(post("/api/v1/silences", "{\"matchers\":[{\"name\":\"host\",\"value\":\"h\"}],\"endsAt\":\"2026-12-01T00:00:00Z\",\"startsAt\":\"2026-11-30T00:00:00Z\",\"createdBy\":\"ops\"}"),
                400, "body field endsAt must end in the future");
        assertError(post("/api/v1/silences", "{\"matchers\":[{\"name\":\"host\",\"value\":\"h\"}],\"duration\":\"2h\"}"), 400, "body field createdBy is required");
        assertError(post("/api/v1/silences", "{\"matchers\":[{\"name\":\"host\",\"value\":\"h\"}],\"duration\":\"2h\",\"createdBy\":\"ops\",\"startsAt\":\"noon\"}"),
                400, "body field startsAt is not an ISO-8601 instant");
        assertThat(book.silences).isEmpty();
    }

    @Test
    void aBookThatCannotAnswer_is503WithRetryAfter() throws Exception {
        book.down.set(true);
        HttpResponse<String> r = get("/api/v1/alerts");
        assertThat(r.statusCode()).isEqualTo(503);
        assertThat(r.headers().firstValue("Retry-After")).contains("1");
    }

    private static void assertError(HttpResponse<String> r, int status, String start) throws Exception {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(json(r).get("error").asText()).startsWith(start);
    }

    private static JsonNode json(HttpResponse<String> r) throws Exception {
        return JSON.readTree(r.body());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return client.send(HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json").build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> delete(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(uri(path)).DELETE().build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + app.port() + path);
    }

    /** Alerts and silences in memory, with the book's order and cursor semantics. */
    static final class InMemoryBook implements AlertBook {
        final Map<UUID, Alert> alerts = new LinkedHashMap<>();
        final Map<UUID, Silence> silences = new LinkedHashMap<>();
        final List<AlertQuery> queries = new ArrayList<>();
        final AtomicBoolean down = new AtomicBoolean();

        Alert add(String host, AlertState state, Instant activeAt) {
            Alert a = new Alert(UUID.randomUUID(), "fp-" + host, "drive-bad", state,
                    Map.of("alertname", "DriveFailurePredicted", "region", "eu-1", "host", host, "drive", "ZJV0"),
                    Map.of("summary", "Drive ZJV0 on eu-1/" + host + " predicted to fail (p=0.83, bad)", "description", "..."), activeAt,
                    state == AlertState.PENDING ? Optional.empty() : Optional.of(activeAt), state == AlertState.RESOLVED ? Optional.of(activeAt) : Optional.empty(),
                    0.83, Optional.empty(), List.of());
            alerts.put(a.id(), a);
            return a;
        }

        @Override
        public AlertPage alerts(AlertQuery q) {
            if (down.get()) throw new ReadUnavailableException("control database does not answer", null);
            queries.add(q);
            List<Alert> matching = alerts.values().stream()
                    .filter(a -> q.states().selects(a.state(), a.acknowledged().isPresent()))
                    .filter(a -> q.region().map(r -> r.equals(a.labels().get("region"))).orElse(true))
                    .filter(a -> q.host().map(h -> h.equals(a.labels().get("host"))).orElse(true))
                    .filter(a -> q.cursor().map(c -> c.precedes(a)).orElse(true))
                    .sorted(Comparator.comparing(Alert::activeAt).reversed().thenComparing(Alert::id)).toList();
            List<Alert> page = matching.stream().limit(q.limit()).toList();
            return new AlertPage(page, matching.size() > q.limit() ? Optional.of(AlertCursor.after(page.getLast()).encode()) : Optional.empty());
        }

        @Override
        public Map<String, Long> firingByRegion() {
            return alerts.values().stream().filter(a -> a.state() == AlertState.FIRING)
                    .collect(java.util.stream.Collectors.groupingBy(a -> a.labels().get("region"), java.util.TreeMap::new, java.util.stream.Collectors.counting()));
        }

        @Override
        public Optional<Alert> alert(UUID id) {
            return Optional.ofNullable(alerts.get(id));
        }

        @Override
        public Optional<Alert> acknowledge(UUID id, String by, String comment) {
            return alert(id).map(a -> {
                Alert acked = new Alert(a.id(), a.fingerprint(), a.rule(), a.state(), a.labels(), a.annotations(), a.activeAt(), a.firedAt(),
                        a.resolvedAt(), a.lastProbability(), Optional.of(new Acknowledgement(by, NOW, comment)), a.silencedBy());
                alerts.put(id, acked);
                return acked;
            });
        }

        @Override
        public Silence createSilence(NewSilence n) {
            Silence s = new Silence(UUID.randomUUID(), n.matchers(), n.startsAt(), n.endsAt(), n.createdBy(), n.comment(), NOW);
            silences.put(s.id(), s);
            return s;
        }

        @Override
        public List<Silence> silences(Set<Silence.Status> statuses) {
            return silences.values().stream().filter(s -> statuses.contains(s.status(NOW))).toList();
        }

        @Override
        public Optional<Silence> silence(UUID id) {
            return Optional.ofNullable(silences.get(id));
        }

        @Override
        public boolean expireSilence(UUID id) {
            Silence s = silences.get(id);
            if (s == null) return false;
            if (s.status(NOW) != Silence.Status.EXPIRED) {
                silences.put(id, new Silence(id, s.matchers(), s.startsAt().isBefore(NOW) ? s.startsAt() : NOW.minusMillis(1), NOW, s.createdBy(), s.comment(), s.createdAt()));
            }
            return true;
        }
    }
}
