package io.harbinger.app;

import io.harbinger.embedded.EmbeddedKafka;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code --kafka} points the very same code at an external cluster: here a broker this test runs
 * (standing in for a cluster), and two Harbinger nodes sharing it — no broker of their own, either
 * node takes writes, and together they process everything once.
 */
class ExternalKafkaIT {
    @TempDir
    Path clusterDir;
    @TempDir
    Path nodeA;
    @TempDir
    Path nodeB;

    @Test
    void twoNodesOnAnExternalCluster_startNoBroker_andShareTheWork() throws Exception {
        try (EmbeddedKafka cluster = EmbeddedKafka.start(clusterDir);
             HarbingerProcess a = HarbingerProcess.start(nodeA, List.of("-Xmx384m"), "--kafka", cluster.bootstrapServers());
             HarbingerProcess b = HarbingerProcess.start(nodeB, List.of("-Xmx384m"), "--kafka", cluster.bootstrapServers())) {
            assertThat(Files.exists(nodeA.resolve("kafka"))).as("no embedded broker data under the node's data dir").isFalse();
            for (int i = 0; i < 20; i++) {
                HarbingerProcess node = i % 2 == 0 ? a : b;
                HttpResponse<String> r = Http.post(node.base() + "/write", "text/plain",
                        ("host,region=ext,host=e" + i + " cpu=1\nhost,region=ext,host=e" + i + " cpu=2\n").getBytes());
                assertThat(r.statusCode()).as(r.body()).isEqualTo(204);
            }
            assertThat(awaitPoints(List.of(a, b), 40)).isEqualTo(40);
        }
    }

    /** Points processed over all nodes: each node's processor holds the hosts of its partitions. */
    private static long awaitPoints(List<HarbingerProcess> nodes, long expected) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        long total = 0;
        while (System.nanoTime() < deadline) {
            total = 0;
            boolean allReady = true;
            for (HarbingerProcess node : nodes) {
                HttpResponse<String> stats = Http.get(node.base() + "/api/v1/stats");
                if (stats.statusCode() != 200) allReady = false;
                else total += Http.json(stats.body()).path("points").asLong();
            }
            if (allReady && total >= expected) return total;
            Thread.sleep(250);
        }
        return total;
    }
}
