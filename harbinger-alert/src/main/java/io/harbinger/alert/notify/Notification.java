package io.harbinger.alert.notify;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The alerts of one group (a host or a region) that go out together. Its {@code id} is the
 * {@code Idempotency-Key} of every delivery attempt, to every receiver.
 *
 * @param refreshOnly only for receivers that keep alert state (see {@link Decision.Send#refreshOnly()})
 */
public record Notification(UUID id, String groupKey, Map<String, String> groupLabels, List<Notice> notices, boolean refreshOnly) {
    public Notification {
        if (id == null || groupKey == null) throw new IllegalArgumentException("id and groupKey must be non-null");
        groupLabels = Map.copyOf(groupLabels);
        notices = List.copyOf(notices);
        if (notices.isEmpty()) throw new IllegalArgumentException("a notification holds at least one alert");
    }

    /** {@code firing} when any of its alerts fires, else {@code resolved} (as Alertmanager's webhook says). */
    public Notice.Status status() {
        return notices.stream().anyMatch(n -> n.status() == Notice.Status.FIRING) ? Notice.Status.FIRING : Notice.Status.RESOLVED;
    }

    /** Whether {@code receiver} gets it. */
    public boolean goesTo(Receiver receiver) {
        return !refreshOnly || receiver.kind() == Receiver.Kind.ALERTMANAGER;
    }
}
