package io.harbinger.parsers.backblaze;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.harbinger.core.admit.ParseContext;
import io.harbinger.core.parse.ParseResult;
import io.harbinger.core.point.Point;
import io.harbinger.parsers.ParseInvariants;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Coverage-guided fuzzing of the Backblaze CSV importer (seeds in
 * {@code src/test/resources/io/harbinger/parsers/backblaze/BackblazeCoverageFuzzTestInputs/};
 * {@code scripts/fuzz.sh backblaze} fuzzes).
 */
class BackblazeCoverageFuzzTest {
    /** No default host: a drive is then its own host, the path where a serial number becomes a host name. */
    private static final ParseContext CTX = ParseInvariants.context("");

    /**
     * Any file, with its date from the rows: the {@link ParseInvariants}; at most one point per row after the
     * header; every point's host and drive are its serial number.
     */
    @FuzzTest
    void parse(byte[] csv) {
        ParseResult result = BackblazeCsvParser.parse(csv, Optional.<LocalDate>empty(), CTX);
        List<Point> points = ParseInvariants.check(result, CTX);
        long rows = 0;
        for (byte b : csv) if (b == '\n') rows++;
        if (points.size() > rows) throw new AssertionError(points.size() + " points from " + rows + " rows after the header");
        for (Point p : points) {
            if (!p.host().equals(p.drive())) throw new AssertionError("host is not the serial number: " + p);
        }
    }
}
