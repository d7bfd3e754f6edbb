package io.harbinger.pipeline;

import io.harbinger.schema.topic.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Everything {@link Pipeline} and {@link KafkaPointSink} need, validated at construction with a
 * message naming the setting, the bad value and what would be valid.
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
 */
public record PipelineConfig(String bootstrapServers, String topicPrefix, int partitions, short replicationFactor,
                             Path stateDir, String applicationId, int numStreamThreads, String producerCompression,
                             Duration commitInterval, Duration samplesRetention) {
    public static final List<String> COMPRESSIONS = List.of("none", "gzip", "snappy", "lz4", "zstd");
    public static final String DEFAULT_APPLICATION_ID = "harbinger-pipeline";
    public static final int DEFAULT_PARTITIONS = 4;
    public static final String DEFAULT_COMPRESSION = "lz4";
    public static final Duration DEFAULT_COMMIT_INTERVAL = Duration.ofMillis(500);
    public static final Duration DEFAULT_SAMPLES_RETENTION = Duration.ofDays(7);
    private static final Pattern BOOTSTRAP = Pattern.compile("[^\\s,:]+:\\d{1,5}(,[^\\s,:]+:\\d{1,5})*");
    private static final Pattern ID = Pattern.compile("[a-zA-Z0-9._-]+");

    public PipelineConfig {
        if (bootstrapServers == null || !BOOTSTRAP.matcher(bootstrapServers).matches()) {
            throw new IllegalArgumentException("bootstrapServers must be host:port[,host:port...], got '" + bootstrapServers + "'");
        }
        if (topicPrefix == null) throw new IllegalArgumentException("topicPrefix must be non-null (empty for none)");
        new Topics(topicPrefix); // validates the prefix with its own message
        if (partitions < 1 || partitions > 10_000) throw new IllegalArgumentException("partitions must be between 1 and 10000, got " + partitions);
        if (replicationFactor < 1) throw new IllegalArgumentException("replicationFactor must be at least 1, got " + replicationFactor);
        if (stateDir == null) throw new IllegalArgumentException("stateDir must be set: where Kafka Streams keeps its local state");
        if (applicationId == null || !ID.matcher(applicationId).matches()) {
            throw new IllegalArgumentException("applicationId must be non-empty ASCII letters, digits, '.', '_' or '-', got '" + applicationId + "'");
        }
        if (numStreamThreads < 1 || numStreamThreads > 64) {
            throw new IllegalArgumentException("numStreamThreads must be between 1 and 64, got " + numStreamThreads);
        }
        if (!COMPRESSIONS.contains(producerCompression)) {
            throw new IllegalArgumentException("producerCompression must be one of " + String.join(", ", COMPRESSIONS) + ", got '" + producerCompression + "'");
        }
        if (commitInterval == null || commitInterval.toMillis() < 10 || commitInterval.toMillis() > 60_000) {
            throw new IllegalArgumentException("commitInterval must be between 10 ms and 60 s, got " + commitInterval);
        }
        if (samplesRetention == null || samplesRetention.toMinutes() < 1) {
            throw new IllegalArgumentException("samplesRetention must be at least one minute, got " + samplesRetention);
        }
    }

    /** Prefix {@code harbinger.}, 4 partitions, one replica, one stream thread, lz4. */
    public static PipelineConfig defaults(String bootstrapServers, Path stateDir) {
        return new PipelineConfig(bootstrapServers, Topics.DEFAULT_PREFIX, DEFAULT_PARTITIONS, (short) 1, stateDir,
                DEFAULT_APPLICATION_ID, 1, DEFAULT_COMPRESSION, DEFAULT_COMMIT_INTERVAL, DEFAULT_SAMPLES_RETENTION);
    }

    public PipelineConfig withTopicPrefix(String prefix) {
        return new PipelineConfig(bootstrapServers, prefix, partitions, replicationFactor, stateDir, applicationId, numStreamThreads, producerCompression, commitInterval, samplesRetention);
    }

    public PipelineConfig withPartitions(int count) {
        return new PipelineConfig(bootstrapServers, topicPrefix, count, replicationFactor, stateDir, applicationId, numStreamThreads, producerCompression, commitInterval, samplesRetention);
    }

    public PipelineConfig withReplicationFactor(short replicas) {
        return new PipelineConfig(bootstrapServers, topicPrefix, partitions, replicas, stateDir, applicationId, numStreamThreads, producerCompression, commitInterval, samplesRetention);
    }

    public PipelineConfig withApplicationId(String id) {
        return new PipelineConfig(bootstrapServers, topicPrefix, partitions, replicationFactor, stateDir, id, numStreamThreads, producerCompression, commitInterval, samplesRetention);
    }

    public PipelineConfig withNumStreamThreads(int threads) {
        return new PipelineConfig(bootstrapServers, topicPrefix, partitions, replicationFactor, stateDir, applicationId, threads, producerCompression, commitInterval, samplesRetention);
    }

    public PipelineConfig withProducerCompression(String compression) {
        return new PipelineConfig(bootstrapServers, topicPrefix, partitions, replicationFactor, stateDir, applicationId, numStreamThreads, compression, commitInterval, samplesRetention);
    }

    public PipelineConfig withCommitInterval(Duration interval) {
        return new PipelineConfig(bootstrapServers, topicPrefix, partitions, replicationFactor, stateDir, applicationId, numStreamThreads, producerCompression, interval, samplesRetention);
    }

    public PipelineConfig withSamplesRetention(Duration retention) {
        return new PipelineConfig(bootstrapServers, topicPrefix, partitions, replicationFactor, stateDir, applicationId, numStreamThreads, producerCompression, commitInterval, retention);
    }

    public Topics topics() {
        return new Topics(topicPrefix);
    }
}
