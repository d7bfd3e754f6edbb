package io.harbinger.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ack means durable: while writers are busy, the node is killed with SIGKILL. After a restart on the
 * same data directory, the processor has every point of every acknowledged request, exactly once.
 */
class CrashRecoveryIT {
    private static final int HOSTS_PER_REQUEST = 5;
    private static final int LINES_PER_HOST = 4;

    @TempDir
    Path dataDir;

    @Test
    void everyAcknowledgedPoint_survivesKill9_andIsCountedExactlyOnceAfterRestart() throws Exception {
        ConcurrentLinkedQueue<Integer> acked = new ConcurrentLinkedQueue<>();
        try (HarbingerProcess node = HarbingerProcess.start(dataDir, List.of("-Xmx512m"))) {
            writeUntilKilled(node, acked);
        }
        assertThat(acked).as("requests acknowledged before the kill").hasSizeGreaterThan(20);

        try (HarbingerProcess restarted = HarbingerProcess.start(dataDir, List.of("-Xmx512m"))) {
            long expected = (long) acked.size() * HOSTS_PER_REQUEST * LINES_PER_HOST;
            Map<String, Long> pointsByHost = awaitHosts(restarted, expected);
            List<String> wrong = new ArrayList<>();
            for (int request : acked) {
                for (int h = 0; h < HOSTS_PER_REQUEST; h++) {
                    String host = host(request, h);
                    Long points = pointsByHost.get("crash/" + host);
                    if (points == null || points != LINES_PER_HOST) wrong.add(host + "=" + points);
                }
            }
            assertThat(wrong).as("acknowledged hosts whose point count is not exactly " + LINES_PER_HOST).isEmpty();
            assertThat(restarted.output()).as("the bundled PostgreSQL the killed node left running was stopped first")
                    .contains("from an earlier run still holds");
            assertThat(restarted.terminate()).as("the JVM's exit status after SIGTERM (128 + 15)").isEqualTo(143);
            assertThat(restarted.output()).as("the orderly shutdown ran to its end").contains("Harbinger stopped");
        }
    }

    private static void writeUntilKilled(HarbingerProcess node, ConcurrentLinkedQueue<Integer> acked) throws Exception {
        AtomicInteger next = new AtomicInteger();
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService writers = Executors.newFixedThreadPool(4);
        for (int w = 0; w < 4; w++) {
            writers.submit(() -> {
                while (!stop.get()) {
                    int request = next.getAndIncrement();
                    try {
                        HttpResponse<String> r = Http.post(node.base() + "/write", "text/plain", body(request));
                        if (r.statusCode() == 204) acked.add(request);
                    } catch (Exception connectionLost) {
                        return null; // the node was killed under us: this request is not acknowledged
                    }
                }
                return null;
            });
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (acked.size() < 200 && System.nanoTime() < deadline) Thread.sleep(20);
        node.kill();
        stop.set(true);
        writers.shutdown();
        assertThat(writers.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
    }

    private static byte[] body(int request) {
        StringBuilder sb = new StringBuilder();
        long now = System.currentTimeMillis() * 1_000_000L;
        for (int h = 0; h < HOSTS_PER_REQUEST; h++) {
            for (int l = 0; l < LINES_PER_HOST; l++) {
                sb.append("smart,region=crash,host=").append(host(request, h)).append(",disk=sd").append((char) ('a' + l))
                        .append(" smart_5_raw=").append(request).append("i,temperature_c=40i ").append(now + l).append('\n');
            }
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String host(int request, int h) {
        return "r" + request + "-h" + h;
    }

    private static Map<String, Long> awaitHosts(HarbingerProcess node, long expectedPoints) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            HttpResponse<String> stats = Http.get(node.base() + "/api/v1/stats"); // 503 while the processor restores its state
            if (stats.statusCode() == 200 && Http.json(stats.body()).path("points").asLong() >= expectedPoints) break;
            Thread.sleep(250);
        }
        Map<String, Long> byHost = new HashMap<>();
        for (JsonNode h : Http.getJson(node.base() + "/api/v1/hosts")) {
            byHost.put(h.path("region").asText() + "/" + h.path("host").asText(), h.path("points").asLong());
        }
        return byHost;
    }
}
