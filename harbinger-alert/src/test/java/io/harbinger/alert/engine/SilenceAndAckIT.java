package io.harbinger.alert.engine;

import io.harbinger.alert.AlertConfig;
import io.harbinger.alert.Fixture;
import io.harbinger.alert.ScriptedReceiver;
import io.harbinger.alert.SharedServices;
import io.harbinger.alert.deliver.Dispatcher;
import io.harbinger.alert.notify.Receiver;
import io.harbinger.alert.store.PostgresAlertBook;
import io.harbinger.core.config.Settings;
import io.harbinger.embedded.BundledPostgres;
import io.harbinger.embedded.EmbeddedKafka;
import io.harbinger.schema.alert.Alert;
import io.harbinger.schema.alert.AlertPage;
import io.harbinger.schema.alert.AlertQuery;
import io.harbinger.schema.alert.AlertState;
import io.harbinger.schema.alert.Matcher;
import io.harbinger.schema.alert.NewSilence;
import io.harbinger.schema.alert.Silence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

import static io.harbinger.alert.Samples.bad;
import static io.harbinger.alert.Samples.good;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Silences and acknowledgements honoured end to end: broker -> engine -> PostgreSQL -> dispatcher -> a real receiver. */
@ExtendWith(SharedServices.class)
class SilenceAndAckIT {
    private static final Duration REPEAT = Duration.ofSeconds(1);

    @Test
    void aSilencedAlertIsNotNotifiedUntilTheSilenceExpires_anAcknowledgedOneIsNotRepeated_butItsResolutionGoesOut(EmbeddedKafka kafka, BundledPostgres pg)
            throws Exception {
        try (Fixture f = new Fixture(kafka, pg); ScriptedReceiver receiver = new ScriptedReceiver(List.of())) {
            Settings s = Settings.builder(AlertConfig.SETTINGS).set(AlertConfig.KEEP_FIRING_FOR, Duration.ZERO)
                    .set(AlertConfig.REPEAT, REPEAT).set(AlertConfig.SWEEP, Duration.ofMillis(100)).build();
            AlertConfig config = AlertConfig.from(s, f.bootstrap, f.topics).withReceivers(List.of(Receiver.webhook(receiver.url())));
            PostgresAlertBook book = new PostgresAlertBook(f.db, Clock.systemUTC());
            Silence silence = book.createSilence(new NewSilence(List.of(new Matcher("host", Matcher.Op.EQUAL, "h-quiet")),
                    Instant.now().minusSeconds(1), Instant.now().plusSeconds(3600), "ops", "maintenance"));
            try (AlertEngine engine = AlertEngine.start(config, f.db, Clock.systemUTC());
                 Dispatcher dispatcher = Dispatcher.start(config, f.db, Clock.systemUTC())) {
                f.produce(bad("h-quiet", "Q", Duration.ZERO), bad("h-loud", "L", Duration.ZERO));
                await().atMost(Duration.ofSeconds(30)).until(() -> !about(receiver, "h-loud").isEmpty());
                Alert quiet = only(book, "h-quiet");
                assertThat(quiet.state()).isEqualTo(AlertState.FIRING);
                assertThat(quiet.silencedBy()).containsExactly(silence.id());
                Thread.sleep(REPEAT.multipliedBy(2)); // repeats of h-loud went out meanwhile; h-quiet stays muted
                assertThat(about(receiver, "h-quiet")).as("silenced: not notified").isEmpty();
                assertThat(about(receiver, "h-loud")).as("repeats go out while not acknowledged").hasSizeGreaterThanOrEqualTo(2);

                assertThat(book.expireSilence(silence.id())).isTrue();
                assertThat(book.silences(EnumSet.of(Silence.Status.EXPIRED))).extracting(Silence::id).containsExactly(silence.id());
                await().atMost(Duration.ofSeconds(10)).until(() -> !about(receiver, "h-quiet").isEmpty());
                assertThat(about(receiver, "h-quiet").getFirst().body()).contains("\"status\":\"firing\"");

                Alert loud = only(book, "h-loud");
                assertThat(book.acknowledge(loud.id(), "ops", "replacing it").orElseThrow().acknowledged()).hasValueSatisfying(a ->
                        assertThat(a.by()).isEqualTo("ops"));
                Instant acked = Instant.now();
                Thread.sleep(REPEAT.multipliedBy(3));
                Instant settled = acked.plus(REPEAT); // a repeat already enqueued before the ack may still arrive just after it
                assertThat(about(receiver, "h-loud")).as("acknowledged: no repeats").noneMatch(r -> r.at().isAfter(settled));
                assertThat(about(receiver, "h-quiet")).as("the other alert still repeats").anyMatch(r -> r.at().isAfter(settled));

                f.produce(good("h-loud", "L", Duration.ofHours(1)));
                await().atMost(Duration.ofSeconds(10)).until(() -> about(receiver, "h-loud").getLast().body().contains("\"status\":\"resolved\""));
                assertThat(book.alert(loud.id()).orElseThrow().state()).isEqualTo(AlertState.RESOLVED);
                assertThat(book.alerts(query(AlertQuery.Selection.ACKNOWLEDGED, 10, Optional.empty())).items()).isEmpty();
            }
        }
    }

