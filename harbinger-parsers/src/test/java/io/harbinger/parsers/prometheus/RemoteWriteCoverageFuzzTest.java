package io.harbinger.parsers.prometheus;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.harbinger.core.admit.ParseContext;
import io.harbinger.core.parse.ParseResult;
import io.harbinger.core.point.Point;
import io.harbinger.core.point.Tag;
import io.harbinger.parsers.ParseInvariants;
import io.harbinger.parsers.prometheus.RemoteWriteEncoder.Label;
import io.harbinger.parsers.prometheus.RemoteWriteEncoder.Sample;
import io.harbinger.parsers.prometheus.RemoteWriteEncoder.Series;
import org.xerial.snappy.Snappy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Coverage-guided fuzzing of remote write, Snappy included (seeds in
 * {@code src/test/resources/io/harbinger/parsers/prometheus/RemoteWriteCoverageFuzzTestInputs/};
 * {@code scripts/fuzz.sh remotewrite} fuzzes).
 */
class RemoteWriteCoverageFuzzTest {
    private static final ParseContext CTX = ParseInvariants.context();
    /** Small, so a mutated Snappy header soon claims more than allowed. */
    private static final int MAX_DECODED = 64 * 1024;

    /**
     * The first byte chooses what the rest is: even, a {@code WriteRequest} protobuf that is Snappy-compressed
     * here (so mutations reach the protobuf decoder and the label rules); odd, the raw body (so they reach
     * the Snappy header and its size claims). Either way: the {@link ParseInvariants}, a body never
     * decodes past {@code MAX_DECODED}, and every accepted point, encoded back as one series, parses to an
     * equal point.
     */
    @FuzzTest
    void parse(byte[] data) throws IOException {
        if (data.length == 0) return;
        byte[] rest = Arrays.copyOfRange(data, 1, data.length);
        byte[] body = (data[0] & 1) == 0 ? Snappy.compress(rest) : rest;
        ParseResult result = RemoteWriteParser.parse(body, MAX_DECODED, CTX);
        List<Point> points = ParseInvariants.check(result, CTX);
        for (Point p : points) roundTrips(p);
    }

    private static void roundTrips(Point p) {
        List<Label> labels = new ArrayList<>();
        labels.add(new Label("__name__", p.measurement()));
        labels.add(new Label("region", p.region()));
        labels.add(new Label("host", p.host()));
        for (Tag t : p.tags()) labels.add(new Label(t.key(), t.value()));
        Series series = new Series(labels, List.of(new Sample(p.fields().getFirst().value(), p.timestampNanos() / 1_000_000L)));
        ParseResult again = RemoteWriteParser.parse(RemoteWriteEncoder.encode(List.of(series)), MAX_DECODED, CTX);
        if (!(again instanceof ParseResult.Accepted a) || a.points().size() != 1 || !a.points().getFirst().equals(p)) {
            throw new AssertionError("point " + p + " encoded back as " + series + " parsed to " + again);
        }
    }
}
