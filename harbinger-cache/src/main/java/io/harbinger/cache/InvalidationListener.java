package io.harbinger.cache;

import io.harbinger.schema.cache.Invalidation;
import io.harbinger.schema.topic.CorruptRecordException;
import io.harbinger.schema.topic.Topic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads every partition of the invalidations topic (assigned, no consumer group: every node needs every
 * record), from its end at start-up, and hands each record to the cache. Until it is positioned at the
 * end of every partition it is not {@link #ready}, and the cache answers nothing from itself (an answer
 * cached then could miss an invalidation). Records that do not decode are skipped and counted.
 */
final class InvalidationListener implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(InvalidationListener.class);
    private static final Duration POLL = Duration.ofMillis(100);
    private static final Duration PARTITION_REFRESH = Duration.ofSeconds(30);

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Topic<String, Invalidation> topic;
    private final Consumer<Invalidation> sink;
    private final CacheMetrics metrics;
    private final Thread thread;
    private volatile boolean ready;
    private volatile boolean running = true;

    InvalidationListener(CacheConfig config, Consumer<Invalidation> sink, CacheMetrics metrics) {
        Map<String, Object> props = new HashMap<>(config.clientProps());
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "harbinger-cache-invalidations");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        props.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 100);
        this.consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        this.topic = config.topics().cacheInvalidations();
        this.sink = sink;
        this.metrics = metrics;
        this.thread = new Thread(this::run, "harbinger-cache-invalidations");
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** Whether it reads from the end of every partition: what is committed from now on reaches the cache. */
    boolean ready() {
        return ready;
    }

    private void run() {
        try {
            long refreshAt = assign();
            while (running) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) accept(record);
                if (System.nanoTime() - refreshAt > 0) refreshAt = assign();
            }
        } catch (WakeupException e) {
            if (running) LOG.error("the invalidation listener was woken up unexpectedly", e);
        } catch (RuntimeException e) {
            ready = false; // nothing evicts any more: stop answering from the cache
            LOG.error("the invalidation listener stopped; reads go past the cache: {}", e.getMessage(), e);
        } finally {
            consumer.close(Duration.ofSeconds(2));
        }
    }

    /** Assigns every partition (again, when the topic gained some), the new ones from their end; the next refresh time. */
    private long assign() {
        List<PartitionInfo> infos = List.of();
        while (running && infos.isEmpty()) {
            infos = consumer.partitionsFor(topic.name(), Duration.ofSeconds(10));
            if (infos == null) infos = List.of();
        }
        List<TopicPartition> partitions = infos.stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        if (!consumer.assignment().containsAll(partitions)) {
            List<TopicPartition> fresh = partitions.stream().filter(p -> !consumer.assignment().contains(p)).toList();
            consumer.assign(partitions);
            consumer.seekToEnd(fresh);
            for (TopicPartition p : fresh) consumer.position(p); // resolves the seek now: ready means positioned
            LOG.info("reading cache invalidations from {} partitions of {}", partitions.size(), topic.name());
        }
        ready = true;
        return System.nanoTime() + PARTITION_REFRESH.toNanos();
    }

    private void accept(ConsumerRecord<byte[], byte[]> record) {
        Invalidation invalidation;
        try {
            invalidation = topic.values().decode(record.value());
        } catch (CorruptRecordException e) {
            metrics.corruptInvalidations.increment();
            LOG.warn("skipped corrupt invalidation {}-{}@{}: {}", record.topic(), record.partition(), record.offset(), e.getMessage());
            return;
        }
        sink.accept(invalidation);
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
