package io.harbinger.ingest.http;

import io.harbinger.core.admit.IngestLimits;
import io.harbinger.core.admit.TimeWindow;
import io.harbinger.core.point.Point;
import io.harbinger.core.point.PointSink;
import io.javalin.Javalin;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shared request flow on a real HTTP server, with the sink replaced by a recorder of our own
 * port (Kafka itself is exercised by the app's integration tests): limits, budget, encodings, and
 * that nothing is acknowledged before the sink completes.
 */
class IngestRoutesTest {
    private static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");
    private final List<List<Point>> written = new CopyOnWriteArrayList<>();
    private final HttpClient client = HttpClient.newHttpClient();
    private Javalin app;
    private IngestRoutes routes;

    private String start(PointSink sink, long maxInFlight) {
        return start(sink, maxInFlight, Duration.ofSeconds(30));
    }

    private String start(PointSink sink, long maxInFlight, Duration queueTarget) {
        IngestConfig config = new IngestConfig(4096, Math.min(1 << 20, maxInFlight), maxInFlight, Duration.ofSeconds(2), "eu",
                TimeWindow.LIVE_DEFAULT, IngestLimits.DEFAULTS, 3, queueTarget);
        app = Javalin.create(c -> c.showJavalinBanner = false);
        routes = IngestRoutes.register(app, config, sink, Clock.fixed(NOW, ZoneOffset.UTC), new SimpleMeterRegistry());
        app.start("127.0.0.1", 0);
        return "http://127.0.0.1:" + app.port();
    }

    private PointSink recorder() {
        return (points, options) -> {
            written.add(points);
            return CompletableFuture.completedFuture(null);
        };
    }

    @AfterEach
    void stop() throws InterruptedException {
        if (routes != null) routes.drain(Duration.ZERO); // also stops its thread-wait probe
        if (app != null) app.stop();
    }

    private HttpResponse<String> post(String url, byte[] body, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        for (int i = 0; i < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void serverStampedLines_getTheInjectedClocksTime() throws Exception {
        String base = start(recorder(), 1 << 20);
        assertThat(post(base + "/write", "cpu,host=a v=1\n".getBytes()).statusCode()).isEqualTo(204);
        Point p = written.getFirst().getFirst();
        assertThat(p.timestampNanos()).isEqualTo(NOW.getEpochSecond() * 1_000_000_000L);
        assertThat(p.region()).isEqualTo("eu");
    }

    @Test
    void regionAndHostQueryParameters_fillInWhatPointsLack() throws Exception {
        String base = start(recorder(), 1 << 20);
        assertThat(post(base + "/write?region=ap&host=h9", "cpu v=1\n".getBytes()).statusCode()).isEqualTo(204);
        assertThat(written.getFirst().getFirst().region()).isEqualTo("ap");
        assertThat(written.getFirst().getFirst().host()).isEqualTo("h9");
    }

    @Test
    void noAckBeforeTheSinkCompletes_andAFailedSinkIs503WithRetryAfter() throws Exception {
        String base = start((points, options) -> CompletableFuture.failedFuture(new IllegalStateException("broker gone")), 1 << 20);
        HttpResponse<String> r = post(base + "/write", "cpu,host=a v=1\n".getBytes());
        assertThat(r.statusCode()).isEqualTo(503);
        assertThat(r.headers().firstValue("Retry-After")).contains("3");
    }

    @Test
    void overloadedSink_is429WithRetryAfter() throws Exception {
        String base = start((points, options) -> CompletableFuture.failedFuture(new PointSink.Overloaded("buffer full", null)), 1 << 20);
        HttpResponse<String> r = post(base + "/write", "cpu,host=a v=1\n".getBytes());
        assertThat(r.statusCode()).isEqualTo(429);
        assertThat(r.headers().firstValue("Retry-After")).contains("3");
    }

    @Test
    void fullInFlightBudget_is429_untilTheHeldRequestIsAcknowledged() throws Exception {
        CompletableFuture<Void> release = new CompletableFuture<>();
        java.util.concurrent.CountDownLatch firstInSink = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
        String base = start((points, options) -> {
            if (calls.getAndIncrement() > 0) return CompletableFuture.completedFuture(null);
            firstInSink.countDown();
            return release; // the first request holds its budget until the test releases it
        }, 100);
        String line = "cpu,host=a v=1\n".repeat(5); // 75 bytes: one such request fills most of the 100-byte budget
        CompletableFuture<HttpResponse<String>> held = CompletableFuture.supplyAsync(() -> {
            try {
                return post(base + "/write", line.getBytes());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(firstInSink.await(5, java.util.concurrent.TimeUnit.SECONDS)).isTrue();

        HttpResponse<String> second = post(base + "/write", line.getBytes());
        assertThat(second.statusCode()).isEqualTo(429);
        assertThat(second.headers().firstValue("Retry-After")).contains("3");
        release.complete(null);
        assertThat(held.get().statusCode()).isEqualTo(204);
        assertThat(post(base + "/write", line.getBytes()).statusCode()).as("budget given back").isEqualTo(204);
    }

    @Test
    void aStandingQueue_is429WithRetryAfter_untilTheAdmittedRequestsAreAnswered() throws Exception {
        CompletableFuture<Void> release = new CompletableFuture<>();
        java.util.concurrent.CountDownLatch heldInSink = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
        String base = start((points, options) -> switch (calls.getAndIncrement()) {
            case 0 -> CompletableFuture.runAsync(() -> { }, CompletableFuture.delayedExecutor(300, java.util.concurrent.TimeUnit.MILLISECONDS));
            case 1 -> {
                heldInSink.countDown();
                yield release; // still in flight when the next interval starts
            }
            default -> CompletableFuture.completedFuture(null);
        }, 1 << 20, Duration.ofMillis(50));
        long start = System.nanoTime();
        byte[] line = "cpu,host=a v=1\n".getBytes();
        assertThat(post(base + "/write", line).statusCode()).as("answered in 300 ms: over the 50 ms target").isEqualTo(204);
        CompletableFuture<HttpResponse<String>> held = CompletableFuture.supplyAsync(() -> {
            try {
                return post(base + "/write", line);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(heldInSink.await(5, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        Thread.sleep(Math.max(0, IngestConfig.QUEUE_INTERVAL.toMillis() + 100 - (System.nanoTime() - start) / 1_000_000));

        HttpResponse<String> refused = post(base + "/write", line);
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).contains("3");
        assertThat(refused.body()).contains("ingest is behind").contains("target 50 ms");
        assertThat(calls).as("refused before it reached the sink").hasValue(2);

        release.complete(null);
        assertThat(held.get().statusCode()).isEqualTo(204);
        assertThat(post(base + "/write", line).statusCode()).as("nothing in flight: admitted again").isEqualTo(204);
    }

    @Test
    void bodyOverTheLimit_is413_evenWhenChunked() throws Exception {
        String base = start(recorder(), 1 << 20);
        byte[] big = "cpu,host=a v=1\n".repeat(400).getBytes();
        assertThat(post(base + "/write", big).statusCode()).isEqualTo(413);
        HttpRequest chunked = HttpRequest.newBuilder(URI.create(base + "/write"))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(big))).build();
        assertThat(client.send(chunked, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(413);
        assertThat(written).isEmpty();
    }

    @Test
    void gzipBody_isDecoded_andAnUnknownEncodingIs415() throws Exception {
        String base = start(recorder(), 1 << 20);
        assertThat(post(base + "/write", gzip("cpu,host=a v=1\n"), "Content-Encoding", "gzip").statusCode()).isEqualTo(204);
        assertThat(post(base + "/write", "x".getBytes(), "Content-Encoding", "zstd").statusCode()).isEqualTo(415);
        assertThat(written).hasSize(1);
    }

    @Test
    void drainingNode_refusesNewRequestsWith503() throws Exception {
        String base = start(recorder(), 1 << 20);
        assertThat(routes.drain(Duration.ofSeconds(1))).isTrue();
        assertThat(post(base + "/write", "cpu,host=a v=1\n".getBytes()).statusCode()).isEqualTo(503);
        assertThat(routes.accepting()).isFalse();
    }

    @Test
    void otlpWithAnUnsupportedContentType_is415() throws Exception {
        String base = start(recorder(), 1 << 20);
        assertThat(post(base + "/v1/metrics", "{}".getBytes(), "Content-Type", "text/plain").statusCode()).isEqualTo(415);
    }

    private static byte[] gzip(String s) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(s.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }
}
