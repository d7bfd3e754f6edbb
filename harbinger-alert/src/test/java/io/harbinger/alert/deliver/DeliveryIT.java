package io.harbinger.alert.deliver;

import io.github.resilience4j.circuitbreaker.CircuitBreaker.State;
import io.github.resilience4j.circuitbreaker.CircuitBreaker.StateTransition;
import io.harbinger.alert.AlertConfig;
import io.harbinger.alert.Fixture;
import io.harbinger.alert.ScriptedReceiver;
import io.harbinger.alert.SharedServices;
import io.harbinger.alert.engine.AlertEngine;
import io.harbinger.alert.notify.Receiver;
import io.harbinger.embedded.BundledPostgres;
import io.harbinger.embedded.EmbeddedKafka;
import io.harbinger.core.config.Settings;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.harbinger.alert.Samples.bad;
import static io.harbinger.alert.Samples.good;
import static io.harbinger.alert.ScriptedReceiver.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The engine and the dispatcher against a real broker, a real PostgreSQL and a real HTTP receiver that
 * misbehaves: every notification arrives, retries carry the same idempotency key, attempts are bounded,
 * the circuit breaker opens, refuses, and closes again; a restart loses nothing and creates nothing twice.
 */
@ExtendWith(SharedServices.class)
class DeliveryIT {
    static AlertConfig config(Fixture f, URI webhook) {
        Settings s = Settings.builder(AlertConfig.SETTINGS)
                .set(AlertConfig.KEEP_FIRING_FOR, Duration.ZERO)
                .set(AlertConfig.BACKOFF_INITIAL, Duration.ofMillis(100)).set(AlertConfig.BACKOFF_MAX, Duration.ofSeconds(1))
                .set(AlertConfig.TIMEOUT, Duration.ofMillis(500)).set(AlertConfig.BREAKER_OPEN, Duration.ofSeconds(1))
                .set(AlertConfig.RATE, 20).set(AlertConfig.SWEEP, Duration.ofMillis(200))
                .build();
        return AlertConfig.from(s, f.bootstrap, f.topics).withReceivers(List.of(Receiver.webhook(webhook)));
    }

