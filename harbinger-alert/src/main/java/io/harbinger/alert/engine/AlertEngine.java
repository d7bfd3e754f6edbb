package io.harbinger.alert.engine;

import io.harbinger.alert.AlertConfig;
import io.harbinger.alert.notify.Payloads;
import io.harbinger.alert.notify.Planner;
import io.harbinger.alert.rule.Evaluator;
import io.harbinger.alert.store.AlertStore;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Evaluates the alert rule on the predictions topic, exactly once into PostgreSQL: consumer group
 * {@code <prefix>alerting}, {@code read_committed}, no Kafka offset commits; each poll's alert changes,
 * outbox rows and offsets are written in one transaction ({@link EngineLoop}). At start (and at every
 * assignment) the open alerts are read from the database and the partitions sought to the stored offsets.
 * The schema ({@link io.harbinger.alert.store.AlertSchema}) must be migrated before {@link #start}.
 */
public final class AlertEngine implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AlertEngine.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

    private final EngineLoop loop;
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Thread thread;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();

    private AlertEngine(EngineLoop loop, KafkaConsumer<byte[], byte[]> consumer) {
        this.loop = loop;
        this.consumer = consumer;
        this.thread = new Thread(this::run, "harbinger-alerting");
    }

    public static AlertEngine start(AlertConfig config, DataSource control, Clock clock) {
        KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerConfig(config), new ByteArrayDeserializer(), new ByteArrayDeserializer());
        Notifier notifier = new Notifier(config.receivers(), new Planner(config.groupBy(), UUID::randomUUID),
                new Payloads(config.externalUrl(), config.repeat()), config.repeat());
        EngineLoop loop = new EngineLoop(consumer, new AlertStore(control), new Evaluator(config.rule(), UUID::randomUUID), notifier, clock,
                config.group(), config.topic(), config.topics().predictions().values(), config.sweep(), config.repeat());
        AlertEngine engine = new AlertEngine(loop, consumer);
        engine.thread.start();
        return engine;
    }

    static Map<String, Object> consumerConfig(AlertConfig config) {
        Map<String, Object> props = new HashMap<>();
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "harbinger-alerting");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 64);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 8 * 1024 * 1024);
        props.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 2 * 1024 * 1024);
        props.putAll(config.consumerProps());
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, config.group());
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false); // positions live in PostgreSQL (alerting.consumer_offsets)
        return props;
    }

    private void run() {
        try {
            loop.run();
        } catch (RuntimeException | Error e) {
            failure.set(e);
            LOG.error("the alerting engine stopped: {}", e.getMessage(), e);
            throw e;
        }
    }

    public boolean isRunning() {
        return thread.isAlive();
    }

    public Optional<Throwable> failure() {
        return Optional.ofNullable(failure.get());
    }

    /** Polls whose changes were committed so far. */
    public long commits() {
        return loop.commits.get();
    }

    /** Records skipped because they did not decode. */
    public long corruptRecords() {
        return loop.corrupt.get();
    }

    /** Stops after the poll in progress (its transaction commits or not, whole), leaves the group. */
    @Override
    public void close() {
        loop.running = false;
        consumer.wakeup();
        try {
            thread.join(CLOSE_TIMEOUT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) LOG.warn("the alerting thread did not end within {}", CLOSE_TIMEOUT);
    }
}
