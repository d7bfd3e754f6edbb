package io.harbinger.alert.engine;

import io.harbinger.alert.AlertConfig;
import io.harbinger.alert.Fixture;
import io.harbinger.alert.ScriptedReceiver;
import io.harbinger.alert.SharedServices;
import io.harbinger.alert.deliver.Dispatcher;
import io.harbinger.alert.notify.Receiver;
import io.harbinger.core.config.Settings;
import io.harbinger.embedded.BundledPostgres;
import io.harbinger.embedded.EmbeddedKafka;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import static io.harbinger.alert.Samples.bad;
import static io.harbinger.alert.Samples.good;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The transaction of a poll fails (the outbox table is away: every insert into it fails, on the real
 * PostgreSQL): nothing of the poll stays, the engine reads its state back and evaluates the same records
 * again once the table is back, so each alert and notification exists once and all are delivered.
 */
@ExtendWith(SharedServices.class)
class DatabaseOutageIT {
    @Test
    void aFailingTransaction_isRetriedFromTheStoredState_withoutLossOrDuplicates(EmbeddedKafka kafka, BundledPostgres pg) throws Exception {
        try (Fixture f = new Fixture(kafka, pg); ScriptedReceiver receiver = new ScriptedReceiver(List.of())) {
            AlertConfig config = AlertConfig.from(Settings.builder(AlertConfig.SETTINGS).set(AlertConfig.KEEP_FIRING_FOR, Duration.ZERO).build(),
                    f.bootstrap, f.topics).withReceivers(List.of(Receiver.webhook(receiver.url())));
            try (AlertEngine engine = AlertEngine.start(config, f.db, Clock.systemUTC());
                 Dispatcher dispatcher = Dispatcher.start(config, f.db, Clock.systemUTC())) {
                f.produce(bad("h-1", "A", Duration.ZERO));
                await().atMost(Duration.ofSeconds(30)).until(() -> receiver.delivered().size() == 1);
                long committed = engine.commits();

                sql(f, "ALTER TABLE alerting.outbox RENAME TO outbox_away");
                f.produce(good("h-1", "A", Duration.ofHours(1)), bad("h-2", "B", Duration.ZERO)); // h-1 resolves, h-2 fires
                f.produce(bad("h-3", "C", Duration.ZERO));
                Thread.sleep(2_000); // polls fail meanwhile
                assertThat(engine.commits()).as("no poll committed while the outbox is away").isEqualTo(committed);
                assertThat(f.count("SELECT count(*) FROM alerting.alerts")).as("nothing of the failed polls stayed").isEqualTo(1);
                long rollbacks = f.count("SELECT xact_rollback FROM pg_stat_database WHERE datname = current_database()");
                System.out.println("DatabaseOutageIT: " + rollbacks + " transactions rolled back in 2 s of outage");
                assertThat(rollbacks).as("failed polls are retried with a growing back-off (100 ms, 200 ms, ...), not in a loop").isLessThan(12);
                sql(f, "ALTER TABLE alerting.outbox_away RENAME TO outbox");

                await().atMost(Duration.ofSeconds(60)).until(() -> receiver.delivered().size() >= 4);
                Thread.sleep(500);
                assertThat(engine.isRunning()).isTrue();
                assertThat(f.count("SELECT count(*) FROM alerting.alerts")).isEqualTo(3);
                assertThat(f.count("SELECT count(*) FROM alerting.alerts WHERE state = 'resolved'")).isEqualTo(1);
                assertThat(f.count("SELECT count(*) FROM alerting.outbox")).as("h-1 fired, h-1 resolved, h-2 fired, h-3 fired: once each").isEqualTo(4);
                assertThat(receiver.delivered()).hasSize(4);
                assertThat(receiver.delivered().stream().filter(r -> r.body().contains("\"status\":\"resolved\"")).count()).isEqualTo(1);
            }
        }
    }

    private static void sql(Fixture f, String statement) throws Exception {
        try (Connection c = f.db.getConnection(); Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }
}
