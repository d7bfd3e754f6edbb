package io.harbinger.pipeline;

import io.harbinger.core.config.Rule;
import io.harbinger.core.config.Setting;
import io.harbinger.core.config.SettingSet;
import io.harbinger.core.config.Settings;
import io.harbinger.schema.topic.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static io.harbinger.core.config.SettingType.DURATION;
import static io.harbinger.core.config.SettingType.INTEGER;
import static io.harbinger.core.config.SettingType.SHORT;
import static io.harbinger.core.config.SettingType.TEXT;

/**
 * Everything {@link Pipeline} and {@link KafkaPointSink} need, validated at construction with a
 * message naming the setting, the bad value and what would be valid. The tunable parts are declared
 * once below ({@link #SETTINGS}); {@link #from} builds the config from their validated values.
 *
 * @param bootstrapServers    {@code host:port[,host:port...]} of the Kafka cluster
 * @param topicPrefix         prepended to every topic name (see {@link Topics}); may be empty
 * @param partitions          partitions of topics created at start (existing topics are kept as they are)
 * @param replicationFactor   replicas of created topics and of the Streams changelog
 * @param stateDir            where Kafka Streams keeps its local state (RocksDB)
 * @param applicationId       the Streams application id: consumer group and internal topic prefix
 * @param numStreamThreads    Streams processing threads in this process
 * @param producerCompression compression of the sink's records: one of {@link #COMPRESSIONS}
 * @param commitInterval      how often the processor commits (exactly-once transaction, state
 *                            changelog flush); longer means fewer, larger changelog writes, later visibility
 * @param samplesRetention    how long Kafka keeps the samples topic (applied at every start): Kafka is
 *                            the buffer between ingest and processing, not the long-term store
 * @param rescoreInterval     a drive's sample that repeats its last judged sample of the day is judged
 *                            again after this much event time (see DriveDayGate); zero judges every sample
 * @param sessionTimeout      how long a node that stopped answering keeps its partitions in the processor's,
 *                            loaders' and alerting's consumer groups before the others take them over
 */
