package io.harbinger.pipeline;

import io.harbinger.schema.read.Totals;
import io.harbinger.schema.read.HostStats;
import io.harbinger.schema.read.ProcessorReads;
import io.harbinger.schema.read.ReadUnavailableException;
import io.harbinger.schema.topic.Topics;
import io.harbinger.predict.model.FailureModel;
import org.apache.kafka.streams.kstream.KStream;
import java.util.function.Supplier;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;

/**
 * The running stream processing: ensures the topics, runs {@link HostStatsTopology} on Kafka
 * Streams with exactly-once processing, and answers queries over the per-host state. The producer
 * that feeds it is separate ({@link KafkaPointSink}, ingest's sink).
 *
 * <p>{@link #start} returns at once; the pipeline is {@link #ready()} once Streams is RUNNING
 * (after the first rebalance and state restoration). A processing error that escapes a stream
 * thread stops the client (state ERROR, {@code ready()} false) rather than looping on it.
 */
public final class Pipeline implements ProcessorReads, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Pipeline.class);
    private static final Duration DEFAULT_CLOSE_TIMEOUT = Duration.ofSeconds(30);

    private final KafkaStreams streams;
    private final KafkaStreamsMetrics metrics;
    private final CorruptRecords corrupt;

    private Pipeline(KafkaStreams streams, KafkaStreamsMetrics metrics, CorruptRecords corrupt) {
        this.streams = streams;
        this.metrics = metrics;
        this.corrupt = corrupt;
    }

    /**
     * Creates missing topics (blocking, at most a minute), then starts Streams in the background.
     *
     * @param models the failure model in force, asked for each record scored (so a reload takes effect at once)
     */
    public static Pipeline start(PipelineConfig config, MeterRegistry registry, Supplier<FailureModel> models) {
        Topics topics = config.topics();
        ensureTopics(config);
        StreamsBuilder builder = new StreamsBuilder();
        KStream<String, byte[]> accepted = HostStatsTopology.build(builder, topics.samples().name());
        ScoringCounters scoring = new ScoringCounters();
        DriveScoringTopology.build(builder, accepted, topics.predictions(), models, config.rescoreInterval(), scoring);
        CorruptRecords corrupt = new CorruptRecords();
        KafkaStreams streams = new KafkaStreams(builder.build(), streamsConfig(config, corrupt));
        streams.setUncaughtExceptionHandler(e -> {
            LOG.error("Stream processing failed; stopping the pipeline (ready() is now false)", e);
            return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        });
        KafkaStreamsMetrics metrics = new KafkaStreamsMetrics(streams);
        metrics.bindTo(registry);
        FunctionCounter.builder("harbinger.pipeline.corrupt.records", corrupt, CorruptRecords::count)
                .description("Samples-topic records skipped because they did not decode").register(registry);
        FunctionCounter.builder("harbinger.pipeline.coalesced.samples", scoring, ScoringCounters::coalesced)
                .description("Disk samples not scored because they repeated their drive's last scored sample of the day (--rescore-interval)").register(registry);
        streams.start();
        return new Pipeline(streams, metrics, corrupt);
    }

    /**
     * Creates the topics of {@code config} that are missing (blocking, at most a minute) and sets the samples
     * topic's retention: every node does this at start, whatever it runs, so no topic is ever auto-created
     * with a broker's defaults by a node that only writes or reads it.
     */
    public static void ensureTopics(PipelineConfig config) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers()))) {
            TopicAdmin topicAdmin = new TopicAdmin(config.topics());
            topicAdmin.ensure(admin, config.partitions(), config.replicationFactor());
            topicAdmin.applyRetention(admin, config.samplesRetention());
        }
    }

    static Properties streamsConfig(PipelineConfig config, CorruptRecords corrupt) {
        Properties p = new Properties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, config.applicationId());
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
        p.put(StreamsConfig.STATE_DIR_CONFIG, config.stateDir().toAbsolutePath().toString());
        p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, (int) config.commitInterval().toMillis());
        p.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, config.numStreamThreads());
        p.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, (int) config.replicationFactor());
        p.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, LogAndCountDeserializationHandler.class);
        p.put(LogAndCountDeserializationHandler.COUNTER_CONFIG, corrupt);
        // Bounded client buffers: the processor shares the heap with ingest (defaults: 50 MiB fetches, 32 MiB producer buffer).
        p.put(StreamsConfig.consumerPrefix(ConsumerConfig.FETCH_MAX_BYTES_CONFIG), 8 * 1024 * 1024);
        p.put(StreamsConfig.consumerPrefix(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG), 2 * 1024 * 1024);
        p.put(StreamsConfig.producerPrefix(ProducerConfig.BUFFER_MEMORY_CONFIG), 16L * 1024 * 1024);
        // One produce request in flight per broker: with transactions v2 the first batch of a transaction can
        // be refused CONCURRENT_TRANSACTIONS (the previous commit is still completing) and is retried; a
        // second batch already in flight behind it was then refused OUT_OF_ORDER_SEQUENCE (the broker logs
        // that at ERROR) and retried too. Nothing is lost or doubled either way (idempotent sequences, the
        // transaction commits only once every batch is acked); with one in flight the second never races.
        p.put(StreamsConfig.producerPrefix(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION), 1);
        // Static membership: a node restarted on the same state directory (after a crash too) takes its
        // partitions back at once instead of waiting for the dead member's session to time out.
        config.membership().forEach((key, value) -> p.put(StreamsConfig.consumerPrefix(key), value));
        return p;
    }

    /** True while Streams is RUNNING: the state is queryable and records are being processed. */
    @Override
    public boolean ready() {
        return streams.state() == KafkaStreams.State.RUNNING;
    }

    /**
     * Every host this instance holds state for, ordered by routing key.
     *
     * @throws ReadUnavailableException while the store is not queryable (starting, rebalancing, stopped)
     */
    @Override
    public List<HostStats> hosts() {
        List<HostStats> hosts = new ArrayList<>();
        forEachHost(hosts::add);
        hosts.sort(Comparator.comparing(HostStats::routingKey));
        return hosts;
    }

    /** Every host's stats in store order: one pass over the store, nothing kept. */
    private void forEachHost(Consumer<HostStats> action) {
        try (KeyValueIterator<String, HostState> all = store().all()) {
            all.forEachRemaining(entry -> action.accept(entry.value.stats()));
        } catch (InvalidStateStoreException e) {
            throw notQueryable(e);
        }
    }

    /**
     * What this instance knows of one host, if anything.
     *
     * @throws ReadUnavailableException while the store is not queryable
     */
    @Override
    public java.util.Optional<HostStats> host(String region, String host) {
        try {
            HostState state = store().get(io.harbinger.core.point.Point.routingKey(region, host));
            return java.util.Optional.ofNullable(state).map(HostState::stats);
        } catch (InvalidStateStoreException e) {
            throw notQueryable(e);
        }
    }

    /** Sums over every host (one pass over the store; no list built or sorted) plus the corrupt records skipped. */
    @Override
    public Totals totals() {
        long[] sums = new long[4]; // hosts, points, samples, duplicates
        forEachHost(h -> {
            sums[0]++;
            sums[1] += h.points();
            sums[2] += h.samples();
            sums[3] += h.duplicates();
        });
        return new Totals(sums[0], sums[1], sums[2], sums[3], corrupt.count());
    }

    /** Stops processing, committing what was processed, and leaves the consumer group. */
    public boolean close(Duration timeout) {
        try {
            boolean closed = streams.close(new KafkaStreams.CloseOptions().timeout(timeout).leaveGroup(true));
            if (!closed) LOG.warn("Kafka Streams did not stop within {}", timeout);
            return closed;
        } finally {
            metrics.close();
        }
    }

    @Override
    public void close() {
        close(DEFAULT_CLOSE_TIMEOUT);
    }

    private ReadOnlyKeyValueStore<String, HostState> store() {
        try {
            return streams.store(StoreQueryParameters.fromNameAndType(HostStatsTopology.STORE, QueryableStoreTypes.keyValueStore()));
        } catch (InvalidStateStoreException | IllegalStateException e) { // Streams throws the latter once stopping, stopped or failed
            throw notQueryable(e);
        }
    }

    private ReadUnavailableException notQueryable(RuntimeException e) {
        return new ReadUnavailableException("host state is not queryable while the pipeline is " + streams.state() + ": " + e.getMessage(), e);
    }
}
