package io.harbinger.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.zip.GZIPOutputStream;

/** A tiny HTTP client for the tests: real requests to a real server. */
final class Http {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Http() {
    }

    static HttpResponse<String> post(String url, String contentType, byte[] body, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) b.header("Content-Type", contentType);
        for (int i = 0; i < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
        return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<byte[]> postForBytes(String url, String contentType, byte[] body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        return CLIENT.send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    static HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return CLIENT.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode getJson(String url) throws IOException, InterruptedException {
        HttpResponse<String> response = get(url);
        if (response.statusCode() != 200) throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
        return JSON.readTree(response.body());
    }

    static JsonNode json(String body) throws IOException {
        return JSON.readTree(body);
    }

    static byte[] gzip(byte[] body) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(body);
        }
        return bytes.toByteArray();
    }

    /** The processor's point count for {@code region/host} on the node at {@code base} once it reached {@code atLeast} (or after 30 s). */
    static long hostPoints(String base, String region, String host, long atLeast) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        long points = 0;
        while (System.nanoTime() < deadline) {
            HttpResponse<String> r = get(base + "/api/v1/hosts/" + region + "/" + host);
            points = r.statusCode() == 200 ? json(r.body()).path("points").asLong() : 0;
            if (points >= atLeast) return points;
            Thread.sleep(100);
        }
        return points;
    }
}
