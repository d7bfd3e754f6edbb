package io.harbinger.api;

import io.harbinger.schema.prediction.Bucket;
import io.harbinger.core.text.ControlCharacters;
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
    static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    private QueryParams() {
    }

    record Range(Instant from, Instant to) {
    }

    static Range range(Context ctx, Clock clock) {
        return range(ctx.queryParam("from"), ctx.queryParam("to"), clock.instant());
    }

    /** {@link #range(Context, Clock)} on the raw values (null when absent). */
    static Range range(String fromValue, String toValue, Instant now) {
        Instant to = instant("to", toValue, now);
        Instant from = instant("from", fromValue, to.minus(DEFAULT_RANGE));
        if (!from.isBefore(to)) throw new BadParameter("from", "must be before to (" + from + " >= " + to + ")");
        if (Duration.between(from, to).compareTo(MAX_RANGE) > 0) throw new BadParameter("from", "to range spans more than " + MAX_RANGE.toDays() + " days");
        return new Range(from, to);
    }

    static Instant instant(Context ctx, String name, Instant otherwise) {
        return instant(name, ctx.queryParam(name), otherwise);
    }

    /**
     * The instant {@code v} of parameter {@code name}; {@code otherwise} when null or empty. Years 1 to 9999
     * only: {@link Instant} reaches a billion years, where the default range's arithmetic overflows and
     * PostgreSQL's timestamps end.
     */
    static Instant instant(String name, String v, Instant otherwise) {
        if (v == null || v.isEmpty()) return otherwise;
        Instant instant;
        try {
            instant = Instant.parse(v);
        } catch (DateTimeParseException e) {
            throw new BadParameter(name, "is not an ISO-8601 instant such as 2018-05-01T00:00:00Z: '" + shorten(v) + "'");
        }
        if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
            throw new BadParameter(name, "is out of range: " + instant + " is not between " + EARLIEST + " and " + LATEST);
        }
        return instant;
    }

    static int integer(Context ctx, String name, int otherwise, int min, int max) {
        return integer(name, ctx.queryParam(name), otherwise, min, max);
    }

    /**
     * The whole number {@code v} of parameter {@code name} in {@code min..max}; {@code otherwise} when null or
     * empty. ASCII digits with an optional sign only ({@link Integer#parseInt} alone would take Arabic-Indic
     * and other Unicode digits), and a number too large for an int is out of range, not "not a number".
     */
    static int integer(String name, String v, int otherwise, int min, int max) {
        if (v == null || v.isEmpty()) return otherwise;
        if (!isAsciiInteger(v)) throw new BadParameter(name, "is not a whole number: '" + shorten(v) + "'");
        int value;
        try {
            value = Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new BadParameter(name, "must be " + min + ".." + max + ", got " + shorten(v));
        }
        if (value < min || value > max) throw new BadParameter(name, "must be " + min + ".." + max + ", got " + value);
        return value;
    }

    private static boolean isAsciiInteger(String v) {
        int start = v.charAt(0) == '-' || v.charAt(0) == '+' ? 1 : 0;
        if (start == v.length()) return false;
        for (int i = start; i < v.length(); i++) {
            if (v.charAt(i) < '0' || v.charAt(i) > '9') return false;
        }
        return true;
    }

    /** An optional instant; empty when not given. */
    static Optional<Instant> optionalInstant(Context ctx, String name) {
        return optionalInstant(name, ctx.queryParam(name));
    }

    static Optional<Instant> optionalInstant(String name, String v) {
        return v == null || v.isEmpty() ? Optional.empty() : Optional.of(instant(name, v, null));
    }

    /** {@code from} and {@code to} if given, each optional (storage resolves what is missing), checked as {@link #range} does when both are. */
    record OptionalRange(Optional<Instant> from, Optional<Instant> to) {
    }

    static OptionalRange optionalRange(Context ctx) {
        return optionalRange(ctx.queryParam("from"), ctx.queryParam("to"));
    }

    static OptionalRange optionalRange(String fromValue, String toValue) {
        Optional<Instant> from = optionalInstant("from", fromValue);
        Optional<Instant> to = optionalInstant("to", toValue);
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
        return cursor(ctx.queryParam("cursor"), kind);
    }

    static <C extends Cursor> Optional<C> cursor(String v, Class<C> kind) {
        if (v == null || v.isEmpty()) return Optional.empty();
        return Optional.of(Cursor.decode(v, kind).orElseThrow(() -> new BadParameter("cursor",
                "is not a cursor of this list (garbled, cut, edited or from another list; pass nextCursor as given): '" + shorten(v) + "'")));
    }

    /** A comma list of buckets (good, warning, bad, unknown); {@code otherwise} when not given. */
    static Set<Bucket> buckets(Context ctx, String name, Set<Bucket> otherwise) {
        return buckets(name, ctx.queryParam(name), otherwise);
    }

    static Set<Bucket> buckets(String name, String v, Set<Bucket> otherwise) {
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

    /** {@code v} as a 400 body may echo it: at most 80 characters, control characters escaped. */
    static String shorten(String v) {
        return ControlCharacters.printable(v, 80);
    }

    static String required(Context ctx, String name, String why) {
        String v = ctx.queryParam(name);
        if (v == null || v.isBlank()) throw new BadParameter(name, "is required: " + why);
        return v;
    }
}
