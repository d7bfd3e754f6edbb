package io.harbinger.schema.alert;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Mutes the notifications of every alert whose labels satisfy all its matchers while it is active
 * ({@code startsAt <= now < endsAt}); an alert still firing when its last silence ends is notified then.
 *
 * @param matchers  at least one, all must match
 * @param createdBy who made it
 * @param comment   why, may be empty
 */
public record Silence(UUID id, List<Matcher> matchers, Instant startsAt, Instant endsAt, String createdBy, String comment,
                      Instant createdAt) {
    /** Where a silence is at a given instant. */
    public enum Status {
        PENDING, ACTIVE, EXPIRED;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public Silence {
        if (id == null) throw new IllegalArgumentException("id must be non-null");
        matchers = List.copyOf(matchers == null ? List.of() : matchers);
        if (matchers.isEmpty()) throw new IllegalArgumentException("matchers must hold at least one matcher");
        if (startsAt == null || endsAt == null) throw new IllegalArgumentException("startsAt and endsAt must be given");
        if (!endsAt.isAfter(startsAt)) throw new IllegalArgumentException("endsAt (" + endsAt + ") must be after startsAt (" + startsAt + ")");
        if (createdBy == null || createdBy.isBlank()) throw new IllegalArgumentException("createdBy must name who silences");
        comment = comment == null ? "" : comment;
        if (createdAt == null) throw new IllegalArgumentException("createdAt must be non-null");
    }

    public Status status(Instant now) {
        if (!now.isBefore(endsAt)) return Status.EXPIRED;
        return now.isBefore(startsAt) ? Status.PENDING : Status.ACTIVE;
    }

    /** Whether this silence mutes an alert with {@code labels} at {@code now}. */
    public boolean mutes(Map<String, String> labels, Instant now) {
        return status(now) == Status.ACTIVE && matchers.stream().allMatch(m -> m.matches(labels));
    }
}