    @Test
    void theBook_pagesAlertsNewestFirst_andFiltersByStateAndPlace(EmbeddedKafka kafka, BundledPostgres pg) throws Exception {
        try (Fixture f = new Fixture(kafka, pg)) {
            AlertConfig config = AlertConfig.from(Settings.builder(AlertConfig.SETTINGS).set(AlertConfig.KEEP_FIRING_FOR, Duration.ZERO).build(),
                    f.bootstrap, f.topics);
            PostgresAlertBook book = new PostgresAlertBook(f.db, Clock.systemUTC());
            try (AlertEngine engine = AlertEngine.start(config, f.db, Clock.systemUTC())) { // no receiver: evaluated and listed all the same
                for (int i = 0; i < 5; i++) f.produce(bad("h-" + i, "D" + i, Duration.ofMinutes(i)));
                f.produce(good("h-0", "D0", Duration.ofHours(1)));
                await().atMost(Duration.ofSeconds(30)).until(() -> book.alerts(query(AlertQuery.Selection.ALL, 100, Optional.empty())).items().size() == 5
                        && book.alerts(query(AlertQuery.Selection.RESOLVED, 100, Optional.empty())).items().size() == 1);
            }
            List<Alert> all = new ArrayList<>();
            Optional<String> cursor = Optional.empty();
            int pages = 0;
            do {
                AlertPage page = book.alerts(query(AlertQuery.Selection.ALL, 2, cursor.map(io.harbinger.schema.alert.AlertCursor::decode)));
                all.addAll(page.items());
                cursor = page.nextCursor();
                pages++;
            } while (cursor.isPresent());
            assertThat(pages).isEqualTo(3);
            assertThat(all).extracting(a -> a.labels().get("host")).containsExactly("h-4", "h-3", "h-2", "h-1", "h-0");
            assertThat(book.alerts(query(AlertQuery.Selection.ACTIVE, 100, Optional.empty())).items()).hasSize(4);
            assertThat(book.alerts(new AlertQuery(AlertQuery.Selection.ALL, Optional.of("eu-1"), Optional.of("h-2"), 100, Optional.empty())).items())
                    .singleElement().satisfies(a -> assertThat(a.labels()).containsEntry("drive", "D2").containsEntry("alertname", "DriveFailurePredicted"));
            assertThat(f.count("SELECT count(*) FROM alerting.outbox")).as("no receiver, nothing enqueued").isZero();
        }
    }

    private static AlertQuery query(AlertQuery.Selection states, int limit, Optional<io.harbinger.schema.alert.AlertCursor> cursor) {
        return new AlertQuery(states, Optional.empty(), Optional.empty(), limit, cursor);
    }

    private static Alert only(PostgresAlertBook book, String host) {
        return book.alerts(new AlertQuery(AlertQuery.Selection.ALL, Optional.empty(), Optional.of(host), 10, Optional.empty())).items().getFirst();
    }

    private static List<ScriptedReceiver.Request> about(ScriptedReceiver receiver, String host) {
        return receiver.delivered().stream().filter(r -> r.body().contains("\"host\":\"" + host + "\"")).toList();
    }
}