public record PipelineConfig(String bootstrapServers, String topicPrefix, int partitions, short replicationFactor,
                             Path stateDir, String applicationId, int numStreamThreads, String producerCompression,
                             Duration commitInterval, Duration samplesRetention, Duration rescoreInterval, Duration sessionTimeout) {
    public static final List<String> COMPRESSIONS = List.of("none", "gzip", "snappy", "lz4", "zstd");
    private static final Pattern BOOTSTRAP = Pattern.compile("[^\\s,:]+:\\d{1,5}(,[^\\s,:]+:\\d{1,5})*");
    private static final Pattern ID = Pattern.compile("[a-zA-Z0-9._-]+");

    /** What a Kafka bootstrap list looks like; {@code --kafka} is checked by the same rule. */
    public static final Rule<String> BOOTSTRAP_SERVERS = Rule.of("host:port[,host:port...]", s -> BOOTSTRAP.matcher(s).matches());

    public static final Setting<Integer> PARTITIONS = Setting.of("partitions", INTEGER, 4).must(Rule.between(1, 10_000))
            .env("HARBINGER_PARTITIONS").description("Partitions of the samples topic when it is created.");
    public static final Setting<Short> REPLICATION_FACTOR = Setting.of("replication-factor", SHORT, (short) 1).must(Rule.atLeast((short) 1))
            .env("HARBINGER_REPLICATION_FACTOR").description("Replication factor of topics created on an external cluster.");
    public static final Setting<Integer> STREAM_THREADS = Setting.of("stream-threads", INTEGER, 1).must(Rule.between(1, 64))
            .env("HARBINGER_STREAM_THREADS").description("Kafka Streams threads.");
    public static final Setting<Duration> COMMIT_INTERVAL = Setting.of("commit-interval", DURATION, Duration.ofMillis(500))
            .must(Rule.between(Duration.ofMillis(10), Duration.ofSeconds(60)))
            .env("HARBINGER_COMMIT_INTERVAL").description("How often the processor commits its exactly-once transaction.");
    public static final Setting<Duration> SAMPLES_RETENTION = Setting.of("samples-retention", DURATION, Duration.ofDays(7))
            .must(Rule.atLeast(Duration.ofMinutes(1))).env("HARBINGER_SAMPLES_RETENTION")
            .description("How long Kafka keeps ingested samples (the buffer before processing and storage).");
    public static final Setting<String> TOPIC_PREFIX = Setting.of("topic-prefix", TEXT, Topics.DEFAULT_PREFIX)
            .must(Rule.of("at most 200 ASCII letters, digits, '.', '_' or '-'", Topics::isLegalPrefix)).env("HARBINGER_TOPIC_PREFIX")
            .description("Prepended to the name of every topic and loader consumer group, so deployments can share a cluster.");
    public static final Setting<String> APPLICATION_ID = Setting.of("application-id", TEXT, "harbinger-pipeline")
            .must(Rule.of("non-empty ASCII letters, digits, '.', '_' or '-'", s -> ID.matcher(s).matches())).env("HARBINGER_APPLICATION_ID")
            .description("Kafka Streams application id: the processor's consumer group and internal topic prefix.");
    public static final Setting<String> PRODUCER_COMPRESSION = Setting.of("producer-compression", TEXT, "lz4")
            .must(Rule.oneOf(COMPRESSIONS)).env("HARBINGER_PRODUCER_COMPRESSION")
            .description("Compression of the records ingest writes to Kafka: " + String.join(", ", COMPRESSIONS) + ".");

    public static final Setting<Duration> RESCORE_INTERVAL = Setting.of("rescore-interval", DURATION, Duration.ofHours(1))
            .must(Rule.between(Duration.ZERO, Duration.ofDays(1))).env("HARBINGER_RESCORE_INTERVAL")
            .description("A drive's sample that repeats its last scored one of the day (same error counters and health values) is scored again "
                    + "only after this much time; 0 = score every sample.");

    /** Kafka's session.timeout.ms for every consumer group a node is in; the broker accepts 6 s..30 min by default. */
    public static final Setting<Duration> SESSION_TIMEOUT = Setting.of("session-timeout", DURATION, Duration.ofSeconds(10))
            .must(Rule.between(Duration.ofSeconds(6), Duration.ofMinutes(30))).env("HARBINGER_SESSION_TIMEOUT")
            .description("How long a node that stopped answering (killed, frozen, cut off) keeps its Kafka partitions before the other nodes "
                    + "take them over; a node restarted on the same data directory takes its own back at once.");

    public static final SettingSet SETTINGS = SettingSet.of(PARTITIONS, REPLICATION_FACTOR, STREAM_THREADS, COMMIT_INTERVAL,
            SAMPLES_RETENTION, TOPIC_PREFIX, APPLICATION_ID, PRODUCER_COMPRESSION, RESCORE_INTERVAL, SESSION_TIMEOUT);

    public PipelineConfig {
        if (bootstrapServers == null || !BOOTSTRAP_SERVERS.holds(bootstrapServers)) {
            throw new IllegalArgumentException("bootstrapServers must be " + BOOTSTRAP_SERVERS.text() + ", got '" + bootstrapServers + "'");
        }
        if (stateDir == null) throw new IllegalArgumentException("stateDir must be set: where Kafka Streams keeps its local state");
        TOPIC_PREFIX.require(topicPrefix);
        PARTITIONS.require(partitions);
        REPLICATION_FACTOR.require(replicationFactor);
        APPLICATION_ID.require(applicationId);
        STREAM_THREADS.require(numStreamThreads);
        PRODUCER_COMPRESSION.require(producerCompression);
        COMMIT_INTERVAL.require(commitInterval);
        SAMPLES_RETENTION.require(samplesRetention);
        RESCORE_INTERVAL.require(rescoreInterval);
        SESSION_TIMEOUT.require(sessionTimeout);
    }

    /** The pipeline of {@code settings} (which must declare {@link #SETTINGS}) on that cluster, with its state under {@code stateDir}. */
    public static PipelineConfig from(Settings settings, String bootstrapServers, Path stateDir) {
        return new PipelineConfig(bootstrapServers, settings.get(TOPIC_PREFIX), settings.get(PARTITIONS), settings.get(REPLICATION_FACTOR),
                stateDir, settings.get(APPLICATION_ID), settings.get(STREAM_THREADS), settings.get(PRODUCER_COMPRESSION),
                settings.get(COMMIT_INTERVAL), settings.get(SAMPLES_RETENTION), settings.get(RESCORE_INTERVAL), settings.get(SESSION_TIMEOUT));
    }

    /** Every setting at its default: prefix {@code harbinger.}, 4 partitions, one replica, one stream thread, lz4. */
    public static PipelineConfig defaults(String bootstrapServers, Path stateDir) {
        return from(Settings.defaults(SETTINGS), bootstrapServers, stateDir);
    }

    public Topics topics() {
        return new Topics(topicPrefix);
    }

    /**
     * How this node is a member of a consumer group, the same for every group it joins (the processor's,
     * the loaders', alerting's): static membership under the node's identity, kept in {@link #stateDir},
     * so a node restarted after a crash takes its partitions back without a rebalance, and
     * {@link #sessionTimeout} before a node that does not come back is replaced. A node that stops
     * gracefully leaves its groups at once. Instance ids need only be unique within a group.
     */
    public Map<String, Object> membership() {
        return Map.of(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, NodeIdentity.of(stateDir),
                ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, (int) sessionTimeout.toMillis(),
                ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, (int) Math.max(1000, sessionTimeout.toMillis() / 3));
    }
}
