package io.harbinger.parsers;

import io.harbinger.core.admit.IngestLimits;
import io.harbinger.core.admit.ParseContext;
import io.harbinger.core.admit.TimeWindow;
import io.harbinger.core.parse.ParseResult;
import io.harbinger.core.parse.Rejection;
import io.harbinger.core.point.Field;
import io.harbinger.core.point.Point;
import io.harbinger.core.point.Tag;
import io.harbinger.core.text.ControlCharacters;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What every parser promises for any input, asserted by the coverage-guided fuzz targets: an answer
 * (never an exception, which the fuzzer reports as a finding), and in it only points that would pass
 * {@link ParseContext#admit} (so no control character reaches a host or drive name, no non-finite
 * value, no point over the limits, whatever path built it), and rejections whose details can be shown
 * in a 400 body and a log line as they are: short, one line, no control characters.
 */
public final class ParseInvariants {
    public static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");
    /** Small limits, so short inputs reach every limit. */
    public static final IngestLimits LIMITS = new IngestLimits(512, 8, 16, 32);

    private ParseInvariants() {
    }

    /** A default host, the back-fill window (2000 to now + 10 min) and {@link #LIMITS}: most well-formed input is accepted. */
    public static ParseContext context() {
        return context("fuzz-host");
    }

    /** As {@link #context()} with the given default host ("" for none). */
    public static ParseContext context(String defaultHost) {
        return new ParseContext("fuzz-region", defaultHost, NOW.getEpochSecond() * 1_000_000_000L,
                TimeWindow.backfill(Duration.ofMinutes(10)), LIMITS);
    }

    /** @return the points the result carries (accepted, or valid beside rejections), each checked */
    public static List<Point> check(ParseResult result, ParseContext ctx) {
        List<Point> points = switch (result) {
            case ParseResult.Accepted a -> a.points();
            case ParseResult.Rejected r -> {
                r.rejections().forEach(ParseInvariants::checkRejection);
                yield r.validPoints();
            }
        };
        for (Point p : points) checkPoint(p, ctx);
        return points;
    }

    public static void checkPoint(Point p, ParseContext ctx) {
        Rejection refused = ctx.admit(p, 1);
        if (refused != null) throw new AssertionError("a parser returned a point admission refuses (" + refused.describe() + "): " + p);
        requirePrintable(p.measurement(), p);
        requirePrintable(p.region(), p);
        requirePrintable(p.host(), p);
        requirePrintable(p.drive(), p);
        for (Tag t : p.tags()) {
            requirePrintable(t.key(), p);
            requirePrintable(t.value(), p);
        }
        for (Field f : p.fields()) {
            requirePrintable(f.name(), p);
            if (!Double.isFinite(f.value())) throw new AssertionError("non-finite field " + f + " in " + p);
        }
    }

    public static void checkRejection(Rejection r) {
        String detail = r.detail();
        if (detail.length() > Rejection.MAX_DETAIL_CHARS + 8) {
            throw new AssertionError("rejection detail of " + detail.length() + " chars echoes input unbounded: " + detail.substring(0, 200) + "...");
        }
        int control = ControlCharacters.firstIn(detail);
        if (control != ControlCharacters.NONE) {
            throw new AssertionError("rejection detail holds " + ControlCharacters.codePoint(detail.charAt(control)) + " at " + control
                    + ": " + detail.replaceAll("\\p{Cc}", "?"));
        }
    }

    private static void requirePrintable(String s, Point p) {
        if (ControlCharacters.firstIn(s) != ControlCharacters.NONE) throw new AssertionError("control character in '" + s + "' of " + p);
    }
}
