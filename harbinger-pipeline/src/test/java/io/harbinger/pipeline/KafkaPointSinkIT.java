package io.harbinger.pipeline;

import io.harbinger.schema.topic.Topics;
import io.harbinger.schema.TestPoints;
import io.harbinger.embedded.EmbeddedKafka;
import io.harbinger.core.point.Point;
import io.harbinger.core.point.PointSink;
import io.harbinger.core.point.PointSink.WriteOptions;
import io.harbinger.schema.wire.DecodeResult;
import io.harbinger.schema.wire.PointBatchCodec;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.BufferExhaustedException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static io.harbinger.schema.TestPoints.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The sink against the shared real broker: when a write's stage completes, how failures are sorted
 * into retriable and fatal and counted, and what a full producer buffer means. Every test writes to
 * a topic of its own through a sink of its own, so counters and records are the test's alone.
 */
@ExtendWith(SharedKafka.class)
class KafkaPointSinkIT {
    private static final Duration AWAIT = Duration.ofSeconds(20);
    private static final long TIMEOUT_SECONDS = 15;
    /** Keeps records in the producer until a flush or a full batch sends them. */
    private static final int LINGER_FOREVER_MS = 60_000;

    private static EmbeddedKafka kafka;
    private static Admin admin;

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @BeforeAll
    static void connect(EmbeddedKafka shared) {
        kafka = shared;
        admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()));
    }

    @AfterAll
    static void disconnect() {
        if (admin != null) admin.close();
    }

    @Test
    void acknowledgedWrite_isOnTheTopic_eachHostOnItsKeysPartition_withItsPointsInOrder() throws Exception {
        String topic = newTopic(3, Map.of());
        List<Point> a = pointsOfOneHost("eu", "a", 3);
        List<Point> b = pointsOfOneHost("eu", "b", 2);
        List<Point> interleaved = List.of(a.get(0), b.get(0), a.get(1), b.get(1), a.get(2));

        try (KafkaPointSink sink = sink(topic, Map.of())) {
            sink.write(interleaved, WriteOptions.NONE).toCompletableFuture().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        }

        int partitionA = KafkaPointSink.partitionOf("eu/a", 3);
        int partitionB = KafkaPointSink.partitionOf("eu/b", 3);
        List<ConsumerRecord<String, byte[]>> records = readAll(topic, partitionA == partitionB ? 1 : 2);
        List<Point> onA = records.stream().filter(r -> r.partition() == partitionA).flatMap(r -> points(r).stream())
                .filter(p -> p.host().equals("a")).toList();
        List<Point> onB = records.stream().filter(r -> r.partition() == partitionB).flatMap(r -> points(r).stream())
                .filter(p -> p.host().equals("b")).toList();
        assertThat(onA).isEqualTo(a);
        assertThat(onB).isEqualTo(b);
        assertThat(pointsCounter().count()).isEqualTo(5.0);
    }

    @Test
    void hostWithMoreThan1024Points_landsInOnePartition_inOrder() throws Exception {
        String topic = newTopic(3, Map.of());
        List<Point> many = pointsOfOneHost("eu", "big", 2 * KafkaPointSink.MAX_POINTS_PER_RECORD + 5);

        try (KafkaPointSink sink = sink(topic, Map.of())) {
            sink.write(many, new WriteOptions("req-big")).toCompletableFuture().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        }

        List<ConsumerRecord<String, byte[]>> records = readAll(topic, 3);
        assertThat(records).extracting(ConsumerRecord::partition).containsOnly(records.getFirst().partition());
        assertThat(records.stream().sorted(Comparator.comparingLong(ConsumerRecord::offset))
                .flatMap(r -> points(r).stream()).toList()).isEqualTo(many);
    }

    @Test
    void write_completesOnlyOnceEveryRecordIsAcknowledged_notAtTheFirstAck() throws Exception {
        String topic = newTopic(1, Map.of());
        // batch.size far below one full record: the big record is sent at once, the small one lingers
        Map<String, Object> props = Map.of("linger.ms", LINGER_FOREVER_MS, "batch.size", 1024, "delivery.timeout.ms", LINGER_FOREVER_MS + 10_000);
        List<Point> big = pointsOfOneHost("eu", "a", KafkaPointSink.MAX_POINTS_PER_RECORD);
        List<Point> write = new ArrayList<>(big);
        write.add(TestPoints.host("eu", "b", T0));

        try (KafkaPointSink sink = sink(topic, props)) {
            CompletableFuture<Void> stage = sink.write(write, WriteOptions.NONE).toCompletableFuture();

            try (KafkaConsumer<String, byte[]> consumer = consumer(topic)) {
                List<ConsumerRecord<String, byte[]>> seen = poll(consumer, 1);
                assertThat(seen).singleElement().satisfies(r -> assertThat(points(r)).isEqualTo(big));
            }
            await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5)).until(() -> !stage.isDone());
            assertThat(pointsCounter().count()).isZero();

            sink.flush();

            assertThat(stage).succeedsWithin(Duration.ofSeconds(TIMEOUT_SECONDS));
            assertThat(pointsCounter().count()).isEqualTo(write.size());
        }
        assertThat(readAll(topic, 2).stream().flatMap(r -> points(r).stream()).toList()).isEqualTo(write);
    }

    @Test
    void write_ofNoPoints_completesAtOnce_andSendsNothing() throws Exception {
        String topic = newTopic(1, Map.of());

        try (KafkaPointSink sink = sink(topic, Map.of())) {
            assertThat(sink.write(List.of(), WriteOptions.NONE).toCompletableFuture()).isCompleted();
            sink.write(List.of(TestPoints.host("eu", "after", T0)), WriteOptions.NONE).toCompletableFuture().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        }

        List<ConsumerRecord<String, byte[]>> records = readAll(topic, 1);
        assertThat(records).singleElement().satisfies(r -> assertThat(points(r)).extracting(Point::host).containsExactly("after"));
        assertThat(records.getFirst().offset()).isZero();
    }

    @Test
    void recordTheTopicRefusesAsTooLarge_failsTheWriteAsFatal_andIsCounted() {
        String topic = newTopic(1, Map.of("max.message.bytes", "1024"));

        try (KafkaPointSink sink = sink(topic, Map.of())) {
            CompletableFuture<Void> stage = sink.write(pointsOfOneHost("eu", "a", 1000), WriteOptions.NONE).toCompletableFuture();

            assertThatThrownBy(() -> stage.get(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                    .cause().isInstanceOfSatisfying(KafkaSinkException.class, e -> assertThat(e.retriable()).isFalse())
                    .hasMessageContaining("writing 1000 points (1 records) to " + topic + " failed (fatal): RecordTooLargeException")
                    .hasCauseInstanceOf(RecordTooLargeException.class);
        }
        assertThat(errors("fatal", "RecordTooLargeException").count()).isEqualTo(1.0);
        assertThat(registry.find(SendErrors.METRIC).tag("kind", "retriable").counter()).isNull();
        assertThat(pointsCounter().count()).isZero();
    }

    @Test
    void writeToATopicTheBrokerDoesNotHave_failsRetriablyOnce_withinOneMaxBlock_notOnePerRecord() {
        String missing = "sink-missing-" + UUID.randomUUID() + ".samples"; // the broker does not auto-create topics
        int maxBlockMs = 300;
        List<Point> tenHosts = IntStream.range(0, 10).mapToObj(i -> TestPoints.host("eu", "h" + i, T0)).toList();

        try (KafkaPointSink sink = sink(missing, Map.of("max.block.ms", maxBlockMs))) {
            long start = System.nanoTime();
            CompletableFuture<Void> stage = sink.write(tenHosts, WriteOptions.NONE).toCompletableFuture();
            long returnedAfterMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

            assertThatThrownBy(() -> stage.get(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                    .cause().isInstanceOfSatisfying(KafkaSinkException.class, e -> assertThat(e.retriable()).isTrue())
                    .hasMessageContaining("writing 10 points to " + missing + " failed (retriable): TimeoutException");
            assertThat(returnedAfterMillis).as("the caller is held for one metadata wait, not one per record").isLessThan(maxBlockMs + 1_200);
        }
        assertThat(errors("retriable", "TimeoutException").count()).as("counted once per failed write").isEqualTo(1.0);
        assertThat(registry.find(SendErrors.METRIC).tag("kind", "fatal").counter()).isNull();
    }

    @Test
    void fullProducerBuffer_failsTheWriteAsOverloaded_countedRetriable_andLaterWritesSucceed() throws Exception {
        String topic = newTopic(1, Map.of());
        int bufferBytes = 64 * 1024;
        Map<String, Object> smallBuffer = Map.of("buffer.memory", bufferBytes, "batch.size", 16 * 1024, "max.block.ms", 0,
                "linger.ms", LINGER_FOREVER_MS, "delivery.timeout.ms", LINGER_FOREVER_MS + 10_000);
        List<Point> twoRecords = pointsOfOneHost("eu", "a", 2 * KafkaPointSink.MAX_POINTS_PER_RECORD);
        List<ProducerRecord<String, byte[]>> records = KafkaPointSink.records(topic, 1, twoRecords, "");
        assertThat(records).as("each record fits the buffer, both do not")
                .hasSize(2).allSatisfy(r -> assertThat(r.value().length).isBetween(bufferBytes / 2 + 1, bufferBytes - 1024));

        try (KafkaPointSink sink = sink(topic, smallBuffer)) {
            warmUpMetadata(sink); // with max.block.ms=0 even the first metadata fetch would fail the write
            double retriableBefore = sumOf("retriable");

            CompletableFuture<Void> stage = sink.write(twoRecords, WriteOptions.NONE).toCompletableFuture();

            assertThatThrownBy(() -> stage.get(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                    .cause().isInstanceOf(PointSink.Overloaded.class)
                    .hasMessageContaining("failed (retriable): BufferExhaustedException")
                    .cause().isInstanceOfSatisfying(KafkaSinkException.class, e -> assertThat(e.retriable()).isTrue())
                    .hasCauseInstanceOf(BufferExhaustedException.class);
            assertThat(errors("retriable", "BufferExhaustedException").count()).isEqualTo(1.0);
            assertThat(sumOf("retriable")).isEqualTo(retriableBefore + 1);

            sink.flush(); // the buffer drains
            CompletableFuture<Void> later = sink.write(List.of(TestPoints.host("eu", "later", T0)), WriteOptions.NONE).toCompletableFuture();
            sink.flush();
            assertThat(later).succeedsWithin(Duration.ofSeconds(TIMEOUT_SECONDS));
        }
        assertThat(registry.find(SendErrors.METRIC).tag("kind", "fatal").counter()).isNull();
    }

    @Test
    void write_afterClose_failsTheStageAsFatal_insteadOfThrowing() {
        String topic = newTopic(1, Map.of());
        KafkaPointSink sink = sink(topic, Map.of());
        sink.close();

        CompletableFuture<Void> stage = sink.write(List.of(TestPoints.host("eu", "a", T0)), WriteOptions.NONE).toCompletableFuture();

        assertThat(stage).isCompletedExceptionally();
        assertThatThrownBy(stage::join).cause().isInstanceOfSatisfying(KafkaSinkException.class, e -> assertThat(e.retriable()).isFalse())
                .hasMessageContaining("failed (fatal): KafkaException");
        assertThat(errors("fatal", "KafkaException").count()).isEqualTo(1.0);
    }

    @Test
    void closingTheSink_sendsWhatIsBuffered_andCompletesItsWrites() throws Exception {
        String topic = newTopic(1, Map.of());
        KafkaPointSink sink = sink(topic, Map.of("linger.ms", LINGER_FOREVER_MS, "delivery.timeout.ms", LINGER_FOREVER_MS + 10_000));
        CompletableFuture<Void> stage = sink.write(List.of(TestPoints.host("eu", "a", T0)), WriteOptions.NONE).toCompletableFuture();
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(5)).until(() -> !stage.isDone());

        sink.close(Duration.ofSeconds(TIMEOUT_SECONDS));

        assertThat(stage).isCompleted();
        assertThat(readAll(topic, 1)).singleElement().satisfies(r -> assertThat(points(r)).extracting(Point::host).containsExactly("a"));
    }

    /** Writes one point until one succeeds: the producer then knows the topic's partitions. */
    private void warmUpMetadata(KafkaPointSink sink) {
        await().atMost(AWAIT).until(() -> {
            CompletableFuture<Void> probe = sink.write(List.of(TestPoints.host("eu", "warm-up", T0)), WriteOptions.NONE).toCompletableFuture();
            sink.flush();
            return !probe.isCompletedExceptionally() && probe.isDone();
        });
    }

    private KafkaPointSink sink(String topic, Map<String, Object> props) {
        return KafkaPointSink.create(kafka.bootstrapServers(), topic, props, registry);
    }

    /** A fresh topic whose partition leaders already serve (see {@link TopicAdmin#ensure}). */
    private static String newTopic(int partitions, Map<String, String> configs) {
        Topics topics = new Topics("sink-" + UUID.randomUUID().toString().substring(0, 8) + ".");
        try {
            admin.createTopics(List.of(new NewTopic(topics.samples().name(), partitions, (short) 1).configs(configs))).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot create " + topics.samples().name(), e);
        }
        new TopicAdmin(topics).ensure(admin, partitions, (short) 1); // exists already: only waits for serving leaders
        return topics.samples().name();
    }

    private Counter pointsCounter() {
        return registry.get("harbinger.kafka.producer.points").counter();
    }

    private Counter errors(String kind, String exception) {
        return registry.get(SendErrors.METRIC).tags("kind", kind, "exception", exception).counter();
    }

    private double sumOf(String kind) {
        return registry.find(SendErrors.METRIC).tag("kind", kind).counters().stream().mapToDouble(Counter::count).sum();
    }

    private static List<Point> pointsOfOneHost(String region, String host, int count) {
        return IntStream.range(0, count).mapToObj(i -> TestPoints.host(region, host, T0 + i)).toList();
    }

    private static List<Point> points(ConsumerRecord<String, byte[]> record) {
        return ((DecodeResult.Decoded) PointBatchCodec.decode(record.value())).batch().points();
    }

    private static List<ConsumerRecord<String, byte[]>> readAll(String topic, int expected) {
        try (KafkaConsumer<String, byte[]> consumer = consumer(topic)) {
            List<ConsumerRecord<String, byte[]>> records = poll(consumer, expected);
            assertThat(consumer.poll(Duration.ofMillis(200))).as("records beyond the %d expected", expected).isEmpty();
            return records;
        }
    }

    private static KafkaConsumer<String, byte[]> consumer(String topic) {
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", kafka.bootstrapServers()),
                new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        return consumer;
    }

    /** Polls until {@code expected} records arrived (failing after {@link #AWAIT}), in arrival order. */
    private static List<ConsumerRecord<String, byte[]>> poll(KafkaConsumer<String, byte[]> consumer, int expected) {
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        await().atMost(AWAIT).until(() -> {
            consumer.poll(Duration.ofMillis(100)).forEach(records::add);
            return records.size() >= expected;
        });
        return records;
    }
}
