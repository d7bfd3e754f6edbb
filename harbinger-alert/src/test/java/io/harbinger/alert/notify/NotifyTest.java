package io.harbinger.alert.notify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.harbinger.alert.rule.AlertRule;
import io.harbinger.alert.rule.Episode;
import io.harbinger.alert.rule.Evaluator;
import io.harbinger.alert.rule.Hold;
import io.harbinger.schema.alert.AlertState;
import io.harbinger.schema.prediction.Bucket;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static io.harbinger.alert.Samples.T0;
import static io.harbinger.alert.Samples.bad;
import static io.harbinger.alert.Samples.good;
import static io.harbinger.alert.notify.Decision.Notified.FIRING;
import static io.harbinger.alert.notify.Decision.Notified.NONE;
import static java.time.Duration.ofHours;
import static org.assertj.core.api.Assertions.assertThat;

/** Decisions, grouping and deduplication, payloads. */
class NotifyTest {
    private static final Duration REPEAT = ofHours(4);
    private static final Instant NOW = Instant.parse("2026-12-02T12:00:00Z");
    private final Evaluator evaluator = new Evaluator(new AlertRule(Bucket.BAD, new Hold.Samples(1), Duration.ZERO), UUID::randomUUID);

    private Episode firing(String host, String drive) {
        return evaluator.next(Optional.empty(), bad(host, drive, ofHours(1))).episode().orElseThrow();
    }

    private Episode resolved(Episode e) {
        return evaluator.next(Optional.of(e), good(e.host(), e.drive(), ofHours(2))).episode().orElseThrow();
    }

    @Test
    void firing_isNotifiedOnce_thenRepeatedAfterTheInterval_refreshOnlyWhenAcknowledged() {
        assertThat(Decision.of(AlertState.FIRING, NONE, Optional.empty(), false, false, NOW, REPEAT)).contains(new Decision.Send(Notice.Status.FIRING, false));
        assertThat(Decision.of(AlertState.FIRING, FIRING, Optional.of(NOW.minus(ofHours(1))), false, false, NOW, REPEAT)).isEmpty();
        assertThat(Decision.of(AlertState.FIRING, FIRING, Optional.of(NOW.minus(REPEAT)), false, false, NOW, REPEAT))
                .contains(new Decision.Send(Notice.Status.FIRING, false));
        assertThat(Decision.of(AlertState.FIRING, FIRING, Optional.of(NOW.minus(REPEAT)), true, false, NOW, REPEAT))
                .contains(new Decision.Send(Notice.Status.FIRING, true));
    }

    @Test
    void silenced_isNotNotified_untilTheSilenceEnds_andPendingNever() {
        assertThat(Decision.of(AlertState.FIRING, NONE, Optional.empty(), false, true, NOW, REPEAT)).isEmpty();
        assertThat(Decision.of(AlertState.FIRING, NONE, Optional.empty(), false, false, NOW, REPEAT)).isPresent();
        assertThat(Decision.of(AlertState.PENDING, NONE, Optional.empty(), false, false, NOW, REPEAT)).isEmpty();
    }

    @Test
    void resolved_isNotifiedOnlyWhenReceiversHeardItFire_evenAcknowledgedOrSilenced() {
        assertThat(Decision.of(AlertState.RESOLVED, FIRING, Optional.of(NOW), true, true, NOW, REPEAT)).contains(new Decision.Send(Notice.Status.RESOLVED, false));
        assertThat(Decision.of(AlertState.RESOLVED, NONE, Optional.empty(), false, false, NOW, REPEAT)).isEmpty();
        assertThat(Decision.of(AlertState.RESOLVED, Decision.Notified.RESOLVED, Optional.of(NOW), false, false, NOW, REPEAT)).isEmpty();
    }

    @Test
    void planner_groupsByHostOrRegion_andKeepsOneAlertPerFingerprintAndStatus() {
        Episode a1 = firing("h-1", "A"), a2 = firing("h-1", "B"), b1 = firing("h-2", "C");
        List<Planner.Planned> planned = List.of(new Planner.Planned(new Notice(a1, Notice.Status.FIRING), false),
                new Planner.Planned(new Notice(a2, Notice.Status.FIRING), false), new Planner.Planned(new Notice(b1, Notice.Status.FIRING), false),
                new Planner.Planned(new Notice(a1, Notice.Status.FIRING), false));
        List<Notification> byHost = new Planner(GroupBy.HOST, UUID::randomUUID).plan(planned);
        assertThat(byHost).extracting(Notification::groupKey).containsExactly("{host=\"h-1\",region=\"eu-1\"}", "{host=\"h-2\",region=\"eu-1\"}");
        assertThat(byHost.getFirst().notices()).extracting(n -> n.episode().drive()).containsExactlyInAnyOrder("A", "B");
        List<Notification> byRegion = new Planner(GroupBy.REGION, UUID::randomUUID).plan(planned);
        assertThat(byRegion).singleElement().satisfies(n -> assertThat(n.notices()).hasSize(3));
        assertThat(byRegion.getFirst().groupLabels()).containsOnlyKeys("region");
    }

