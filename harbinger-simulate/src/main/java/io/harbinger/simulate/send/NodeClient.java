package io.harbinger.simulate.send;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;

/**
 * The node's HTTP ingest as the simulator uses it: a host's day of SMART readings through
 * {@code POST /api/v1/import/backblaze?date=&region=&host=} with an {@code Idempotency-Key}, host metrics
 * through {@code POST /write}. 429 and 503 are retried after their {@code Retry-After}, connection failures
 * after a second; any other refusal throws {@link NodeRefusedException} with the node's reason.
 */
final class NodeClient {
    private static final int MAX_ATTEMPTS = 30;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    NodeClient(URI base) {
        this.base = base;
    }

    /** @return the rows the node wrote */
    long importDay(LocalDate day, String region, String host, byte[] csv, String idempotencyKey) throws InterruptedException {
        URI uri = base.resolve("/api/v1/import/backblaze?date=" + day + "&region=" + enc(region) + "&host=" + enc(host));
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60)).header("Content-Type", "text/csv")
                .header("Idempotency-Key", idempotencyKey).POST(HttpRequest.BodyPublishers.ofByteArray(csv)).build();
        return written(send(request));
    }

    void write(String lines) throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/write")).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "text/plain; charset=utf-8").POST(HttpRequest.BodyPublishers.ofString(lines)).build();
        send(request);
    }

    private HttpResponse<String> send(HttpRequest request) throws InterruptedException {
        for (int attempt = 1; ; attempt++) {
            HttpResponse<String> response;
            try {
                response = client.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                if (attempt >= MAX_ATTEMPTS) throw new NodeRefusedException(request.method() + " " + request.uri() + " failed " + attempt + " times: " + e, 0);
                Thread.sleep(1000);
                continue;
            }
            int status = response.statusCode();
            if (status / 100 == 2) return response;
            if ((status == 429 || status == 503) && attempt < MAX_ATTEMPTS) {
                Thread.sleep(Math.max(1, response.headers().firstValueAsLong("Retry-After").orElse(1)) * 1000);
                continue;
            }
            throw new NodeRefusedException(request.method() + " " + request.uri() + " answered " + status + ": " + response.body(), status);
        }
    }

    private static long written(HttpResponse<String> response) {
        try {
            JsonNode n = JSON.readTree(response.body());
            return n.path("written").asLong(0);
        } catch (IOException e) {
            return 0;
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
