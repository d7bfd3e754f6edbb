package io.harbinger.schema.alert;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * One alert: one episode of one drive meeting a rule, from the first matching prediction ({@code activeAt})
 * through firing to its resolution. Instants other than the acknowledgement's are prediction time (the
 * samples' instants), which is not the wall clock when a fleet is replayed.
 *
 * @param fingerprint   stable hash of the labels: the same drive under the same rule has the same one in every episode
 * @param labels        alertname, rule, region, host, drive, bucket, severity
 * @param annotations   summary and description
 * @param firedAt       empty while pending, and for an alert resolved before it fired
 * @param resolvedAt    empty unless resolved
 * @param acknowledged  empty unless acknowledged
 * @param silencedBy    the active silences that mute it now
 */
public record Alert(UUID id, String fingerprint, String rule, AlertState state, Map<String, String> labels,
                    Map<String, String> annotations, Instant activeAt, Optional<Instant> firedAt, Optional<Instant> resolvedAt,
                    double lastProbability, Optional<Acknowledgement> acknowledged, List<UUID> silencedBy) {
    public Alert {
        if (id == null || fingerprint == null || rule == null || state == null || activeAt == null) {
            throw new IllegalArgumentException("id, fingerprint, rule, state and activeAt must be non-null");
        }
        labels = Map.copyOf(labels);
        annotations = Map.copyOf(annotations);
        if (firedAt == null || resolvedAt == null || acknowledged == null) throw new IllegalArgumentException("use Optional.empty() for absent values");
        silencedBy = List.copyOf(silencedBy);
    }
}
