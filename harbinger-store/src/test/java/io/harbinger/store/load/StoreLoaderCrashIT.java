package io.harbinger.store.load;

import com.zaxxer.hikari.HikariDataSource;
import io.harbinger.embedded.EmbeddedKafka;
import io.harbinger.pipeline.KafkaPointSink;
import io.harbinger.pipeline.SharedKafka;
import io.harbinger.schema.topic.Topics;
import io.harbinger.embedded.BundledPostgres;
import io.harbinger.store.Schema;
import io.harbinger.store.SharedPostgres;
import io.harbinger.store.LoaderTestAccess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static io.harbinger.store.load.LoaderFixture.await;
import static io.harbinger.store.load.LoaderFixture.count;
import static org.assertj.core.api.Assertions.assertThat;

/** The loader in a child JVM, killed with SIGKILL while it writes, twice, and restarted: every acked sample stored exactly once. */
@ExtendWith({SharedKafka.class, SharedPostgres.class})
class StoreLoaderCrashIT {
    private static final int REQUESTS = 300;
    private static final int HOSTS = 4;

    @Test
    void killedMidBatchAndRestarted_everyAckedSampleIsStoredExactlyOnce(EmbeddedKafka kafka, BundledPostgres postgres) throws Exception {
        Topics topics = LoaderFixture.topics(kafka, 3);
        try (HikariDataSource ds = LoaderTestAccess.freshSchema(postgres); KafkaPointSink producer = LoaderFixture.producer(kafka, topics)) {
            Schema.migrate(ds);
            CompletableFuture<Void> produced = CompletableFuture.runAsync(() -> {
                for (int i = 0; i < REQUESTS; i++) {
                    LoaderFixture.write(producer, LoaderFixture.request(i, HOSTS));
                    pause(10);
                }
            });
            Path log = Files.createTempFile("loader-process", ".log");
            String[] args = {kafka.bootstrapServers(), topics.prefix(), ds.getJdbcUrl(), "150"};

            Process first = start(args, log);
            await(Duration.ofSeconds(60), "the first loader to store rows", () -> count(ds, "SELECT count(*) FROM disk_samples") > 200);
            kill(first);
            long afterFirst = count(ds, "SELECT count(*) FROM disk_samples");

            Process second = start(args, log);
            await(Duration.ofSeconds(60), "the second loader to store more rows", () -> count(ds, "SELECT count(*) FROM disk_samples") > afterFirst + 300);
            kill(second);

            Process third = start(args, log);
            try {
                produced.get(120, TimeUnit.SECONDS);
                long expected = (long) REQUESTS * HOSTS * 2;
                await(Duration.ofSeconds(60), "every acked sample stored", () -> count(ds, "SELECT count(*) FROM disk_samples") == expected
                        && count(ds, "SELECT count(*) FROM host_metrics") == (long) REQUESTS * HOSTS);
                await(Duration.ofSeconds(30), "offsets at the log end", () -> count(ds, "SELECT sum(next_offset) FROM loader_offsets") == StoreLoaderIT.endOffsets(kafka, topics));
                assertThat(count(ds, "SELECT count(DISTINCT ts) FROM disk_samples")).as("no request missing").isEqualTo(REQUESTS);
                assertThat(count(ds, "SELECT count(*) FROM (SELECT ts FROM host_metrics GROUP BY ts HAVING count(*) <> " + HOSTS + ") g"))
                        .as("every request complete").isZero();
            } finally {
                kill(third);
            }
        }
    }

    private static Process start(String[] args, Path log) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new java.util.ArrayList<>(List.of(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                LoaderProcess.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    }

    /** SIGKILL: no shutdown hook, no final flush, no goodbye to the group. */
    private static void kill(Process process) throws InterruptedException {
        process.destroyForcibly();
        assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

}
