package io.harbinger.api;

import io.harbinger.schema.prediction.Bucket;
import io.harbinger.schema.read.Cursor;
import io.javalin.http.Context;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The query parameters the read routes share, validated: times are ISO-8601 instants
 * ({@code 2018-05-01T00:00:00Z}); a range defaults to the 30 days before now and spans at most 400
 * days (the retention of predictions). Pages: {@code limit} 1..1000 (default 100) and the opaque
 * {@code cursor} of the previous page. Names in paths and queries: non-blank, at most 256 characters,
 * no control characters.
 */
final class QueryParams {
    static final Duration DEFAULT_RANGE = Duration.ofDays(30);
    static final Duration MAX_RANGE = Duration.ofDays(400);
    static final int DEFAULT_PAGE = 100;
    static final int MAX_PAGE = 1000;
    static final int MAX_NAME = 256;

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

    /** An optional instant; empty when not given. */
    static Optional<Instant> optionalInstant(Context ctx, String name) {
        String v = ctx.queryParam(name);
        return v == null || v.isEmpty() ? Optional.empty() : Optional.of(instant(ctx, name, null));
    }

    /** {@code from} and {@code to} if given, each optional (storage resolves what is missing), checked as {@link #range} does when both are. */
    record OptionalRange(Optional<Instant> from, Optional<Instant> to) {
    }

    static OptionalRange optionalRange(Context ctx) {
        Optional<Instant> from = optionalInstant(ctx, "from");
        Optional<Instant> to = optionalInstant(ctx, "to");
        if (from.isPresent() && to.isPresent()) {
            if (!from.get().isBefore(to.get())) throw new BadParameter("from", "must be before to (" + from.get() + " >= " + to.get() + ")");
            if (Duration.between(from.get(), to.get()).compareTo(MAX_RANGE) > 0) {
                throw new BadParameter("from", "to range spans more than " + MAX_RANGE.toDays() + " days");
            }
        }
        return new OptionalRange(from, to);
    }

    /** A page's size: {@code limit}, 1..{@link #MAX_PAGE}, {@link #DEFAULT_PAGE} when not given. */
    static int limit(Context ctx) {
        return integer(ctx, "limit", DEFAULT_PAGE, 1, MAX_PAGE);
    }

    /** The {@code cursor} of the previous page of this list, if given; 400 when it is not one. */
    static <C extends Cursor> Optional<C> cursor(Context ctx, Class<C> kind) {
        String v = ctx.queryParam("cursor");
        if (v == null || v.isEmpty()) return Optional.empty();
        return Optional.of(Cursor.decode(v, kind).orElseThrow(() -> new BadParameter("cursor",
                "is not a cursor of this list (garbled, cut, edited or from another list; pass nextCursor as given): '" + shorten(v) + "'")));
    }

    /** A comma list of buckets (good, warning, bad, unknown); {@code otherwise} when not given. */
    static Set<Bucket> buckets(Context ctx, String name, Set<Bucket> otherwise) {
        String v = ctx.queryParam(name);
        if (v == null || v.isEmpty()) return otherwise;
        EnumSet<Bucket> buckets = EnumSet.noneOf(Bucket.class);
        for (String item : v.split(",", -1)) {
            buckets.add(Bucket.find(item.trim()).orElseThrow(() -> new BadParameter(name,
                    "must be a comma list of good, warning, bad, unknown: '" + shorten(item) + "' is none of them")));
        }
        return buckets;
    }

    /** A name in a path or query (region, host, drive): non-blank, at most {@link #MAX_NAME} characters, no control characters. */
    static String name(String parameter, String value) {
        if (value == null || value.isBlank()) throw new BadParameter(parameter, "must be non-blank");
        if (value.length() > MAX_NAME) throw new BadParameter(parameter, "is longer than " + MAX_NAME + " characters");
        if (value.chars().anyMatch(Character::isISOControl)) throw new BadParameter(parameter, "holds a control character");
        return value;
    }

    static String pathName(Context ctx, String parameter) {
        return name(parameter, ctx.pathParam(parameter));
    }

    /** An optional name parameter (e.g. {@code region}), checked as {@link #name}. */
    static Optional<String> optionalName(Context ctx, String parameter) {
        String v = ctx.queryParam(parameter);
        return v == null || v.isEmpty() ? Optional.empty() : Optional.of(name(parameter, v));
    }

    private static String shorten(String v) {
        return v.length() > 80 ? v.substring(0, 80) + "..." : v;
    }

    static String required(Context ctx, String name, String why) {
        String v = ctx.queryParam(name);
        if (v == null || v.isBlank()) throw new BadParameter(name, "is required: " + why);
        return v;
    }
}
