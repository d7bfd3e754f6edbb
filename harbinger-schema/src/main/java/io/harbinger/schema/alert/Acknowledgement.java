package io.harbinger.schema.alert;

import java.time.Instant;

/**
 * Someone said they are on it: an acknowledged alert sends no repeat notifications (its resolution still
 * goes out).
 *
 * @param comment may be empty
 */
public record Acknowledgement(String by, Instant at, String comment) {
    public Acknowledgement {
        if (by == null || by.isBlank()) throw new IllegalArgumentException("by must name who acknowledges");
        if (at == null) throw new IllegalArgumentException("at must be non-null");
        comment = comment == null ? "" : comment;
    }
}
