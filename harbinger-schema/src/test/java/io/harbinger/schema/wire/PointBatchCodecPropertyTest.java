package io.harbinger.schema.wire;

import io.harbinger.core.point.Field;
import io.harbinger.core.point.Point;
import io.harbinger.core.point.Tag;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PointBatchCodecPropertyTest {

    @Property(tries = 500)
    void decode_ofEncode_isIdentity(@ForAll("batches") PointBatch batch) {
        assertThat(PointBatchCodec.decode(PointBatchCodec.encode(batch))).isEqualTo(new DecodeResult.Decoded(batch));
    }

    @Property(tries = 300)
    void contentFingerprintedEncoding_decodesToSamePoints(@ForAll("pointLists") List<Point> points) {
        DecodeResult result = PointBatchCodec.decode(PointBatchCodec.encodeWithContentFingerprint(points));

        assertThat(result).isInstanceOfSatisfying(DecodeResult.Decoded.class, d -> assertThat(d.batch().points()).isEqualTo(points));
    }

    @Property(tries = 500)
    void summarize_agreesWithAFullDecode_hostByHost(@ForAll("batches") PointBatch batch) {
        java.util.Map<String, BatchSummary.HostSummary> expected = new java.util.LinkedHashMap<>();
        for (Point p : batch.points()) {
            expected.merge(p.routingKey(), new BatchSummary.HostSummary(p.region(), p.host(), 1, p.fields().size(), p.timestampNanos()),
                    (a, b) -> new BatchSummary.HostSummary(a.region(), a.host(), a.points() + 1, a.samples() + b.samples(),
                            Math.max(a.newestNanos(), b.newestNanos())));
        }
        assertThat(PointBatchCodec.summarize(PointBatchCodec.encode(batch)))
                .isEqualTo(new BatchSummary(batch.fingerprint(), List.copyOf(expected.values())));
    }

    @Property(tries = 1000)
    void summarize_ofMutatedOrArbitraryBytes_neverThrows(@ForAll("batches") PointBatch batch, @ForAll @IntRange(min = 0, max = 10_000) int at,
                                                         @ForAll byte value, @ForAll @Size(max = 200) byte[] garbage) {
        byte[] bytes = PointBatchCodec.encode(batch);
        bytes[at % bytes.length] = value;
        assertThat(PointBatchCodec.summarize(bytes)).isNotNull();
        assertThat(PointBatchCodec.summarize(garbage)).isNotNull();
        if (PointBatchCodec.summarize(garbage) instanceof SummaryResult.Corrupt c) assertThat(c.detail()).isNotBlank();
    }

    @Property(tries = 1000)
    void decode_ofArbitraryBytes_neverThrows(@ForAll @Size(max = 200) byte[] bytes) {
        assertThat(PointBatchCodec.decode(bytes)).isNotNull();
    }

    @Property(tries = 1000)
    void decode_ofMutatedEncoding_neverThrows_andCorruptResultsSayWhy(@ForAll("batches") PointBatch batch,
                                                                     @ForAll @IntRange(min = 0, max = 10_000) int at,
                                                                     @ForAll byte value, @ForAll boolean truncate) {
        byte[] bytes = PointBatchCodec.encode(batch);
        int i = at % bytes.length;
        byte[] mutated = truncate ? java.util.Arrays.copyOf(bytes, i) : bytes.clone();
        if (!truncate) mutated[i] = value;

        DecodeResult result = PointBatchCodec.decode(mutated);

        if (result instanceof DecodeResult.Corrupt c) assertThat(c.detail()).isNotBlank();
        if (truncate) assertThat(result).isInstanceOf(DecodeResult.Corrupt.class);
    }

    @Provide
    Arbitrary<PointBatch> batches() {
        return Combinators.combine(Arbitraries.longs(), pointLists()).as(PointBatch::new);
    }

    @Provide
    Arbitrary<List<Point>> pointLists() {
        return points().list().ofMinSize(1).ofMaxSize(12);
    }

    private Arbitrary<Point> points() {
        Arbitrary<String> text = Arbitraries.oneOf(Arbitraries.of("smart", "eu", "host-1", "dc", "smart_5_raw", "ünï"),
                Arbitraries.strings().ofMinLength(1).ofMaxLength(20));
        Arbitrary<String> maybeEmpty = Arbitraries.oneOf(Arbitraries.just(""), text);
        Arbitrary<Tag> tag = Combinators.combine(text, maybeEmpty).as(Tag::new);
        Arbitrary<Double> value = Arbitraries.oneOf(Arbitraries.doubles(), Arbitraries.of(0.0, -0.0, Double.NaN, 1e308, 36.0));
        Arbitrary<Field> field = Combinators.combine(text, value).as(Field::new);
        return Combinators.combine(text, text, text, maybeEmpty, tag.list().ofMaxSize(5), field.list().ofMinSize(1).ofMaxSize(10),
                        Arbitraries.longs())
                .as(Point::new);
    }
}
