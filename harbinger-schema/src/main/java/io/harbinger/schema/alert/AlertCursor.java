package io.harbinger.schema.alert;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.UUID;

/**
 * Where a page of alerts ends: the last alert's {@code activeAt} and id (the list's order), written as an
 * opaque URL-safe string.
 */
public record AlertCursor(Instant activeAt, UUID id) {
    public AlertCursor {
        if (activeAt == null || id == null) throw new IllegalArgumentException("activeAt and id must be non-null");
    }

    public static AlertCursor after(Alert last) {
        return new AlertCursor(last.activeAt(), last.id());
    }

    public String encode() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((activeAt + "|" + id).getBytes(StandardCharsets.UTF_8));
    }

    /** The cursor {@code text} encodes; {@link IllegalArgumentException} naming the {@code cursor} when it is not one. */
    public static AlertCursor decode(String text) {
        try {
            String plain = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
            int bar = plain.indexOf('|');
            if (bar < 0) throw new IllegalArgumentException("no separator");
            return new AlertCursor(Instant.parse(plain.substring(0, bar)), UUID.fromString(plain.substring(bar + 1)));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new IllegalArgumentException("cursor is not one this API gave out: '" + text + "'");
        }
    }

    /** Whether {@code alert} comes after this cursor in the list's order (newest first, then id). */
    public boolean precedes(Alert alert) {
        int byTime = alert.activeAt().compareTo(activeAt);
        return byTime < 0 || (byTime == 0 && alert.id().compareTo(id) > 0);
    }
}
