package io.harbinger.schema.alert;

import java.time.Instant;
import java.util.List;

/** A silence as asked for; the book gives it its id and creation instant. */
public record NewSilence(List<Matcher> matchers, Instant startsAt, Instant endsAt, String createdBy, String comment) {
    public NewSilence {
        matchers = List.copyOf(matchers == null ? List.of() : matchers);
        if (matchers.isEmpty()) throw new IllegalArgumentException("matchers must hold at least one matcher");
        if (startsAt == null || endsAt == null) throw new IllegalArgumentException("startsAt and endsAt must be given");
        if (!endsAt.isAfter(startsAt)) throw new IllegalArgumentException("endsAt (" + endsAt + ") must be after startsAt (" + startsAt + ")");
        if (createdBy == null || createdBy.isBlank()) throw new IllegalArgumentException("createdBy must name who silences");
        comment = comment == null ? "" : comment;
    }
}
