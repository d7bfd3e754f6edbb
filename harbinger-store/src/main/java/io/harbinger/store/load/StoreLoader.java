package io.harbinger.store.load;

import io.harbinger.store.Partitions;
import io.harbinger.store.WriteRouting;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * Stores one topic in PostgreSQL: the loader, Kafka to PostgreSQL exactly once (see
 * {@code docs/adr/0005-store-sink.md}). Which topic, and how its points become rows, is the config's
 * {@link Feed}: {@link LoaderConfig#defaults} stores the samples topic, {@link LoaderConfig#predictions}
 * the predictions topic; a node runs one loader per feed.
 *
 * <p>One thread consumes the topic ({@code read_committed}, group {@code <prefix>samples-loader} or
 * {@code <prefix>predictions-loader}, no Kafka offset commits), maps each point to a row
 * ({@link io.harbinger.store.rows.PointRows}, {@link io.harbinger.store.rows.PredictionRows}),
 * routes rows to their region's shard through {@link WriteRouting}, and writes each shard's batch
 * with {@code COPY} in one transaction together with that shard's consumer offsets
 * ({@code loader_offsets}): a crash at any moment leaves every shard at a batch boundary, and a
 * restart goes on from there, so every record is stored exactly once. Records that do not decode,
 * and points the feed's mapping refuses, are skipped and counted. When PostgreSQL fails, the batch
 * is kept, the consumer paused, and the write retried with exponential back-off; Kafka holds what
 * arrives meanwhile.
 *
 * <p>The schema (migrations V1 and V2) must be applied to every shard before {@link #start}.
 * Metrics: {@code harbinger.store.loader.{rows,duplicates,refused,corrupt,errors,fenced,lag,paused,batch.latency,listener.errors}},
 * each tagged {@code loader} ({@code samples-loader}, {@code predictions-loader}).
 */
public final class StoreLoader implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StoreLoader.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

    private final LoadLoop loop;
    private final Thread thread;
    private final KafkaClientMetrics clientMetrics;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final KafkaConsumer<byte[], byte[]> consumer;

    private StoreLoader(LoadLoop loop, KafkaConsumer<byte[], byte[]> consumer, KafkaClientMetrics clientMetrics) {
        this.loop = loop;
        this.clientMetrics = clientMetrics;
        this.thread = new Thread(this::run, "harbinger-" + loop.loaderName());
        this.consumer = consumer;
    }

    /**
     * Starts consuming on a thread of its own and returns.
     *
     * @param partitions the partition maintainer of each shard's database (e.g. {@code shard -> partitions}
     *                   for one PostgreSQL); the loader creates the partitions its rows need before writing them
     */
    public static StoreLoader start(LoaderConfig config, WriteRouting routing, Function<WriteRouting.Shard, Partitions> partitions,
                                  MeterRegistry registry) {
        return start(config, routing, partitions, registry, CommitListener.NONE);
    }

    /** As {@link #start(LoaderConfig, WriteRouting, Function, MeterRegistry)}, telling {@code listener} after every commit what it changed. */
    public static StoreLoader start(LoaderConfig config, WriteRouting routing, Function<WriteRouting.Shard, Partitions> partitions,
                                  MeterRegistry registry, CommitListener listener) {
        KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerConfig(config), new ByteArrayDeserializer(), new ByteArrayDeserializer());
        KafkaClientMetrics clientMetrics = new KafkaClientMetrics(consumer);
        clientMetrics.bindTo(registry);
        LoadLoop loop = new LoadLoop(config, routing, partitions, new LoaderMetrics(registry, config.feed()), consumer, listener);
        StoreLoader loader = new StoreLoader(loop, consumer, clientMetrics);
        loader.thread.start();
        return loader;
    }

    static Map<String, Object> consumerConfig(LoaderConfig config) {
        Map<String, Object> props = new HashMap<>();
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "harbinger-" + config.feed().loaderName()); // harbinger-samples-loader, harbinger-predictions-loader
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, config.maxPollRecords());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // bounded fetch buffers: the loader shares the heap with ingest (defaults would allow 50 MiB)
        props.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 8 * 1024 * 1024);
        props.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 2 * 1024 * 1024);
        props.putAll(config.consumerProps());
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, config.group());
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false); // positions live in PostgreSQL (loader_offsets)
        return props;
    }

    private void run() {
        try {
            loop.run();
        } catch (RuntimeException | Error e) {
            failure.set(e);
            LOG.error("the loader stopped: {}", e.getMessage(), e);
            throw e;
        }
    }

    /** Why the loader's thread ended, if it ended by itself (a bug or an unrecoverable Kafka error). */
    public Optional<Throwable> failure() {
        return Optional.ofNullable(failure.get());
    }

    public boolean isRunning() {
        return thread.isAlive();
    }

    /** Writes what is buffered (one attempt), leaves the group, and waits for the thread to end. */
    @Override
    public void close() {
        loop.running = false;
        consumer.wakeup();
        try {
            thread.join(CLOSE_TIMEOUT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            clientMetrics.close();
        }
        if (thread.isAlive()) LOG.warn("the loader thread did not end within {}", CLOSE_TIMEOUT);
    }
}
