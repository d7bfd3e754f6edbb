package io.harbinger.parsers.prometheus;

import io.harbinger.core.parse.ParseResult;
import io.harbinger.core.parse.Rejection;
import io.harbinger.core.point.Point;
import io.harbinger.parsers.Mutations;
import io.harbinger.parsers.prometheus.RemoteWriteEncoder.Sample;
import io.harbinger.parsers.prometheus.RemoteWriteEncoder.Series;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.statistics.Statistics;
import org.xerial.snappy.Snappy;

import java.io.IOException;
import java.util.List;
import java.util.stream.Stream;

import static io.harbinger.parsers.prometheus.RemoteWriteParserTest.CTX;
import static io.harbinger.parsers.prometheus.RemoteWriteParserTest.NOW_MS;
import static org.assertj.core.api.Assertions.assertThat;

/** Random and mutated bodies: every outcome is Accepted or Rejected with details, never an exception. */
class RemoteWriteParserFuzzTest {
    static final int MAX_DECODED = 64 * 1024;

    @Property
    void randomBytes_areAnsweredNotThrown(@ForAll @Size(max = 1024) byte[] body) {
        assertWellFormed(RemoteWriteParser.parse(body, MAX_DECODED, CTX));
    }

    @Property
    void randomBytesInAValidSnappyBlock_areAnsweredNotThrown(@ForAll @Size(max = 1024) byte[] protobuf) throws IOException {
        assertWellFormed(RemoteWriteParser.parse(Snappy.compress(protobuf), MAX_DECODED, CTX));
    }

    @Property
    void bitFlippedSnappyBodies_areAnsweredNotThrown(@ForAll("requests") List<Series> request, @ForAll("flips") List<Integer> flips) {
        byte[] body = Mutations.flipBits(RemoteWriteEncoder.encode(request), flips);
        assertWellFormed(RemoteWriteParser.parse(body, MAX_DECODED, CTX));
    }

    @Property
    void bitFlippedProtobufInAValidSnappyBlock_areAnsweredNotThrown(@ForAll("requests") List<Series> request,
                                                                     @ForAll("flips") List<Integer> flips) throws IOException {
        byte[] protobuf = Mutations.flipBits(RemoteWriteEncoder.encodeProtobuf(request), flips);
        assertWellFormed(RemoteWriteParser.parse(Snappy.compress(protobuf), MAX_DECODED, CTX));
    }

    @Property(tries = 300)
    void validRequests_acceptedOnlyWhenEveryFiniteSampleBecameAPoint(@ForAll("requests") List<Series> request) {
        ParseResult result = RemoteWriteParser.parse(RemoteWriteEncoder.encode(request), MAX_DECODED, CTX);
        assertWellFormed(result);
        long finite = request.stream().flatMap(s -> s.samples().stream()).filter(s -> Double.isFinite(s.value())).count();
        switch (result) {
            case ParseResult.Accepted a -> assertThat(a.points()).hasSize((int) finite);
            case ParseResult.Rejected r -> assertThat(r.validPoints()).hasSizeLessThan((int) finite + 1);
        }
        Statistics.collect(result.getClass().getSimpleName());
        Statistics.coverage(c -> {
            c.check("Accepted").percentage(p -> p > 10);
            c.check("Rejected").percentage(p -> p > 10);
        });
    }

    static void assertWellFormed(ParseResult result) {
        switch (result) {
            case ParseResult.Accepted a -> a.points().forEach(RemoteWriteParserFuzzTest::assertAdmissible);
            case ParseResult.Rejected r -> {
                assertThat(r.rejections()).isNotEmpty();
                for (Rejection rej : r.rejections()) {
                    assertThat(rej.detail()).isNotBlank();
                    assertThat(rej.describe()).contains(rej.reason().label());
                }
                r.validPoints().forEach(RemoteWriteParserFuzzTest::assertAdmissible);
            }
        }
    }

    private static void assertAdmissible(Point p) {
        assertThat(CTX.admit(p, 1)).as("accepted point %s", p).isNull();
        assertThat(p.tags()).noneMatch(t -> t.key().equals("host") || t.key().equals("region") || t.key().equals(SeriesLabels.NAME));
    }

    @Provide
    Arbitrary<List<Integer>> flips() {
        return Arbitraries.integers().list().ofMinSize(1).ofMaxSize(6);
    }

    @Provide
    Arbitrary<List<Series>> requests() {
        Arbitrary<String> names = Arbitraries.of("__name__", "host", "instance", "region", "job", "device", "serial", "", "le");
        Arbitrary<String> values = Arbitraries.oneOf(Arbitraries.of("up", "node1:9100", "[::1]:9100", "sda", ""),
                Arbitraries.strings().ofMaxLength(12));
        Arbitrary<RemoteWriteEncoder.Label> labels = Combinators.combine(names, values).as(RemoteWriteEncoder.Label::new);
        Arbitrary<Double> sampleValues = Arbitraries.oneOf(Arbitraries.doubles(),
                Arbitraries.of(Double.NaN, Double.POSITIVE_INFINITY, Double.longBitsToDouble(SeriesMapper.STALE_NAN_BITS)));
        Arbitrary<Long> times = Arbitraries.longs().between(NOW_MS - 3_600_000, NOW_MS + 600_000);
        Arbitrary<Sample> samples = Combinators.combine(sampleValues, times).as(Sample::new);
        Arbitrary<Series> series = Combinators.combine(labels.list().ofMaxSize(6), samples.list().ofMaxSize(4))
                .as((ls, ss) -> new Series(prepend(new RemoteWriteEncoder.Label("__name__", "m"), new RemoteWriteEncoder.Label("host", "h"), ls), ss));
        return series.list().ofMaxSize(5);
    }

    private static List<RemoteWriteEncoder.Label> prepend(RemoteWriteEncoder.Label a, RemoteWriteEncoder.Label b, List<RemoteWriteEncoder.Label> rest) {
        return Stream.concat(Stream.of(a, b), rest.stream()).toList();
    }
}
