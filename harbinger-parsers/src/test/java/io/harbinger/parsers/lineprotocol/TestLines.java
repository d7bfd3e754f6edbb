package io.harbinger.parsers.lineprotocol;

import io.harbinger.core.admit.IngestLimits;
import io.harbinger.core.admit.ParseContext;
import io.harbinger.core.admit.TimeWindow;
import io.harbinger.core.parse.ParseResult;
import io.harbinger.core.parse.Rejection;
import io.harbinger.core.point.Point;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Small builders and assertions shared by the line protocol tests. */
final class TestLines {
    static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");
    static final long NOW_NANOS = NOW.getEpochSecond() * 1_000_000_000L;

    private TestLines() {
    }

    /** Default region "default-region", no default host, live window, default limits. */
    static ParseContext ctx() {
        return new ParseContext("default-region", "", NOW_NANOS, TimeWindow.LIVE_DEFAULT, IngestLimits.DEFAULTS);
    }

    static ParseContext ctx(IngestLimits limits) {
        return new ParseContext("default-region", "", NOW_NANOS, TimeWindow.LIVE_DEFAULT, limits);
    }

    static ParseResult parse(String body) {
        return parse(body, Precision.NANOSECONDS, ctx());
    }

    static ParseResult parse(String body, Precision precision, ParseContext ctx) {
        return parse(body.getBytes(StandardCharsets.UTF_8), precision, ctx);
    }

    static ParseResult parse(byte[] body, Precision precision, ParseContext ctx) {
        return LineProtocolParser.parse(body, 0, body.length, precision, ctx);
    }

    static List<Point> accepted(String body) {
        return accepted(parse(body));
    }

    static List<Point> accepted(ParseResult result) {
        assertThat(result).isInstanceOfSatisfying(ParseResult.Accepted.class, a -> { });
        return ((ParseResult.Accepted) result).points();
    }

    static Point single(String body) {
        List<Point> points = accepted(body);
        assertThat(points).hasSize(1);
        return points.getFirst();
    }

    static Rejection rejection(String body) {
        return rejection(parse(body));
    }

    static Rejection rejection(ParseResult result) {
        assertThat(result).isInstanceOf(ParseResult.Rejected.class);
        ParseResult.Rejected rejected = (ParseResult.Rejected) result;
        assertThat(rejected.rejections()).hasSize(1);
        return rejected.rejections().getFirst();
    }
}
