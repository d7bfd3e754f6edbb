package io.harbinger.parsers.smartctl;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.harbinger.core.admit.ParseContext;
import io.harbinger.core.parse.ParseResult;
import io.harbinger.core.point.Point;
import io.harbinger.parsers.ParseInvariants;

import java.util.List;

/**
 * Coverage-guided fuzzing of the two JSON disk formats (seeds in
 * {@code src/test/resources/io/harbinger/parsers/smartctl/SmartJsonCoverageFuzzTestInputs/<method>/};
 * {@code scripts/fuzz.sh smartctl} and {@code ceph} fuzz).
 */
class SmartJsonCoverageFuzzTest {
    private static final ParseContext CTX = ParseInvariants.context();

    /** Any document: the {@link ParseInvariants}; an accepted report is one point of the request's host with a drive. */
    @FuzzTest
    void smartctl(byte[] json) {
        ParseResult result = SmartctlJsonParser.parse(json, CTX);
        List<Point> points = ParseInvariants.check(result, CTX);
        if (points.size() > 1) throw new AssertionError("one smartctl report gave " + points.size() + " points");
        for (Point p : points) hasHostAndDrive(p);
    }

    /** Any document: the {@link ParseInvariants}; every point is the request's host with a drive. */
    @FuzzTest
    void ceph(byte[] json) {
        ParseResult result = CephTelemetryParser.parse(json, CTX);
        for (Point p : ParseInvariants.check(result, CTX)) hasHostAndDrive(p);
    }

    private static void hasHostAndDrive(Point p) {
        if (!p.host().equals(CTX.defaultHost()) || p.drive().isEmpty()) throw new AssertionError("point without the request's host or a drive: " + p);
    }
}
