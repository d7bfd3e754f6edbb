package io.harbinger.alert.notify;

import io.harbinger.alert.rule.Episode;

/** One alert in a notification: the episode as it is, and whether receivers are told it fires or resolved. */
public record Notice(Episode episode, Status status) {
    public enum Status {
        FIRING, RESOLVED;

        public String label() {
            return this == FIRING ? "firing" : "resolved";
        }
    }

    public Notice {
        if (episode == null || status == null) throw new IllegalArgumentException("episode and status must be non-null");
    }
}
