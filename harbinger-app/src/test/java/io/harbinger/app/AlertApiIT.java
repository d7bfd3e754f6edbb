package io.harbinger.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** Alerting wired into a node: its routes answer from the control database, silences round-trip, readiness counts the engine. */
class AlertApiIT {
    private static final String BASE = SharedNode.base();

    @Test
    void alerts_listFromTheControlDatabase_inTheContractsShape() throws Exception {
        HttpResponse<String> r = Http.get(BASE + "/api/v1/alerts?state=all&limit=5");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode page = Http.json(r.body());
        assertThat(page.path("items").isArray()).isTrue();
        assertThat(page.has("nextCursor")).isTrue();
        assertThat(Http.get(BASE + "/api/v1/alerts?state=loud").statusCode()).isEqualTo(400);
    }

    @Test
    void aSilence_isCreatedListedAndExpired() throws Exception {
        byte[] body = """
                {"matchers": [{"name": "host", "value": "h-api-it", "op": "="}], "duration": "1h", "createdBy": "it", "comment": "AlertApiIT"}"""
                .getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> created = Http.post(BASE + "/api/v1/silences", "application/json", body);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = Http.json(created.body()).path("id").asText();
        assertThat(Http.getJson(BASE + "/api/v1/silences").path("items").findValuesAsText("id")).contains(id);
        try (HttpClient client = HttpClient.newHttpClient()) {
            HttpResponse<String> deleted = client.send(HttpRequest.newBuilder(URI.create(BASE + "/api/v1/silences/" + id)).DELETE().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(deleted.statusCode()).isEqualTo(204);
        }
        assertThat(Http.getJson(BASE + "/api/v1/silences?state=expired").path("items").findValuesAsText("id")).contains(id);
        assertThat(Http.getJson(BASE + "/api/v1/silences/" + id).path("status").asText()).isEqualTo("expired");
    }

    @Test
    void readiness_includesTheAlertingEngine() throws Exception {
        assertThat(Http.get(BASE + "/ready").body()).contains("alerting");
    }
}
