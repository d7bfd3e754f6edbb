package io.harbinger.alert.rule;

import io.harbinger.schema.alert.AlertState;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * One alert's evaluation state: a drive meeting the rule from {@code activeAt} on. Instants are prediction time.
 *
 * @param matches      consecutive matching samples since {@code activeAt}
 * @param lastMatchAt  the last sample that met the rule
 * @param lastSampleAt the last sample seen (older or equal ones are ignored)
 */
public record Episode(UUID id, String fingerprint, Map<String, String> labels, Map<String, String> annotations, AlertState state,
                      Instant activeAt, Optional<Instant> firedAt, Optional<Instant> resolvedAt, Instant lastMatchAt,
                      Instant lastSampleAt, int matches, double lastProbability) {
    public Episode {
        if (id == null || fingerprint == null || state == null || activeAt == null || lastMatchAt == null || lastSampleAt == null) {
            throw new IllegalArgumentException("id, fingerprint, state and instants must be non-null");
        }
        labels = Map.copyOf(labels);
        annotations = Map.copyOf(annotations);
        if (firedAt == null || resolvedAt == null) throw new IllegalArgumentException("use Optional.empty() for absent instants");
        if (matches < 1) throw new IllegalArgumentException("an episode starts with a matching sample");
    }

    public String region() {
        return labels.get("region");
    }

    public String host() {
        return labels.get("host");
    }

    public String drive() {
        return labels.get("drive");
    }

    Episode matched(Instant at, int matches, double probability, Map<String, String> annotations) {
        return new Episode(id, fingerprint, labels, annotations, state, activeAt, firedAt, resolvedAt, at, at, matches, probability);
    }

    Episode fired(Instant at) {
        return new Episode(id, fingerprint, labels, annotations, AlertState.FIRING, activeAt, Optional.of(at), resolvedAt, lastMatchAt,
                lastSampleAt, matches, lastProbability);
    }

    Episode seen(Instant at, double probability) {
        return new Episode(id, fingerprint, labels, annotations, state, activeAt, firedAt, resolvedAt, lastMatchAt, at, matches, probability);
    }

    Episode resolved(Instant at, double probability) {
        return new Episode(id, fingerprint, labels, annotations, AlertState.RESOLVED, activeAt, firedAt, Optional.of(at), lastMatchAt, at,
                matches, probability);
    }
}
