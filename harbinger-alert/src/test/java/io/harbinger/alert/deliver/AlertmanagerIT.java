package io.harbinger.alert.deliver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.harbinger.alert.AlertConfig;
import io.harbinger.alert.Fixture;
import io.harbinger.alert.SharedServices;
import io.harbinger.alert.engine.AlertEngine;
import io.harbinger.alert.notify.Receiver;
import io.harbinger.core.config.Settings;
import io.harbinger.embedded.BundledPostgres;
import io.harbinger.embedded.EmbeddedKafka;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static io.harbinger.alert.Samples.bad;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A real Alertmanager (Debian's {@code prometheus-alertmanager}, started here on 127.0.0.1 with a null
 * receiver, stopped by PID): what the engine raises and the dispatcher posts to {@code /api/v2/alerts} is
 * there with its labels and annotations.
 */
@ExtendWith(SharedServices.class)
class AlertmanagerIT {
    static final Path BINARY = Path.of("/usr/bin/prometheus-alertmanager");

    @Test
    void aFiringAlert_isInAlertmanager_withItsLabels(EmbeddedKafka kafka, BundledPostgres pg, @TempDir Path dir) throws Exception {
        assertThat(BINARY).as("scripts/test-packages.sh installs prometheus-alertmanager").isExecutable();
        int port = freePort();
        Path config = dir.resolve("alertmanager.yml");
        Files.writeString(config, """
                route:
                  receiver: "null"
                  group_by: [region, host]
                receivers:
                  - name: "null"
                """);
        Process am = new ProcessBuilder(BINARY.toString(), "--config.file=" + config, "--storage.path=" + dir.resolve("data"),
                "--web.listen-address=127.0.0.1:" + port, "--cluster.listen-address=")
                .redirectErrorStream(true).redirectOutput(dir.resolve("alertmanager.log").toFile()).start();
        URI base = URI.create("http://127.0.0.1:" + port);
        try (HttpClient http = HttpClient.newHttpClient(); Fixture f = new Fixture(kafka, pg)) {
            await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
                    .until(() -> get(http, base.resolve("/-/ready")).statusCode() == 200);
            AlertConfig alerting = AlertConfig.from(Settings.builder(AlertConfig.SETTINGS)
                            .set(AlertConfig.KEEP_FIRING_FOR, Duration.ZERO)
                            .set(AlertConfig.EXTERNAL_URL, java.util.Optional.of(URI.create("http://127.0.0.1:8080"))).build(), f.bootstrap, f.topics)
                    .withReceivers(List.of(Receiver.alertmanager(base)));
            try (AlertEngine engine = AlertEngine.start(alerting, f.db, Clock.systemUTC());
                 Dispatcher dispatcher = Dispatcher.start(alerting, f.db, Clock.systemUTC())) {
                f.produce(bad("h-001", "ZJV0XXXX", Duration.ZERO));
                await().atMost(Duration.ofSeconds(30)).until(() -> f.count("SELECT count(*) FROM alerting.outbox WHERE delivered_at IS NOT NULL") == 1);
                JsonNode alerts = new ObjectMapper().readTree(get(http, base.resolve("/api/v2/alerts")).body());
                assertFiring(alerts);
                f.produce(io.harbinger.alert.Samples.good("h-001", "ZJV0XXXX", Duration.ofHours(1)));
                await().atMost(Duration.ofSeconds(30)).until(() -> f.count("SELECT count(*) FROM alerting.outbox WHERE delivered_at IS NOT NULL") == 2);
                assertThat(new ObjectMapper().readTree(get(http, base.resolve("/api/v2/alerts")).body())).as("resolved: no longer active").isEmpty();
            }
        } finally {
            am.destroy();
            if (!am.waitFor(10, TimeUnit.SECONDS)) am.destroyForcibly();
        }
    }

    private static void assertFiring(JsonNode alerts) {
        assertThat(alerts).hasSize(1);
        JsonNode alert = alerts.get(0);
        assertThat(alert.get("labels").get("alertname").asText()).isEqualTo("DriveFailurePredicted");
        assertThat(alert.get("labels").get("region").asText()).isEqualTo("eu-1");
        assertThat(alert.get("labels").get("host").asText()).isEqualTo("h-001");
        assertThat(alert.get("labels").get("drive").asText()).isEqualTo("ZJV0XXXX");
        assertThat(alert.get("labels").get("severity").asText()).isEqualTo("critical");
        assertThat(alert.get("annotations").get("summary").asText()).isEqualTo("Drive ZJV0XXXX on eu-1/h-001 predicted to fail (p=0.83, bad)");
        assertThat(alert.get("status").get("state").asText()).isEqualTo("active");
        assertThat(alert.get("generatorURL").asText()).startsWith("http://127.0.0.1:8080/api/v1/alerts/");
    }

    private static HttpResponse<String> get(HttpClient http, URI uri) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
