package io.harbinger.parsers.lineprotocol;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.harbinger.core.admit.ParseContext;
import io.harbinger.core.parse.ParseResult;
import io.harbinger.core.point.Point;
import io.harbinger.parsers.ParseInvariants;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Coverage-guided fuzzing of the line protocol parser (seeds in
 * {@code src/test/resources/io/harbinger/parsers/lineprotocol/LineProtocolCoverageFuzzTestInputs/}; a plain
 * build runs them, {@code scripts/fuzz.sh lineprotocol} fuzzes).
 */
class LineProtocolCoverageFuzzTest {
    private static final ParseContext CTX = ParseInvariants.context();

    /**
     * Any body: the {@link ParseInvariants}; no more answers than lines; and every accepted point,
     * written back as line protocol, parses to an equal point (escapes, numbers and timestamps survive).
     */
    @FuzzTest
    void parse(byte[] body) {
        ParseResult result = LineProtocolParser.parse(body, 0, body.length, Precision.NANOSECONDS, CTX);
        List<Point> points = ParseInvariants.check(result, CTX);
        long answered = points.size() + (result instanceof ParseResult.Rejected r ? r.rejectedCount() : 0);
        if (answered > lines(body)) throw new AssertionError(answered + " points and rejections from " + lines(body) + " lines");
        for (Point p : points) roundTrips(p);
    }

    private static void roundTrips(Point p) {
        byte[] line = LineProtocolEncoder.line(p).getBytes(StandardCharsets.UTF_8);
        ParseResult again = LineProtocolParser.parse(line, 0, line.length, Precision.NANOSECONDS, CTX);
        if (!(again instanceof ParseResult.Accepted a) || a.points().size() != 1 || !a.points().getFirst().equals(p)) {
            throw new AssertionError("point " + p + " written as '" + new String(line, StandardCharsets.UTF_8) + "' parsed to " + again);
        }
    }

    private static long lines(byte[] body) {
        long n = 1;
        for (byte b : body) if (b == '\n') n++;
        return n;
    }
}