    @Test
    void aMisbehavingReceiver_getsEveryNotification_withBoundedAttempts_andTheBreakerOpensAndCloses(EmbeddedKafka kafka, BundledPostgres pg) throws Exception {
        try (Fixture f = new Fixture(kafka, pg);
             ScriptedReceiver receiver = new ScriptedReceiver(List.of(status(500), status(500), status(500),
                     new ScriptedReceiver.Status(429, "1"), new ScriptedReceiver.Hang(Duration.ofSeconds(2))))) {
            AlertConfig config = config(f, receiver.url());
            try (AlertEngine engine = AlertEngine.start(config, f.db, Clock.systemUTC());
                 Dispatcher dispatcher = Dispatcher.start(config, f.db, Clock.systemUTC())) {
                SimpleMeterRegistry meters = new SimpleMeterRegistry();
                dispatcher.bindTo(meters);
                // one record, four hosts: one transaction, four notifications (grouped by host), due together
                f.produce(bad("h-1", "A", Duration.ZERO), bad("h-2", "B", Duration.ZERO), bad("h-3", "C", Duration.ZERO), bad("h-4", "D", Duration.ZERO));
                await().atMost(Duration.ofSeconds(60)).until(() -> f.count("SELECT count(*) FROM alerting.outbox") == 4
                        && f.count("SELECT count(*) FROM alerting.outbox WHERE delivered_at IS NULL") == 0);

                Map<String, Long> attemptsById = outboxAttempts(f);
                List<ScriptedReceiver.Request> requests = receiver.requests();
                Set<String> deliveredKeys = new HashSet<>();
                receiver.delivered().forEach(r -> deliveredKeys.add(r.idempotencyKey()));
                assertThat(deliveredKeys).as("every notification arrived, under its id").isEqualTo(attemptsById.keySet());
                assertThat(requests).as("each failed attempt is retried under the same key").allSatisfy(r -> assertThat(deliveredKeys).contains(r.idempotencyKey()));
                long redelivered = receiver.delivered().size() - deliveredKeys.size(); // answered 200 after the sender gave up: at least once
                assertThat(requests.size() - redelivered).as("no storm: the 5 scripted failures and one request per notification").isEqualTo(4 + 5);
                assertThat(attemptsById.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(requests.size());
                assertThat(dispatcher.attempts("webhook")).isEqualTo(requests.size());
                assertMeters(meters, dispatcher);

                List<Dispatcher.Transition> transitions = dispatcher.breakerTransitions("webhook");
                assertThat(transitions).extracting(Dispatcher.Transition::change).containsSubsequence(StateTransition.CLOSED_TO_OPEN,
                        StateTransition.OPEN_TO_HALF_OPEN, StateTransition.HALF_OPEN_TO_OPEN, StateTransition.OPEN_TO_HALF_OPEN,
                        StateTransition.HALF_OPEN_TO_CLOSED);
                assertThat(dispatcher.breakerState("webhook")).isEqualTo(State.CLOSED);
                assertThat(dispatcher.refused("webhook")).as("rows came due while the breaker was open and were refused").isPositive();
                for (int i = 0; i + 1 < transitions.size(); i++) {
                    if (transitions.get(i).change().getToState() != State.OPEN) continue;
                    Instant opened = transitions.get(i).at(), halfOpen = transitions.get(i + 1).at();
                    assertThat(requests).as("no request while open (" + opened + " .. " + halfOpen + ")")
                            .noneMatch(r -> r.at().isAfter(opened) && r.at().isBefore(halfOpen));
                }
                ScriptedReceiver.Request tooMany = requests.get(3);
                assertThat(tooMany.answer()).isEqualTo("429");
                assertThat(Duration.between(tooMany.at(), requests.get(4).at())).as("Retry-After: 1 honoured").isGreaterThanOrEqualTo(Duration.ofMillis(950));
                System.out.printf("DeliveryIT: %d notifications, %d requests (%s), attempts per notification %s, breaker %s, refused %d%n",
                        attemptsById.size(), requests.size(), requests.stream().map(ScriptedReceiver.Request::answer).toList(), attemptsById.values(),
                        transitions.stream().map(Dispatcher.Transition::change).toList(), dispatcher.refused("webhook"));
            }
        }
    }

    /** The delivery meters tell what the dispatcher counted: every attempt is delivered, retried or rejected. */
    private static void assertMeters(SimpleMeterRegistry meters, Dispatcher dispatcher) {
        double delivered = meters.get("harbinger.alert.delivered").tag("receiver", "webhook").functionCounter().count();
        double retried = meters.get("harbinger.alert.delivery.failures").tag("receiver", "webhook").tag("outcome", "retried").functionCounter().count();
        double rejected = meters.get("harbinger.alert.delivery.failures").tag("receiver", "webhook").tag("outcome", "rejected").functionCounter().count();
        assertThat(delivered).isEqualTo(dispatcher.delivered("webhook"));
        assertThat(retried).as("the scripted 500s, 429 and hang").isGreaterThanOrEqualTo(5);
        assertThat(rejected).isZero();
        assertThat(delivered + retried + rejected).isEqualTo(dispatcher.attempts("webhook"));
        assertThat(meters.get("harbinger.alert.delivery.refused").tag("receiver", "webhook").functionCounter().count()).isEqualTo(dispatcher.refused("webhook"));
        assertThat(meters.get("harbinger.alert.breaker.open").tag("receiver", "webhook").gauge().value()).isZero();
    }

    @Test
    void stoppedWithNotificationsPending_aRestartDeliversThemAll_andCreatesNoneTwice(EmbeddedKafka kafka, BundledPostgres pg) throws Exception {
        try (Fixture f = new Fixture(kafka, pg); ScriptedReceiver down = new ScriptedReceiver(List.of());
             ScriptedReceiver up = new ScriptedReceiver(List.of())) {
            URI refused = URI.create("http://127.0.0.1:1/hook"); // nothing listens: every attempt fails to connect
            AlertConfig first = config(f, refused);
            try (AlertEngine engine = AlertEngine.start(first, f.db, Clock.systemUTC());
                 Dispatcher dispatcher = Dispatcher.start(first, f.db, Clock.systemUTC())) {
                f.produce(bad("h-1", "A", Duration.ZERO));
                f.produce(bad("h-2", "B", Duration.ZERO));
                f.produce(bad("h-3", "C", Duration.ZERO));
                await().atMost(Duration.ofSeconds(30)).until(() -> f.count("SELECT count(*) FROM alerting.outbox WHERE attempts > 0") == 3);
            } // stopped with every notification pending
            assertThat(f.count("SELECT count(*) FROM alerting.outbox WHERE delivered_at IS NULL")).isEqualTo(3);

            AlertConfig second = config(f, up.url());
            try (AlertEngine engine = AlertEngine.start(second, f.db, Clock.systemUTC());
                 Dispatcher dispatcher = Dispatcher.start(second, f.db, Clock.systemUTC())) {
                await().atMost(Duration.ofSeconds(30)).until(() -> f.count("SELECT count(*) FROM alerting.outbox WHERE delivered_at IS NULL") == 0);
                f.produce(good("h-1", "A", Duration.ofHours(1))); // the engine goes on where it was: h-1 resolves
                await().atMost(Duration.ofSeconds(30)).until(() -> f.count("SELECT count(*) FROM alerting.outbox WHERE delivered_at IS NOT NULL") == 4);
                Thread.sleep(500); // a redelivery after a timeout, if any, has arrived
                assertThat(f.count("SELECT count(*) FROM alerting.alerts")).as("no alert created twice").isEqualTo(3);
                assertThat(f.count("SELECT count(*) FROM alerting.outbox")).as("no notification created twice").isEqualTo(4);
                assertThat(up.delivered().stream().map(ScriptedReceiver.Request::idempotencyKey).distinct().toList())
                        .as("each notification arrived (a timeout may deliver one twice, under its key)")
                        .containsExactlyInAnyOrderElementsOf(outboxAttempts(f).keySet());
                assertThat(up.delivered()).anySatisfy(r -> assertThat(r.body()).contains("\"status\":\"resolved\"", "\"drive\":\"A\""));
                assertThat(down.requests()).isEmpty();
            }
        }
    }

    @Test
    void aHangingReceiver_holdsUpNoOther(EmbeddedKafka kafka, BundledPostgres pg) throws Exception {
        List<ScriptedReceiver.Answer> hangs = java.util.Collections.nCopies(20, new ScriptedReceiver.Hang(Duration.ofSeconds(5)));
        try (Fixture f = new Fixture(kafka, pg); ScriptedReceiver stuck = new ScriptedReceiver(hangs); ScriptedReceiver fine = new ScriptedReceiver(List.of())) {
            AlertConfig config = config(f, stuck.url()).withReceivers(List.of(Receiver.webhook(stuck.url()), Receiver.alertmanager(fine.url())));
            try (AlertEngine engine = AlertEngine.start(config, f.db, Clock.systemUTC());
                 Dispatcher dispatcher = Dispatcher.start(config, f.db, Clock.systemUTC())) {
                f.produce(bad("h-1", "A", Duration.ZERO), bad("h-2", "B", Duration.ZERO), bad("h-3", "C", Duration.ZERO));
                await().atMost(Duration.ofSeconds(30)).until(() -> fine.delivered().size() == 3);
                assertThat(stuck.delivered()).isEmpty();
                assertThat(f.count("SELECT count(*) FROM alerting.outbox WHERE receiver = 'webhook' AND delivered_at IS NULL")).isEqualTo(3);
                assertThat(f.count("SELECT count(*) FROM alerting.outbox WHERE receiver = 'alertmanager' AND delivered_at IS NOT NULL")).isEqualTo(3);
                assertThat(fine.delivered()).allSatisfy(r -> assertThat(r.body()).startsWith("[{\"labels\""));
            }
        }
    }

    static Map<String, Long> outboxAttempts(Fixture f) throws Exception {
        Map<String, Long> out = new HashMap<>();
        try (Connection c = f.db.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT id, attempts FROM alerting.outbox")) {
            while (rs.next()) out.put(rs.getString(1), rs.getLong(2));
        }
        return out;
    }
}
