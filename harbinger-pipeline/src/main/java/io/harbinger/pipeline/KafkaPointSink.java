package io.harbinger.pipeline;

import io.harbinger.schema.topic.Topics;
import io.harbinger.core.point.Point;
import io.harbinger.core.point.PointSink;
import io.harbinger.schema.wire.PointBatch;
import io.harbinger.schema.wire.PointBatchCodec;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import org.apache.kafka.clients.producer.BufferExhaustedException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Utils;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Writes accepted points durably to the samples topic: the {@link PointSink} the HTTP endpoints
 * call. Thread-safe; one instance per process.
 *
 * <p>A write groups the points by routing key (first appearance order, order within a group kept),
 * places each host on the partition Kafka's default partitioner would give its routing key (murmur2),
 * and sends one record per partition holding all of that partition's hosts (cut into records of at
 * most {@value #MAX_POINTS_PER_RECORD} points): one host's points stay in one partition, in order,
 * and a 1,000-line request costs a handful of records instead of one per host. The
 * returned stage completes when every record is acknowledged by all in-sync replicas, or
 * exceptionally with a {@link KafkaSinkException} at the first failure (a caller answers 503 and
 * the client retries; parts already written are then recognised downstream by their fingerprint).
 *
 * <p>The stage completes on the producer's I/O thread: dependent actions must not block (use the
 * {@code *Async} variants for anything slow).
 *
 * <p>Producer defaults (each can be overridden through the extra properties): {@code acks=all},
 * idempotence on, {@code linger.ms=5}, 256 KiB batches, lz4 compression, a 32 MiB buffer, and tight
 * bounds so that a broker outage fails writes instead of piling them up: {@code max.block.ms=1000}
 * (a full buffer or unknown metadata fails {@code write} within a second instead of holding the
 * HTTP thread), {@code request.timeout.ms=5000}, {@code delivery.timeout.ms=25000} (under the HTTP ack timeout).
 *
 * <p>Why lz4: measured end to end in one JVM (this sink, the embedded broker, a consumer decoding
 * every record; 400k bench-shaped points with varying values, process CPU time), lz4 cost about
 * 2.3-3.7 us of CPU per point against 3.3-5.0 for no compression, because the broker and consumer
 * then checksum, copy and write 27 instead of 149 bytes per point; zstd stores 17 bytes per point
 * for about the same CPU (2.3-4.3 us) and suits a disk-bound deployment.
 */
public final class KafkaPointSink implements PointSink, AutoCloseable {
    static final int MAX_POINTS_PER_RECORD = 1024;
    private static final Duration DEFAULT_CLOSE_TIMEOUT = Duration.ofSeconds(10);

    private final Producer<String, byte[]> producer;
    private final String topic;
    private final SendErrors errors;
    private final Counter pointsWritten;
    private final Optional<KafkaClientMetrics> clientMetrics;

    KafkaPointSink(Producer<String, byte[]> producer, String topic, MeterRegistry registry, Optional<KafkaClientMetrics> clientMetrics) {
        this.producer = producer;
        this.topic = topic;
        this.errors = new SendErrors(registry);
        this.pointsWritten = Counter.builder("harbinger.kafka.producer.points")
                .description("Points acknowledged by Kafka").register(registry);
        this.clientMetrics = clientMetrics;
    }

