package io.harbinger.alert.engine;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.harbinger.alert.AlertConfig;
import io.harbinger.alert.Alerting;
import io.harbinger.alert.notify.Receiver;
import io.harbinger.core.config.Settings;
import io.harbinger.schema.topic.Topics;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Alerting (engine and dispatcher) alone in a JVM, for {@link AlertCrashIT} to kill with SIGKILL. Static
 * group membership: a restarted process takes over its predecessor's partitions at once.
 *
 * <p>Arguments: bootstrap servers, topic prefix, JDBC URL, webhook URL.
 */
public final class AlertProcess {
    private AlertProcess() {
    }

    public static void main(String[] args) throws InterruptedException {
        HikariConfig hc = new HikariConfig();
        hc.setJdbcUrl(args[2]);
        hc.setUsername("postgres");
        hc.setPassword("");
        hc.setMaximumPoolSize(4);
        HikariDataSource db = new HikariDataSource(hc);
        Settings s = Settings.builder(AlertConfig.SETTINGS).set(AlertConfig.BACKOFF_INITIAL, Duration.ofMillis(100))
                .set(AlertConfig.BACKOFF_MAX, Duration.ofSeconds(1)).set(AlertConfig.TIMEOUT, Duration.ofSeconds(2))
                .set(AlertConfig.BREAKER_OPEN, Duration.ofMillis(500)).set(AlertConfig.RATE, 100).build();
        AlertConfig config = AlertConfig.from(s, args[0], new Topics(args[1])).withReceivers(List.of(Receiver.webhook(URI.create(args[3]))))
                .withConsumerProps(Map.of("group.instance.id", "alert-crash-test", "session.timeout.ms", 10_000));
        Alerting.start(config, db, Clock.systemUTC());
        System.out.println("started");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
