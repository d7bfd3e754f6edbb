package io.harbinger.alert.engine;

import io.harbinger.alert.notify.Decision;
import io.harbinger.alert.notify.Notice;
import io.harbinger.alert.notify.Notification;
import io.harbinger.alert.notify.Payloads;
import io.harbinger.alert.notify.Planner;
import io.harbinger.alert.notify.Receiver;
import io.harbinger.alert.rule.Episode;
import io.harbinger.alert.store.AlertStore;
import io.harbinger.schema.alert.AlertState;
import io.harbinger.schema.alert.Silence;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Inside the transaction that changed alerts: decides which of them receivers hear of ({@link Decision}),
 * groups them into notifications ({@link Planner}), writes one outbox row per notification and receiver, and
 * records what receivers were told. Without receivers it does nothing (alerts are still stored and listed).
 */
final class Notifier {
    private final List<Receiver> receivers;
    private final Planner planner;
    private final Payloads payloads;
    private final Duration repeat;

    Notifier(List<Receiver> receivers, Planner planner, Payloads payloads, Duration repeat) {
        this.receivers = List.copyOf(receivers);
        this.planner = planner;
        this.payloads = payloads;
        this.repeat = repeat;
    }

    /** @return the notifications enqueued */
    int notify(AlertStore.Tx tx, Collection<Episode> episodes, Instant now) throws SQLException {
        if (receivers.isEmpty()) return 0;
        List<Episode> candidates = episodes.stream().filter(e -> e.state() != AlertState.PENDING).toList();
        if (candidates.isEmpty()) return 0;
        Map<UUID, AlertStore.Notified> told = tx.notified(candidates.stream().map(Episode::id).toList());
        List<Silence> silences = tx.liveSilences(now);
        List<Planner.Planned> planned = new ArrayList<>();
        Map<Notice.Status, List<UUID>> marked = new EnumMap<>(Notice.Status.class);
        for (Episode e : candidates) {
            AlertStore.Notified n = told.getOrDefault(e.id(), new AlertStore.Notified(Decision.Notified.NONE, Optional.empty(), false));
            boolean silenced = silences.stream().anyMatch(s -> s.mutes(e.labels(), now));
            Decision.of(e.state(), n.notified(), n.at(), n.acknowledged(), silenced, now, repeat).ifPresent(send -> {
                planned.add(new Planner.Planned(new Notice(e, send.status()), send.refreshOnly()));
                marked.computeIfAbsent(send.status(), s -> new ArrayList<>()).add(e.id());
            });
        }
        List<AlertStore.Tx.Outgoing> rows = new ArrayList<>();
        List<Notification> notifications = planner.plan(planned);
        for (Notification n : notifications) {
            for (Receiver r : receivers) {
                if (n.goesTo(r)) rows.add(new AlertStore.Tx.Outgoing(n.id(), r.name(), n.groupKey(), payloads.body(r, n, now)));
            }
        }
        tx.enqueue(rows, now);
        for (Map.Entry<Notice.Status, List<UUID>> m : marked.entrySet()) tx.markNotified(m.getValue(), m.getKey(), now);
        return notifications.size();
    }
}
