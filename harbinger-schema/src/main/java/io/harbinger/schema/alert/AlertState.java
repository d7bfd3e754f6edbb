package io.harbinger.schema.alert;

import java.util.Locale;
import java.util.Optional;

/**
 * Where an alert is in its life (Prometheus' terms): {@link #PENDING} while its condition holds for less
 * than the rule's {@code for}, {@link #FIRING} once it held long enough, {@link #RESOLVED} when it stopped
 * holding for longer than the rule's {@code keep_firing_for} (or stopped before it ever fired).
 */
public enum AlertState {
    PENDING, FIRING, RESOLVED;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<AlertState> find(String label) {
        for (AlertState s : values()) {
            if (s.label().equals(label)) return Optional.of(s);
        }
        return Optional.empty();
    }
}
