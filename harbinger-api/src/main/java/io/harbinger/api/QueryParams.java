package io.harbinger.api;

import io.javalin.http.Context;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * The query parameters the read routes share, validated: times are ISO-8601 instants
 * ({@code 2018-05-01T00:00:00Z}); a range defaults to the 30 days before now and spans at most 400
 * days (the retention of predictions).
 */
final class QueryParams {
    static final Duration DEFAULT_RANGE = Duration.ofDays(30);
    static final Duration MAX_RANGE = Duration.ofDays(400);

    private QueryParams() {
    }

    record Range(Instant from, Instant to) {
    }

    static Range range(Context ctx, Clock clock) {
        Instant to = instant(ctx, "to", clock.instant());
        Instant from = instant(ctx, "from", to.minus(DEFAULT_RANGE));
        if (!from.isBefore(to)) throw new BadParameter("from", "must be before to (" + from + " >= " + to + ")");
        if (Duration.between(from, to).compareTo(MAX_RANGE) > 0) throw new BadParameter("from", "to range spans more than " + MAX_RANGE.toDays() + " days");
        return new Range(from, to);
    }

    static Instant instant(Context ctx, String name, Instant otherwise) {
        String v = ctx.queryParam(name);
        if (v == null || v.isEmpty()) return otherwise;
        try {
            return Instant.parse(v);
        } catch (DateTimeParseException e) {
            throw new BadParameter(name, "is not an ISO-8601 instant such as 2018-05-01T00:00:00Z: '" + v + "'");
        }
    }

    static int integer(Context ctx, String name, int otherwise, int min, int max) {
        String v = ctx.queryParam(name);
        if (v == null || v.isEmpty()) return otherwise;
        int value;
        try {
            value = Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new BadParameter(name, "is not a whole number: '" + v + "'");
        }
        if (value < min || value > max) throw new BadParameter(name, "must be " + min + ".." + max + ", got " + value);
        return value;
    }

    static String required(Context ctx, String name, String why) {
        String v = ctx.queryParam(name);
        if (v == null || v.isBlank()) throw new BadParameter(name, "is required: " + why);
        return v;
    }
}
