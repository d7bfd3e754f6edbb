package io.harbinger.pipeline;

import io.harbinger.schema.TestPoints;
import io.harbinger.core.point.Point;
import io.harbinger.schema.wire.DecodeResult;
import io.harbinger.schema.wire.PointBatch;
import io.harbinger.schema.wire.PointBatchCodec;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.harbinger.pipeline.KafkaPointSink.MAX_POINTS_PER_RECORD;
import static io.harbinger.schema.TestPoints.T0;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a write turns into before any producer is involved: the pure {@code records} and
 * {@code groupByRoutingKey}. Sending, acknowledgements and failures are in {@link KafkaPointSinkIT}.
 */
class KafkaPointSinkTest {
    private static final Point A1 = TestPoints.host("eu", "a", T0);
    private static final Point B1 = TestPoints.host("eu", "b", T0);
    private static final Point A2 = TestPoints.host("eu", "a", T0 + 1);
    private static final Point C1 = TestPoints.host("us", "a", T0); // same host name, other region

    @Test
    void groupByRoutingKey_keepsFirstAppearanceOrderOfGroups_andOrderWithinAGroup() {
        assertThat(KafkaPointSink.groupByRoutingKey(List.of(A1, B1, A2, C1)))
                .containsExactly(List.of(A1, A2), List.of(B1), List.of(C1));
    }

    @Test
    void groupByRoutingKey_ofOneHost_isOneGroupInTheOriginalOrder() {
        List<Point> oneHost = List.of(A2, A1, TestPoints.smart("eu", "a", "S1", T0));

        assertThat(KafkaPointSink.groupByRoutingKey(oneHost)).containsExactly(oneHost);
    }

    /** With one partition every host shares the record; with many, each host lands where murmur2 puts its key. */
    @Test
    void records_areOnePerPartition_withTheHostsItHolds_inFirstAppearanceOrder() {
        List<ProducerRecord<String, byte[]>> one = KafkaPointSink.records("t.samples", 1, List.of(A1, B1, A2, C1), "");
        assertThat(one).singleElement().satisfies(r -> {
            assertThat(r.topic()).isEqualTo("t.samples");
            assertThat(r.partition()).isZero();
            assertThat(r.key()).isNull();
            assertThat(decode(r).points()).containsExactly(A1, A2, B1, C1);
        });

        List<ProducerRecord<String, byte[]>> many = KafkaPointSink.records("t.samples", 64, List.of(A1, B1, A2, C1), "");
        for (ProducerRecord<String, byte[]> r : many) {
            assertThat(decode(r).points()).allSatisfy(p -> assertThat(KafkaPointSink.partitionOf(p.routingKey(), 64)).isEqualTo(r.partition()));
        }
        assertThat(many).extracting(ProducerRecord::partition).isSorted().doesNotHaveDuplicates();
        assertThat(many.stream().flatMap(r -> decode(r).points().stream()).toList()).containsExactlyInAnyOrder(A1, A2, B1, C1);
    }

    @Test
    void partitionOf_matchesKafkasDefaultPartitionerForAKeyedRecord() {
        // BuiltInPartitioner.partitionForKey: toPositive(murmur2(key bytes)) % partitions
        byte[] key = "eu/host-04711".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(KafkaPointSink.partitionOf("eu/host-04711", 7))
                .isEqualTo(org.apache.kafka.clients.producer.internals.BuiltInPartitioner.partitionForKey(key, 7));
    }

    @ParameterizedTest(name = "{0} points of one host -> {1} records")
    @CsvSource({"1, 1", "1023, 1", "1024, 1", "1025, 2", "2048, 2", "2049, 3"})
    void records_cutAPartitionsPointsIntoPartsOfAtMost1024_inOrder(int points, int expectedRecords) {
        List<Point> many = pointsOfOneHost("eu", "a", points);

        List<ProducerRecord<String, byte[]>> records = KafkaPointSink.records("t", 4, many, "k");

        assertThat(records).hasSize(expectedRecords).extracting(ProducerRecord::partition).containsOnly(KafkaPointSink.partitionOf("eu/a", 4));
        assertThat(records).allSatisfy(r -> assertThat(decode(r).points()).hasSizeBetween(1, MAX_POINTS_PER_RECORD));
        assertThat(records.stream().flatMap(r -> decode(r).points().stream()).toList()).isEqualTo(many);
        assertThat(fingerprints(records)).doesNotHaveDuplicates();
    }

    @Test
    void records_withIdempotencyKey_haveTheSameFingerprintsOnRetry_evenWithNewServerTimestamps() {
        List<Point> first = List.of(TestPoints.host("eu", "a", T0), TestPoints.host("eu", "b", T0));
        List<Point> retry = List.of(TestPoints.host("eu", "a", T0 + 999), TestPoints.host("eu", "b", T0 + 999));

        assertThat(fingerprints(KafkaPointSink.records("t", 8, first, "req-1")))
                .isEqualTo(fingerprints(KafkaPointSink.records("t", 8, retry, "req-1")))
                .doesNotHaveDuplicates()
                .doesNotContainAnyElementsOf(fingerprints(KafkaPointSink.records("t", 8, first, "req-2")));
    }

    @Test
    void records_withIdempotencyKey_fingerprintKeyPartitionAndPart() {
        List<ProducerRecord<String, byte[]>> records = KafkaPointSink.records("t", 1, pointsOfOneHost("eu", "a", MAX_POINTS_PER_RECORD + 1), "req-1");

        assertThat(fingerprints(records)).containsExactly(
                PointBatchCodec.idempotencyFingerprint("req-1", "partition-0", 0),
                PointBatchCodec.idempotencyFingerprint("req-1", "partition-0", 1));
    }

    @Test
    void records_withoutIdempotencyKey_fingerprintTheContent() {
        assertThat(fingerprints(KafkaPointSink.records("t", 1, List.of(A1, B1), "")))
                .isEqualTo(fingerprints(KafkaPointSink.records("t", 1, List.of(A1, B1), "")))
                .isNotEqualTo(fingerprints(KafkaPointSink.records("t", 1, List.of(A1), "")));
        assertThat(fingerprints(KafkaPointSink.records("t", 1, List.of(A2, B1), "")))
                .isNotEqualTo(fingerprints(KafkaPointSink.records("t", 1, List.of(A1, B1), "")));
    }

    @Test
    void producerConfig_isDurableAndBounded_andExtraPropertiesOverrideDefaults() {
        var config = KafkaPointSink.producerConfig("127.0.0.1:9092", Map.of("compression.type", "none"));

        assertThat(config).containsEntry("bootstrap.servers", "127.0.0.1:9092")
                .containsEntry("acks", "all").containsEntry("enable.idempotence", true)
                .containsEntry("max.block.ms", 1_000).containsEntry("delivery.timeout.ms", 25_000)
                .containsEntry("compression.type", "none");
    }

    private static List<Point> pointsOfOneHost(String region, String host, int count) {
        List<Point> points = new ArrayList<>(count);
        for (int i = 0; i < count; i++) points.add(TestPoints.host(region, host, T0 + i));
        return points;
    }

    static PointBatch decode(ProducerRecord<String, byte[]> record) {
        return ((DecodeResult.Decoded) PointBatchCodec.decode(record.value())).batch();
    }

    private static List<Long> fingerprints(List<ProducerRecord<String, byte[]>> records) {
        return records.stream().map(r -> decode(r).fingerprint()).toList();
    }
}
