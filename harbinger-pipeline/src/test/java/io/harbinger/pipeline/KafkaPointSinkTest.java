package io.harbinger.pipeline;

import io.harbinger.core.sample.Point;
import io.harbinger.core.sample.PointSink.WriteOptions;
import io.harbinger.pipeline.wire.DecodeResult;
import io.harbinger.pipeline.wire.PointBatch;
import io.harbinger.pipeline.wire.PointBatchCodec;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import static io.harbinger.pipeline.TestPoints.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KafkaPointSinkTest {
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final MockProducer<String, byte[]> producer = new MockProducer<>(false, null, new StringSerializer(), new ByteArraySerializer());
    private final KafkaPointSink sink = new KafkaPointSink(producer, "t.samples", registry, Optional.empty());

    private static final Point A1 = TestPoints.host("eu", "a", T0);
    private static final Point B1 = TestPoints.host("eu", "b", T0);
    private static final Point A2 = TestPoints.host("eu", "a", T0 + 1);
    private static final Point C1 = TestPoints.host("us", "a", T0);

    @Test
    void write_groupsPointsByRoutingKey_inFirstAppearanceOrder_keepingOrderWithinAGroup() {
        sink.write(List.of(A1, B1, A2, C1), WriteOptions.NONE);

        assertThat(producer.history()).extracting(ProducerRecord::key).containsExactly("eu/a", "eu/b", "us/a");
        assertThat(producer.history()).extracting(ProducerRecord::topic).containsOnly("t.samples");
        assertThat(decode(producer.history().get(0)).points()).containsExactly(A1, A2);
    }

    @Test
    void write_completesOnlyWhenEveryRecordIsAcknowledged() {
        CompletableFuture<Void> stage = sink.write(List.of(A1, B1, C1), WriteOptions.NONE).toCompletableFuture();

        producer.completeNext();
        producer.completeNext();
        assertThat(stage).isNotDone();
        producer.completeNext();
        assertThat(stage).isCompleted();
        assertThat(registry.get("harbinger.kafka.producer.points").counter().count()).isEqualTo(3.0);
    }

    @Test
    void write_failsAtTheFirstFailedRecord_andCountsItAsRetriable() {
        CompletableFuture<Void> stage = sink.write(List.of(A1, B1), WriteOptions.NONE).toCompletableFuture();

        producer.errorNext(new TimeoutException("Expiring 1 record(s)"));

        assertThat(stage).isCompletedExceptionally();
        assertThatThrownBy(stage::join).isInstanceOf(CompletionException.class)
                .cause().isInstanceOfSatisfying(KafkaSinkException.class, e -> assertThat(e.retriable()).isTrue())
                .hasMessageContaining("writing 2 points (2 records) to t.samples failed (retriable): TimeoutException");
        producer.completeNext();
        assertThat(registry.get("harbinger.kafka.producer.errors").tag("kind", "retriable").counter().count()).isEqualTo(1.0);
    }

    @Test
    void write_whenKafkaRejectsTheRecord_failsAsFatal() {
        CompletableFuture<Void> stage = sink.write(List.of(A1), WriteOptions.NONE).toCompletableFuture();

        producer.errorNext(new RecordTooLargeException("too large"));

        assertThatThrownBy(stage::join).cause().isInstanceOfSatisfying(KafkaSinkException.class, e -> assertThat(e.retriable()).isFalse());
        assertThat(registry.get("harbinger.kafka.producer.errors").tags("kind", "fatal", "exception", "RecordTooLargeException")
                .counter().count()).isEqualTo(1.0);
    }

    @Test
    void write_afterClose_failsTheStageInsteadOfThrowing() {
        producer.close();

        CompletableFuture<Void> stage = sink.write(List.of(A1), WriteOptions.NONE).toCompletableFuture();

        assertThat(stage).isCompletedExceptionally();
        assertThat(registry.get("harbinger.kafka.producer.errors").tag("kind", "fatal").counter().count()).isEqualTo(1.0);
    }

    @Test
    void write_ofNoPoints_completesAtOnce_withoutSending() {
        assertThat(sink.write(List.of(), WriteOptions.NONE).toCompletableFuture()).isCompleted();
        assertThat(producer.history()).isEmpty();
    }

    @Test
    void records_withIdempotencyKey_haveTheSameFingerprintOnRetry_evenWithNewServerTimestamps() {
        List<Point> first = List.of(TestPoints.host("eu", "a", T0), TestPoints.host("eu", "b", T0));
        List<Point> retry = List.of(TestPoints.host("eu", "a", T0 + 999), TestPoints.host("eu", "b", T0 + 999));

        assertThat(fingerprints(KafkaPointSink.records("t", first, "req-1")))
                .isEqualTo(fingerprints(KafkaPointSink.records("t", retry, "req-1")))
                .doesNotHaveDuplicates()
                .isNotEqualTo(fingerprints(KafkaPointSink.records("t", first, "req-2")));
    }

    @Test
    void records_withoutIdempotencyKey_fingerprintTheContent() {
        List<Point> request = List.of(A1, B1);

        assertThat(fingerprints(KafkaPointSink.records("t", request, "")))
                .isEqualTo(fingerprints(KafkaPointSink.records("t", List.of(A1, B1), "")))
                .isNotEqualTo(fingerprints(KafkaPointSink.records("t", List.of(A2, B1), "")));
    }

    @Test
    void records_ofAHugeGroup_areCutIntoBoundedParts_inOrder() {
        List<Point> many = new ArrayList<>();
        for (int i = 0; i < KafkaPointSink.MAX_POINTS_PER_RECORD + 10; i++) many.add(TestPoints.host("eu", "a", T0 + i));

        List<ProducerRecord<String, byte[]>> records = KafkaPointSink.records("t", many, "k");

        assertThat(records).hasSize(2);
        assertThat(decode(records.get(0)).points()).hasSize(KafkaPointSink.MAX_POINTS_PER_RECORD).isEqualTo(many.subList(0, 1024));
        assertThat(decode(records.get(1)).points()).isEqualTo(many.subList(1024, many.size()));
        assertThat(fingerprints(records)).doesNotHaveDuplicates();
    }

    @Test
    void producerConfig_isDurableAndBounded_andExtraPropertiesOverrideDefaults() {
        var config = KafkaPointSink.producerConfig("127.0.0.1:9092", java.util.Map.of("compression.type", "none"));

        assertThat(config).containsEntry("acks", "all").containsEntry("enable.idempotence", true)
                .containsEntry("max.block.ms", 1_000).containsEntry("delivery.timeout.ms", 10_000)
                .containsEntry("compression.type", "none");
    }

    private static PointBatch decode(ProducerRecord<String, byte[]> record) {
        return ((DecodeResult.Decoded) PointBatchCodec.decode(record.value())).batch();
    }

    private static List<Long> fingerprints(List<ProducerRecord<String, byte[]>> records) {
        return records.stream().map(r -> decode(r).fingerprint()).toList();
    }
}
