package io.harbinger.schema.wire;

import io.harbinger.schema.prediction.Assessor;
import io.harbinger.schema.prediction.Bucket;
import io.harbinger.schema.prediction.Contribution;
import io.harbinger.schema.prediction.Prediction;
import io.harbinger.schema.prediction.PredictionBatch;
import io.harbinger.schema.prediction.ScoredSample;
import io.harbinger.schema.topic.CorruptRecordException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PredictionBatchCodecTest {
    private static final PredictionBatchCodec CODEC = PredictionBatchCodec.CODEC;

    private static ScoredSample scored(String drive, double probability, Bucket bucket, Contribution... top) {
        return new ScoredSample("eu", "h1", drive, 1_764_324_000_123_456_789L, new Prediction("xgb-1", probability, bucket, List.of(top)));
    }

    private static final ScoredSample BAD = scored("ZA1", 0.5, Bucket.BAD, new Contribution("smart_197_raw", 1.25, Double.NaN), new Contribution("smart_5_raw", -0.5, Double.NaN));
    private static final PredictionBatch BATCH = new PredictionBatch(List.of(scored("ZA0", 0.01, Bucket.GOOD), BAD), List.of(BAD));

    @Test
    void decode_ofEncoded_isEqual() {
        assertThat(CODEC.decode(CODEC.encode(BATCH))).isEqualTo(BATCH);
    }

    @Test
    void repeatedStrings_areWrittenOnce() {
        List<ScoredSample> many = java.util.stream.IntStream.range(0, 50).mapToObj(i -> scored("ZA" + i, 0.1, Bucket.WARNING,
                new Contribution("smart_197_raw", 0.5, Double.NaN), new Contribution("smart_5_raw", 0.25, Double.NaN))).toList();

        byte[] bytes = CODEC.encode(new PredictionBatch(many, List.of()));

        assertThat(bytes.length).as("region, host, model version and feature names after their first use").isLessThan(50 * 70); // ~58 bytes a sample; writing the strings in full would be ~90
    }

    @Test
    void aSamplesRecord_isRefusedAsNotAPredictionBatch() {
        byte[] samples = PointBatchCodec.encode(new PointBatch(1L, List.of(io.harbinger.schema.TestPoints.host("eu", "h1", 0))));

        assertThatThrownBy(() -> CODEC.decode(samples)).isInstanceOf(CorruptRecordException.class)
                .hasMessage("byte 0 is 1, not 80 ('P'): not a prediction batch");
    }

    @Test
    void nullOrUnknownVersion_isRefused() {
        assertThatThrownBy(() -> CODEC.decode(null)).hasMessage("no record value (null)");
        byte[] bytes = CODEC.encode(BATCH);
        bytes[1] = 9;
        assertThatThrownBy(() -> CODEC.decode(bytes)).hasMessage("unknown prediction wire version 9 at byte 1 (this reader knows 1 to 3)");
    }

    @Test
    void aVersion1Record_stillOnTheTopicAfterAnUpgrade_decodesWithEveryValueUnknown() {
        BatchWriter w = new BatchWriter(128, 8);
        w.writeByte('P');
        w.writeByte(1);
        w.writeVarint(1);
        w.writeVarint(0);
        w.writeString("eu");
        w.writeString("h1");
        w.writeString("ZA1");
        w.writeLong(42);
        w.writeString("v3");
        w.writeDouble(0.5);
        w.writeByte(2);
        w.writeVarint(2);
        w.writeString("smart_197_raw");
        w.writeDouble(1.25);
        w.writeString("smart_5_raw");
        w.writeDouble(-0.5);

        PredictionBatch decoded = CODEC.decode(w.toByteArray());

        assertThat(decoded.scored()).containsExactly(new ScoredSample("eu", "h1", "ZA1", 42, new Prediction("v3", 0.5, Bucket.BAD,
                List.of(new Contribution("smart_197_raw", 1.25, Double.NaN), new Contribution("smart_5_raw", -0.5, Double.NaN)))));
    }

    @Test
    void aVersion2Record_decodesAsTheModelsPrediction_withoutFacts() {
        BatchWriter w = new BatchWriter(128, 8);
        w.writeByte('P');
        w.writeByte(2);
        w.writeVarint(1);
        w.writeVarint(0);
        w.writeString("eu");
        w.writeString("h1");
        w.writeString("ZA1");
        w.writeLong(42);
        w.writeString("v3");
        w.writeDouble(0.5);
        w.writeByte(2);
        w.writeVarint(1);
        w.writeString("smart_197_raw");
        w.writeDouble(1.25);
        w.writeDouble(24);

        Prediction decoded = CODEC.decode(w.toByteArray()).scored().get(0).prediction();

        assertThat(decoded).isEqualTo(new Prediction("v3", 0.5, Bucket.BAD, List.of(new Contribution("smart_197_raw", 1.25, 24))));
        assertThat(decoded.assessor()).isEqualTo(Assessor.MODEL);
        assertThat(decoded.facts()).isEmpty();
    }

    @Test
    void assessorAndFacts_roundTrip() {
        ScoredSample nvme = new ScoredSample("eu", "h1", "S46", 7, Prediction.ofRule(Assessor.NVME_HEALTH_LOG, "nvme-health-v1", Bucket.BAD,
                List.of("NVMe critical warning 0x04: reliability degraded", "7 media and data integrity errors")));
        ScoredSample model = new ScoredSample("eu", "h1", "ZA1", 8, new Prediction("xgb-1", 0.7, Bucket.BAD,
                List.of(new Contribution("smart_197_raw", 1, 24))).withFacts(List.of("SMART 197 current pending sectors 0 -> 24 in 3 days")));

        PredictionBatch decoded = CODEC.decode(CODEC.encode(new PredictionBatch(List.of(nvme, model), List.of(nvme))));

        assertThat(decoded.scored()).containsExactly(nvme, model);
        assertThat(decoded.alerts()).containsExactly(nvme);
    }

    @Test
    void unknownAssessor_isRefused() {
        ScoredSample nvme = new ScoredSample("eu", "h1", "S46", 7, Prediction.ofRule(Assessor.NVME_HEALTH_LOG, "r", Bucket.GOOD, List.of()));
        byte[] bytes = CODEC.encode(new PredictionBatch(List.of(nvme), List.of()));
        bytes[bytes.length - 2] = 9; // assessor, then fact count 0

        assertThatThrownBy(() -> CODEC.decode(bytes)).isInstanceOf(CorruptRecordException.class).hasMessageContaining("assessor 9 is not 0..3");
    }

    @Test
    void featureValues_roundTrip() {
        ScoredSample valued = scored("ZA9", 0.9, Bucket.BAD, new Contribution("smart_197_change_7d", 1.5, 24), new Contribution("temperature", 0.2, Double.NaN));

        assertThat(CODEC.decode(CODEC.encode(new PredictionBatch(List.of(valued), List.of()))).scored()).containsExactly(valued);
    }

    @Test
    void probabilityOutside0To1_isRefused_namingTheSample() {
        byte[] bytes = CODEC.encode(new PredictionBatch(List.of(BAD), List.of()));
        bytes[EncodedBytes.indexOf(bytes, 0.5) + 7] = 0x40; // 0x3FE0... becomes 0x40E0..., 32768.0

        assertThatThrownBy(() -> CODEC.decode(bytes)).isInstanceOf(CorruptRecordException.class)
                .hasMessageStartingWith("scored sample 0 of 1 at byte 4: ").hasMessageContaining("probability 32768.0 is outside 0..1");
    }

    @Test
    void unknownBucket_isRefused() {
        byte[] bytes = CODEC.encode(new PredictionBatch(List.of(BAD), List.of()));
        bytes[EncodedBytes.indexOf(bytes, 0.5) + 8] = 7;

        assertThatThrownBy(() -> CODEC.decode(bytes)).hasMessageContaining("bucket 7 is not 0..3");
    }

    @Test
    void truncatedOrTrailingBytes_areRefused() {
        byte[] bytes = CODEC.encode(BATCH);

        assertThatThrownBy(() -> CODEC.decode(Arrays.copyOf(bytes, bytes.length - 1))).isInstanceOf(CorruptRecordException.class);
        assertThatThrownBy(() -> CODEC.decode(Arrays.copyOf(bytes, bytes.length + 2))).hasMessage("2 trailing bytes at byte " + bytes.length);
    }

    @Test
    void anEmptyBatch_cannotBeBuilt() {
        assertThatThrownBy(() -> new PredictionBatch(List.of(), List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Property(tries = 300)
    void anyBatch_roundTrips(@ForAll("batches") PredictionBatch batch) {
        assertThat(CODEC.decode(CODEC.encode(batch))).isEqualTo(batch);
    }

    @Property(tries = 2000)
    void anyMutation_decodesOrIsRefused_neverThrowsAnythingElse(@ForAll("batches") PredictionBatch batch, @ForAll int position, @ForAll byte value) {
        byte[] bytes = CODEC.encode(batch);
        bytes[Math.floorMod(position, bytes.length)] = value;
        try {
            CODEC.decode(bytes);
        } catch (CorruptRecordException expected) {
            assertThat(expected.getMessage()).isNotBlank();
        }
    }

    @Provide
    Arbitrary<PredictionBatch> batches() {
        Arbitrary<String> text = Arbitraries.strings().ofMinLength(1).ofMaxLength(12);
        Arbitrary<Contribution> contribution = net.jqwik.api.Combinators.combine(text, Arbitraries.doubles(), Arbitraries.doubles().withSpecialValue(Double.NaN))
                .as(Contribution::new);
        Arbitrary<Prediction> prediction = net.jqwik.api.Combinators.combine(text, Arbitraries.doubles().between(0, 1), Arbitraries.of(Bucket.class),
                        contribution.list().ofMaxSize(4), Arbitraries.of(Assessor.class), text.list().ofMaxSize(3))
                .as(Prediction::new);
        Arbitrary<ScoredSample> sample = net.jqwik.api.Combinators.combine(text, text, text, Arbitraries.longs(), prediction)
                .as(ScoredSample::new);
        return net.jqwik.api.Combinators.combine(sample.list().ofMinSize(1).ofMaxSize(6), sample.list().ofMaxSize(2)).as(PredictionBatch::new);
    }
}
