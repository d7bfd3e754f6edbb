package io.harbinger.alert.deliver;

import java.net.http.HttpHeaders;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * How one delivery attempt ended, classified where the I/O happens: delivered (2xx); worth retrying (a 5xx,
 * 408, 429, no answer in time, no connection), with the receiver's Retry-After when it gave one; or
 * rejected (any other status: the request itself is wrong, and sending it again cannot help).
 */
sealed interface Outcome {
    /** Retry-After is honoured up to this, so a receiver cannot park a notification for days. */
    Duration MAX_RETRY_AFTER = Duration.ofHours(1);

    record Delivered(int status) implements Outcome {
    }

    record Retry(String error, Optional<Duration> retryAfter) implements Outcome {
    }

    record Rejected(String error) implements Outcome {
    }

    static Outcome ofStatus(int status, HttpHeaders headers, String body, Clock clock) {
        if (status >= 200 && status < 300) return new Delivered(status);
        String error = "HTTP " + status + (body.isBlank() ? "" : ": " + abbreviate(body));
        if (status >= 500 || status == 408 || status == 429) {
            Optional<Duration> after = (status == 429 || status == 503)
                    ? headers.firstValue("Retry-After").flatMap(v -> retryAfter(v, clock.instant())) : Optional.empty();
            return new Retry(error, after);
        }
        return new Rejected(error);
    }

    /** Retry-After as seconds or as an HTTP date; nothing when it is neither. */
    static Optional<Duration> retryAfter(String value, Instant now) {
        String v = value.trim();
        try {
            if (v.matches("\\d{1,9}")) return Optional.of(cap(Duration.ofSeconds(Long.parseLong(v))));
            Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Duration d = Duration.between(now, at);
            return Optional.of(d.isNegative() ? Duration.ZERO : cap(d));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static Duration cap(Duration d) {
        return d.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : d;
    }

    private static String abbreviate(String body) {
        String one = body.strip().replaceAll("\\s+", " ");
        return one.length() <= 200 ? one : one.substring(0, 200) + "...";
    }
}
