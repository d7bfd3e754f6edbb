package io.harbinger.alert.notify;

import io.harbinger.schema.alert.AlertState;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Whether an alert is notified now, pure. What receivers were last told ({@code notified}) is kept with the
 * alert, so each state goes out once (deduplicated by fingerprint and state):
 * <ul>
 *   <li>firing, not muted by a silence: notified when receivers have not been told it fires, and again every
 *       {@code repeat}; once acknowledged, the repeats go to receivers that keep alert state (Alertmanager, whose
 *       alerts expire unless re-posted, and which does its own repeat-or-not for people) and not to the webhook;</li>
 *   <li>firing, silenced: not notified; notified once no silence mutes it any more, if still firing;</li>
 *   <li>resolved: notified when receivers were told it fires (acknowledged or silenced, they learn it ended);</li>
 *   <li>pending: never.</li>
 * </ul>
 */
public final class Decision {
    private Decision() {
    }

    /**
     * A notification to send.
     *
     * @param refreshOnly only to receivers that keep alert state (an acknowledged alert's repeat)
     */
    public record Send(Notice.Status status, boolean refreshOnly) {
    }

    /** What receivers were last told of an alert. */
    public enum Notified { NONE, FIRING, RESOLVED }

    /**
     * @param lastNotifiedAt wall-clock instant of the last notification enqueued, if any
     * @param now            wall clock
     */
    public static Optional<Send> of(AlertState state, Notified notified, Optional<Instant> lastNotifiedAt, boolean acknowledged,
                                             boolean silenced, Instant now, Duration repeat) {
        return switch (state) {
            case PENDING -> Optional.empty();
            case RESOLVED -> notified == Notified.FIRING ? Optional.of(new Send(Notice.Status.RESOLVED, false)) : Optional.empty();
            case FIRING -> {
                if (silenced) yield Optional.empty();
                if (notified != Notified.FIRING) yield Optional.of(new Send(Notice.Status.FIRING, false));
                boolean due = lastNotifiedAt.map(at -> !at.plus(repeat).isAfter(now)).orElse(true);
                yield due ? Optional.of(new Send(Notice.Status.FIRING, acknowledged)) : Optional.empty();
            }
        };
    }
}
