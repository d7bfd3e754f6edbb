package io.harbinger.alert.engine;

import io.harbinger.alert.Fixture;
import io.harbinger.alert.ScriptedReceiver;
import io.harbinger.alert.SharedServices;
import io.harbinger.embedded.BundledPostgres;
import io.harbinger.embedded.EmbeddedKafka;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static io.harbinger.alert.Samples.bad;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * kill -9 of a JVM running alerting, in the middle of a stream of alerts it cannot deliver yet: the
 * restarted one delivers every notification, and no alert and no notification exists twice.
 */
@ExtendWith(SharedServices.class)
class AlertCrashIT {
    private static final int HOSTS = 40;

    @Test
    void killedWhileNotificationsArePending_theNextProcessDeliversEveryOneExactlyAsEnqueued(EmbeddedKafka kafka, BundledPostgres pg) throws Exception {
        try (Fixture f = new Fixture(kafka, pg); ScriptedReceiver up = new ScriptedReceiver(List.of())) {
            Path log = Files.createTempFile("alert-process", ".log");
            // nothing listens on port 1: the first process enqueues but cannot deliver
            Process first = start(f, "http://127.0.0.1:1/hook", log);
            f.produce(bad("h-0", "D0", Duration.ZERO));
            await().atMost(Duration.ofSeconds(60)).until(() -> f.count("SELECT count(*) FROM alerting.outbox") >= 1);
            CompletableFuture<Void> produced = CompletableFuture.runAsync(() -> {
                try {
                    for (int i = 1; i < HOSTS; i++) {
                        f.produce(bad("h-" + i, "D" + i, Duration.ofMinutes(i)));
                        Thread.sleep(100);
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            await().atMost(Duration.ofSeconds(60)).until(() -> f.count("SELECT count(*) FROM alerting.outbox") >= 10);
            kill(first); // mid-stream: records keep coming while no process runs
            long enqueuedBeforeKill = f.count("SELECT count(*) FROM alerting.outbox");
            assertThat(f.count("SELECT count(*) FROM alerting.outbox WHERE delivered_at IS NOT NULL")).isZero();

            Process second = start(f, up.url().toString(), log);
            try {
                produced.get(60, TimeUnit.SECONDS);
                await().atMost(Duration.ofSeconds(90)).until(() -> f.count("SELECT count(*) FROM alerting.outbox WHERE delivered_at IS NOT NULL") == HOSTS);
                assertThat(f.count("SELECT count(*) FROM alerting.alerts")).as("one alert per drive, none twice").isEqualTo(HOSTS);
                assertThat(f.count("SELECT count(*) FROM alerting.outbox")).as("one notification per host, none twice").isEqualTo(HOSTS);
                List<String> keys = new ArrayList<>(up.delivered().stream().map(ScriptedReceiver.Request::idempotencyKey).toList());
                assertThat(enqueuedBeforeKill).as("killed mid-stream").isLessThan(HOSTS);
                assertThat(keys).as("every notification arrived").hasSizeGreaterThanOrEqualTo(HOSTS);
                assertThat(keys.stream().distinct().count()).isEqualTo(HOSTS);
                assertThat(f.count("SELECT count(DISTINCT host) FROM alerting.alerts")).isEqualTo(HOSTS);
                System.out.printf("AlertCrashIT: %d notifications enqueued before the kill, %d delivered after, %d requests (%d answered 200)%n",
                        enqueuedBeforeKill, HOSTS, up.requests().size(), keys.size());
            } finally {
                kill(second);
            }
        }
    }

    private static Process start(Fixture f, String webhook, Path log) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = List.of(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"), AlertProcess.class.getName(),
                f.bootstrap, f.topics.prefix(), f.db.getJdbcUrl(), webhook);
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    }

    /** SIGKILL: no shutdown hook, no goodbye to the group, requests cut off. */
    private static void kill(Process process) throws InterruptedException {
        process.destroyForcibly();
        assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
    }
}
