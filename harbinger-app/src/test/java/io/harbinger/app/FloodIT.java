package io.harbinger.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Overload is answered, not crashed on: 48 clients push 4 MiB bodies as fast as they can at a node
 * with a 512 MiB heap holding the broker, the processor, the loader and ingest. The node answers 429 with Retry-After when its in-flight budget is full, keeps
 * acknowledging what fits, never runs out of memory, and is healthy afterwards. On a loaded 2-core
 * machine Kafka itself may fall behind: a write it did not acknowledge in time is a 503, also with
 * Retry-After (nothing of it was acknowledged) — any other status is a failure.
 */
class FloodIT {
    @TempDir
    Path dataDir;

    @Test
    void flood_isAnswered429WithRetryAfter_andTheNodeSurvivesWithinItsHeap() throws Exception {
        byte[] body = bigBody(4 << 20);
        Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
        AtomicInteger retryAfterMissing = new AtomicInteger();
        try (HarbingerProcess node = HarbingerProcess.start(dataDir, List.of("-Xmx512m", "-XX:+ExitOnOutOfMemoryError"),
                "--max-inflight-bytes", Integer.toString(24 << 20), "--max-body-bytes", Integer.toString(8 << 20))) {
            ExecutorService clients = Executors.newFixedThreadPool(48);
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            for (int c = 0; c < 48; c++) {
                clients.submit(() -> {
                    while (System.nanoTime() < deadline) {
                        HttpResponse<String> r = Http.post(node.base() + "/write", "text/plain", body);
                        statuses.computeIfAbsent(r.statusCode(), s -> new LongAdder()).increment();
                        boolean retryLater = r.statusCode() == 429 || r.statusCode() == 503;
                        if (retryLater && r.headers().firstValue("Retry-After").isEmpty()) retryAfterMissing.incrementAndGet();
                    }
                    return null;
                });
            }
            clients.shutdown();
            assertThat(clients.awaitTermination(120, TimeUnit.SECONDS)).isTrue();

            assertThat(node.alive()).as("node alive after the flood; output:\n" + node.output()).isTrue();
            assertThat(node.output()).doesNotContain("OutOfMemoryError");
            assertThat(statuses).containsKeys(204, 429);
            assertThat(statuses.keySet()).as("statuses seen: " + statuses).isSubsetOf(204, 429, 503);
            assertThat(statuses.get(429).sum()).as("overload is mostly answered by the budget: " + statuses)
                    .isGreaterThan(statuses.containsKey(503) ? statuses.get(503).sum() : 0);
            assertThat(retryAfterMissing).hasValue(0);
            assertThat(Http.get(node.base() + "/health").statusCode()).isEqualTo(200);
            assertThat(Http.post(node.base() + "/write", "text/plain", "host,host=after cpu=1\n".getBytes()).statusCode()).isEqualTo(204);
        }
    }

    private static byte[] bigBody(int bytes) {
        StringBuilder sb = new StringBuilder(bytes + 200);
        for (int i = 0; sb.length() < bytes; i++) {
            sb.append("smart,region=flood,host=f").append(i % 5000).append(",disk=sd").append((char) ('a' + i % 4))
                    .append(" smart_5_raw=0i,smart_187_raw=0i,smart_197_raw=").append(i % 7).append("i,temperature_c=38i,read_error_rate=0.0005\n");
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }
}
