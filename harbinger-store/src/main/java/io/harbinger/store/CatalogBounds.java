package io.harbinger.store;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the partition bounds PostgreSQL prints ({@code pg_get_expr(relpartbound, oid)}): a list
 * partition of exactly one string, {@code FOR VALUES IN ('eu')}, and a range of timestamps,
 * {@code FOR VALUES FROM ('2026-11-28 00:00:00+00') TO ('2026-11-29 00:00:00+00')} as printed
 * with DateStyle ISO (the JDBC driver's). Anything else is not ours: empty.
 */
final class CatalogBounds {
    private static final Pattern LIST_ONE = Pattern.compile("FOR VALUES IN \\('((?:[^']|'')*)'\\)");
    private static final Pattern RANGE = Pattern.compile("FOR VALUES FROM \\('([^']*)'\\) TO \\('([^']*)'\\)");
    private static final DateTimeFormatter TIMESTAMPTZ = new DateTimeFormatterBuilder()
            .appendPattern("uuuu-MM-dd HH:mm:ss")
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true).optionalEnd()
            .optionalStart().appendPattern("xxx").optionalEnd()
            .optionalStart().appendPattern("x").optionalEnd()
            .toFormatter();

    private CatalogBounds() {
    }

    record Range(Instant from, Instant to) {
    }

    static Optional<String> listValue(String bound) {
        Matcher m = LIST_ONE.matcher(bound);
        return m.matches() ? Optional.of(m.group(1).replace("''", "'")) : Optional.empty();
    }

    static Optional<Range> range(String bound) {
        Matcher m = RANGE.matcher(bound);
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Range(instant(m.group(1)), instant(m.group(2))));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static Instant instant(String text) {
        return OffsetDateTime.parse(text, TIMESTAMPTZ).toInstant();
    }
}