    /**
     * @param producerProps extra producer settings; they override the defaults above (for example
     *                      {@code compression.type} or {@code delivery.timeout.ms})
     */
    public static KafkaPointSink create(String bootstrapServers, String topic, Map<String, ?> producerProps, MeterRegistry registry) {
        if (topic == null || topic.isEmpty()) throw new IllegalArgumentException("topic must be non-empty");
        KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producerConfig(bootstrapServers, producerProps),
                new StringSerializer(), new ByteArraySerializer());
        KafkaClientMetrics metrics = new KafkaClientMetrics(producer);
        metrics.bindTo(registry);
        return new KafkaPointSink(producer, topic, registry, Optional.of(metrics));
    }

    /** The sink for {@code config}'s samples topic, with its compression. */
    public static KafkaPointSink create(PipelineConfig config, MeterRegistry registry) {
        return create(config.bootstrapServers(), new Topics(config.topicPrefix()).samples().name(),
                Map.of(ProducerConfig.COMPRESSION_TYPE_CONFIG, config.producerCompression()), registry);
    }

    static Map<String, Object> producerConfig(String bootstrapServers, Map<String, ?> extra) {
        if (bootstrapServers == null || bootstrapServers.isBlank()) throw new IllegalArgumentException("bootstrapServers must be non-empty, e.g. 127.0.0.1:9092");
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "harbinger-sink");
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        config.put(ProducerConfig.BUFFER_MEMORY_CONFIG, 32L * 1024 * 1024);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 1_000);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 25_000); // below the HTTP ack timeout (30 s): the precise Kafka error wins
        config.putAll(extra);
        return config;
    }

    @Override
    public CompletionStage<Void> write(List<Point> points, WriteOptions options) {
        if (points.isEmpty()) return CompletableFuture.completedFuture(null);
        List<ProducerRecord<String, byte[]>> records;
        try {
            records = records(topic, producer.partitionsFor(topic).size(), points, options.idempotencyKey());
        } catch (KafkaException e) { // metadata unavailable within max.block.ms: broker down or topic missing
            return CompletableFuture.failedFuture(errors.record(topic, 0, points.size(), e));
        }
        Acks acks = new Acks(records.size(), points.size());
        for (ProducerRecord<String, byte[]> record : records) {
            // stop at the first failure, also one reported through the callback during send (unknown
            // topic, full buffer): each further send would wait up to max.block.ms again
            if (!send(record, acks) || acks.result.isCompletedExceptionally()) break;
        }
        return acks.result;
    }

    /** Sends everything buffered and waits for the answers. */
    public void flush() {
        producer.flush();
    }

    /** Sends what is buffered, waiting at most {@code timeout}; later writes fail as fatal. */
    public void close(Duration timeout) {
        try {
            producer.close(timeout);
        } finally {
            clientMetrics.ifPresent(KafkaClientMetrics::close);
        }
    }

    @Override
    public void close() {
        close(DEFAULT_CLOSE_TIMEOUT);
    }

    /**
     * The records of one write, in send order: per partition (ascending), the points of the hosts
     * that partition holds, in first-appearance order, in parts of at most
     * {@value #MAX_POINTS_PER_RECORD} points. Records carry no key: the partition is set explicitly.
     * A record's fingerprint is, with an idempotency key, a hash of (key, partition, part index),
     * otherwise a hash of its encoded points.
     */
    static List<ProducerRecord<String, byte[]>> records(String topic, int partitions, List<Point> points, String idempotencyKey) {
        List<List<Point>> byPartition = new ArrayList<>(partitions);
        for (int p = 0; p < partitions; p++) byPartition.add(new ArrayList<>());
        for (List<Point> group : groupByRoutingKey(points)) {
            byPartition.get(partitionOf(group.getFirst().routingKey(), partitions)).addAll(group);
        }
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
        for (int p = 0; p < partitions; p++) {
            List<Point> onPartition = byPartition.get(p);
            for (int from = 0, part = 0; from < onPartition.size(); from += MAX_POINTS_PER_RECORD, part++) {
                List<Point> slice = onPartition.subList(from, Math.min(onPartition.size(), from + MAX_POINTS_PER_RECORD));
                byte[] value = idempotencyKey.isEmpty()
                        ? PointBatchCodec.encodeWithContentFingerprint(slice)
                        : PointBatchCodec.encode(new PointBatch(PointBatchCodec.idempotencyFingerprint(idempotencyKey, "partition-" + p, part), slice));
                records.add(new ProducerRecord<>(topic, p, null, value));
            }
        }
        return records;
    }

    /** The partition Kafka's default partitioner gives a record keyed {@code routingKey}. */
    static int partitionOf(String routingKey, int partitions) {
        return Utils.toPositive(Utils.murmur2(routingKey.getBytes(StandardCharsets.UTF_8))) % partitions;
    }

    static List<List<Point>> groupByRoutingKey(List<Point> points) {
        Point first = points.getFirst();
        if (points.stream().allMatch(p -> p.host().equals(first.host()) && p.region().equals(first.region()))) return List.of(points);
        Map<String, List<Point>> groups = new LinkedHashMap<>();
        for (Point p : points) groups.computeIfAbsent(p.routingKey(), k -> new ArrayList<>()).add(p);
        return List.copyOf(groups.values());
    }

    /** Sends one record; false if that failed synchronously (the stage is then failed). */
    private boolean send(ProducerRecord<String, byte[]> record, Acks acks) {
        try {
            producer.send(record, (metadata, e) -> acks.done(e));
            return true;
        } catch (KafkaException | IllegalStateException e) { // closed producer, interrupted, fatal producer state
            acks.done(e);
            return false;
        }
    }

    /** Completes the write's stage once all its records are acknowledged, or at the first failure. */
    private final class Acks {
        final CompletableFuture<Void> result = new CompletableFuture<>();
        private final int records;
        private final int points;
        private final AtomicInteger pending;
        private final AtomicBoolean failed = new AtomicBoolean();

        Acks(int records, int points) {
            this.records = records;
            this.points = points;
            this.pending = new AtomicInteger(records);
        }

        /** A full producer buffer is overload (the caller answers 429); anything else a sink failure. */
        private RuntimeException failure(Exception e) {
            KafkaSinkException counted = errors.record(topic, records, points, e);
            return e instanceof BufferExhaustedException ? new PointSink.Overloaded(counted.getMessage(), counted) : counted;
        }

        void done(Exception e) {
            if (e != null) {
                if (failed.compareAndSet(false, true)) result.completeExceptionally(failure(e));
            } else if (pending.decrementAndGet() == 0 && !failed.get()) {
                pointsWritten.increment(points);
                result.complete(null);
            }
        }
    }
}
