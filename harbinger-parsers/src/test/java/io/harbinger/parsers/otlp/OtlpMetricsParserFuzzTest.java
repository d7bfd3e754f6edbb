package io.harbinger.parsers.otlp;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import io.harbinger.core.parse.ParseResult;
import io.harbinger.core.parse.Rejection;
import io.harbinger.core.point.Point;
import io.harbinger.parsers.Mutations;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static io.harbinger.parsers.otlp.Otlp.*;
import static org.assertj.core.api.Assertions.assertThat;

/** Random and mutated bodies at both decoders: every outcome is Accepted or Rejected with details, never an exception. */
class OtlpMetricsParserFuzzTest {
    static final byte[] COLLECTOR_JSON = OtlpJsonTest.COLLECTOR_JSON.getBytes(StandardCharsets.UTF_8);
    static final byte[] COLLECTOR_PROTOBUF = toProtobuf(OtlpJsonTest.COLLECTOR_JSON);

    @Property
    void randomBytesAsProtobuf_areAnsweredNotThrown(@ForAll @Size(max = 1024) byte[] body) {
        assertWellFormed(OtlpMetricsParser.parseProtobuf(body, CTX));
    }

    @Property
    void randomBytesAsJson_areAnsweredNotThrown(@ForAll @Size(max = 1024) byte[] body) {
        assertWellFormed(OtlpMetricsParser.parseJson(body, CTX));
    }

    @Property
    void bitFlippedProtobuf_isAnsweredNotThrown(@ForAll("requests") ExportMetricsServiceRequest request, @ForAll("flips") List<Integer> flips) {
        assertWellFormed(OtlpMetricsParser.parseProtobuf(Mutations.flipBits(request.toByteArray(), flips), CTX));
        assertWellFormed(OtlpMetricsParser.parseProtobuf(Mutations.flipBits(COLLECTOR_PROTOBUF, flips), CTX));
    }

    @Property
    void bitFlippedJson_isAnsweredNotThrown(@ForAll("flips") List<Integer> flips) {
        assertWellFormed(OtlpMetricsParser.parseJson(Mutations.flipBits(COLLECTOR_JSON, flips), CTX));
    }

    @Property
    void jsonWithCharactersReplaced_isAnsweredNotThrown(@ForAll("positions") List<Integer> positions,
                                                         @ForAll("jsonChars") List<Character> replacements) {
        char[] json = OtlpJsonTest.COLLECTOR_JSON.toCharArray();
        for (int i = 0; i < Math.min(positions.size(), replacements.size()); i++) {
            json[Math.floorMod(positions.get(i), json.length)] = replacements.get(i);
        }
        assertWellFormed(OtlpMetricsParser.parseJson(new String(json).getBytes(StandardCharsets.UTF_8), CTX));
    }

    @Property(tries = 300)
    void generatedRequests_giveTheSamePointsFromProtobufAndJson(@ForAll("requests") ExportMetricsServiceRequest request)
            throws InvalidProtocolBufferException {
        ParseResult fromProtobuf = OtlpMetricsParser.parseProtobuf(request.toByteArray(), CTX);
        ParseResult fromJson = OtlpMetricsParser.parseJson(JsonFormat.printer().print(request).getBytes(StandardCharsets.UTF_8), CTX);
        assertWellFormed(fromProtobuf);
        assertThat(fromJson).isEqualTo(fromProtobuf);
    }

    static void assertWellFormed(ParseResult result) {
        switch (result) {
            case ParseResult.Accepted a -> a.points().forEach(OtlpMetricsParserFuzzTest::assertAdmissible);
            case ParseResult.Rejected r -> {
                assertThat(r.rejections()).isNotEmpty();
                for (Rejection rej : r.rejections()) {
                    assertThat(rej.detail()).isNotBlank();
                    if (rej.line() == 0) assertThat(r.validPoints()).as("a whole-body rejection keeps no points").isEmpty();
                }
                r.validPoints().forEach(OtlpMetricsParserFuzzTest::assertAdmissible);
            }
        }
    }

    private static void assertAdmissible(Point p) {
        assertThat(CTX.admit(p, 1)).as("accepted point %s", p).isNull();
        assertThat(p.tags()).noneMatch(t -> t.key().equals("host") || t.key().equals("region"));
    }

    @Provide
    Arbitrary<List<Integer>> flips() {
        return Arbitraries.integers().list().ofMinSize(1).ofMaxSize(6);
    }

    @Provide
    Arbitrary<List<Integer>> positions() {
        return Arbitraries.integers().greaterOrEqual(0).list().ofMinSize(1).ofMaxSize(4);
    }

    @Provide
    Arbitrary<List<Character>> jsonChars() {
        return Arbitraries.of('{', '}', '[', ']', '"', ':', ',', '0', '-', 'e', '.', 'n', ' ', '\\', 'x', '\u00e9')
                .list().ofMinSize(1).ofMaxSize(4);
    }

    @Provide
    Arbitrary<ExportMetricsServiceRequest> requests() {
        Arbitrary<String> keys = Arbitraries.of("host", "region", "device", "serial", "service.name", "k", "");
        Arbitrary<String> values = Arbitraries.oneOf(Arbitraries.of("sda", "h1", ""), Arbitraries.strings().ofMaxLength(10));
        Arbitrary<io.opentelemetry.proto.common.v1.KeyValue> attributes = Combinators.combine(keys, values).as(Otlp::attr);
        Arbitrary<Double> doubles = Arbitraries.oneOf(Arbitraries.doubles(), Arbitraries.of(Double.NaN, Double.NEGATIVE_INFINITY));
        Arbitrary<Long> times = Arbitraries.oneOf(Arbitraries.longs().between(NOW_NS - 3_600_000_000_000L, NOW_NS), Arbitraries.of(0L, -1L, 1L));
        Arbitrary<NumberDataPoint> points = Combinators.combine(doubles, times, attributes.list().ofMaxSize(3))
                .as((v, t, attrs) -> NumberDataPoint.newBuilder().setAsDouble(v).setTimeUnixNano(t).addAllAttributes(attrs).build());
        Arbitrary<Metric> metrics = Combinators.combine(Arbitraries.of("m", "disk.temp", ""), points.list().ofMaxSize(3))
                .as((name, dps) -> gauge(name, dps.toArray(NumberDataPoint[]::new)));
        Arbitrary<io.opentelemetry.proto.resource.v1.Resource> resources = Arbitraries.of(
                resource(attr("host.name", "db-7")), resource(attr("host", "h"), attr("region", "r")), resource());
        return Combinators.combine(resources, metrics.list().ofMaxSize(3))
                .as((r, ms) -> request(r, ms.toArray(Metric[]::new)));
    }

    private static byte[] toProtobuf(String json) {
        ExportMetricsServiceRequest.Builder b = ExportMetricsServiceRequest.newBuilder();
        try {
            JsonFormat.parser().ignoringUnknownFields().merge(json, b);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("test corpus must be valid OTLP/JSON", e);
        }
        return b.build().toByteArray();
    }
}