    @Test
    void planner_keepsRefreshesApart_forReceiversThatKeepState() {
        Episode a1 = firing("h-1", "A"), a2 = firing("h-1", "B");
        List<Notification> n = new Planner(GroupBy.HOST, UUID::randomUUID).plan(List.of(
                new Planner.Planned(new Notice(a1, Notice.Status.FIRING), false), new Planner.Planned(new Notice(a2, Notice.Status.FIRING), true)));
        assertThat(n).hasSize(2);
        Receiver webhook = Receiver.webhook(URI.create("http://127.0.0.1:1/hook"));
        Receiver am = Receiver.alertmanager(URI.create("http://127.0.0.1:2"));
        assertThat(n.get(1).goesTo(webhook)).isFalse();
        assertThat(n.get(1).goesTo(am)).isTrue();
        assertThat(am.target()).hasToString("http://127.0.0.1:2/api/v2/alerts");
    }

    @Test
    void webhookPayload_isAlertmanagersWebhookShape() throws Exception {
        Episode fired = firing("h-1", "A");
        Episode ended = resolved(firing("h-1", "B"));
        Notification n = new Notification(UUID.randomUUID(), "{host=\"h-1\",region=\"eu-1\"}", GroupBy.HOST.groupLabels(fired.labels()),
                List.of(new Notice(fired, Notice.Status.FIRING), new Notice(ended, Notice.Status.RESOLVED)), false);
        JsonNode body = new ObjectMapper().readTree(new Payloads(Optional.of(URI.create("http://harbinger.example:8080")), REPEAT)
                .body(Receiver.webhook(URI.create("http://127.0.0.1:1/hook")), n, NOW));
        assertThat(body.get("version").asText()).isEqualTo("4");
        assertThat(body.get("id").asText()).isEqualTo(n.id().toString());
        assertThat(body.get("status").asText()).isEqualTo("firing");
        assertThat(body.get("commonLabels").get("host").asText()).isEqualTo("h-1");
        assertThat(body.get("commonLabels").has("drive")).isFalse();
        JsonNode first = body.get("alerts").get(0), second = body.get("alerts").get(1);
        assertThat(first.get("labels").get("drive").asText()).isEqualTo("A");
        assertThat(first.get("endsAt").asText()).isEqualTo(Payloads.NO_END);
        assertThat(first.get("startsAt").asText()).isEqualTo(T0.plus(ofHours(1)).toString());
        assertThat(first.get("generatorURL").asText()).isEqualTo("http://harbinger.example:8080/api/v1/alerts/" + fired.id());
        assertThat(second.get("status").asText()).isEqualTo("resolved");
        assertThat(second.get("endsAt").asText()).isEqualTo(T0.plus(ofHours(2)).toString());
    }

    @Test
    void alertmanagerPayload_isPostableAlerts_firingOnesEndThreeRepeatsAfterNow() throws Exception {
        Episode fired = firing("h-1", "A");
        Episode ended = resolved(firing("h-1", "B"));
        Notification n = new Notification(UUID.randomUUID(), "k", GroupBy.HOST.groupLabels(fired.labels()),
                List.of(new Notice(fired, Notice.Status.FIRING), new Notice(ended, Notice.Status.RESOLVED)), false);
        JsonNode body = new ObjectMapper().readTree(new Payloads(Optional.empty(), REPEAT).body(Receiver.alertmanager(URI.create("http://127.0.0.1:9093")), n, NOW));
        assertThat(body.isArray()).isTrue();
        assertThat(body.get(0).get("labels").get("alertname").asText()).isEqualTo("DriveFailurePredicted");
        assertThat(body.get(0).get("annotations").get("summary").asText()).startsWith("Drive A on eu-1/h-1");
        assertThat(body.get(0).get("endsAt").asText()).isEqualTo(NOW.plus(REPEAT.multipliedBy(3)).toString());
        assertThat(body.get(0).has("generatorURL")).isFalse();
        assertThat(body.get(1).get("endsAt").asText()).isEqualTo(T0.plus(ofHours(2)).toString());
    }
}
