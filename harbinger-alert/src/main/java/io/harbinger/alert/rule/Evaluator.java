package io.harbinger.alert.rule;

import io.harbinger.schema.alert.AlertState;
import io.harbinger.schema.prediction.ScoredSample;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The rule's state machine for one drive, pure: inactive -> pending -> firing -> resolved. A sample
 * meeting the rule opens an episode (pending); it fires once the rule's {@link Hold} is met, at once for a
 * hold of 1 sample or 0 s. A sample below the threshold ends a pending episode (resolved, never fired, no
 * notification) and resolves a firing one once it is at least {@code keepFiringFor} after the last matching
 * sample. Samples not newer than the last one seen are ignored, so a replay changes nothing.
 */
public final class Evaluator {
    private final AlertRule rule;
    private final Supplier<UUID> ids;

    public Evaluator(AlertRule rule, Supplier<UUID> ids) {
        this.rule = rule;
        this.ids = ids;
    }

    public AlertRule rule() {
        return rule;
    }

    /** What happened to an episode, and what it is now. */
    public enum Event {
        /** nothing to store: no episode, or a sample not newer than the last */
        NONE,
        /** the episode changed without changing state (stored, not notified) */
        UPDATED,
        /** a new episode, pending */
        PENDING,
        FIRED,
        RESOLVED
    }

    /** @param episode the episode after the sample (empty when the drive has none); a resolved one is closed */
    public record Step(Optional<Episode> episode, Event event) {
    }

    /** The drive's step on {@code sample}, from its open episode {@code open} (pending or firing), if any. */
    public Step next(Optional<Episode> open, ScoredSample sample) {
        Instant at = Instant.ofEpochSecond(0, sample.timestampNanos());
        double p = sample.prediction().probability();
        if (open.isPresent() && !at.isAfter(open.get().lastSampleAt())) return new Step(open, Event.NONE);
        boolean match = rule.matches(sample);
        if (open.isEmpty()) return match ? start(sample, at) : new Step(Optional.empty(), Event.NONE);
        Episode e = open.get();
        if (match) return progress(e.matched(at, e.matches() + 1, p, Annotations.of(sample)), at);
        if (e.state() == AlertState.PENDING) return new Step(Optional.of(e.resolved(at, p)), Event.RESOLVED);
        if (Duration.between(e.lastMatchAt(), at).compareTo(rule.keepFiringFor()) >= 0) {
            return new Step(Optional.of(e.resolved(at, p)), Event.RESOLVED);
        }
        return new Step(Optional.of(e.seen(at, p)), Event.UPDATED); // keeps firing
    }

    private Step start(ScoredSample sample, Instant at) {
        Map<String, String> labels = rule.labels(sample);
        Episode e = new Episode(ids.get(), Fingerprint.of(labels), labels, Annotations.of(sample), AlertState.PENDING, at, Optional.empty(),
                Optional.empty(), at, at, 1, sample.prediction().probability());
        Step step = progress(e, at);
        return step.event() == Event.FIRED ? step : new Step(step.episode(), Event.PENDING);
    }

    private Step progress(Episode e, Instant at) {
        if (e.state() == AlertState.PENDING && rule.hold().satisfied(e.matches(), Duration.between(e.activeAt(), at))) {
            return new Step(Optional.of(e.fired(at)), Event.FIRED);
        }
        return new Step(Optional.of(e), Event.UPDATED);
    }
}
